package totpkey

import (
	"strconv"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey/link"
)

// classifyOTPAuth reads an otpauth:// link (the text inside a setup QR
// code) with link.ParseOTPAuth and checks its secret like a bare key. The
// link has no white space around it; base is its rune position in the
// input. No message quotes the link, which holds the secret.
func classifyOTPAuth(s string, base int) Result {
	l, err := link.ParseOTPAuth(s)
	if err != nil {
		r := badURI(err.Error())
		if l != nil {
			r.Account = l.Account
		}
		return r
	}
	secretBase := -1
	if l.SecretOffset >= 0 {
		// The secret is written as it is in the link: positions map back.
		secretBase = base + utf8.RuneCountInString(s[:l.SecretOffset])
	}
	r := classifyBody(l.Secret, secretBase)
	r.Format = FormatOTPAuth
	r.Account = l.Account
	return r.fromLink(l.Account.Type == "hotp", "this is an HOTP link")
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
func settingsWarnings(a link.Account) []Warning {
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

// badURI builds the result for a link that cannot be used.
func badURI(message string) Result {
	return Result{
		Class:    ClassMalformed,
		Format:   FormatOTPAuth,
		Problems: []Problem{{ID: ReasonBadURI, Message: message}},
		Topic:    string(ReasonBadURI),
	}
}
