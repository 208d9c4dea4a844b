package totpkey

import "sync"

// maxCredentialLabel is the longest label credentialLabel reads, in bytes.
const maxCredentialLabel = 24

// credentialLabel returns the credential that a leading label of t names
// ("Password:", "API key:", "client_id = "), or "" when t has no such
// label. It copies nothing: a key has no ':' or '=' among its first
// characters, or a digit before it, and is turned away at once.
func credentialLabel(t string) string {
	if end := labelEnd(t); end > 0 {
		return labelCredential(t[:end+1])
	}
	return "" // the common case: no label at all
}

// labelCredential looks a label up in credentialLabels: its words in lower
// case, joined by single spaces. label ends with its ':' or '='.
func labelCredential(t string) string {
	var buf [maxCredentialLabel]byte
	n, space := 0, false
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case asciiLetter(c):
			if space && n > 0 {
				buf[n] = ' '
				n++
			}
			space = false
			buf[n] = c | 0x20
			n++
		case c == ' ' || c == '_' || c == '-' || c == '\t':
			space = true
		case c == ':' || c == '=':
			return credentialLabels()[string(buf[:n])]
		default:
			return ""
		}
		if n >= maxCredentialLabel-1 {
			return ""
		}
	}
	return ""
}

// labelEnd returns the index of the ':' or '=' that ends a label of
// letters and separators at the start of t, or -1. A key is turned away at
// its first digit, a few bytes in.
func labelEnd(t string) int {
	for i := 0; i < len(t) && i < maxCredentialLabel; i++ {
		switch labelBytes[t[i]] {
		case labelEndByte:
			return i
		case notLabelByte:
			return -1
		}
	}
	return -1
}

// The kinds of byte a label has, for labelBytes.
const (
	notLabelByte  = iota // a digit, a quote, anything else: no label
	labelWordByte        // a letter or a separator between words
	labelEndByte         // ':' or '=', the end of the label
)

// labelBytes sorts bytes for labelEnd, one table look-up each.
var labelBytes = func() (t [256]byte) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = labelWordByte, labelWordByte
	}
	t[' '], t['_'], t['-'], t['\t'] = labelWordByte, labelWordByte, labelWordByte, labelWordByte
	t[':'], t['='] = labelEndByte, labelEndByte
	return t
}()

// credentialLabels maps a label, in lower case with single spaces, to the
// credential it names. "Secret key" is not here: traders and brokers call
// the TOTP Key that too. Built on first use.
var credentialLabels = sync.OnceValue(func() map[string]string {
	return map[string]string{
		"password": CredentialPassword, "pass": CredentialPassword, "pwd": CredentialPassword,
		"login password": CredentialPassword, "trading password": CredentialPassword,
		"pin": CredentialPIN, "mpin": CredentialPIN, "m pin": CredentialPIN, "login pin": CredentialPIN,
		"api key": CredentialAPIKey, "apikey": CredentialAPIKey, "app key": CredentialAPIKey,
		"appkey": CredentialAPIKey, "user key": CredentialAPIKey, "consumer key": CredentialAPIKey,
		"api secret": CredentialAPISecret, "apisecret": CredentialAPISecret, "app secret": CredentialAPISecret,
		"api secret key": CredentialAPISecret, "consumer secret": CredentialAPISecret,
		"access token": CredentialAccessToken, "accesstoken": CredentialAccessToken,
		"request token": CredentialAccessToken, "session token": CredentialAccessToken, "jwt": CredentialAccessToken,
		"client id": CredentialClientID, "clientid": CredentialClientID, "client code": CredentialClientID,
		"user id": CredentialClientID, "userid": CredentialClientID, "login id": CredentialClientID, "ucc": CredentialClientID,
		"app id": CredentialAppID, "appid": CredentialAppID,
		"pan": CredentialPAN, "pan number": CredentialPAN, "pan no": CredentialPAN,
		"dob": CredentialDateOfBirth, "date of birth": CredentialDateOfBirth, "birth date": CredentialDateOfBirth,
	}
})
