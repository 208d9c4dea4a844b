package totpkey_test

// Public test material of other projects and of the RFCs, written as our
// own cases. Each case names its source; the facts were gathered in the
// research dossier (vectors.md), which gives the commits and line numbers.

import (
	"slices"
	"testing"
	"time"

	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/code"
	"github.com/totpkey/totpkey/totpkey/link"
)

// The seeds of RFC 4226 Appendix D and RFC 6238 Appendix B: the ASCII
// "1234567890" repeated to 20, 32 and 64 bytes, in base32 and, as oathtool
// takes them, in hexadecimal (which is digits alone).
const (
	seedSHA1B32   = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
	seedSHA256B32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA"
	seedSHA512B32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA"
	seedSHA1Hex   = "3132333435363738393031323334353637383930"
	seedSHA256Hex = seedSHA1Hex + "313233343536373839303132"
	seedSHA512Hex = seedSHA1Hex + seedSHA1Hex + seedSHA1Hex + "31323334"
)

// keyOf is the key a user would end up with from input: the cleaned key
// of a valid result, the converted key of a hex secret, and the whole key
// (with the pasted-twice-suspected warning) of a key with two equal
// halves, as generate uses it.
func keyOf(t *testing.T, input string) string {
	t.Helper()
	r := totpkey.Classify(input)
	switch {
	case r.Class == totpkey.ClassValid:
		return r.Key
	case r.HasProblem(totpkey.ReasonHexKey):
		return r.Key
	}
	whole, w, ok := r.WholeKey()
	if !ok {
		t.Fatalf("Classify(%.8q…) = %s %v: no key to make codes from", input, r.Class, r.Problems)
	}
	if w.ID != totpkey.WarningPastedTwiceSuspected {
		t.Fatalf("WholeKey warning = %q", w.ID)
	}
	return whole
}

// TestRFC4226Codes: the HOTP values of RFC 4226 Appendix D, from the seed
// written in base32 (the SHA1 seed is two equal halves: suspected of
// being pasted twice, still decoded whole) and in hexadecimal digits.
// Also asserted by pquerna/otp hotp/hotp_test.go, Aegis HOTPTest.java and
// FreeOTP TokenRFC4226Test.java.
func TestRFC4226Codes(t *testing.T) {
	want := []string{"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"}
	for _, input := range []string{seedSHA1B32, seedSHA1Hex, "otpauth://totp/foo?secret=" + seedSHA1B32} {
		g, err := code.NewGenerator(keyOf(t, input), code.DefaultParams())
		if err != nil {
			t.Fatal(err)
		}
		for counter, w := range want {
			if got := g.CodeForCounter(uint64(counter)); got != w {
				t.Errorf("%.12q… counter %d: code %s, want %s", input, counter, got, w)
			}
		}
	}
}

// TestRFC6238Codes: the TOTP values of RFC 6238 Appendix B (8 digits, 30
// seconds), each hash with its own seed length (the erratum pquerna/otp
// totp/totp_test.go L64-71 notes), from base32 and from the hexadecimal
// digits oathtool takes; the 6-digit SHA1 codes as KeePassXC
// tests/TestTotp.cpp L110-130 asserts them. FreeOTP TokenRFC6238Test.java
// feeds the same as otpauth links with digits=8 and the algorithm.
func TestRFC6238Codes(t *testing.T) {
	times := []int64{59, 1111111109, 1111111111, 1234567890, 2000000000, 20000000000}
	for _, tc := range []struct {
		alg    link.Algorithm
		inputs []string
		want   []string
	}{
		{link.AlgorithmSHA1, []string{seedSHA1B32, seedSHA1Hex, "otpauth://totp/foo?secret=" + seedSHA1B32 + "&digits=8&algorithm=SHA1"},
			[]string{"94287082", "07081804", "14050471", "89005924", "69279037", "65353130"}},
		{link.AlgorithmSHA256, []string{seedSHA256B32, seedSHA256Hex, "otpauth://totp/foo?secret=" + seedSHA256B32 + "&digits=8&algorithm=SHA256"},
			[]string{"46119246", "68084774", "67062674", "91819424", "90698825", "77737706"}},
		{link.AlgorithmSHA512, []string{seedSHA512B32, seedSHA512Hex, "otpauth://totp/foo?secret=" + seedSHA512B32 + "&digits=8&algorithm=SHA512"},
			[]string{"90693936", "25091201", "99943326", "93441116", "38618901", "47863826"}},
	} {
		for _, input := range tc.inputs {
			g, err := code.NewGenerator(keyOf(t, input), code.Params{Digits: 8, Period: 30, Algorithm: tc.alg})
			if err != nil {
				t.Fatal(err)
			}
			for i, at := range times {
				if got := g.Code(time.Unix(at, 0)); got != tc.want[i] {
					t.Errorf("%s %.12q… at %d: %s, want %s", tc.alg, input, at, got, tc.want[i])
				}
			}
		}
	}
	six, err := code.NewGenerator(keyOf(t, seedSHA1B32), code.DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	if got := six.Code(time.Unix(1234567890, 0)); got != "005924" {
		t.Errorf("6-digit SHA1 at 1234567890: %s, want 005924", got)
	}
	if got := six.Code(time.Unix(1111111109, 0)); got != "081804" {
		t.Errorf("6-digit SHA1 at 1111111109: %s, want 081804", got)
	}
}

// TestHexSeedsInDigits: the RFC seeds in hexadecimal are digits alone;
// at 40, 64 and 128 digits they are hex keys, not "a 40-digit number".
func TestHexSeedsInDigits(t *testing.T) {
	for in, want := range map[string]string{seedSHA1Hex: seedSHA1B32, seedSHA256Hex: seedSHA256B32, seedSHA512Hex: seedSHA512B32} {
		r := totpkey.Classify(in)
		if !r.HasProblem(totpkey.ReasonHexKey) || r.Key != want {
			t.Errorf("Classify(%d digits) = %s %v; want hex-key", len(in), r.Class, r.Problems)
		}
	}
	if r := totpkey.Classify("1234567890123456789012345678901234567"); r.HasProblem(totpkey.ReasonHexKey) {
		t.Errorf("a 37-digit number is hex-key")
	}
}

// TestPastedTwiceSettledByCode: the RFC 6238 SHA1 seed is GEZDGNBVGY3TQOJQ
// twice. A code check settles the suspicion: the whole key making the code
// withdraws it, the half making it confirms it.
func TestPastedTwiceSettledByCode(t *testing.T) {
	at := time.Unix(59, 0)
	whole := totpkey.Classify(seedSHA1B32)
	if !whole.HasProblem(totpkey.ReasonPastedTwice) {
		t.Fatalf("Classify(SHA1 seed) = %v; want pasted-twice", whole.Problems)
	}
	// RFC 6238: 94287082 at 59 s; its last six digits are the 6-digit code.
	if err := code.Check(&whole, "287082", at, 0); err != nil {
		t.Fatal(err)
	}
	if whole.Class != totpkey.ClassValid || whole.Key != seedSHA1B32 || !whole.CodeCheck.Matched {
		t.Errorf("whole key's code: %s key %d chars %+v; want valid, the whole key", whole.Class, len(whole.Key), whole.CodeCheck)
	}

	half := totpkey.Classify(seedSHA1B32)
	g, err := code.NewGenerator(seedSHA1B32[:16], code.DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	if err := code.Check(&half, g.Code(at), at, 0); err != nil {
		t.Fatal(err)
	}
	if half.Class != totpkey.ClassMalformed || !half.Problems[0].Confirmed || half.CodeCheck.RepairedKey != seedSHA1B32[:16] {
		t.Errorf("half key's code: %s %+v %+v; want pasted-twice confirmed", half.Class, half.Problems, half.CodeCheck)
	}

	other := totpkey.Classify(seedSHA1B32)
	if err := code.Check(&other, "000000", at, 0); err != nil {
		t.Fatal(err)
	}
	if other.Class != totpkey.ClassMalformed || other.Problems[0].Confirmed || other.CodeCheck.Matched {
		t.Errorf("a code of neither: %s %+v; want the suspicion left as it was", other.Class, other.CodeCheck)
	}
}

// linkCase is an otpauth link and what Classify reads from it.
type linkCase struct {
	source   string
	uri      string
	class    totpkey.Class
	problem  totpkey.ReasonID // the first problem; "" for valid
	account  link.Account
	key      string
	warnings []totpkey.ReasonID
}

// TestPublicOTPAuthLinks: otpauth links from the test suites of pquerna/otp,
// hectorm/otpauth, Aegis, FreeOTP and KeePassXC and from Google's
// Key-Uri-Format page. Where the projects disagree, the case says which
// reading totpkey takes.
func TestPublicOTPAuthLinks(t *testing.T) {
	const jb = "JBSWY3DPEHPK3PXP"
	non := func(ids ...totpkey.ReasonID) []totpkey.ReasonID { return ids }
	digits, period, alg := totpkey.WarningNonDefaultDigits, totpkey.WarningNonDefaultPeriod, totpkey.WarningNonDefaultAlgorithm
	for _, tc := range []linkCase{
		// Key-Uri-Format: the page's full example.
		{"Key-Uri-Format", "otpauth://totp/ACME%20Co:john.doe@email.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "ACME Co", Name: "john.doe@email.com", Algorithm: "SHA1", Digits: 6, Period: 30}, "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ", nil},
		// Key-Uri-Format: the label examples; spaces after the colon belong
		// to the separator (issuer ":" *"%20" accountname). pquerna/otp and
		// hectorm/otpauth keep them ("  Alice Smith"); totpkey follows the
		// grammar.
		{"Key-Uri-Format", "otpauth://totp/Example:alice@gmail.com?secret=" + jb + "&issuer=Example",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "Example", Name: "alice@gmail.com"}, jb, nil},
		{"Key-Uri-Format", "otpauth://totp/Provider1:Alice%20Smith?secret=" + jb + "&issuer=Provider1",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "Provider1", Name: "Alice Smith"}, jb, nil},
		{"Key-Uri-Format grammar; pquerna/otp and hectorm/otpauth keep the spaces", "otpauth://totp/Provider1:%20%20Alice%20Smith?secret=" + jb,
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "Provider1", Name: "Alice Smith"}, jb, nil},
		{"Key-Uri-Format", "otpauth://totp/Big%20Corporation%3A%20alice%40bigco.com?secret=" + jb,
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "Big Corporation", Name: "alice@bigco.com"}, jb, nil},

		// pquerna/otp otp_test.go L26-49: settings, issuer from the label,
		// no issuer at all.
		{"pquerna/otp otp_test.go", "otpauth://totp/Example:alice@google.com?secret=" + jb + "&issuer=Example&algorithm=sha256&digits=8",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "Example", Name: "alice@google.com", Algorithm: "SHA256", Digits: 8}, jb, non(digits, alg)},
		{"pquerna/otp otp_test.go", "otpauth://totp/Example:alice@google.com?secret=" + jb,
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "Example", Name: "alice@google.com"}, jb, nil},
		{"pquerna/otp otp_test.go", "otpauth://totp/alice@google.com?secret=" + jb,
			totpkey.ClassValid, "", link.Account{Type: "totp", Name: "alice@google.com"}, jb, nil},
		{"pquerna/otp otp_test.go (a line break after the link)", "otpauth://totp/alice@google.com?secret=" + jb + "\n",
			totpkey.ClassValid, "", link.Account{Type: "totp", Name: "alice@google.com"}, jb, nil},
		// pquerna/otp totp/totp_test.go L165-177 (issue #24): lower-case secrets.
		{"pquerna/otp totp_test.go", "otpauth://totp/Google%3Afoo%40example.com?secret=qlt6vmy6svfx4bt4rpmisaiyol6hihca&issuer=Google",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "Google", Name: "foo@example.com"}, "QLT6VMY6SVFX4BT4RPMISAIYOL6HIHCA", nil},
		// pquerna/otp (run): the issuer parameter wins over the label.
		{"pquerna/otp (run)", "otpauth://totp/Example:alice?issuer=Other&secret=" + jb,
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "Other", Name: "alice"}, jb, nil},
		{"pquerna/otp (run): more than one colon", "otpauth://totp/foo:bar:baz?secret=" + jb,
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "foo", Name: "bar:baz"}, jb, nil},

		// hectorm/otpauth test.mjs case 00: upper-case scheme, type and
		// parameter names read like lower-case ones (pquerna/otp, Aegis and
		// FreeOTP ignore them: wrong codes without a word).
		{"hectorm/otpauth case 00", "OTPAUTH://TOTP/OTPAuth?SECRET=" + jb + "&ALGORITHM=sha1&DIGITS=6&PERIOD=5",
			totpkey.ClassValid, "", link.Account{Type: "totp", Name: "OTPAuth", Algorithm: "SHA1", Digits: 6, Period: 5}, jb, non(period)},
		{"hectorm/otpauth case 00", "OTPAUTH://HOTP/OTPAuth?SECRET=" + jb + "&ALGORITHM=sha1&DIGITS=6&COUNTER=0",
			totpkey.ClassMalformed, totpkey.ReasonNotTOTP, link.Account{Type: "hotp", Name: "OTPAuth", Algorithm: "SHA1", Digits: 6}, jb, nil},
		{"issue 13: upper-case names", "OTPAUTH://TOTP/X?SECRET=" + jb + "&PERIOD=60&DIGITS=8&ALGORITHM=SHA256",
			totpkey.ClassValid, "", link.Account{Type: "totp", Name: "X", Algorithm: "SHA256", Digits: 8, Period: 60}, jb, non(digits, period, alg)},
		// hectorm/otpauth case 02: unknown parameters are ignored.
		{"hectorm/otpauth case 02", "otpauth://totp/OTPAuth?secret=" + jb + "&extra=0",
			totpkey.ClassValid, "", link.Account{Type: "totp", Name: "OTPAuth"}, jb, nil},
		// hectorm/otpauth case 03: %3A in either case as the separator,
		// spaces after it dropped.
		{"hectorm/otpauth case 03", "otpauth://totp/ACME%3aOTPAuth?secret=" + jb + "&issuer=ACME",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "ACME", Name: "OTPAuth"}, jb, nil},
		{"hectorm/otpauth case 03", "otpauth://totp/ACME%3A%20%20OTPAuth?secret=" + jb + "&issuer=ACME",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "ACME", Name: "OTPAuth"}, jb, nil},
		// hectorm/otpauth case 04: an empty prefix is no issuer; 7 digits.
		{"hectorm/otpauth case 04", "otpauth://totp/:Username?secret=" + jb + "&digits=7",
			totpkey.ClassValid, "", link.Account{Type: "totp", Name: "Username", Digits: 7}, jb, non(digits)},
		// hectorm/otpauth case 05: label and parameter disagree: the
		// parameter wins (as in pquerna/otp; Aegis and FreeOTP take the label).
		{"hectorm/otpauth case 05", "otpauth://totp/Contoso%20Co:Firstname%20Lastname?secret=" + jb + "&issuer=ACME%20Co&digits=8",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "ACME Co", Name: "Firstname Lastname", Digits: 8}, jb, non(digits)},
		// hectorm/otpauth (run): period=0 and algorithm=MD5 are errors.
		{"hectorm/otpauth (run)", "otpauth://totp/X?secret=" + jb + "&period=0",
			totpkey.ClassMalformed, totpkey.ReasonBadURI, link.Account{Type: "totp", Name: "X"}, "", nil},

		// Aegis importers/plain.txt L1-7 (expected in vectors/VaultEntries.java).
		{"Aegis plain.txt L1", "otpauth://totp/Deno:Mason?secret=4SJHB4GSD43FZBAI7C2HLRJGPQ&issuer=Deno&algorithm=SHA1&digits=6&period=30",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "Deno", Name: "Mason", Algorithm: "SHA1", Digits: 6, Period: 30}, "4SJHB4GSD43FZBAI7C2HLRJGPQ", nil},
		{"Aegis plain.txt L2", "otpauth://totp/SPDX:James?secret=5OM4WOOGPLQEF6UGN3CPEOOLWU&issuer=SPDX&algorithm=SHA256&digits=7&period=20",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "SPDX", Name: "James", Algorithm: "SHA256", Digits: 7, Period: 20}, "5OM4WOOGPLQEF6UGN3CPEOOLWU", non(digits, period, alg)},
		{"Aegis plain.txt L3", "otpauth://totp/Airbnb:Elijah?secret=7ELGJSGXNCCTV3O6LKJWYFV2RA&issuer=Airbnb&algorithm=SHA512&digits=8&period=50",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "Airbnb", Name: "Elijah", Algorithm: "SHA512", Digits: 8, Period: 50}, "7ELGJSGXNCCTV3O6LKJWYFV2RA", non(digits, period, alg)},
		{"Aegis plain.txt L4", "otpauth://hotp/Issuu:James?secret=YOOMIXWS5GN6RTBPUFFWKTW5M4&issuer=Issuu&algorithm=SHA1&digits=6&counter=1",
			totpkey.ClassMalformed, totpkey.ReasonNotTOTP, link.Account{Type: "hotp", Issuer: "Issuu", Name: "James", Algorithm: "SHA1", Digits: 6, Counter: 1}, "YOOMIXWS5GN6RTBPUFFWKTW5M4", nil},
		{"Aegis plain.txt L5: + in a parameter is a space", "otpauth://hotp/Air%20Canada:Benjamin?secret=KUVJJOM753IHTNDSZVCNKL7GII&issuer=Air+Canada&algorithm=SHA256&digits=7&counter=50",
			totpkey.ClassMalformed, totpkey.ReasonNotTOTP, link.Account{Type: "hotp", Issuer: "Air Canada", Name: "Benjamin", Algorithm: "SHA256", Digits: 7, Counter: 50}, "KUVJJOM753IHTNDSZVCNKL7GII", nil},
		{"Aegis plain.txt L6", "otpauth://hotp/WWE:Mason?secret=5VAML3X35THCEBVRLV24CGBKOY&issuer=WWE&algorithm=SHA512&digits=8&counter=10300",
			totpkey.ClassMalformed, totpkey.ReasonNotTOTP, link.Account{Type: "hotp", Issuer: "WWE", Name: "Mason", Algorithm: "SHA512", Digits: 8, Counter: 10300}, "5VAML3X35THCEBVRLV24CGBKOY", nil},
		{"Aegis plain.txt L7: Steam is no TOTP link for the field", "otpauth://steam/Boeing:Sophia?secret=JRZCL47CMXVOQMNPZR2F7J4RGI&issuer=Boeing&algorithm=SHA1&digits=5&period=30",
			totpkey.ClassMalformed, totpkey.ReasonBadURI, link.Account{}, "", nil},
		// Aegis GoogleAuthInfoTest.java L12-14 accepts a 1-byte secret; the
		// field needs 80 bits.
		{"Aegis GoogleAuthInfoTest.java", "otpauth://totp/test:test?secret=AA&algo=SHA1&digits=6&period=30",
			totpkey.ClassMalformed, totpkey.ReasonTooShort, link.Account{Type: "totp", Issuer: "test", Name: "test", Digits: 6, Period: 30}, "", nil},

		// FreeOTP TokenUriInvalidTest.java.
		// FreeOTP: no base32 character at all (InvalidSecret); totpkey: a
		// number, not a key.
		{"FreeOTP TokenUriInvalidTest L32", "otpauth://totp/bar?secret=00000000000000000000000000",
			totpkey.ClassMalformed, totpkey.ReasonNotAKey, link.Account{Type: "totp", Name: "bar"}, "", nil},
		{"FreeOTP TokenUriInvalidTest L36", "otpauth://totp/bar?secret=GAYTEMZUGU3DOOBZGAYTEMZUGU&algorithm=foo",
			totpkey.ClassMalformed, totpkey.ReasonBadURI, link.Account{Type: "totp", Name: "bar"}, "", nil},
		{"FreeOTP TokenUriInvalidTest L38", "otpauth://totp/bar?secret=GAYTEMZUGU3DOOBZGAYTEMZUGU&algorithm=MD5",
			totpkey.ClassMalformed, totpkey.ReasonBadURI, link.Account{Type: "totp", Name: "bar"}, "", nil},
		{"FreeOTP TokenUriInvalidTest L46", "otpauth://totp/bar?secret=GAYTEMZUGU3DOOBZGAYTEMZUGU&digits=5",
			totpkey.ClassMalformed, totpkey.ReasonBadURI, link.Account{Type: "totp", Name: "bar"}, "", nil},
		{"FreeOTP TokenUriInvalidTest L48", "otpauth://totp/bar?secret=GAYTEMZUGU3DOOBZGAYTEMZUGU&digits=10",
			totpkey.ClassMalformed, totpkey.ReasonBadURI, link.Account{Type: "totp", Name: "bar"}, "", nil},

		// KeePassXC tests/TestTotp.cpp L36-47.
		{"KeePassXC TestTotp.cpp", "otpauth://totp/ACME%20Co:john@example.com?secret=HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ&issuer=ACME%20Co&algorithm=SHA1&digits=6&period=30",
			totpkey.ClassValid, "", link.Account{Type: "totp", Issuer: "ACME Co", Name: "john@example.com", Algorithm: "SHA1", Digits: 6, Period: 30}, "HXDMVJECJJWSRB3HWIZR4IFUGFTMXBOZ", nil},
	} {
		t.Run(tc.source, func(t *testing.T) {
			r := totpkey.Classify(tc.uri)
			if r.Class != tc.class || tc.problem != "" && (len(r.Problems) == 0 || r.Problems[0].ID != tc.problem) {
				t.Fatalf("Classify(%q) = %s %v; want %s %s", tc.uri, r.Class, r.Problems, tc.class, tc.problem)
			}
			if tc.account != (link.Account{}) && r.Account != tc.account {
				t.Errorf("Classify(%q) account %+v; want %+v", tc.uri, r.Account, tc.account)
			}
			if tc.key != "" && r.Key != tc.key {
				t.Errorf("Classify(%q) key %q; want %q", tc.uri, r.Key, tc.key)
			}
			var ws []totpkey.ReasonID
			for _, w := range r.Warnings {
				ws = append(ws, w.ID)
			}
			if !slices.Equal(ws, tc.warnings) {
				t.Errorf("Classify(%q) warnings %v; want %v", tc.uri, ws, tc.warnings)
			}
		})
	}
}

// TestParameterValuesShownWhole: a value that is not a secret is named
// whole in the message ("algorithm=SHA3-256", issue 13), a long one is
// clipped.
func TestParameterValuesShownWhole(t *testing.T) {
	for uri, want := range map[string]string{
		"otpauth://totp/X?secret=JBSWY3DPEHPK3PXP&algorithm=SHA3-256": "algorithm=SHA3-256;",
		"otpauth://totp/X?secret=JBSWY3DPEHPK3PXP&period=9000000":     "period=9000000;",
		"otpauth://steam/X?secret=JBSWY3DPEHPK3PXP":                   `"steam"`,
	} {
		r := totpkey.Classify(uri)
		if len(r.Problems) == 0 || !contains(r.Problems[0].Message, want) {
			t.Errorf("Classify(%q) = %v; want a message with %q", uri, r.Problems, want)
		}
	}
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// TestExportAccounts: extract_otp_secrets example_export.txt: account A
// (L5) and the HOTP account D (L15, counter 4), whose period is not given:
// an HOTP account has a counter, not a period.
func TestExportAccounts(t *testing.T) {
	a := totpkey.ClassifyAll("otpauth-migration://offline?data=CjUKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3BiZXJyeXBpGgtyYXNwYmVycnlwaSABKAEwAhABGAEgACjr4JKK%2B%2F%2F%2F%2F%2F8B")
	if len(a) != 1 || a[0].Class != totpkey.ClassValid || a[0].Key != "7KSQL2JTUDIS5EF65KLMRQIIGY" ||
		a[0].Account.Name != "pi@raspberrypi" || a[0].Account.Issuer != "raspberrypi" || a[0].Account.Period != 30 {
		t.Errorf("export A = %+v", a)
	}
	d := totpkey.ClassifyAll("otpauth-migration://offline?data=CiUKEPqlBekzoNEukL7qlsjBCDYSCWhvdHAgZGVtbyABKAEwATgEEAEYASAAKNuv15j6%2F%2F%2F%2F%2FwE%3D")
	if len(d) != 1 || !d[0].HasProblem(totpkey.ReasonNotTOTP) || d[0].Account.Type != "hotp" ||
		d[0].Account.Counter != 4 || d[0].Account.Period != 0 || d[0].Account.Name != "hotp demo" {
		t.Errorf("export D = %+v", d)
	}
}

// TestKeePassXCSanitiserInputs: KeePassXC tests/TestBase32.cpp L305-331
// decodes these silently (mapping 8 to B); totpkey cleans the spaces and
// names the look-alike digits instead of changing them.
func TestKeePassXCSanitiserInputs(t *testing.T) {
	if r := totpkey.Classify("JBSW Y3DP EB3W 64TM MQXC 4LQA"); r.Class != totpkey.ClassValid || r.Key != "JBSWY3DPEB3W64TMMQXC4LQA" {
		t.Errorf("grouped: %s %v", r.Class, r.Problems)
	}
	r := totpkey.Classify("J8SWY3DPE83W64TMMQXC4LQA")
	if r.Class != totpkey.ClassMalformed || len(r.Problems) != 2 || r.Problems[0].Suggestion != "B" {
		t.Errorf("look-alikes: %s %v", r.Class, r.Problems)
	}
}
