package link

import (
	"net/url"
	"strings"
	"testing"

	"github.com/pquerna/otp"
)

// TestLinkAccountMatchesPquerna holds linkAccount to what pquerna/otp's Key
// reads from the same link, which it replaced on the hot path.
// testKey is the well-known demonstration key of Google Authenticator.
const testKey = "JBSWY3DPEHPK3PXP"

func TestLinkAccountMatchesPquerna(t *testing.T) {
	for _, link := range []string{
		"otpauth://totp/Broker:AB1234?secret=" + testKey + "&issuer=Broker",
		"otpauth://totp/Broker:AB1234?secret=" + testKey,
		"otpauth://totp/AB1234?secret=" + testKey + "&issuer=Other",
		"otpauth://TOTP/a:b:c?secret=" + testKey,
		"otpauth://hotp/Acme%20Corp:me%40example.com?secret=" + testKey + "&counter=3",
		"otpauth://totp/:only-name?issuer=",
		"otpauth://totp?secret=" + testKey,
		"otpauth://totp/Br%3Aoker?issuer=X%26Y",
	} {
		u, err := url.Parse(link)
		if err != nil {
			t.Fatal(err)
		}
		key, err := otp.NewKeyFromURL(link)
		if err != nil {
			t.Fatal(err)
		}
		params := readLinkParams(u.RawQuery)
		got := linkAccount(u, &params)
		want := Account{Type: strings.ToLower(key.Type()), Issuer: key.Issuer(), Name: key.AccountName()}
		if got != want {
			t.Errorf("%s: got %+v, pquerna/otp reads %+v", link, got, want)
		}
	}
}

// TestSecretParam covers, through param, which secret parameter a link's key is read from
// and where its value starts: exact "secret" beats other cases whatever
// their order, the first of several wins, and an escaped value has no
// position (its characters do not map one to one).
func TestSecretParam(t *testing.T) {
	for _, tc := range []struct {
		name, rawQuery string
		want           string
		wantAt         int
	}{
		{"plain", "secret=ABC&issuer=X", "ABC", 7},
		{"after another parameter", "issuer=X&secret=ABC", "ABC", 16},
		{"upper-case name", "SECRET=ABC", "ABC", 7},
		{"exact name wins over an earlier other case", "SECRET=AAA&secret=BBB", "BBB", 18},
		{"exact name wins over a later other case", "secret=BBB&Secret=AAA", "BBB", 7},
		{"first of two other cases", "Secret=AAA&SECRET=BBB", "AAA", 7},
		{"first of two exact", "secret=AAA&secret=BBB", "AAA", 7},
		{"escaped value has no position", "secret=AB%3D&x=1", "AB=", -1},
		{"escaped first value, plain second: value and position both of the first", "secret=A%42C&secret=XYZ", "ABC", -1},
		{"escaped name", "secr%65t=ABC", "ABC", 9},
		{"none", "issuer=X", "", -1},
		{"empty query", "", "", -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			params := readLinkParams(tc.rawQuery)
			got, at := params.param(paramSecret)
			if got != tc.want || at != tc.wantAt {
				t.Errorf("param(%q, secret) = %q, %d; want %q, %d", tc.rawQuery, got, at, tc.want, tc.wantAt)
			}
			if at >= 0 && !strings.HasPrefix(tc.rawQuery[at:], got) {
				t.Errorf("position %d of %q does not start the value %q", at, tc.rawQuery, got)
			}
		})
	}
}
