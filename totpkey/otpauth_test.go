package totpkey

import (
	"net/url"
	"strings"
	"testing"

	"github.com/pquerna/otp"
)

// TestLinkAccountMatchesPquerna holds linkAccount to what pquerna/otp's Key
// reads from the same link, which it replaced on the hot path.
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
		query, err := url.ParseQuery(u.RawQuery)
		if err != nil {
			t.Fatal(err)
		}
		key, err := otp.NewKeyFromURL(link)
		if err != nil {
			t.Fatal(err)
		}
		got := linkAccount(u, query)
		want := Account{Type: strings.ToLower(key.Type()), Issuer: key.Issuer(), Name: key.AccountName()}
		if got != want {
			t.Errorf("%s: got %+v, pquerna/otp reads %+v", link, got, want)
		}
	}
}
