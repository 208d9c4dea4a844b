package totpkey

import "strconv"

// digitsOnly judges a body made of digits alone: 6 to 8 of them are a
// one-time code, any other number is not a key.
func (s *bodyScan) digitsOnly() (Result, bool) {
	if s.digits != s.runes || s.padding > 0 {
		return Result{}, false
	}
	n := s.digits
	switch {
	case n >= 6 && n <= 8:
		return Result{
			Class:    ClassCode,
			Format:   FormatDigits,
			Problems: []Problem{{ID: ReasonOneTimeCode, Message: codeMessages[n-6]}},
			Topic:    string(ReasonOneTimeCode),
		}, true
	case n <= 5:
		return notAKey(FormatDigits, "this is a "+strconv.Itoa(n)+"-digit number such as a PIN, not a TOTP Key"), true
	case n <= 15:
		return notAKey(FormatDigits, "this is a "+strconv.Itoa(n)+"-digit number such as a phone, client or account number, not a TOTP Key"), true
	}
	return notAKey(FormatDigits, "this is a "+strconv.Itoa(n)+"-digit number; a TOTP Key is made of the letters A to Z and the digits 2 to 7"), true
}

// codeMessages say what a 6, 7 or 8 digit code is, written out so that
// classifying a code costs one allocation.
var codeMessages = [...]string{
	"this is a 6-digit one-time code, what the authenticator app shows; the TOTP Key is the longer secret behind it",
	"this is a 7-digit one-time code, what the authenticator app shows; the TOTP Key is the longer secret behind it",
	"this is an 8-digit one-time code, what the authenticator app shows; the TOTP Key is the longer secret behind it",
}

// text judges whether a body is words, a password or base64 rather than a
// key. The signs: common words among groups of uneven length, words written
// with a capital, cases mixed inside a word, and many characters that no
// key has.
func (s *bodyScan) text() (Result, bool) {
	ts := &s.tokens
	words := ts.words + ts.capitalized
	if ts.count >= 2 && (words >= 2 || words >= 1 && ts.ragged || ts.mixed > 0 ||
		ts.lowerOnly > 0 && ts.upperOnly > 0 && ts.ragged) {
		return notAKey(FormatText, "this reads like words or a sentence, not a TOTP Key"), true
	}
	if ts.count == 1 && ts.words == 1 {
		return notAKey(FormatText, "this is an ordinary word, not a TOTP Key"), true
	}
	if ts.count == 1 && (ts.mixed == 1 || ts.capitalized == 1) {
		if s.runes >= MinKeyChars && s.other == 0 {
			return notAKey(FormatBase64, "upper- and lower-case letters are mixed: this looks like a base64 secret or a password; "+
				"a TOTP Key is base32, in one case, with the letters A to Z and the digits 2 to 7"), true
		}
		return notAKey(FormatText, "this looks like a password, not a TOTP Key"), true
	}
	if s.symbols > 0 && ts.count == 1 && s.runes < MinKeyChars {
		return notAKey(FormatText, "this looks like a password, not a TOTP Key"), true
	}
	if s.other >= 3 && s.other*4 >= s.runes || s.badCount > maxReportedChars {
		return notAKey(FormatText, strconv.Itoa(s.badCount)+" of its "+strconv.Itoa(s.runes)+
			" characters are ones a TOTP Key never contains: this is not a key"), true
	}
	return Result{}, false
}
