package link

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// OTPAuth is what an otpauth:// link holds.
type OTPAuth struct {
	// Account is the link's type, issuer, account name and settings.
	Account Account
	// Secret is the value of the secret parameter, unescaped. It is a
	// password: never show it whole unless the user asked.
	Secret string
	// SecretOffset is the byte offset of Secret in the link when the link
	// writes it without escapes, so that a position in the secret maps back
	// to the link; -1 otherwise.
	SecretOffset int
}

// ParseOTPAuth reads an otpauth:// link (the text inside a setup QR code)
// without white space around it. The link is parsed once; its type, issuer
// and account name are read as pquerna/otp's Key reads them. It is stricter
// than pquerna/otp: the type must be totp or hotp, the digits 6 to 8, the
// period 1 to MaxPeriod seconds and the algorithm one of the three, and the
// secret must be there.
//
// The error says in a sentence what is wrong, for the user; it never
// quotes the secret. When the link's settings are what is wrong, the
// returned OTPAuth is not nil and holds the account read so far.
func ParseOTPAuth(s string) (*OTPAuth, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, errors.New("the otpauth link cannot be read: it has characters or escapes that no link can have")
	}
	if !strings.EqualFold(u.Scheme, "otpauth") {
		return nil, errors.New("an otpauth link starts with otpauth:// followed by totp or hotp")
	}
	if u.Opaque != "" || !hasPrefixFold(s, "otpauth://") {
		return nil, errors.New(`the otpauth link is missing the "//" after "otpauth:"; a TOTP link starts with otpauth://totp/`)
	}
	query, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return nil, errors.New("the otpauth link's parameters cannot be read: a % escape is broken")
	}
	link := &OTPAuth{Account: linkAccount(u, query), SecretOffset: -1}
	switch link.Account.Type {
	case "totp", "hotp":
	case "":
		return nil, errors.New("the otpauth link has no type (totp or hotp) after otpauth://; a TOTP link starts with otpauth://totp/")
	default:
		return nil, fmt.Errorf("the otpauth link is of type %q; TOTP links start with otpauth://totp/", clip(link.Account.Type, 4))
	}
	if msg := readParams(query, &link.Account); msg != "" {
		return link, errors.New(msg)
	}
	secret, rawAt := secretParam(u.RawQuery)
	if strings.TrimSpace(secret) == "" {
		return link, errors.New("the otpauth link has no secret= parameter with a key in it")
	}
	link.Secret = secret
	if rawAt >= 0 {
		link.SecretOffset = strings.Index(s, "?") + 1 + rawAt
	}
	return link, nil
}

// linkAccount is the account of an otpauth link as pquerna/otp's Key
// gives it (Type, Issuer, AccountName): the type is the host, the account
// name is the path after an "Issuer:" prefix, and the issuer is the issuer=
// parameter or else that prefix.
func linkAccount(u *url.URL, query url.Values) Account {
	name := strings.TrimPrefix(u.Path, "/")
	issuer := query.Get("issuer")
	if prefix, rest, ok := strings.Cut(name, ":"); ok {
		name = rest
		if issuer == "" {
			issuer = prefix
		}
	}
	return Account{Type: strings.ToLower(u.Host), Issuer: issuer, Name: name}
}

// secretParam returns the value of the link's secret parameter and the
// byte offset of that value in the raw query when it is written without
// escapes, or -1. The parameter named exactly "secret" wins, as in
// pquerna/otp; otherwise the first one whose name is "secret" in another
// case ("SECRET=", "Secret="). Parameters are read in the order the link
// has them, so the answer never depends on map order. rawQuery has already
// been parsed without error.
func secretParam(rawQuery string) (string, int) {
	value, at, found := "", -1, false
	offset := 0
	for part := range strings.SplitSeq(rawQuery, "&") {
		rawName, rawValue, _ := strings.Cut(part, "=")
		name, err := url.QueryUnescape(rawName)
		if err == nil && strings.EqualFold(name, "secret") && (!found || name == "secret") {
			v, err := url.QueryUnescape(rawValue)
			if err == nil {
				value, at = v, -1
				if !strings.ContainsAny(rawValue, "%+") {
					at = offset + len(rawName) + 1
				}
				if name == "secret" {
					return value, at
				}
				found = true
			}
		}
		offset += len(part) + 1
	}
	return value, at
}

// readParams checks the digits, period and algorithm of a link and copies
// them into account. It returns what is wrong, or "".
func readParams(query url.Values, account *Account) string {
	if v := query.Get("digits"); v != "" {
		d, err := strconv.Atoi(v)
		if err != nil || d < MinDigits || d > MaxDigits {
			return "the otpauth link asks for digits=" + clip(v, 4) + "; TOTP codes have 6, 7 or 8 digits"
		}
		account.Digits = d
	}
	if v := query.Get("period"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 1 || p > MaxPeriod {
			return "the otpauth link asks for period=" + clip(v, 4) +
				"; a period is a number of seconds from 1 to " + strconv.Itoa(MaxPeriod)
		}
		account.Period = p
	}
	if v := query.Get("algorithm"); v != "" {
		a, err := ParseAlgorithm(v)
		if err != nil {
			return "the otpauth link asks for algorithm=" + clip(v, 4) + "; TOTP uses SHA1, SHA256 or SHA512"
		}
		account.Algorithm = string(a)
	}
	return ""
}

// hasPrefixFold is strings.HasPrefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
