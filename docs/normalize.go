package docs

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
)

// MaxQueryBytes bounds how much of a query is looked at. A pasted support
// ticket can be long; the part that names the problem is near the start.
const MaxQueryBytes = 4096

// normalize turns text into the form every comparison uses: lower case,
// letters, marks and digits only, words separated by single spaces. Apostrophes
// vanish ("doesn't" → "doesnt", "Dhan’s" → "dhans"); every other
// punctuation mark, symbol, control character or invalid byte separates
// words. Only the first MaxQueryBytes bytes are read.
func normalize(s string) string {
	if len(s) > MaxQueryBytes {
		s = s[:MaxQueryBytes]
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	for _, r := range s {
		switch {
		case isApostrophe(r):
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			// Marks too: the vowel signs of Devanagari ("कुंजी") are
			// part of the word, not breaks in it.
			if pendingSpace && b.Len() > 0 {
				b.WriteByte(' ')
			}
			pendingSpace = false
			b.WriteRune(unicode.ToLower(r))
		default:
			pendingSpace = true
		}
	}
	return b.String()
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '\u2018', '\u2019', '\u02BC', '`', '\u00B4':
		return true
	}
	return false
}

// terms splits normalised text into the words a keyword search compares:
// stop words dropped, plurals folded, each word once, in order.
func terms(normalized string) []string {
	var out []string
	seen := make(map[string]bool)
	for _, w := range strings.Fields(normalized) {
		if totpkey.StopWord(w) {
			continue
		}
		w = stem(w)
		if w == "" || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// stem folds the English plural and third-person "s" so that "keys",
// "shows" and "brokers" meet "key", "show" and "broker". It is deliberately
// tiny: a wrong fold costs a little ranking, never a match on an id.
func stem(w string) string {
	n := utf8.RuneCountInString(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return strings.TrimSuffix(w, "ies") + "y"
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}
