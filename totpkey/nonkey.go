package totpkey

import "strings"

// nonKey recognises inputs that are plainly something other than a key:
// web addresses, e-mail addresses and phone numbers. It returns the format
// and the message of the not-a-key result, or "" for an input that may be
// a key.
func nonKey(t string) (Format, string) {
	if !hasAddressSign(t) && !hasPrefixFold(t, "www.") {
		return "", "" // the common case: nothing to look at
	}
	switch {
	case strings.Contains(t, "://") || hasPrefixFold(t, "www.") || hasPrefixFold(t, "http:") || hasPrefixFold(t, "https:"):
		return FormatURL, "this is a web address, not a TOTP Key: the key is the secret your broker shows " +
			"when you set up TOTP"
	case emailAddress(t):
		return FormatEmail, "this is an e-mail address, not a TOTP Key"
	case phoneNumber(t):
		return FormatPhone, "this is a phone number, not a TOTP Key"
	}
	return "", ""
}

// addressSigns marks the characters that addresses and phone numbers have
// and keys do not: ':', '@', '+', '(' and '/'.
var addressSigns = [256]bool{':': true, '@': true, '+': true, '(': true, '/': true}

// hasAddressSign reports whether t has one of addressSigns, a byte at a
// time with one table look-up each.
func hasAddressSign(t string) bool {
	for i := 0; i < len(t); i++ {
		if addressSigns[t[i]] {
			return true
		}
	}
	return false
}

// emailAddress reports whether t is one word of the form local@domain.tld.
func emailAddress(t string) bool {
	at := strings.IndexByte(t, '@')
	if at <= 0 || strings.IndexByte(t[at+1:], '@') >= 0 || strings.ContainsAny(t, " \t") {
		return false
	}
	dot := strings.LastIndexByte(t[at+1:], '.')
	return dot > 0 && dot < len(t[at+1:])-2
}

// phoneNumber reports whether t is written like a phone number: digits with
// a leading + or an area code in brackets, 7 to 15 digits in all.
func phoneNumber(t string) bool {
	if t[0] != '+' && !strings.Contains(t, "(") {
		return false
	}
	digits := 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '+' && i == 0, c == ' ', c == '-', c == '(', c == ')', c == '.':
		default:
			return false
		}
	}
	return digits >= 7 && digits <= 15
}
