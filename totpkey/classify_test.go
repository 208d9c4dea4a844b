package totpkey

import (
	"encoding/base32"
	"slices"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey/link"
	"github.com/totpkey/totpkey/totpkey/totpkeytest"
)

// A key made for the tests (base32 of "Hello!\xde\xad\xbe\xef"), and a
// 32-character one.
const (
	testKey   = "JBSWY3DPEHPK3PXP"
	testKey32 = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		class    Class
		format   Format
		problems []ReasonID
		changes  []ReasonID
		key      string
	}{
		// Valid keys, with each kind of cleaning.
		{"clean", testKey, ClassValid, FormatBase32, nil, nil, testKey},
		{"clean 32", testKey32, ClassValid, FormatBase32, nil, nil, testKey32},
		{"groups of four", "JBSW Y3DP EHPK 3PXP", ClassValid, FormatBase32, nil, []ReasonID{ChangeWhitespace}, testKey},
		{"tab and newline", "JBSWY3DP\tEHPK\n3PXP", ClassValid, FormatBase32, nil, []ReasonID{ChangeWhitespace}, testKey},
		{"no-break space", "JBSW\u00a0Y3DPEHPK3PXP", ClassValid, FormatBase32, nil, []ReasonID{ChangeWhitespace}, testKey},
		{"surrounding spaces", "  " + testKey + " ", ClassValid, FormatBase32, nil, []ReasonID{ChangeWhitespace}, testKey},
		{"dashes", "JBSW-Y3DP-EHPK-3PXP", ClassValid, FormatBase32, nil, []ReasonID{ChangeSeparators}, testKey},
		{"dots", "JBSW.Y3DP.EHPK.3PXP", ClassValid, FormatBase32, nil, []ReasonID{ChangeSeparators}, testKey},
		{"lower case", "jbswy3dpehpk3pxp", ClassValid, FormatBase32, nil, []ReasonID{ChangeLowercase}, testKey},
		{"autocapitalised", "Jbswy3dpehpk3pxp", ClassValid, FormatBase32, nil, []ReasonID{ChangeLowercase}, testKey},
		{"zero width space", "JBSW\u200bY3DPEHPK3PXP", ClassValid, FormatBase32, nil, []ReasonID{ChangeInvisible}, testKey},
		{"byte order mark", "\ufeff" + testKey, ClassValid, FormatBase32, nil, []ReasonID{ChangeInvisible}, testKey},
		{"soft hyphen", "JBSWY3DP\u00adEHPK3PXP", ClassValid, FormatBase32, nil, []ReasonID{ChangeInvisible}, testKey},
		{"padding on a 26", testKey32[:26] + "======", ClassValid, FormatBase32, nil, []ReasonID{ChangePadding}, testKey32[:26]},
		{"padding on a 24", "KRUGKIDROVUWG2ZAMJZG653O====", ClassValid, FormatBase32, nil, []ReasonID{ChangePadding}, "KRUGKIDROVUWG2ZAMJZG653O"},
		{"double quotes", `"` + testKey + `"`, ClassValid, FormatBase32, nil, []ReasonID{ChangeQuotes}, testKey},
		{"curly quotes", "“" + testKey + "”", ClassValid, FormatBase32, nil, []ReasonID{ChangeQuotes}, testKey},
		{"backticks", "`" + testKey + "`", ClassValid, FormatBase32, nil, []ReasonID{ChangeQuotes}, testKey},
		{"label", "Key: " + testKey, ClassValid, FormatBase32, nil, []ReasonID{ChangeLabel}, testKey},
		{"label on its own line", "Secret key:\n" + testKey, ClassValid, FormatBase32, nil, []ReasonID{ChangeLabel}, testKey},
		{"label and groups", "Key: JBSW Y3DP EHPK 3PXP", ClassValid, FormatBase32, nil, []ReasonID{ChangeWhitespace, ChangeLabel}, testKey},
		{"full stop at the end", testKey + ".", ClassValid, FormatBase32, nil, []ReasonID{ChangeSeparators}, testKey},
		{"comma at the end", testKey + ",", ClassValid, FormatBase32, nil, []ReasonID{ChangeSeparators}, testKey},
		{"full stop at the start", "." + testKey, ClassValid, FormatBase32, nil, []ReasonID{ChangeSeparators}, testKey},
		{"quoted, then a full stop", `"` + testKey + `".`, ClassValid, FormatBase32, nil, []ReasonID{ChangeSeparators, ChangeQuotes}, testKey},
		{"ellipsis stays", "JBSWY3DP...", ClassMalformed, FormatBase32, []ReasonID{ReasonTooShort}, []ReasonID{ChangeSeparators}, ""},
		{"secret key label", "Secret key:" + testKey, ClassValid, FormatBase32, nil, []ReasonID{ChangeLabel}, testKey},
		{"label then quotes", `TOTP = "` + testKey + `"`, ClassValid, FormatBase32, nil, []ReasonID{ChangeQuotes, ChangeLabel}, testKey},
		{"otpauth", "otpauth://totp/Zerodha:AB1234?secret=" + testKey + "&issuer=Zerodha", ClassValid, FormatOTPAuth, nil, []ReasonID{ChangeURI}, testKey},
		{"otpauth lower case", "otpauth://totp/X?secret=jbswy3dpehpk3pxp", ClassValid, FormatOTPAuth, nil, []ReasonID{ChangeLowercase, ChangeURI}, testKey},
		{"otpauth encoded padding", "otpauth://totp/X?secret=KRUGKIDROVUWG2ZAMJZG653O%3D%3D%3D%3D", ClassValid, FormatOTPAuth, nil, []ReasonID{ChangePadding, ChangeURI}, "KRUGKIDROVUWG2ZAMJZG653O"},
		{"otpauth upper-case scheme", "OTPAUTH://totp/X?secret=" + testKey, ClassValid, FormatOTPAuth, nil, []ReasonID{ChangeURI}, testKey},

		// Problems.
		{"empty", "", ClassMalformed, FormatEmpty, []ReasonID{ReasonEmpty}, nil, ""},
		{"white space", " \t\r\n", ClassMalformed, FormatEmpty, []ReasonID{ReasonEmpty}, nil, ""},
		{"code", "482913", ClassCode, FormatDigits, []ReasonID{ReasonOneTimeCode}, nil, ""},
		{"code with space", "482 913", ClassCode, FormatDigits, []ReasonID{ReasonOneTimeCode}, nil, ""},
		{"code with dash", "482-913", ClassCode, FormatDigits, []ReasonID{ReasonOneTimeCode}, nil, ""},
		{"7-digit code", "4829137", ClassCode, FormatDigits, []ReasonID{ReasonOneTimeCode}, nil, ""},
		{"8-digit code", "48291375", ClassCode, FormatDigits, []ReasonID{ReasonOneTimeCode}, nil, ""},
		{"zero", "JBSW0Y3DPEHPK3PX", ClassMalformed, FormatBase32, []ReasonID{ReasonInvalidCharacter}, nil, ""},
		{"one and eight", "JBSW1Y3DPEHPK8PX", ClassMalformed, FormatBase32, []ReasonID{ReasonInvalidCharacter, ReasonInvalidCharacter}, nil, ""},
		{"cyrillic", "JBSWY3DPЕHPK3PXP", ClassMalformed, FormatBase32, []ReasonID{ReasonInvalidCharacter}, nil, ""},
		{"greek", "JBSWY3DPEHPΚ3PXP", ClassMalformed, FormatBase32, []ReasonID{ReasonInvalidCharacter}, nil, ""},
		{"punctuation", "JBSWY3DP!EHPK3PX", ClassMalformed, FormatBase32, []ReasonID{ReasonInvalidCharacter}, nil, ""},
		{"bad length 17", testKey + "A", ClassMalformed, FormatBase32, []ReasonID{ReasonBadLength}, nil, ""},
		{"bad length 19", testKey + "AAA", ClassMalformed, FormatBase32, []ReasonID{ReasonBadLength}, nil, ""},
		{"bad length 22", testKey + "AAAAAA", ClassMalformed, FormatBase32, []ReasonID{ReasonBadLength}, nil, ""},
		{"too short", "JBSWY3DPEH", ClassMalformed, FormatBase32, []ReasonID{ReasonTooShort}, nil, ""},
		{"too short by one", "JBSWY3DPEHPK3PX", ClassMalformed, FormatBase32, []ReasonID{ReasonTooShort}, nil, ""},
		{"padding inside", "JBSW=Y3DPEHPK3PXP", ClassMalformed, FormatBase32, []ReasonID{ReasonBadPadding}, nil, ""},
		{"hex", "48656c6c6f21deadbeef", ClassMalformed, FormatHex, []ReasonID{ReasonHexKey}, nil, testKey},
		{"hex with 0x", "0x48656C6C6F21DEADBEEF", ClassMalformed, FormatHex, []ReasonID{ReasonHexKey}, nil, testKey},
		{"hotp link", "otpauth://hotp/X?secret=" + testKey + "&counter=3", ClassMalformed, FormatOTPAuth, []ReasonID{ReasonNotTOTP}, []ReasonID{ChangeURI}, testKey},
		{"link without secret", "otpauth://totp/X?issuer=Y", ClassMalformed, FormatOTPAuth, []ReasonID{ReasonBadURI}, nil, ""},
		{"link with empty secret", "otpauth://totp/X?secret=", ClassMalformed, FormatOTPAuth, []ReasonID{ReasonBadURI}, nil, ""},
		{"link of another type", "otpauth://steam/X?secret=" + testKey, ClassMalformed, FormatOTPAuth, []ReasonID{ReasonBadURI}, nil, ""},
		{"link with 9 digits", "otpauth://totp/X?secret=" + testKey + "&digits=9", ClassMalformed, FormatOTPAuth, []ReasonID{ReasonBadURI}, nil, ""},
		{"link with MD5", "otpauth://totp/X?secret=" + testKey + "&algorithm=MD5", ClassMalformed, FormatOTPAuth, []ReasonID{ReasonBadURI}, nil, ""},
		{"link with broken escape", "otpauth://totp/X?secret=%zz", ClassMalformed, FormatOTPAuth, []ReasonID{ReasonBadURI}, nil, ""},
		{"link with short secret", "otpauth://totp/X?secret=AB", ClassMalformed, FormatOTPAuth, []ReasonID{ReasonTooShort}, []ReasonID{ChangeURI}, ""},
		{"pasted twice", testKey + testKey, ClassMalformed, FormatBase32, []ReasonID{ReasonPastedTwice}, nil, testKey},
		{"pasted twice with space", testKey + " " + testKey, ClassMalformed, FormatBase32, []ReasonID{ReasonPastedTwice}, []ReasonID{ChangeWhitespace}, testKey},
		{"error message", "Failed to generate TOTP", ClassMalformed, FormatText, []ReasonID{ReasonNotAKey}, nil, ""},
		{"sentence with key", "my key is " + testKey, ClassValid, FormatText, nil, []ReasonID{ChangeText}, testKey},
		{"web address", "https://kite.zerodha.com/", ClassMalformed, FormatURL, []ReasonID{ReasonNotAKey}, nil, ""},
		{"www address", "www.example.com", ClassMalformed, FormatURL, []ReasonID{ReasonNotAKey}, nil, ""},
		{"e-mail", "trader@example.com", ClassMalformed, FormatEmail, []ReasonID{ReasonNotAKey}, nil, ""},
		{"password", "Hunter2!", ClassMalformed, FormatText, []ReasonID{ReasonNotAKey}, nil, ""},
		{"word", "password", ClassMalformed, FormatText, []ReasonID{ReasonNotAKey}, nil, ""},
		{"PIN", "1234", ClassMalformed, FormatDigits, []ReasonID{ReasonNotAKey}, nil, ""},
		{"phone", "+91 98765 43210", ClassMalformed, FormatPhone, []ReasonID{ReasonNotAKey}, nil, ""},
		{"phone with area code", "(555) 123-4567", ClassMalformed, FormatPhone, []ReasonID{ReasonNotAKey}, nil, ""},
		{"long number", "9876543210", ClassMalformed, FormatDigits, []ReasonID{ReasonNotAKey}, nil, ""},
		{"base64", "aGVsbG8gd29ybGQhIHRoaXMgaXM", ClassMalformed, FormatBase64, []ReasonID{ReasonNotAKey}, nil, ""},
		{"mixed-case base32 letters", "JbSwY3DpEhPk3PxP", ClassMalformed, FormatBase64, []ReasonID{ReasonNotAKey}, nil, ""},
		{"only dashes", "----", ClassMalformed, FormatText, []ReasonID{ReasonNotAKey}, nil, ""},
		{"too long", strings.Repeat("A", MaxInputBytes+1), ClassMalformed, FormatText, []ReasonID{ReasonNotAKey}, nil, ""},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ClassMalformed, FormatBinary, []ReasonID{ReasonNotAKey}, nil, ""},
		{"PNG longer than an input", "\x89PNG\r\n\x1a\n" + strings.Repeat("A", MaxInputBytes), ClassMalformed, FormatBinary, []ReasonID{ReasonNotAKey}, nil, ""},
		{"JPEG", "\xff\xd8\xff\xe0\x00\x10JFIF\x00", ClassMalformed, FormatBinary, []ReasonID{ReasonNotAKey}, nil, ""},
		{"GIF", "GIF89a\x01\x00\x01\x00\x80\x00\x00", ClassMalformed, FormatBinary, []ReasonID{ReasonNotAKey}, nil, ""},
		{"control bytes", "ab\x00\x01cd\x02\x03ef\x04", ClassMalformed, FormatBinary, []ReasonID{ReasonNotAKey}, nil, ""},
		{"random bytes that look like an address", "\x9c@\xfa.\xe1x\x00\xd3.com", ClassMalformed, FormatBinary, []ReasonID{ReasonNotAKey}, nil, ""},
		{"UTF-16 key", "J\x00B\x00S\x00W\x00Y\x003\x00D\x00P\x00", ClassMalformed, FormatBinary, []ReasonID{ReasonNotAKey}, nil, ""},
		{"two lower-case words", "hello there", ClassMalformed, FormatText, []ReasonID{ReasonNotAKey}, nil, ""},
		{"lower-case words of uneven length", "correct horse battery staple", ClassMalformed, FormatText, []ReasonID{ReasonNotAKey}, nil, ""},
		{"part of a key in lower-case groups", "jbsw ydpe", ClassMalformed, FormatBase32, []ReasonID{ReasonTooShort}, []ReasonID{ChangeWhitespace, ChangeLowercase}, ""},
		{"a number of base32 digits", "2345234523452345", ClassMalformed, FormatDigits, []ReasonID{ReasonNotAKey}, nil, ""},
		{"hex in pairs with colons", "de:ad:be:ef:de:ad:be:ef:de:ad", ClassMalformed, FormatHex, []ReasonID{ReasonHexKey}, nil, "32W35366VW7O7XVN"},
		{"short hex in pairs with colons", "DE:AD:BE:EF", ClassMalformed, FormatHex, []ReasonID{ReasonNotAKey}, nil, ""},
		{"key then code", testKey + " 482913", ClassMalformed, FormatBase32, []ReasonID{ReasonKeyWithCode}, nil, testKey},
		{"code then key in groups", "48291375 jbsw y3dp ehpk 3pxp", ClassMalformed, FormatBase32, []ReasonID{ReasonKeyWithCode}, []ReasonID{ChangeWhitespace, ChangeLowercase}, testKey},
		{"key then a number", testKey + " 4829", ClassMalformed, FormatBase32, []ReasonID{ReasonInvalidCharacter, ReasonInvalidCharacter}, []ReasonID{ChangeWhitespace}, ""},
		{"code with a full stop", "482913.", ClassCode, FormatDigits, []ReasonID{ReasonOneTimeCode}, nil, ""},
		{"quoted words", `"hello there"`, ClassMalformed, FormatText, []ReasonID{ReasonNotAKey}, nil, ""},
		{"link with one slash", "otpauth:/totp/X?secret=" + testKey, ClassMalformed, FormatOTPAuth, []ReasonID{ReasonBadURI}, nil, ""},
		{"link with no slash", "otpauth:totp/X?secret=" + testKey, ClassMalformed, FormatOTPAuth, []ReasonID{ReasonBadURI}, nil, ""},
		{"link with no type", "otpauth:///X?secret=" + testKey, ClassMalformed, FormatOTPAuth, []ReasonID{ReasonBadURI}, nil, ""},
		{"invalid UTF-8", "JBSWY3DP\xffEHPK3PX", ClassMalformed, FormatBase32, []ReasonID{ReasonInvalidCharacter}, nil, ""},
		{"NUL", "JBSWY3DP\x00EHPK3PX", ClassMalformed, FormatBase32, []ReasonID{ReasonInvalidCharacter}, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Classify(tt.input)
			if r.Class != tt.class || r.Format != tt.format {
				t.Errorf("Classify = %s/%s, want %s/%s (problems %v)", r.Class, r.Format, tt.class, tt.format, r.Problems)
			}
			var ids []ReasonID
			for _, p := range r.Problems {
				ids = append(ids, p.ID)
				if p.Message == "" {
					t.Errorf("problem %s has no message", p.ID)
				}
			}
			if !slices.Equal(ids, tt.problems) {
				t.Errorf("problems = %v, want %v", ids, tt.problems)
			}
			if got := r.Changes.List(); !slices.Equal(got, tt.changes) {
				t.Errorf("changes = %v, want %v", got, tt.changes)
			}
			if r.Key != tt.key {
				t.Errorf("key = %q, want %q", r.Key, tt.key)
			}
			if r.Topic == "" {
				t.Error("no topic")
			}
		})
	}
}

func TestClassifyPositionsAndSuggestions(t *testing.T) {
	tests := []struct {
		name       string
		input      string
		position   int
		char       rune
		suggestion string
	}{
		{"zero", "JBSW0Y3DPEHPK3PX", 5, '0', "O"},
		{"one", "JBSWY3DPEHPK3PX1", 16, '1', "I or L"},
		{"eight", "8BSWY3DPEHPK3PXP", 1, '8', "B"},
		{"nine has no look-alike", "JBSWY3DPEHPK3PX9", 16, '9', ""},
		{"cyrillic E", "JBSWY3DPЕHPK3PXP", 9, 'Е', "E"},
		{"greek kappa", "JBSWY3DPEHPΚ3PXP", 12, 'Κ', "K"},
		{"position counts characters, not bytes", "ЕBSWY3DP0HPK3PXP", 9, '0', "O"},
		{"position counts what was cleaned", "  jbsw y3dp ehp0 3pxp", 16, '0', "O"},
		{"position in a label", "Key: JBSWY3DPEHPK3P0P", 20, '0', "O"},
		{"position in a link", "otpauth://totp/X?secret=JBSWY3DPEHPK3P0P", 39, '0', "O"},
		{"padding inside", "JBSW=Y3DPEHPK3PXP", 5, '=', ""},
		{"invalid UTF-8", "JBSWY3DP\xffEHPK3PX", 9, '\uFFFD', ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Classify(tt.input)
			for _, p := range r.Problems {
				if p.Char == tt.char {
					if p.Position != tt.position || p.Suggestion != tt.suggestion {
						t.Errorf("%c at %d suggesting %q, want at %d suggesting %q", p.Char, p.Position, p.Suggestion, tt.position, tt.suggestion)
					}
					if got := []rune(tt.input)[p.Position-1]; got != tt.char && tt.char != '\uFFFD' {
						t.Errorf("position %d of the input is %q, not %q", p.Position, got, tt.char)
					}
					return
				}
			}
			t.Errorf("no problem about %q in %+v", tt.char, r.Problems)
		})
	}
}

// TestClassifyStricterThanOTPLibrary covers what pquerna/otp accepts and a
// TOTP Key field must not: an empty secret and 2-character secrets.
func TestClassifyStricterThanOTPLibrary(t *testing.T) {
	for _, in := range []string{"otpauth://totp/X?secret=", "otpauth://totp/X?secret=AB", "AB", "ABCDEFGHIJKLMNO"} {
		if r := Classify(in); r.Class == ClassValid {
			t.Errorf("Classify(%q) is valid", in)
		}
	}
}

func TestClassifyOTPAuthAccount(t *testing.T) {
	r := Classify("otpauth://totp/Zerodha:AB1234?secret=" + testKey + "&issuer=Zerodha&digits=8&period=60&algorithm=sha256")
	want := link.Account{Type: "totp", Issuer: "Zerodha", Name: "AB1234", Algorithm: "SHA256", Digits: 8, Period: 60}
	if r.Account != want {
		t.Errorf("account = %+v, want %+v", r.Account, want)
	}
}

// TestClassifyMessagesCarryNoSecret checks that no problem message quotes
// more than 4 characters of the input, whatever is wrong with it.
func TestClassifyMessagesCarryNoSecret(t *testing.T) {
	inputs := []string{
		"otpauth://totp/X?secret=" + testKey32 + "&digits=" + testKey32,
		"otpauth://totp/X?secret=" + testKey32 + "&algorithm=" + testKey32,
		"otpauth://totp/X?secret=" + testKey32 + "&period=" + testKey32,
		"otpauth://" + testKey32 + "/X?secret=" + testKey32,
		"otpauth://totp/X?secret=" + testKey32 + "%zz",
		testKey32 + "0", testKey32 + testKey32, "0x" + strings.Repeat("ab", 20),
	}
	for _, in := range inputs {
		r := Classify(in)
		for _, p := range r.Problems {
			if leak := totpkeytest.LongestSharedRun(p.Message, testKey32); leak > MaskedPrefix {
				t.Errorf("Classify(%q): message %q shares %d characters with the key", in, p.Message, leak)
			}
		}
	}
}

func TestClassifyValidKeyDecodes(t *testing.T) {
	enc := base32.StdEncoding.WithPadding(base32.NoPadding)
	for n := 10; n <= 64; n++ {
		secret := make([]byte, n)
		for i := range secret {
			secret[i] = byte(i*37 + n)
		}
		key := enc.EncodeToString(secret)
		r := Classify(strings.ToLower(key))
		if r.Class != ClassValid || r.Key != key {
			t.Fatalf("a %d-byte secret: %s %v", n, r.Class, r.Problems)
		}
		if r.Bits() != n*8 {
			t.Errorf("a %d-byte secret has %d bits", n, r.Bits())
		}
	}
}

// TestLookalikeAgreesWithTheMap holds the map-free answers of lookalike to
// the lookalikes table, for every character up to U+FFFF.
func TestLookalikeAgreesWithTheMap(t *testing.T) {
	for r := rune(0); r <= 0xFFFF; r++ {
		got, gotOK := lookalike(r)
		want, wantOK := lookalikes()[r]
		if got != want || gotOK != wantOK {
			t.Errorf("lookalike(%U) = %q, %v; the map says %q, %v", r, got, gotOK, want, wantOK)
		}
	}
}

// TestRunCounts holds the packed counters of scanRun to the flags of every
// byte: one upper, lower or hex letter each, as runClasses says.
func TestRunCounts(t *testing.T) {
	for b := range 256 {
		c := runClasses[b]
		if c == 0 {
			continue
		}
		var want uint64
		if c&runUpper != 0 {
			want++
		}
		if c&runLower != 0 {
			want += 1 << runCountBits
		}
		if c&runHex != 0 {
			want += 1 << (2 * runCountBits)
		}
		if runCounts[c] != want {
			t.Errorf("runCounts for %q (flags %04b) = %x; want %x", rune(b), c, runCounts[c], want)
		}
	}
}
