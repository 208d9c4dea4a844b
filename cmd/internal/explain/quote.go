package explain

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/totpkey/totpkey/docs"
	"github.com/totpkey/totpkey/totpkey"
)

// maxQuotedRunes is how much of a query an error message quotes.
const maxQuotedRunes = 60

// minSecretLikeRunes is the shortest word safeQuote treats as a possible
// secret when it is made of capitals and digits.
const minSecretLikeRunes = 8

// safeQuote quotes a query for an error message without leaking a secret:
// someone may paste a key into explain by mistake. Every word that is or
// looks like a key is masked the way keys always are (first 4 characters),
// and the quote is cut to maxQuotedRunes.
func safeQuote(query string) string {
	words := strings.Fields(query)
	for i, w := range words {
		if looksSecret(w) {
			words[i] = totpkey.Mask(w)
		}
	}
	s := strings.Join(words, " ")
	if utf8.RuneCountInString(s) > maxQuotedRunes {
		s = strings.TrimRight(string([]rune(s)[:maxQuotedRunes]), " ") + "…"
	}
	return strconv.Quote(s)
}

// looksSecret reports whether a word may carry a secret: the classifier
// finds a key in it, or it is long and has no lower-case letters or has
// digits among them (a key with a typo is still mostly a key).
func looksSecret(word string) bool {
	core := strings.TrimFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if utf8.RuneCountInString(core) < minSecretLikeRunes {
		return false
	}
	if r := totpkey.Classify(core); r.Key != "" {
		return true
	}
	digits, lower := 0, 0
	for _, r := range core {
		switch {
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLower(r):
			lower++
		}
	}
	return lower == 0 || digits > 0
}

// matchedByInput is how -o json says a topic was found by classifying
// the query as a pasted input (a code, a key).
const matchedByInput docs.MatchedBy = "input"

// inputTopic says what a query that matched no topic is when it is the
// pasted input itself rather than a message ("a one-time code", "a TOTP
// Key") and the topic validate gives it. Words and sentences are not
// inputs: a malformed result counts only when the query looks like a
// secret (looksSecret) and is not called something other than a key.
func inputTopic(query string) (kind string, t docs.Topic, ok bool) {
	if len(query) > totpkey.MaxInputBytes {
		return "", docs.Topic{}, false // too long to be a pasted key or code
	}
	r := totpkey.Classify(query)
	switch {
	case r.Class == totpkey.ClassCode:
		kind = "a one-time code"
	case r.Class == totpkey.ClassValid || r.Key != "":
		kind = "a TOTP Key"
	case r.Class == totpkey.ClassMalformed && !r.HasProblem(totpkey.ReasonNotAKey) && !r.HasProblem(totpkey.ReasonEmpty) &&
		looksSecret(strings.Join(strings.Fields(query), "")):
		kind = "a TOTP Key with a problem"
	default:
		return "", docs.Topic{}, false
	}
	t, ok = docs.Lookup(r.Topic)
	return kind, t, ok
}

// inputKind is inputTopic for a hint: the kind and the topic id; empty
// when the query is not an input.
func inputKind(query string) (kind, topic string) {
	kind, t, ok := inputTopic(query)
	if !ok {
		return "", ""
	}
	return kind, t.ID
}
