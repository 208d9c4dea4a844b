package totpkey

// ErrorMessage is one of the error messages AutoTrader Web shows when it
// cannot log in with a TOTP Key, which people paste, or quote in a ticket,
// in place of the key.
type ErrorMessage struct {
	// Text is the message as AutoTrader Web writes it.
	Text string
	// Words are its words in lower case, as a scanner compares them.
	Words []string
	// Topic is the id of the help topic that explains it.
	Topic string
}

// errorMessages is the one list of the known error messages.
var errorMessages = [...]ErrorMessage{
	{"Failed to generate TOTP", []string{"failed", "to", "generate", "totp"}, "failed-to-generate-totp"},
	{"Invalid TOTP", []string{"invalid", "totp"}, "invalid-totp"},
}

// ErrorMessages returns the known error messages of AutoTrader Web.
func ErrorMessages() []ErrorMessage { return errorMessages[:] }

// pastedErrorMessage recognises text that holds one of AutoTrader Web's
// error messages ("Failed to generate TOTP", "Invalid TOTP"), the words of
// ErrorMessages in a row in any case and punctuation: a user who pasted
// the error instead of the key. The result is not-a-key, with the topic of
// that error, which says what the error means and what to paste instead.
// Classify asks only about inputs already judged to be words, and this
// reads them in place without allocating: --lines meets many sentences.
func pastedErrorMessage(t string) (Result, bool) {
	for word, next := nextWord(t, 0); word != ""; word, next = nextWord(t, next) {
		for _, msg := range errorMessages {
			if !equalFoldASCII(word, msg.Words[0]) || !wordsFollow(t, next, msg.Words[1:]) {
				continue
			}
			r := notAKey(FormatText, "this is the error message \""+msg.Text+
				"\" that AutoTrader Web shows, not a TOTP Key: paste the key your broker gave you")
			r.Topic = msg.Topic
			return r, true
		}
	}
	return Result{}, false
}

// wordsFollow reports whether the words of t from byte at on are words, in
// any case.
func wordsFollow(t string, at int, words []string) bool {
	for _, w := range words {
		var word string
		if word, at = nextWord(t, at); !equalFoldASCII(word, w) {
			return false
		}
	}
	return true
}

// nextWord returns the next run of ASCII letters in t from byte at on, and
// where to look for the one after; "" when there is none.
func nextWord(t string, at int) (string, int) {
	for at < len(t) && !asciiLetter(t[at]) {
		at++
	}
	start := at
	for at < len(t) && asciiLetter(t[at]) {
		at++
	}
	return t[start:at], at
}

// asciiLetter reports whether c is an ASCII letter.
func asciiLetter(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z'
}

// equalFoldASCII reports whether word, ASCII letters, equals lower, in
// lower case, ignoring case.
func equalFoldASCII(word, lower string) bool {
	if len(word) != len(lower) {
		return false
	}
	for i := 0; i < len(word); i++ {
		if word[i]|0x20 != lower[i] {
			return false
		}
	}
	return true
}
