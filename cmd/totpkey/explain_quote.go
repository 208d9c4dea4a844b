package main

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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

// inputKind says what a query that matched no topic looks like when it is
// the pasted input itself rather than a message ("a TOTP Key", "a one-time
// code") and the topic validate would give it; empty otherwise.
func inputKind(query string) (kind, topic string) {
	r := totpkey.Classify(query)
	switch {
	case r.Class == totpkey.ClassCode:
		return "a one-time code", r.Topic
	case r.Class == totpkey.ClassValid, r.Key != "":
		return "a TOTP Key", r.Topic
	}
	return "", ""
}
