package link_test

import (
	"encoding/base32"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/link"

	"github.com/totpkey/totpkey/totpkey/internal/exporttest"
)

// checkErrorText fails when an error message starts with a capital letter.
func checkErrorText(t *testing.T, err error) {
	t.Helper()
	if r, _ := utf8.DecodeRuneInString(err.Error()); unicode.IsUpper(r) {
		t.Errorf("error %q starts with a capital letter", err)
	}
}

func FuzzParseMigrationURI(f *testing.F) {
	f.Add(exporttest.Link(exporttest.Payload(1, 0, 1, exporttest.Account{Secret: exporttest.Secret20, Name: "a", Issuer: "b", Type: 2})))
	f.Add(exporttest.Link(exporttest.Payload(3, 2, -5, exporttest.Account{Secret: exporttest.Secret10, Type: 1, Counter: 9}, exporttest.Account{Secret: exporttest.Secret5})))
	f.Add("otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC")
	f.Add("otpauth-migration://offline?data=Cj%ZZ")
	f.Add(`"otpauth-migration://offline?x&data=a b+c/d==#x"`)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := link.ParseMigrationURI(s)
		if err != nil {
			if !errors.Is(err, link.ErrBadMigration) && !errors.Is(err, link.ErrNotMigration) {
				t.Fatalf("error %v wraps neither sentinel", err)
			}
			checkErrorText(t, err)
		} else {
			if len(p.Accounts) == 0 || len(p.Accounts) > link.MaxMigrationAccounts {
				t.Fatalf("%d accounts", len(p.Accounts))
			}
			if p.Batch.Index < 0 || p.Batch.Size < 0 || p.Batch.Size > 0 && p.Batch.Index >= p.Batch.Size {
				t.Fatalf("impossible batch %+v", p.Batch)
			}
		}
		results := totpkey.ClassifyAll(s)
		if len(results) == 0 {
			t.Fatal("ClassifyAll returned no result")
		}
		for i, r := range results {
			if r.Class == "" || r.Format == "" || r.Topic == "" {
				t.Fatalf("result %d is incomplete: %+v", i, r)
			}
			if r.Class != totpkey.ClassValid && len(r.Problems) == 0 {
				t.Fatalf("result %d is %s without a problem", i, r.Class)
			}
			if r.Format != totpkey.FormatMigration || err != nil || strings.TrimSpace(s) != s {
				continue
			}
			// A decoded account's key, when it has one, is its secret,
			// base32-encoded.
			a := p.Accounts[i]
			if r.Key != "" {
				raw, derr := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(r.Key)
				if derr != nil || string(raw) != string(a.Secret) {
					t.Fatalf("result %d: the key does not decode to the account's secret", i)
				}
			}
		}
	})
}

func FuzzDecodeMigrationPayload(f *testing.F) {
	f.Add(exporttest.Payload(1, 0, 1, exporttest.Account{Secret: exporttest.Secret20, Name: "a", Issuer: "b", Algorithm: 2, Digits: 2, Type: 2}))
	f.Add(exporttest.Payload(2, 1, 7, exporttest.Account{Secret: exporttest.Secret10, Type: 1, Counter: 1 << 40}, exporttest.Account{}))
	f.Add([]byte{0x0a, 0x02, 0x0a, 0x00})
	f.Add([]byte{0x0b, 0x0c}) // a group
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := link.DecodeMigrationPayload(data)
		if err != nil {
			if !errors.Is(err, link.ErrBadMigration) {
				t.Fatalf("error %v does not wrap link.ErrBadMigration", err)
			}
			checkErrorText(t, err)
			return
		}
		for _, a := range p.Accounts {
			if len(a.Secret) > link.MaxMigrationSecretBytes || !utf8.ValidString(a.Name) || !utf8.ValidString(a.Issuer) {
				t.Fatalf("account out of bounds or not valid text: %d-byte secret", len(a.Secret))
			}
			for _, r := range a.Name + a.Issuer {
				if unicode.IsControl(r) {
					t.Fatalf("control character %U in a name", r)
				}
			}
			if a.Type != "totp" && a.Type != "hotp" || a.Digits < 6 || a.Digits > 8 {
				t.Fatalf("type %q digits %d", a.Type, a.Digits)
			}
		}
	})
}
