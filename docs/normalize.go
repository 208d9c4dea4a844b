package docs

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// MaxQueryBytes bounds how much of a query is looked at. A pasted support
// ticket can be long; the part that names the problem is near the start.
const MaxQueryBytes = 4096

// normalize turns text into the form every comparison uses: lower case,
// letters and digits only, words separated by single spaces. Apostrophes
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
		case unicode.IsLetter(r) || unicode.IsDigit(r):
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

// stopWords carry no meaning for finding a topic. The set is built the
// first time a query needs it, not at start-up.
var stopWords = sync.OnceValue(func() map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(`a an the i im ive me my mine you your we our us it its itll
		is are was were be been being am do does did doesnt dont didnt isnt wasnt arent
		cant cannot can could would should will wont shall may might must
		to of in on at for from by with into onto about as than then so if or and but
		not no nor this that these those there here what which who whom whose how why
		when where any some all more most anymore again also just only very too
		have has had having get gets got getting please help hi hello thanks thank
		ok okay one`) {
		set[w] = true
	}
	return set
})

// terms splits normalised text into the words a keyword search compares:
// stop words dropped, plurals folded, each word once, in order.
func terms(normalized string) []string {
	var out []string
	seen := make(map[string]bool)
	stop := stopWords()
	for _, w := range strings.Fields(normalized) {
		if stop[w] {
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
