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
	params := readLinkParams(u.RawQuery)
	if params.broken {
		return nil, errors.New("the otpauth link's parameters cannot be read: a % escape is broken")
	}
	link := &OTPAuth{Account: linkAccount(u, &params), SecretOffset: -1}
	switch link.Account.Type {
	case "totp", "hotp":
	case "":
		return nil, errors.New("the otpauth link has no type (totp or hotp) after otpauth://; a TOTP link starts with otpauth://totp/")
	default:
		return nil, fmt.Errorf("the otpauth link is of type %q; TOTP links start with otpauth://totp/", clipValue(link.Account.Type))
	}
	if msg := readParams(&params, &link.Account); msg != "" {
		return link, errors.New(msg)
	}
	secret, rawAt := params.param(paramSecret)
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
// parameter or else that prefix. The spaces after the colon belong to the
// separator, as the Key-Uri-Format grammar has it
// (issuer ":" *"%20" accountname): "Provider1:%20%20Alice%20Smith" is the
// account "Alice Smith".
func linkAccount(u *url.URL, params *linkParams) Account {
	name := strings.TrimPrefix(u.Path, "/")
	issuer, _ := params.param(paramIssuer)
	if prefix, rest, ok := strings.Cut(name, ":"); ok {
		name = strings.TrimLeft(rest, " ")
		if issuer == "" {
			issuer = prefix
		}
	}
	return Account{Type: strings.ToLower(u.Host), Issuer: issuer, Name: name}
}

// The parameters of a link that are read, in linkParams' order.
const (
	paramSecret = iota
	paramIssuer
	paramDigits
	paramPeriod
	paramAlgorithm
	paramCounter
	nParams
)

var paramNames = [nParams]string{"secret", "issuer", "digits", "period", "algorithm", "counter"}

// linkParams are the values of the parameters a link's reader needs, read
// in one pass over the raw query.
type linkParams struct {
	value [nParams]string
	// at is the byte offset of a value in the raw query when it is
	// written without escapes, or -1.
	at    [nParams]int
	found [nParams]bool
	exact [nParams]bool
	// broken is set when a name or value has a broken escape or the query
	// a semicolon, which url.ParseQuery refuses too.
	broken bool
}

// readLinkParams reads the parameters of paramNames from a raw query, and
// whether it can be read at all (see linkParams.broken). The parameter named exactly so
// wins, as in pquerna/otp; otherwise the first one whose name is the same
// in another case ("SECRET=", "Period="), as hectorm/otpauth reads them.
// Parameters are read in the order the link has them, so the answer never
// depends on map order.
func readLinkParams(rawQuery string) linkParams {
	var p linkParams
	p.broken = strings.IndexByte(rawQuery, ';') >= 0
	offset := 0
	for part := range strings.SplitSeq(rawQuery, "&") {
		rawName, rawValue, _ := strings.Cut(part, "=")
		name, err := url.QueryUnescape(rawName) // no copy without escapes
		if err != nil {
			p.broken = true
		} else if strings.IndexByte(rawValue, '%') >= 0 {
			if _, verr := url.QueryUnescape(rawValue); verr != nil {
				p.broken = true
			}
		}
		for k := range paramNames {
			if err != nil || p.exact[k] || len(name) != len(paramNames[k]) || !strings.EqualFold(name, paramNames[k]) {
				continue
			}
			exact := name == paramNames[k]
			if p.found[k] && !exact {
				continue
			}
			v, err := url.QueryUnescape(rawValue)
			if err != nil {
				continue
			}
			p.value[k], p.at[k], p.found[k], p.exact[k] = v, -1, true, exact
			if !strings.ContainsAny(rawValue, "%+") {
				p.at[k] = offset + len(rawName) + 1
			}
		}
		offset += len(part) + 1
	}
	return p
}

// param returns the value of the link's parameter k and its offset (see
// linkParams).
func (p *linkParams) param(k int) (string, int) {
	if !p.found[k] {
		return "", -1
	}
	return p.value[k], p.at[k]
}

// clipValue shortens a parameter value for a message. Values of the
// shapes settings have are shown whole unless long: numbers
// ("period=9000000"), algorithm names ("algorithm=SHA3-256", "HmacSHA1")
// and short words ("steam"). Anything else may be a key put in the wrong
// parameter, or a part of one, and shows only its first four characters.
func clipValue(v string) string {
	if settingShape(v) {
		return clip(v, maxShownValue)
	}
	return clip(v, 4)
}

// settingShape reports whether v looks like a setting rather than a
// secret: digits alone (with a sign or a point), an algorithm's name of up
// to 12 characters, or a word of up to eight letters.
func settingShape(v string) bool {
	if v == "" {
		return true
	}
	if len(v) <= 12 && (hasPrefixFold(v, "sha") || hasPrefixFold(v, "md") || hasPrefixFold(v, "hmac")) {
		return true // no key is this short
	}
	digits, letters := true, true
	for i := 0; i < len(v); i++ {
		c := v[i]
		digits = digits && (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.')
		letters = letters && c|0x20 >= 'a' && c|0x20 <= 'z'
	}
	return digits || letters && len(v) <= 8
}

// maxShownValue is the longest parameter value a message shows whole.
const maxShownValue = 32

// readParams checks the digits, period, algorithm and counter of a link
// and copies them into account. It returns what is wrong, or "".
func readParams(params *linkParams, account *Account) string {
	if v, _ := params.param(paramDigits); v != "" {
		d, err := strconv.Atoi(v)
		if err != nil || d < MinDigits || d > MaxDigits {
			return "the otpauth link asks for digits=" + clipValue(v) + "; TOTP codes have 6, 7 or 8 digits"
		}
		account.Digits = d
	}
	if v, _ := params.param(paramPeriod); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 1 || p > MaxPeriod {
			return "the otpauth link asks for period=" + clipValue(v) +
				"; a period is a number of seconds from 1 to " + strconv.Itoa(MaxPeriod)
		}
		account.Period = p
	}
	if v, _ := params.param(paramAlgorithm); v != "" {
		a, err := ParseAlgorithm(v)
		if err != nil {
			return "the otpauth link asks for algorithm=" + clipValue(v) + "; TOTP uses SHA1, SHA256 or SHA512"
		}
		account.Algorithm = string(a)
	}
	if v, _ := params.param(paramCounter); v != "" && account.Type == "hotp" {
		c, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			return "the otpauth link asks for counter=" + clipValue(v) + "; an HOTP counter is a whole number from 0"
		}
		account.Counter = c
	}
	return ""
}

// hasPrefixFold is strings.HasPrefix, ignoring ASCII case.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
