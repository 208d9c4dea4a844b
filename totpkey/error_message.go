package totpkey

import (
	"slices"
	"strings"
)

// errorMessageTexts are the known error messages as AutoTrader Web writes
// them, by help topic, for the message of a result.
var errorMessageTexts = map[string]string{
	"failed-to-generate-totp": "Failed to generate TOTP",
	"invalid-totp":            "Invalid TOTP",
}

// pastedErrorMessage recognises text that holds one of AutoTrader Web's
// error messages ("Failed to generate TOTP", "Invalid TOTP"), the words of
// scanErrorMessages in a row in any case and punctuation: a user who pasted
// the error instead of the key. The result is not-a-key, with the topic of
// that error, which says what the error means and what to paste instead.
// Classify asks only about inputs already judged to be words, so keys pay
// nothing for it.
func pastedErrorMessage(t string) (Result, bool) {
	words := strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return r < 'a' || r > 'z' })
	for _, msg := range scanErrorMessages {
		for i := 0; i+len(msg.words) <= len(words); i++ {
			if !slices.Equal(words[i:i+len(msg.words)], msg.words) {
				continue
			}
			r := notAKey(FormatText, "this is the error message \""+errorMessageTexts[msg.topic]+
				"\" that AutoTrader Web shows, not a TOTP Key: paste the key your broker gave you")
			r.Topic = msg.topic
			return r, true
		}
	}
	return Result{}, false
}
