package totpkey

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// maxKeysInWords is how many different keys keysInWords tells apart: one
// is the key, two are two keys, and more are no different from two.
const maxKeysInWords = 2

// wordRun is a run of ASCII letters and digits in a text.
type wordRun struct {
	start, end int // byte offsets
	upper      int
	lower      int
	digits     int // 2 to 7
	nonBase32  int // 0, 1, 8 and 9
	chars      int // letters and digits, without invisible characters
}

// len is the number of letters and digits of the run.
func (w *wordRun) len() int { return w.chars }

// base32 reports whether the run has only base32 characters in one letter
// case: a lone letter of the other case in a long run ("JBSWY3DPEHPK3PXl")
// is a slip of the hand, not a mix.
func (w *wordRun) base32() bool {
	if w.nonBase32 > 0 {
		return false
	}
	lone := w.len() >= MinKeyChars && (w.upper == 1 || w.lower == 1)
	return w.upper == 0 || w.lower == 0 || lone
}

// keyFound is a key keysInWords found: where it is and what it gave.
type keyFound struct {
	start, end int // byte offsets of its span in the text
	result     Result
}

// keysInWords looks for keys among the words or code around them ("Your
// secret key is …", `totp_key = "…"`, `{"totp_key": "…"}`), for an input
// that as a whole gave r. Exactly one key found is a valid key with the
// change text; two different keys are the problem two-keys (also when the
// input as a whole read as one valid key: "KEY16 KEY32"); either replaces
// *r. It reports false, and leaves *r, when r stands: no key or the one r
// found, or a result that says more (a key pasted twice, a key with its
// code, a link, an address, a number).
func keysInWords(t string, base int, r *Result) bool {
	switch {
	case r.Class == ClassValid:
		if r.Changes&changeWhitespace == 0 || !twoLongRuns(t) {
			return false // the common case: one key, or one in groups
		}
	case r.Class == ClassCode, r.HasProblem(ReasonPastedTwice), r.HasProblem(ReasonKeyWithCode):
		return false
	}
	switch r.Format {
	case FormatBase32, FormatText, FormatBase64:
	default:
		return false
	}
	if r.Class != ClassValid && oneASCIIRun(t) {
		return false // letters and digits alone: no words around a key
	}
	var found [maxKeysInWords]keyFound
	n, words := findKeys(t, &found)
	switch {
	case n == 0:
		return false
	case n == 1 && r.Class == ClassValid:
		return false // the whole is the key, written in groups
	case n == 1 && !words:
		// Nothing but the key and a stray character or two: the whole
		// input's problems say more than "a key in words" would.
		return false
	case n == 1:
		*r = found[0].result
		r.Format = FormatText
		r.Changes |= changeText
		r.Topic = "cleaned-key"
		return true
	}
	first, second := &found[0], &found[1]
	at := 0
	if base >= 0 {
		at = base + utf8.RuneCountInString(t[:second.start]) + 1
	}
	*r = Result{
		Format: FormatText,
		Problems: []Problem{{
			ID:       ReasonTwoKeys,
			Position: at,
			Message: "there are two different keys here (of " + strconv.Itoa(len(first.result.Key)) + " and " +
				strconv.Itoa(len(second.result.Key)) + " characters): paste only one, the key your broker shows for this account now; " +
				"`totpkey validate --code CODE KEY` with each tells which one makes the code your app shows" + brokenKeyHint(t, first, second),
		}},
	}
	*r = r.malformed()
	return true
}

// twoLongRuns reports whether t has two or more runs of at least
// MinKeyChars letters and digits: what two keys need, and what a key in
// groups never has.
func twoLongRuns(t string) bool {
	runs, n := 0, 0
	for i := 0; i < len(t); i++ {
		if alnumBytes[t[i]] {
			n++
			continue
		}
		if n >= MinKeyChars {
			runs++
		}
		n = 0
	}
	if n >= MinKeyChars {
		runs++
	}
	return runs >= 2
}

// findKeys finds the keys in t, up to len(found) different ones, and
// reports how many and whether t has words or code besides them. A key is
// a run of base32 characters of at least MinKeyChars, or groups of 3 to 8
// of them joined by single spaces or dashes (the last group may be
// shorter), standing apart from letters and digits of any script, that
// looks like a key and is a valid key on its own.
func findKeys(t string, found *[maxKeysInWords]keyFound) (int, bool) {
	var runArr [64]wordRun
	runs := wordRuns(t, runArr[:0])
	n, words := 0, false
	for i := 0; i < len(runs); {
		j := keyRunsAt(t, runs, i)
		if j == i {
			words = words || hasWord(t[runs[i].start:runs[i].end])
			i++
			continue
		}
		start, end := runs[i].start, runs[j-1].end
		k := classifyBody(t[start:end], -1)
		if k.Class != ClassValid {
			// No key, and no part of it is one either.
			words = true
			i = j
			continue
		}
		if !alreadyFound(found[:n], k.Key) {
			if n == len(found) {
				return n, true
			}
			found[n] = keyFound{start: start, end: end, result: k}
			n++
		}
		i = j
	}
	if !words {
		words = wordsBetween(t, runs)
	}
	return n, words
}

// alreadyFound reports whether key is one of the keys found so far.
func alreadyFound(found []keyFound, key string) bool {
	for i := range found {
		if found[i].result.Key == key {
			return true
		}
	}
	return false
}

// hasWord reports whether a run that is no key is a word or a name: it
// has a letter.
func hasWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// wordsBetween reports whether the text between and around the runs has
// letters of other scripts ("कुंजी:") or the signs of code and fields
// (= : " ( { [).
func wordsBetween(t string, runs []wordRun) bool {
	prev := 0
	for i := 0; i <= len(runs); i++ {
		end := len(t)
		if i < len(runs) {
			end = runs[i].start
		}
		for _, r := range t[prev:end] {
			switch {
			case r == '=' || r == ':' || r == '"' || r == '(' || r == '{' || r == '[' || r == '\'':
				return true
			case r >= utf8.RuneSelf && unicode.IsLetter(r):
				return true
			}
		}
		if i < len(runs) {
			prev = runs[i].end
		}
	}
	return false
}

// wordRuns splits t into runs of ASCII letters and digits. A run next to a
// letter, digit or mark of another script is part of a word of that script
// and is marked as no base32 run.
func wordRuns(t string, runs []wordRun) []wordRun {
	for i := 0; i < len(t); {
		c := t[i]
		if !asciiAlnum(c) {
			i++
			continue
		}
		w := wordRun{start: i}
		for i < len(t) {
			if !asciiAlnum(t[i]) {
				// Invisible characters inside a key belong to it.
				r, size := utf8.DecodeRuneInString(t[i:])
				if !Invisible(r) || i+size >= len(t) || !asciiAlnum(t[i+size]) {
					break
				}
				i += size
				continue
			}
			w.chars++
			switch c := t[i]; {
			case c >= 'A' && c <= 'Z':
				w.upper++
			case c >= 'a' && c <= 'z':
				w.lower++
			case c >= '2' && c <= '7':
				w.digits++
			default:
				w.nonBase32++
			}
			i++
		}
		w.end = i
		if foreignNeighbour(t, w.start, w.end) {
			w.nonBase32++
		}
		runs = append(runs, w)
	}
	return runs
}

// asciiAlnum reports whether c is an ASCII letter or digit.
func asciiAlnum(c byte) bool { return alnumBytes[c] }

// alnumBytes marks the ASCII letters and digits.
var alnumBytes = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

// foreignNeighbour reports whether a letter, digit or mark of another
// script stands right before t[start:end] or right after it.
func foreignNeighbour(t string, start, end int) bool {
	if start > 0 {
		if r, _ := utf8.DecodeLastRuneInString(t[:start]); r >= utf8.RuneSelf && alnumOrMark(r) {
			return true
		}
	}
	if end < len(t) {
		if r, _ := utf8.DecodeRuneInString(t[end:]); r >= utf8.RuneSelf && alnumOrMark(r) {
			return true
		}
	}
	return false
}

// alnumOrMark reports whether r is a letter, digit or combining mark.
func alnumOrMark(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// keyRunsAt returns the index after the runs that make a key candidate
// starting at runs[i], or i when none starts there.
func keyRunsAt(t string, runs []wordRun, i int) int {
	w := &runs[i]
	if w.nonBase32 > 0 {
		return i
	}
	if j := groupRunsAt(t, runs, i); j > i {
		return j
	}
	if w.base32() && w.len() >= MinKeyChars && keyLikeRun(t[w.start:w.end], w) {
		return i + 1
	}
	return i
}

// groupRunsAt returns the index after a key written in groups starting at
// runs[i] (groups of one length of 3 to 8 base32 characters in one case,
// joined by the same single space or dash, the last one maybe shorter, at
// least MinKeyChars in all), or i.
func groupRunsAt(t string, runs []wordRun, i int) int {
	first := &runs[i]
	size := first.len()
	if size < minGroup || size > maxGroup || i+1 >= len(runs) || commonWord(t[first.start:first.end]) ||
		first.upper > 1 && first.lower > 1 || first.lower > 0 && first.upper > 0 && first.lower != 1 {
		return i
	}
	sep := ""
	chars, upper, lower, digits := size, first.upper, first.lower, first.digits
	// One letter typed in the wrong case; in a key in small letters the
	// groups after it say so.
	lone := first.lower == 1
	if lone {
		lower = 0
	}
	j := i + 1
	for ; j < len(runs); j++ {
		prev, g := &runs[j-1], &runs[j]
		between := t[prev.end:g.start]
		if !keyGroupSeparator(between) || sep != "" && between != sep || g.nonBase32 > 0 || g.len() > size {
			break
		}
		if !lone && lower == 0 && g.lower == 1 && (upper > 0 || g.upper > 0) {
			lone = true
		} else if g.upper > 0 && lower > 0 || g.lower > 0 && upper > 0 {
			break // another letter case: the words go on after the key
		} else {
			lower += g.lower
		}
		upper += g.upper
		sep = between
		chars += g.len()
		digits += g.digits
		if g.len() < size {
			j++ // a shorter group ends the key
			break
		}
	}
	if j-i < 2 || chars < MinKeyChars || digits == 0 && !letterGroups(t, runs[i:j]) {
		return i
	}
	return j
}

// The group sizes groupRunsAt accepts.
const (
	minGroup = 3
	maxGroup = 8
)

// keyLikeRun tells a key from a long word or name: a key has digits, or
// (the few keys without one) no more vowels than random letters have.
// Lower-case letters alone are words glued together, not a key.
func keyLikeRun(s string, w *wordRun) bool {
	if w.digits > 0 {
		return true
	}
	if w.upper <= 1 {
		return false
	}
	vowels := 0
	for i := 0; i < len(s); i++ {
		switch s[i] | 0x20 {
		case 'a', 'e', 'i', 'o', 'u':
			vowels++
		}
	}
	return vowels*100 <= 40*len(s)
}

// keyGroupSeparator reports whether s is what stands between the groups of a
// key: one space, dash, no-break space or narrow no-break space.
func keyGroupSeparator(s string) bool {
	switch s {
	case " ", "-", "\u00A0", "\u202F", "\u2009":
		return true
	}
	return false
}

// brokenKeyHint is the other reading of two keys on two lines and nothing
// else between them: one key broken over two lines.
func brokenKeyHint(t string, first, second *keyFound) string {
	between := t[first.end:second.start]
	for _, r := range between {
		if !Space(r) {
			return ""
		}
	}
	for _, r := range between {
		if r == '\n' {
			return "; or, if this is one key broken over two lines, join the lines and check it again"
		}
	}
	return ""
}

// letterGroups tells a key in groups of letters alone (a few keys have no
// digit) from words of one length: no group is a common word, and the
// letters have no more vowels than random letters have.
func letterGroups(t string, groups []wordRun) bool {
	vowels, n := 0, 0
	for _, g := range groups {
		w := t[g.start:g.end]
		if commonWord(w) {
			return false
		}
		for i := 0; i < len(w); i++ {
			switch w[i] | 0x20 {
			case 'a', 'e', 'i', 'o', 'u':
				vowels++
			}
		}
		n += g.len()
	}
	return vowels*100 <= 40*n
}

// oneASCIIRun reports whether t is ASCII letters and digits and nothing
// else: one word, with nothing around it.
func oneASCIIRun(t string) bool {
	for i := 0; i < len(t); i++ {
		if !asciiAlnum(t[i]) {
			return false
		}
	}
	return true
}
