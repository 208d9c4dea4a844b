package totpkey

import (
	"strconv"
	"strings"
	"sync"
)

// Credential ids: which other credential of a trading account an input is,
// in Problem.Credential of an other-credential problem. Stable, like the
// reason ids.
const (
	CredentialAPIKey      = "api-key"
	CredentialAPISecret   = "api-secret"
	CredentialAccessToken = "access-token"
	CredentialClientID    = "client-id"
	CredentialAppID       = "app-id"
	CredentialPAN         = "pan"
	CredentialDateOfBirth = "date-of-birth"
	CredentialPassword    = "password"
	CredentialPIN         = "pin"
)

// whereTheKeyIs ends every other-credential message: what the TOTP Key
// really is, so that the user looks for the right thing.
const whereTheKeyIs = "; the TOTP Key is the secret your broker shows beside the QR code when you set up TOTP"

// credentialShape is what the recogniser found: the credential and the
// sentence that names it. lookalike is true for a shape that a key typed
// by hand can have too; the look-alike problems are then kept, after the
// other-credential problem, so that both readings are said and --code can
// settle them.
type credentialShape struct {
	id        string
	message   string
	lookalike bool
}

// otherCredential recognises another credential of a trading account
// pasted as the key: an access token, a UUID or hexadecimal API key, a
// PAN, a client id, an app id, a date of birth; or anything under a label
// that names one ("Password:", "API key:"), unless what follows the label
// is a valid key. t is the input with its ends trimmed and unwrapped;
// label is the credential its label named, or "". It returns nil for
// anything else, without building a Result: most inputs that get here
// are short keys.
func otherCredential(t string, base int, label string) *Result {
	shape, ok := credentialShapeOf(t)
	if !ok && label == "" {
		return nil
	}
	if !ok || shape.lookalike {
		body := classifyBody(t, base)
		if label != "" && (body.Class == ClassValid || !ok && body.Class == ClassCode && label != CredentialPIN) {
			return nil // the label was wrong or the key is fine: let Classify say so
		}
		if !ok {
			shape = credentialShape{id: label, message: "the label in front of it says this is " + credentialNames()[label]}
		}
		if shape.lookalike {
			r := body
			r.Problems = append([]Problem{{ID: ReasonOtherCredential, Credential: shape.id, Message: shape.message}}, r.Problems...)
			r.Changes = 0
			r = r.malformed()
			return &r
		}
	}
	r := &Result{
		Class:    ClassMalformed,
		Format:   FormatText,
		Problems: []Problem{{ID: ReasonOtherCredential, Credential: shape.id, Message: shape.message + whereTheKeyIs}},
		Topic:    string(ReasonOtherCredential),
	}
	return r
}

// mayBeCredential is the quick test before otherCredential, cheap enough
// to inline: the first signs of each shape credentialShapeOf knows. A key
// of 16 or 32 capital letters and digits fails it at once three times in
// four.
func mayBeCredential(t string) bool {
	n := len(t)
	switch {
	case n == 16 || n == 32:
		c := t[0]
		return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'F'
	case n > 16:
		return t[0] == 'e' || n == 36 || n == 14
	}
	return n >= 5
}

// credentialNames names each credential in words, with its article (built
// on first use).
var credentialNames = sync.OnceValue(func() map[string]string {
	return map[string]string{
		CredentialAPIKey:      "an API key",
		CredentialAPISecret:   "an API secret",
		CredentialAccessToken: "an access token",
		CredentialClientID:    "a client id",
		CredentialAppID:       "an app id",
		CredentialPAN:         "a PAN",
		CredentialDateOfBirth: "a date of birth",
		CredentialPassword:    "a password",
		CredentialPIN:         "a PIN",
	}
})

// credentialShapeOf recognises a credential by its shape alone. The
// checks are ordered by length, so that a key (16 characters or more of
// A-Z and 2-7) is turned away after a few byte comparisons.
func credentialShapeOf(t string) (credentialShape, bool) {
	switch {
	case len(t) > 3 && t[0] == 'e' && t[1] == 'y' && t[2] == 'J':
		if jwt(t) {
			return credentialShape{id: CredentialAccessToken, message: "this is an access token (a JWT: three parts " +
				"joined by dots, starting eyJ), which the broker issues at login and which expires; it is not a TOTP Key. " +
				"Groww calls such a token its \"TOTP token\": the key is its \"TOTP QR Secret\""}, true
		}
	case len(t) == 36 && t[8] == '-':
		if uuid(t) {
			return credentialShape{id: CredentialAPIKey, message: "this is a UUID (32 hexadecimal digits in groups " +
				"8-4-4-4-12), the form of an API key or secret (Upstox, Angel One) or an access token (Kotak Neo), " +
				"not a TOTP Key; do not convert it to base32: that gives a well-formed key that can never work"}, true
		}
	case len(t) == 32 && hexOnly(t) && hasHexDigit(t):
		return credentialShape{id: CredentialAPIKey, message: "this is 32 hexadecimal digits, the form of an API key " +
			"or secret (a Shoonya app key, a Kite api_secret), not a TOTP Key: brokers show the TOTP Key in base32, " +
			"so do not convert it"}, true
	case (len(t) == 16 || len(t) == 32) && lowerAlnum(t) && hasHexDigit(t):
		what, id := "a Kite Connect api_key", CredentialAPIKey
		if len(t) == 32 {
			what, id = "a Kite Connect api_secret", CredentialAPISecret
		}
		return credentialShape{id: id, lookalike: true, message: "this has " + strconv.Itoa(len(t)) + " lower-case letters and " +
			"digits, the form of " + what + "; it may also be a TOTP Key typed by hand, where the digits 0, 1, 8 and 9 " +
			"stand for letters. Run totpkey validate --code CODE with the code your authenticator app shows: " +
			"if no reading of it gives the code, it is not your TOTP Key"}, true
	case len(t) == 14 && t[10] == '-':
		if fyersAppID(t) {
			return credentialShape{id: CredentialAppID, message: "this has the form of a Fyers App ID (ten letters " +
				"and digits, then -100), which identifies an API app, not a TOTP Key"}, true
		}
	case len(t) == 10 && date(t):
		return credentialShape{id: CredentialDateOfBirth, message: "this is a date, such as a date of birth, " +
			"which some brokers ask for at login; it is not a TOTP Key"}, true
	case len(t) == 10 && pan(t):
		return credentialShape{id: CredentialPAN, message: "this has the form of a PAN (five letters, four digits, " +
			"a letter), not a TOTP Key: never paste your PAN into the TOTP Key field" + orPartOfKey(t)}, true
	case len(t) >= 5 && len(t) <= 11 && clientID(t):
		return credentialShape{id: CredentialClientID, message: "this has the form of a client id or login id " +
			"(a few letters, then digits), which goes in the client id field, not the TOTP Key" + orPartOfKey(t)}, true
	}
	return credentialShape{}, false
}

// orPartOfKey is the second reading of a short credential whose digits
// are all 2 to 7: the start of a TOTP Key, cut far too short. Empty when
// a digit 0, 1, 8 or 9 rules that out.
func orPartOfKey(t string) string {
	if hasHexDigit(t) {
		return ""
	}
	return " (if it is instead the start of a TOTP Key, it is far too short: copy all of the key)"
}

// jwt reports whether t is a JSON Web Token: three non-empty parts of
// base64url joined by dots (the last may be empty for an unsigned token),
// the first starting "eyJ" (base64 of `{"`).
func jwt(t string) bool {
	parts, partLen := 1, 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c == '.':
			if partLen == 0 {
				return false
			}
			parts++
			partLen = 0
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '=':
			partLen++
		default:
			return false
		}
	}
	return parts == 3 && len(t) >= 20
}

// uuid reports whether t is 36 characters of hexadecimal digits in
// groups 8-4-4-4-12.
func uuid(t string) bool {
	for i := 0; i < len(t); i++ {
		switch i {
		case 8, 13, 18, 23:
			if t[i] != '-' {
				return false
			}
		default:
			if !hexDigit(t[i]) {
				return false
			}
		}
	}
	return true
}

// hexOnly reports whether every byte of t is a hexadecimal digit.
func hexOnly(t string) bool {
	for i := 0; i < len(t); i++ {
		if !hexDigit(t[i]) {
			return false
		}
	}
	return true
}

// hasHexDigit reports whether t has one of the digits 0, 1, 8 and 9,
// which hex and other text have and base32 lacks: without one, t may be
// a base32 key.
func hasHexDigit(t string) bool {
	return strings.ContainsAny(t, "0189")
}

// lowerAlnum reports whether t is lower-case ASCII letters and digits
// only, with a letter among them.
func lowerAlnum(t string) bool {
	letter := false
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= 'a' && c <= 'z':
			letter = true
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letter
}

// fyersAppID reports whether t is a Fyers App ID: ten upper-case letters
// and digits, a dash and the three-digit app type ("-100").
func fyersAppID(t string) bool {
	letters, digits := 0, 0
	for i := 0; i < 10; i++ {
		switch c := t[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c >= '0' && c <= '9':
			digits++
		default:
			return false
		}
	}
	return letters > 0 && digits > 0 && asciiDigits(t[11:])
}

// asciiDigits reports whether s is one or more ASCII digits.
func asciiDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// date reports whether t is a calendar date written DD-MM-YYYY or
// YYYY-MM-DD, with dashes, slashes or dots, between the years 1900 and
// 2099.
func date(t string) bool {
	var d, m, y string
	switch {
	case dateSep(t[2]) && t[5] == t[2]:
		d, m, y = t[:2], t[3:5], t[6:]
	case dateSep(t[4]) && t[7] == t[4]:
		y, m, d = t[:4], t[5:7], t[8:]
	default:
		return false
	}
	if !asciiDigits(d) || !asciiDigits(m) || !asciiDigits(y) {
		return false
	}
	day, month := int(d[0]-'0')*10+int(d[1]-'0'), int(m[0]-'0')*10+int(m[1]-'0')
	return day >= 1 && day <= 31 && month >= 1 && month <= 12 && (y[:2] == "19" || y[:2] == "20")
}

// dateSep reports whether c separates the parts of a date.
func dateSep(c byte) bool { return c == '-' || c == '/' || c == '.' }

// pan reports whether t has the form of an Indian PAN: five letters, four
// digits and a letter, the fourth letter saying who holds it (P a person,
// C a company, H, F, A, T, B, L, J or G), in either case.
func pan(t string) bool {
	for i := 0; i < 10; i++ {
		c := t[i] | 0x20
		isLetter := c >= 'a' && c <= 'z'
		if (i >= 5 && i <= 8) == isLetter || !isLetter && (t[i] < '0' || t[i] > '9') {
			return false
		}
	}
	return strings.IndexByte("pchfatbljg", t[3]|0x20) >= 0
}

// clientID reports whether t has the form of a broker's client or login
// id: one to three letters, then four to eight digits (AB1234 at Zerodha,
// FA12345 at Shoonya, A1234567 at Angel One), with Shoonya's vendor code
// suffix "_U" allowed.
func clientID(t string) bool {
	t = strings.TrimSuffix(t, "_U")
	letters := 0
	for letters < len(t) && letters < 4 && (t[letters]|0x20 >= 'a' && t[letters]|0x20 <= 'z') {
		letters++
	}
	digits := t[letters:]
	return letters >= 1 && letters <= 3 && len(digits) >= 4 && len(digits) <= 8 && asciiDigits(digits)
}
