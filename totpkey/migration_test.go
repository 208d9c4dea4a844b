package totpkey

import (
	"encoding/base32"
	"encoding/base64"
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"

	"google.golang.org/protobuf/encoding/protowire"
)

// testAccount is an account to put into a test export.
type testAccount struct {
	secret    []byte
	name      string
	issuer    string
	algorithm uint64 // enum value; 0 leaves the field out
	digits    uint64 // enum value; 0 leaves the field out
	otpType   uint64 // enum value; 0 leaves the field out
	counter   uint64
}

// encodeAccount writes an OtpParameters message.
func encodeAccount(a testAccount) []byte {
	var b []byte
	if a.secret != nil {
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = protowire.AppendBytes(b, a.secret)
	}
	if a.name != "" {
		b = protowire.AppendTag(b, 2, protowire.BytesType)
		b = protowire.AppendString(b, a.name)
	}
	if a.issuer != "" {
		b = protowire.AppendTag(b, 3, protowire.BytesType)
		b = protowire.AppendString(b, a.issuer)
	}
	for _, f := range []struct {
		num protowire.Number
		v   uint64
	}{{4, a.algorithm}, {5, a.digits}, {6, a.otpType}, {7, a.counter}} {
		if f.v != 0 {
			b = protowire.AppendTag(b, f.num, protowire.VarintType)
			b = protowire.AppendVarint(b, f.v)
		}
	}
	return b
}

// encodePayload writes a MigrationPayload message with version 1.
func encodePayload(batchSize, batchIndex int32, batchID int32, accounts ...testAccount) []byte {
	var b []byte
	for _, a := range accounts {
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = protowire.AppendBytes(b, encodeAccount(a))
	}
	for _, f := range []struct {
		num protowire.Number
		v   int32
	}{{2, 1}, {3, batchSize}, {4, batchIndex}, {5, batchID}} {
		b = protowire.AppendTag(b, f.num, protowire.VarintType)
		b = protowire.AppendVarint(b, uint64(int64(f.v))) // int32 is sign-extended on the wire
	}
	return b
}

// exportLink builds a link the way Google Authenticator does: standard
// base64, percent-encoded.
func exportLink(payload []byte) string {
	return "otpauth-migration://offline?data=" + url.QueryEscape(base64.StdEncoding.EncodeToString(payload))
}

var (
	// Secrets of test accounts. None is anyone's real key.
	secret20 = []byte("0123456789abcdefghij")      // 160 bits
	secret10 = []byte("klmnopqrst")                // 80 bits: the least that is valid
	secret5  = []byte{0xde, 0xad, 0xbe, 0xef, 0x1} // 40 bits: too short
)

// exportKey is the base32 key an export secret stands for.
func exportKey(secret []byte) string {
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(secret)
}

func TestClassifyAllPublicExamples(t *testing.T) {
	// Published sample export links of the well-known demonstration keys
	// JBSWY3DPEHPK3PXP and 7KSQL2JTUDIS5EF65KLMRQIIGY, made by Google
	// Authenticator and other tools: they check the field numbers against
	// an encoder other than the one in these tests.
	tests := []struct {
		link            string
		key, issuer, nm string
		batch           Batch
	}{
		{
			link: "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC",
			key:  "JBSWY3DPEHPK3PXP", issuer: "Example", nm: "Example:alice@google.com",
		},
		{
			link: "otpauth-migration://offline?data=CjUKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3BiZXJyeXBpGgtyYXNwYmVycnlwaSABKAEwAhABGAEgACjr4JKK%2B%2F%2F%2F%2F%2F8B",
			key:  "7KSQL2JTUDIS5EF65KLMRQIIGY", issuer: "raspberrypi", nm: "pi@raspberrypi",
			batch: Batch{Index: 0, Size: 1, ID: -1320898453},
		},
	}
	for _, tt := range tests {
		rs := ClassifyAll(tt.link)
		if len(rs) != 1 {
			t.Fatalf("%d results, want 1", len(rs))
		}
		r := rs[0]
		if r.Class != ClassValid || r.Format != FormatMigration || r.Key != tt.key {
			t.Errorf("got class %s format %s key %s, want valid otpauth-migration %s", r.Class, r.Format, Mask(r.Key), Mask(tt.key))
		}
		want := Account{Type: "totp", Issuer: tt.issuer, Name: tt.nm, Algorithm: "SHA1", Digits: 6, Period: 30}
		if r.Account != want {
			t.Errorf("account %+v, want %+v", r.Account, want)
		}
		if tt.batch.Size != 0 && r.Batch != tt.batch {
			t.Errorf("batch %+v, want %+v", r.Batch, tt.batch)
		}
		if !r.Changes.Has(ChangeURI) || r.Topic != "cleaned-key" {
			t.Errorf("changes %v topic %q, want uri change and cleaned-key", r.Changes.List(), r.Topic)
		}
	}
}

func TestClassifyAllExportAccounts(t *testing.T) {
	link := exportLink(encodePayload(3, 1, 77,
		testAccount{secret: secret20, name: "AB1234", issuer: "Zerodha", otpType: 2, algorithm: 1, digits: 1},
		testAccount{secret: secret10, name: "alice@example.com", issuer: "Mail", otpType: 2, algorithm: 2, digits: 2},
		testAccount{secret: secret20, name: "counter", issuer: "Bank", otpType: 1, counter: 42},
		testAccount{secret: secret5, name: "short", otpType: 2},
		testAccount{name: "nosecret", otpType: 2},
		testAccount{secret: secret20, name: "md5", algorithm: 4, otpType: 2},
		testAccount{secret: secret20, name: "seven", digits: 3},
		testAccount{secret: append(slices.Clone(secret10), secret10...), name: "halves", otpType: 2},
	))
	rs := ClassifyAll(link)
	want := []struct {
		class   Class
		problem ReasonID
		key     string
		account Account
	}{
		{ClassValid, "", exportKey(secret20), Account{Type: "totp", Issuer: "Zerodha", Name: "AB1234", Algorithm: "SHA1", Digits: 6, Period: 30}},
		{ClassValid, "", exportKey(secret10), Account{Type: "totp", Issuer: "Mail", Name: "alice@example.com", Algorithm: "SHA256", Digits: 8, Period: 30}},
		{ClassMalformed, ReasonNotTOTP, exportKey(secret20), Account{Type: "hotp", Issuer: "Bank", Name: "counter", Algorithm: "SHA1", Digits: 6, Period: 30, Counter: 42}},
		{ClassMalformed, ReasonTooShort, "", Account{Type: "totp", Name: "short", Algorithm: "SHA1", Digits: 6, Period: 30}},
		{ClassMalformed, ReasonBadURI, "", Account{Type: "totp", Name: "nosecret", Algorithm: "SHA1", Digits: 6, Period: 30}},
		{ClassMalformed, ReasonBadURI, "", Account{Type: "totp", Name: "md5", Algorithm: "MD5", Digits: 6, Period: 30}},
		{ClassValid, "", exportKey(secret20), Account{Type: "totp", Name: "seven", Algorithm: "SHA1", Digits: 7, Period: 30}},
		// Two equal halves: an export holds the key itself, so it is not a
		// key pasted twice.
		{ClassValid, "", exportKey(append(slices.Clone(secret10), secret10...)), Account{Type: "totp", Name: "halves", Algorithm: "SHA1", Digits: 6, Period: 30}},
	}
	if len(rs) != len(want) {
		t.Fatalf("%d results, want %d", len(rs), len(want))
	}
	for i, w := range want {
		r := rs[i]
		if r.Class != w.class || r.Format != FormatMigration {
			t.Errorf("account %d: class %s format %s, want %s otpauth-migration", i+1, r.Class, r.Format, w.class)
		}
		if w.problem == "" && len(r.Problems) != 0 {
			t.Errorf("account %d: problems %+v, want none", i+1, r.Problems)
		}
		if w.problem != "" && (len(r.Problems) == 0 || r.Problems[0].ID != w.problem || r.Topic != string(w.problem)) {
			t.Errorf("account %d: problems %+v topic %q, want first %s", i+1, r.Problems, r.Topic, w.problem)
		}
		if w.key != "" && r.Key != w.key {
			t.Errorf("account %d: key %s, want %s", i+1, Mask(r.Key), Mask(w.key))
		}
		if r.Account != w.account {
			t.Errorf("account %d: account %+v, want %+v", i+1, r.Account, w.account)
		}
		if r.Batch != (Batch{Index: 1, Size: 3, ID: 77}) {
			t.Errorf("account %d: batch %+v, want 2 of 3, id 77", i+1, r.Batch)
		}
		for _, p := range r.Problems {
			if strings.Contains(p.Message, exportKey(secret20)[:5]) || strings.Contains(p.Message, string(secret20[:5])) {
				t.Errorf("account %d: message %q quotes the secret", i+1, p.Message)
			}
		}
	}
	if got := rs[2].Problems[0].Message; !strings.Contains(got, "account 3 (Bank: counter)") || !strings.Contains(got, "HOTP") {
		t.Errorf("HOTP message %q does not name the account and HOTP", got)
	}
	if got := rs[3].Problems[0].Message; !strings.HasPrefix(got, "account 4 (short) has a secret of only 40 bits") {
		t.Errorf("too-short message %q does not name the account and its bits", got)
	}
	if got := rs[0].Batch.Describe(); got != "QR 2 of 3 of your export" {
		t.Errorf("Describe() = %q", got)
	}
}

func TestClassifyAllLinkSpellings(t *testing.T) {
	// A secret whose base64 payload contains "+", "/" and needs padding, so
	// that every spelling below is exercised.
	secret := []byte{0xfb, 0xef, 0xff, 0xfe, 0xfb, 0xbf, 0x10, 0x20, 0x30, 0x40, 0x50}
	payload := encodePayload(1, 0, 5, testAccount{secret: secret, name: "x", otpType: 2})
	std := base64.StdEncoding.EncodeToString(payload)
	if !strings.ContainsAny(std, "+/") || !strings.HasSuffix(std, "=") {
		t.Fatalf("test payload %q lacks +, / or padding", std)
	}
	prefix := "otpauth-migration://offline?data="
	tests := []struct {
		name, link string
		changes    []ReasonID
	}{
		{"percent-encoded", prefix + url.QueryEscape(std), nil},
		{"raw", prefix + std, nil},
		{"plus as space", prefix + strings.ReplaceAll(std, "+", " "), nil},
		{"plus as %20", prefix + strings.ReplaceAll(std, "+", "%20"), nil},
		{"url-safe alphabet", prefix + base64.RawURLEncoding.EncodeToString(payload), nil},
		{"no padding", prefix + base64.RawStdEncoding.EncodeToString(payload), nil},
		{"wrapped", prefix + std[:10] + "\r\n" + std[10:], nil},
		{"upper-case scheme, other parameters", "OTPAUTH-MIGRATION://offline?x=1&DATA=" + url.QueryEscape(std) + "#frag", nil},
		{"quoted with label", `Export: "` + prefix + url.QueryEscape(std) + `"`, []ReasonID{ChangeQuotes, ChangeLabel}},
		{"surrounded by spaces", "  " + prefix + url.QueryEscape(std) + "\n", []ReasonID{ChangeWhitespace}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := ClassifyAll(tt.link)
			if len(rs) != 1 || rs[0].Class != ClassValid || rs[0].Key != exportKey(secret) {
				t.Fatalf("got %d results, first %s %+v, want one valid key", len(rs), rs[0].Class, rs[0].Problems)
			}
			for _, id := range append(tt.changes, ChangeURI) {
				if !rs[0].Changes.Has(id) {
					t.Errorf("changes %v lack %s", rs[0].Changes.List(), id)
				}
			}
		})
	}
}

func TestClassifyAllBrokenExports(t *testing.T) {
	valid := encodePayload(1, 0, 1, testAccount{secret: secret20, otpType: 2})
	// A payload whose only account has its secret field cut short.
	truncated := valid[:6]
	wrongType := append(protowire.AppendTag(nil, 1, protowire.VarintType), 1)
	accountWrongType := encodeAccount(testAccount{secret: secret20})
	accountWrongType = append(accountWrongType, protowire.AppendTag(nil, 4, protowire.BytesType)...)
	accountWrongType = protowire.AppendBytes(accountWrongType, []byte("x"))
	withAccount := func(account []byte, rest ...byte) []byte {
		b := protowire.AppendTag(nil, 1, protowire.BytesType)
		return append(protowire.AppendBytes(b, account), rest...)
	}
	badBatch := encodePayload(2, 2, 1, testAccount{secret: secret20})
	tests := []struct {
		name, link, want string
	}{
		{"no query", "otpauth-migration://offline", "no data parameter"},
		{"no data", "otpauth-migration://offline?foo=bar", "no data parameter"},
		{"empty data", "otpauth-migration://offline?data=", "data parameter is empty"},
		{"broken escape", "otpauth-migration://offline?data=Cj%ZZ", "broken %-escape"},
		{"not base64", "otpauth-migration://offline?data=Cj!!", "not base64"},
		{"two alphabets", "otpauth-migration://offline?data=Cj-/", "two base64 alphabets"},
		{"cut base64", "otpauth-migration://offline?data=C", "not valid base64"},
		{"truncated protobuf", exportLink(truncated), "the data parameter is cut short in account 1, so the link was not copied in full"},
		{"wrong wire type", exportLink(wrongType), "account field has the wrong type"},
		{"account field of wrong type", exportLink(withAccount(accountWrongType)), "account 1: the algorithm field has the wrong type"},
		{"unknown type", exportLink(withAccount(encodeAccount(testAccount{secret: secret20, otpType: 9}))), "the type field has the unknown value 9"},
		{"unknown digits", exportLink(withAccount(encodeAccount(testAccount{secret: secret20, digits: 7}))), "the digits field has the unknown value 7"},
		{"no accounts", exportLink(encodePayload(1, 0, 1)), "holds no accounts"},
		{"impossible batch", exportLink(badBatch), "batch position 3 of 2 is impossible"},
		{"secret too long", exportLink(withAccount(encodeAccount(testAccount{secret: make([]byte, MaxMigrationSecretBytes+1)}))), "secret is 1025 bytes long"},
		{"garbage tag", exportLink([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}), "not a Google Authenticator export"},
		{"cut in the batch size", exportLink(append(protowire.AppendTag(nil, 3, protowire.VarintType), 0x80)), "cut short in its batch size field"},
		{"account record damaged", exportLink(withAccount(append(encodeAccount(testAccount{secret: secret20}), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))), "account 1: its record is damaged"},
		{"account field past its record", exportLink(withAccount(append(protowire.AppendTag(nil, 2, protowire.BytesType), 9, 'x'))), "account 1: the account name field runs past the end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rs := ClassifyAll(tt.link)
			if len(rs) != 1 {
				t.Fatalf("%d results, want 1", len(rs))
			}
			r := rs[0]
			if r.Class != ClassMalformed || r.Format != FormatMigration || !r.HasProblem(ReasonBadURI) || r.Topic != string(ReasonBadURI) {
				t.Fatalf("got %s %s %+v topic %q, want malformed otpauth-migration bad-uri", r.Class, r.Format, r.Problems, r.Topic)
			}
			msg := r.Problems[0].Message
			if !strings.Contains(msg, tt.want) || !strings.HasPrefix(msg, "the otpauth-migration export link cannot be read: ") {
				t.Errorf("message %q, want it to contain %q", msg, tt.want)
			}
			if strings.Contains(msg, string(secret20[:5])) || strings.Contains(msg, exportKey(secret20)[:5]) {
				t.Errorf("message %q quotes the secret", msg)
			}
			// The project's own words, not a library's error text.
			for _, raw := range []string{"EOF", "unexpected", "proto", "cannot parse", "invalid field"} {
				if strings.Contains(msg, raw) {
					t.Errorf("message %q has the raw error text %q", msg, raw)
				}
			}
			if r.ExitCode() != ExitMalformed {
				t.Errorf("exit code %d, want %d", r.ExitCode(), ExitMalformed)
			}
		})
	}
}

func TestParseMigrationURIErrors(t *testing.T) {
	if _, err := ParseMigrationURI("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"); !errors.Is(err, ErrNotMigration) {
		t.Errorf("otpauth link: error %v, want ErrNotMigration", err)
	}
	_, err := ParseMigrationURI("otpauth-migration://offline?data=!")
	if !errors.Is(err, ErrBadMigration) || err.Error() != strings.ToLower(err.Error()[:1])+err.Error()[1:] {
		t.Errorf("broken link: error %v, want a lower-case error wrapping ErrBadMigration", err)
	}
	long := "otpauth-migration://offline?data=" + strings.Repeat("A", MaxMigrationURILength)
	if _, err := ParseMigrationURI(long); !errors.Is(err, ErrBadMigration) || !strings.Contains(err.Error(), "long") {
		t.Errorf("long link: error %v, want a too-long error", err)
	}
}

func TestDecodeMigrationPayloadSkipsUnknownFields(t *testing.T) {
	account := encodeAccount(testAccount{secret: secret20, name: "n", issuer: "i", otpType: 2})
	account = protowire.AppendTag(account, 8, protowire.BytesType) // unique_id in newer exports
	account = protowire.AppendString(account, "3d6f8a")
	account = protowire.AppendTag(account, 99, protowire.Fixed32Type)
	account = protowire.AppendFixed32(account, 7)
	var payload []byte
	payload = protowire.AppendTag(payload, 1, protowire.BytesType)
	payload = protowire.AppendBytes(payload, account)
	payload = protowire.AppendTag(payload, 50, protowire.Fixed64Type)
	payload = protowire.AppendFixed64(payload, 1)
	p, err := DecodeMigrationPayload(payload)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Accounts) != 1 || string(p.Accounts[0].Secret) != string(secret20) || p.Accounts[0].Name != "n" || p.Accounts[0].Issuer != "i" {
		t.Errorf("got %+v", p.Accounts)
	}
}

func TestDecodeMigrationPayloadMakesNamesPrintable(t *testing.T) {
	payload := encodePayload(1, 0, 1, testAccount{secret: secret20, name: "evil\x1b[2J\u202Ename\xff", issuer: " Broker ", otpType: 2})
	p, err := DecodeMigrationPayload(payload)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Accounts[0].Name; got != "evil\uFFFD[2J\uFFFDname\uFFFD" {
		t.Errorf("name %q: control, format and broken characters should be U+FFFD", got)
	}
	if got := p.Accounts[0].Issuer; got != "Broker" {
		t.Errorf("issuer %q, want it trimmed", got)
	}
}

func TestClassifyAllOtherInput(t *testing.T) {
	for _, in := range []string{"JBSWY3DPEHPK3PXP", "123456", "", "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"} {
		rs := ClassifyAll(in)
		want := Classify(in)
		if len(rs) != 1 || rs[0].Class != want.Class || rs[0].Format != want.Format || rs[0].Topic != want.Topic {
			t.Errorf("ClassifyAll(%q) = %+v, want [Classify(%q)] = %+v", in, rs, in, want)
		}
	}
}

func TestClassifyReadsTheFirstExportAccount(t *testing.T) {
	link := exportLink(encodePayload(1, 0, 1,
		testAccount{secret: secret20, name: "first", otpType: 2},
		testAccount{secret: secret20, name: "second", otpType: 2}))
	r := Classify(link)
	if r.Class != ClassValid || r.Format != FormatMigration || r.Account.Name != "first" || r.Key != exportKey(secret20) {
		t.Errorf("Classify of an export link: %s %s %q, want the first account, valid", r.Class, r.Format, r.Account.Name)
	}
}

// TestClassifyReadsTheWorstExportAccount: one result for an export link
// is the account that needs attention, so a link with an HOTP or a short
// account is never called valid.
func TestClassifyReadsTheWorstExportAccount(t *testing.T) {
	link := exportLink(encodePayload(1, 0, 1,
		testAccount{secret: secret20, name: "first", otpType: 2},
		testAccount{secret: secret20, name: "counter", otpType: 1},
		testAccount{secret: secret10, name: "third", otpType: 2}))
	r := Classify(link)
	if r.Class != ClassMalformed || r.Account.Name != "counter" || !r.HasProblem(ReasonNotTOTP) || r.ExitCode() != ExitMalformed {
		t.Errorf("Classify of an export link with an HOTP account: %s %q %v, want the HOTP account, malformed", r.Class, r.Account.Name, r.Problems)
	}
}
