package totpkey

import (
	"encoding/base32"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkErrorText fails when an error message starts with a capital letter.
func checkErrorText(t *testing.T, err error) {
	t.Helper()
	if r, _ := utf8.DecodeRuneInString(err.Error()); unicode.IsUpper(r) {
		t.Errorf("error %q starts with a capital letter", err)
	}
}

func FuzzParseMigrationURI(f *testing.F) {
	f.Add(exportLink(encodePayload(1, 0, 1, testAccount{secret: secret20, name: "a", issuer: "b", otpType: 2})))
	f.Add(exportLink(encodePayload(3, 2, -5, testAccount{secret: secret10, otpType: 1, counter: 9}, testAccount{secret: secret5})))
	f.Add("otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC")
	f.Add("otpauth-migration://offline?data=Cj%ZZ")
	f.Add(`"otpauth-migration://offline?x&data=a b+c/d==#x"`)
	f.Fuzz(func(t *testing.T, link string) {
		p, err := ParseMigrationURI(link)
		if err != nil {
			if !errors.Is(err, ErrBadMigration) && !errors.Is(err, ErrNotMigration) {
				t.Fatalf("error %v wraps neither sentinel", err)
			}
			checkErrorText(t, err)
		} else {
			if len(p.Accounts) == 0 || len(p.Accounts) > MaxMigrationAccounts {
				t.Fatalf("%d accounts", len(p.Accounts))
			}
			if p.Batch.Index < 0 || p.Batch.Size < 0 || p.Batch.Size > 0 && p.Batch.Index >= p.Batch.Size {
				t.Fatalf("impossible batch %+v", p.Batch)
			}
		}
		results := ClassifyAll(link)
		if len(results) == 0 {
			t.Fatal("ClassifyAll returned no result")
		}
		for i, r := range results {
			if r.Class == "" || r.Format == "" || r.Topic == "" {
				t.Fatalf("result %d is incomplete: %+v", i, r)
			}
			if r.Class != ClassValid && len(r.Problems) == 0 {
				t.Fatalf("result %d is %s without a problem", i, r.Class)
			}
			if r.Format != FormatMigration || err != nil || strings.TrimSpace(link) != link {
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
	f.Add(encodePayload(1, 0, 1, testAccount{secret: secret20, name: "a", issuer: "b", algorithm: 2, digits: 2, otpType: 2}))
	f.Add(encodePayload(2, 1, 7, testAccount{secret: secret10, otpType: 1, counter: 1 << 40}, testAccount{}))
	f.Add([]byte{0x0a, 0x02, 0x0a, 0x00})
	f.Add([]byte{0x0b, 0x0c}) // a group
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := DecodeMigrationPayload(data)
		if err != nil {
			if !errors.Is(err, ErrBadMigration) {
				t.Fatalf("error %v does not wrap ErrBadMigration", err)
			}
			checkErrorText(t, err)
			return
		}
		for _, a := range p.Accounts {
			if len(a.Secret) > MaxMigrationSecretBytes || !utf8.ValidString(a.Name) || !utf8.ValidString(a.Issuer) {
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
