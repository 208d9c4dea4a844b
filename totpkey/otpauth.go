package totpkey

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// classifyOTPAuth reads an otpauth:// link (the text inside a setup QR
// code) and checks its secret like a bare key. link has no white space
// around it. The link is parsed once, and its type, issuer and account name
// read as pquerna/otp reads them (see linkAccount); the checks here are
// stricter than pquerna/otp: it takes an empty secret, any digits and any
// algorithm. No message quotes the link, which holds the secret.
func classifyOTPAuth(link string, base int) Result {
	u, err := url.Parse(link)
	if err != nil {
		return badURI("the otpauth link cannot be read: it has characters or escapes that no link can have")
	}
	if !strings.EqualFold(u.Scheme, "otpauth") {
		return badURI("an otpauth link starts with otpauth:// followed by totp or hotp")
	}
	if u.Opaque != "" || !hasPrefixFold(link, "otpauth://") {
		return badURI(`the otpauth link is missing the "//" after "otpauth:"; a TOTP link starts with otpauth://totp/`)
	}
	query, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return badURI("the otpauth link's parameters cannot be read: a % escape is broken")
	}
	account := linkAccount(u, query)
	switch account.Type {
	case "totp", "hotp":
	case "":
		return badURI("the otpauth link has no type (totp or hotp) after otpauth://; a TOTP link starts with otpauth://totp/")
	default:
		return badURI(fmt.Sprintf("the otpauth link is of type %q; TOTP links are otpauth://totp/...", clip(account.Type, MaskedPrefix)))
	}
	if msg := readParams(query, &account); msg != "" {
		r := badURI(msg)
		r.Account = account
		return r
	}
	secret, rawAt := secretParam(u.RawQuery)
	if strings.TrimSpace(secret) == "" {
		r := badURI("the otpauth link has no secret= parameter with a key in it")
		r.Account = account
		return r
	}
	secretBase := -1
	if rawAt >= 0 {
		// The secret is written as it is in the link: positions map back.
		secretBase = base + utf8.RuneCountInString(link[:strings.Index(link, "?")+1+rawAt])
	}
	r := classifyBody(secret, secretBase)
	r.Format = FormatOTPAuth
	r.Account = account
	return r.fromLink(account.Type == "hotp", "this is an HOTP link")
}

// The settings that the codes AutoTrader Web makes from a TOTP Key have:
// the field takes the key alone, so these are what it uses.
const (
	fieldDigits    = 6
	fieldPeriod    = 30
	fieldAlgorithm = "SHA1"
)

// settingsWarnings are the warnings about an account whose codes are not
// made the way AutoTrader Web makes them (6 digits, a new code every 30
// seconds, SHA1): the key is valid, but the codes made from it alone are
// not the ones the app shows. Settings a link leaves out are the defaults.
func settingsWarnings(a Account) []Warning {
	if a.Type != "totp" {
		return nil
	}
	const alone = ", but the TOTP Key field takes only the key: AutoTrader Web "
	var ws []Warning
	if a.Digits != 0 && a.Digits != fieldDigits {
		ws = append(ws, Warning{ID: WarningNonDefaultDigits, Message: "the account uses " + strconv.Itoa(a.Digits) +
			"-digit codes" + alone + "makes 6-digit codes from it, which are not the codes your app shows"})
	}
	if a.Period != 0 && a.Period != fieldPeriod {
		ws = append(ws, Warning{ID: WarningNonDefaultPeriod, Message: "the account makes a new code every " + strconv.Itoa(a.Period) +
			" seconds" + alone + "makes one every 30 seconds, so its codes will not match your app's"})
	}
	if a.Algorithm != "" && a.Algorithm != fieldAlgorithm {
		ws = append(ws, Warning{ID: WarningNonDefaultAlgorithm, Message: "the account uses the " + a.Algorithm +
			" algorithm" + alone + "uses SHA1, so its codes will not match your app's"})
	}
	return ws
}

// fromLink finishes the result of a secret read out of a link (otpauth or
// export): the link itself is a cleaning, an HOTP account is not-totp
// before any other problem (what names it, such as "this is an HOTP link",
// starts the message), a TOTP account whose codes AutoTrader Web cannot
// make gets warnings, and a valid secret is a cleaned key.
func (r Result) fromLink(hotp bool, what string) Result {
	r.Changes |= changeURI
	if hotp {
		r.Problems = append([]Problem{{
			ID:      ReasonNotTOTP,
			Message: what + " (counter-based codes); the TOTP Key field needs the key of a TOTP account, whose codes change with time",
		}}, r.Problems...)
		return r.malformed()
	}
	r.Warnings = settingsWarnings(r.Account)
	if r.Class == ClassValid {
		r.Topic = "cleaned-key"
	}
	return r
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
			return "the otpauth link asks for digits=" + clip(v, MaskedPrefix) + "; TOTP codes have 6, 7 or 8 digits"
		}
		account.Digits = d
	}
	if v := query.Get("period"); v != "" {
		p, err := strconv.Atoi(v)
		if err != nil || p < 1 || p > MaxPeriod {
			return "the otpauth link asks for period=" + clip(v, MaskedPrefix) +
				"; a period is a number of seconds from 1 to " + strconv.Itoa(MaxPeriod)
		}
		account.Period = p
	}
	if v := query.Get("algorithm"); v != "" {
		a, err := ParseAlgorithm(v)
		if err != nil {
			return "the otpauth link asks for algorithm=" + clip(v, MaskedPrefix) + "; TOTP uses SHA1, SHA256 or SHA512"
		}
		account.Algorithm = string(a)
	}
	return ""
}

// badURI builds the result for a link that cannot be used.
func badURI(message string) Result {
	return Result{
		Class:    ClassMalformed,
		Format:   FormatOTPAuth,
		Problems: []Problem{{ID: ReasonBadURI, Message: message}},
		Topic:    string(ReasonBadURI),
	}
}
