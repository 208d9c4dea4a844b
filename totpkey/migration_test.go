package totpkey

import (
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey/internal/exporttest"
	"github.com/totpkey/totpkey/totpkey/link"

	"google.golang.org/protobuf/encoding/protowire"
)

func TestClassifyAllPublicExamples(t *testing.T) {
	// Published sample export links of the well-known demonstration keys
	// JBSWY3DPEHPK3PXP and 7KSQL2JTUDIS5EF65KLMRQIIGY, made by Google
	// Authenticator and other tools: they check the field numbers against
	// an encoder other than the one in these tests.
	tests := []struct {
		link            string
		key, issuer, nm string
		batch           link.Batch
	}{
		{
			link: "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC",
			key:  "JBSWY3DPEHPK3PXP", issuer: "Example", nm: "Example:alice@google.com",
		},
		{
			link: "otpauth-migration://offline?data=CjUKEPqlBekzoNEukL7qlsjBCDYSDnBpQHJhc3BiZXJyeXBpGgtyYXNwYmVycnlwaSABKAEwAhABGAEgACjr4JKK%2B%2F%2F%2F%2F%2F8B",
			key:  "7KSQL2JTUDIS5EF65KLMRQIIGY", issuer: "raspberrypi", nm: "pi@raspberrypi",
			batch: link.Batch{Index: 0, Size: 1, ID: -1320898453},
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
		want := link.Account{Type: "totp", Issuer: tt.issuer, Name: tt.nm, Algorithm: "SHA1", Digits: 6, Period: 30}
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
	export := exporttest.Link(exporttest.Payload(3, 1, 77,
		exporttest.Account{Secret: exporttest.Secret20, Name: "AB1234", Issuer: "Zerodha", Type: 2, Algorithm: 1, Digits: 1},
		exporttest.Account{Secret: exporttest.Secret10, Name: "alice@example.com", Issuer: "Mail", Type: 2, Algorithm: 2, Digits: 2},
		exporttest.Account{Secret: exporttest.Secret20, Name: "counter", Issuer: "Bank", Type: 1, Counter: 42},
		exporttest.Account{Secret: exporttest.Secret5, Name: "short", Type: 2},
		exporttest.Account{Name: "nosecret", Type: 2},
		exporttest.Account{Secret: exporttest.Secret20, Name: "md5", Algorithm: 4, Type: 2},
		exporttest.Account{Secret: exporttest.Secret20, Name: "seven", Digits: 3},
		exporttest.Account{Secret: append(slices.Clone(exporttest.Secret10), exporttest.Secret10...), Name: "halves", Type: 2},
	))
	rs := ClassifyAll(export)
	want := []struct {
		class   Class
		problem ReasonID
		key     string
		account link.Account
	}{
		{ClassValid, "", exporttest.Key(exporttest.Secret20), link.Account{Type: "totp", Issuer: "Zerodha", Name: "AB1234", Algorithm: "SHA1", Digits: 6, Period: 30}},
		{ClassValid, "", exporttest.Key(exporttest.Secret10), link.Account{Type: "totp", Issuer: "Mail", Name: "alice@example.com", Algorithm: "SHA256", Digits: 8, Period: 30}},
		{ClassMalformed, ReasonNotTOTP, exporttest.Key(exporttest.Secret20), link.Account{Type: "hotp", Issuer: "Bank", Name: "counter", Algorithm: "SHA1", Digits: 6, Counter: 42}},
		{ClassMalformed, ReasonTooShort, "", link.Account{Type: "totp", Name: "short", Algorithm: "SHA1", Digits: 6, Period: 30}},
		{ClassMalformed, ReasonBadURI, "", link.Account{Type: "totp", Name: "nosecret", Algorithm: "SHA1", Digits: 6, Period: 30}},
		{ClassMalformed, ReasonBadURI, "", link.Account{Type: "totp", Name: "md5", Algorithm: "MD5", Digits: 6, Period: 30}},
		{ClassValid, "", exporttest.Key(exporttest.Secret20), link.Account{Type: "totp", Name: "seven", Algorithm: "SHA1", Digits: 7, Period: 30}},
		// Two equal halves: an export holds the key itself, so it is not a
		// key pasted twice.
		{ClassValid, "", exporttest.Key(append(slices.Clone(exporttest.Secret10), exporttest.Secret10...)), link.Account{Type: "totp", Name: "halves", Algorithm: "SHA1", Digits: 6, Period: 30}},
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
		if r.Batch != (link.Batch{Index: 1, Size: 3, ID: 77}) {
			t.Errorf("account %d: batch %+v, want 2 of 3, id 77", i+1, r.Batch)
		}
		for _, p := range r.Problems {
			if strings.Contains(p.Message, exporttest.Key(exporttest.Secret20)[:5]) || strings.Contains(p.Message, string(exporttest.Secret20[:5])) {
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
	payload := exporttest.Payload(1, 0, 5, exporttest.Account{Secret: secret, Name: "x", Type: 2})
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
			if len(rs) != 1 || rs[0].Class != ClassValid || rs[0].Key != exporttest.Key(secret) {
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
	valid := exporttest.Payload(1, 0, 1, exporttest.Account{Secret: exporttest.Secret20, Type: 2})
	// A payload whose only account has its secret field cut short.
	truncated := valid[:6]
	wrongType := append(protowire.AppendTag(nil, 1, protowire.VarintType), 1)
	accountWrongType := exporttest.EncodeAccount(exporttest.Account{Secret: exporttest.Secret20})
	accountWrongType = append(accountWrongType, protowire.AppendTag(nil, 4, protowire.BytesType)...)
	accountWrongType = protowire.AppendBytes(accountWrongType, []byte("x"))
	withAccount := func(account []byte, rest ...byte) []byte {
		b := protowire.AppendTag(nil, 1, protowire.BytesType)
		return append(protowire.AppendBytes(b, account), rest...)
	}
	badBatch := exporttest.Payload(2, 2, 1, exporttest.Account{Secret: exporttest.Secret20})
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
		{"truncated protobuf", exporttest.Link(truncated), "the data parameter is cut short in account 1, so the link was not copied in full"},
		{"wrong wire type", exporttest.Link(wrongType), "account field has the wrong type"},
		{"account field of wrong type", exporttest.Link(withAccount(accountWrongType)), "account 1: the algorithm field has the wrong type"},
		{"unknown type", exporttest.Link(withAccount(exporttest.EncodeAccount(exporttest.Account{Secret: exporttest.Secret20, Type: 9}))), "the type field has the unknown value 9"},
		{"unknown digits", exporttest.Link(withAccount(exporttest.EncodeAccount(exporttest.Account{Secret: exporttest.Secret20, Digits: 7}))), "the digits field has the unknown value 7"},
		{"no accounts", exporttest.Link(exporttest.Payload(1, 0, 1)), "holds no accounts"},
		{"impossible batch", exporttest.Link(badBatch), "batch position 3 of 2 is impossible"},
		{"negative batch index", exporttest.Link(exporttest.Payload(0, -1, 1, exporttest.Account{Secret: exporttest.Secret20})), "batch index or batch size is out of range"},
		{"batch size past 32 bits", exporttest.Link(append(withAccount(exporttest.EncodeAccount(exporttest.Account{Secret: exporttest.Secret20})),
			protowire.AppendVarint(protowire.AppendTag(nil, 3, protowire.VarintType), 1<<32-1)...)), "batch index or batch size is out of range"},
		{"secret too long", exporttest.Link(withAccount(exporttest.EncodeAccount(exporttest.Account{Secret: make([]byte, link.MaxMigrationSecretBytes+1)}))), "secret is 1025 bytes long"},
		{"garbage tag", exporttest.Link([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}), "not a Google Authenticator export"},
		{"cut in the batch size", exporttest.Link(append(protowire.AppendTag(nil, 3, protowire.VarintType), 0x80)), "cut short in its batch size field"},
		{"account record damaged", exporttest.Link(withAccount(append(exporttest.EncodeAccount(exporttest.Account{Secret: exporttest.Secret20}), 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff))), "account 1: its record is damaged"},
		{"account field past its record", exporttest.Link(withAccount(append(protowire.AppendTag(nil, 2, protowire.BytesType), 9, 'x'))), "account 1: the account name field runs past the end"},
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
			if strings.Contains(msg, string(exporttest.Secret20[:5])) || strings.Contains(msg, exporttest.Key(exporttest.Secret20)[:5]) {
				t.Errorf("message %q quotes the secret", msg)
			}
			// The project's own words, not a library's error text.
			for _, raw := range []string{"EOF", "unexpected", "proto", "cannot parse", "invalid field"} {
				if strings.Contains(msg, raw) {
					t.Errorf("message %q has the raw error text %q", msg, raw)
				}
			}
			if r.Class != ClassMalformed {
				t.Errorf("class %s, want malformed", r.Class)
			}
		})
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
	export := exporttest.Link(exporttest.Payload(1, 0, 1,
		exporttest.Account{Secret: exporttest.Secret20, Name: "first", Type: 2},
		exporttest.Account{Secret: exporttest.Secret20, Name: "second", Type: 2}))
	r := Classify(export)
	if r.Class != ClassValid || r.Format != FormatMigration || r.Account.Name != "first" || r.Key != exporttest.Key(exporttest.Secret20) {
		t.Errorf("Classify of an export link: %s %s %q, want the first account, valid", r.Class, r.Format, r.Account.Name)
	}
}

// TestClassifyReadsTheWorstExportAccount: one result for an export link
// is the account that needs attention, so a link with an HOTP or a short
// account is never called valid.
func TestClassifyReadsTheWorstExportAccount(t *testing.T) {
	export := exporttest.Link(exporttest.Payload(1, 0, 1,
		exporttest.Account{Secret: exporttest.Secret20, Name: "first", Type: 2},
		exporttest.Account{Secret: exporttest.Secret20, Name: "counter", Type: 1},
		exporttest.Account{Secret: exporttest.Secret10, Name: "third", Type: 2}))
	r := Classify(export)
	if r.Class != ClassMalformed || r.Account.Name != "counter" || !r.HasProblem(ReasonNotTOTP) {
		t.Errorf("Classify of an export link with an HOTP account: %s %q %v, want the HOTP account, malformed", r.Class, r.Account.Name, r.Problems)
	}
}
