package totpkey

import "strconv"

// digitsOnly judges a body made of digits alone (and no padding): 6 to 8
// of them are a one-time code, any other number is not a key.
func (s *bodyScan) digitsOnly() Result {
	n := s.digits
	switch {
	case n >= 6 && n <= 8:
		return Result{
			Class:    ClassCode,
			Format:   FormatDigits,
			Problems: []Problem{{ID: ReasonOneTimeCode, Message: codeMessages[n-6]}},
			Topic:    string(ReasonOneTimeCode),
		}
	case n <= 5:
		return notAKey(FormatDigits, "this is a "+strconv.Itoa(n)+"-digit number such as a PIN, not a TOTP Key")
	case n <= 15:
		r := notAKey(FormatDigits, "this is a "+strconv.Itoa(n)+"-digit number such as a phone, client or account number, not a TOTP Key")
		r.chars = n // for ApplyBroker: a broker's client ids may be numbers
		return r
	case s.hexDigits == 0:
		// Every digit is 2 to 7, so this is base32 in form; but a key
		// has letters too, and one without a single letter is a number.
		return notAKey(FormatDigits, "this is a "+strconv.Itoa(n)+"-digit number: a TOTP Key made only of digits "+
			"is almost certainly a number copied by mistake (an account or card number), not the key")
	}
	return notAKey(FormatDigits, "this is a "+strconv.Itoa(n)+"-digit number; a TOTP Key is made of the letters A to Z and the digits 2 to 7")
}

// codeMessages say what a 6, 7 or 8 digit code is, written out so that
// classifying a code costs one allocation.
var codeMessages = [...]string{
	"this is a 6-digit one-time code, what the authenticator app shows; the TOTP Key is the longer secret behind it",
	"this is a 7-digit one-time code, what the authenticator app shows; the TOTP Key is the longer secret behind it",
	"this is an 8-digit one-time code, what the authenticator app shows; the TOTP Key is the longer secret behind it",
}

// text judges whether a body is words, a password or base64 rather than a
// key, and returns the format and the message of the not-a-key result, or
// "" for a body that may be a key. The signs: common words among groups of
// uneven length, words written with a capital, cases mixed inside a word,
// and many characters that no key has.
func (s *bodyScan) text() (Format, string) {
	ts := &s.tokens
	if ts.loneLower > 0 && ts.groupLen < MinKeyChars && (ts.count < 2 || s.runes < MinKeyChars) {
		// One lower-case letter in a group is a slip of the hand only in
		// a key written in groups; in a word alone ("IDs") it is a word.
		ts.loneLower, ts.upperOnly, ts.mixed = 0, ts.upperOnly-1, ts.mixed+1
	}
	if ts.count >= 2 && s.lower == s.runes && (s.runes < MinKeyChars && (ts.ragged || ts.groupLen != 4) || ts.count >= 3 && ts.ragged) {
		// Lower-case letters alone, as words of their own lengths: a
		// key in groups has groups of four, and digits.
		return FormatText, "this reads like words, not a TOTP Key: a key is a string of letters A to Z and digits 2 to 7, at least 16 long"
	}
	words := ts.words + ts.capitalized
	if ts.count >= 2 && ts.groupLen >= MinKeyChars && words >= 1 {
		// A key and a word after it ("… Regards"): a key in groups has
		// no group this long.
		return FormatText, "this reads like words or a sentence, not a TOTP Key"
	}
	if ts.count >= 2 && (words >= 2 || words >= 1 && ts.ragged || ts.mixed > 0 ||
		ts.lowerOnly > 0 && ts.upperOnly > 0 && ts.ragged) {
		return FormatText, "this reads like words or a sentence, not a TOTP Key"
	}
	if ts.count == 1 && ts.words == 1 {
		return FormatText, "this is an ordinary word, not a TOTP Key"
	}
	if ts.count == 1 && (ts.mixed == 1 || ts.capitalized == 1) {
		if s.runes >= MinKeyChars && s.other == 0 {
			return FormatBase64, "upper- and lower-case letters are mixed: this looks like a base64 secret or a password; " +
				"a TOTP Key is base32, in one case, with the letters A to Z and the digits 2 to 7"
		}
		return FormatText, "this looks like a password, not a TOTP Key"
	}
	if s.symbols > 0 && ts.count == 1 && s.runes < MinKeyChars {
		return FormatText, "this looks like a password, not a TOTP Key"
	}
	if s.other >= 3 && s.other*4 >= s.runes || s.badCount > maxReportedChars {
		return FormatText, strconv.Itoa(s.badCount) + " of its " + strconv.Itoa(s.runes) +
			" characters are ones a TOTP Key never contains: this is not a key"
	}
	return "", ""
}
