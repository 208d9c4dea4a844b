package totpkey

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// lookalikes maps characters that are not in the base32 alphabet to the
// Latin letters a person most likely meant. Digits come from hand copying
// (0 for O, 1 for I or L, 8 for B); the Cyrillic and Greek letters come from
// keyboards and from copying out of documents in those scripts. The maps
// of this file are built on first use, not when a command starts.
var lookalikes = sync.OnceValue(func() map[rune]string {
	return map[rune]string{
		'0': "O", '1': "I or L", '8': "B",
		// Cyrillic capitals and small letters that look like Latin capitals.
		'А': "A", 'В': "B", 'Е': "E", 'К': "K", 'М': "M", 'Н': "H", 'О': "O",
		'Р': "P", 'С': "C", 'Т': "T", 'Х': "X", 'У': "Y", 'І': "I", 'Ј': "J",
		'Ѕ': "S", 'а': "A", 'в': "B", 'е': "E", 'к': "K", 'м': "M", 'н': "H",
		'о': "O", 'р': "P", 'с': "C", 'т': "T", 'х': "X", 'у': "Y", 'і': "I",
		'ј': "J", 'ѕ': "S",
		// Greek capitals and small letters that look like Latin capitals.
		'Α': "A", 'Β': "B", 'Ε': "E", 'Ζ': "Z", 'Η': "H", 'Ι': "I", 'Κ': "K",
		'Μ': "M", 'Ν': "N", 'Ο': "O", 'Ρ': "P", 'Τ': "T", 'Υ': "Y", 'Χ': "X",
		'ο': "O", 'κ': "K", 'ν': "V", 'τ': "T", 'υ': "U", 'χ': "X",
	}
})

// lookalike returns the letter suggestion for r, as lookalikes holds it.
// The ASCII look-alikes (the digits 0, 1 and 8) are answered without the
// map: codes and hand-copied keys are full of them.
func lookalike(r rune) (string, bool) {
	if r < utf8.RuneSelf {
		switch r {
		case '0':
			return "O", true
		case '1':
			return "I or L", true
		case '8':
			return "B", true
		}
		return "", false
	}
	s, ok := lookalikes()[r]
	return s, ok
}

// LookalikeCandidates returns the base32 letters a look-alike character most
// likely stands for ("O" for the digit 0; "I" and "L" for the digit 1), or
// nil when the character is no known look-alike.
func LookalikeCandidates(r rune) []byte {
	s, ok := lookalikes()[r]
	if !ok {
		return nil
	}
	if s == "I or L" {
		return []byte{'I', 'L'}
	}
	return []byte{s[0]}
}

// Invisible reports whether r is a character that shows as nothing when
// pasted: zero-width spaces and joiners, byte order marks, soft hyphens,
// direction marks and word joiners.
func Invisible(r rune) bool {
	switch r {
	case '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD',
		'\u200E', '\u200F', '\u2061', '\u2062', '\u2063', '\u2064',
		'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u180E':
		return true
	}
	return false
}

// Space reports whether r is white space a person may have pasted inside a
// key: ASCII spaces, tabs and line breaks, and the Unicode spaces that word
// processors and web pages use (no-break, thin, ideographic...).
func Space(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', '\u00A0', '\u1680', '\u2028',
		'\u2029', '\u202F', '\u205F', '\u3000', '\u0085':
		return true
	}
	return r >= '\u2000' && r <= '\u200A'
}

// separator reports whether r is a character people put between the groups
// of a key.
func separator(r rune) bool {
	switch r {
	case '-', '.', '_', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

// charNames holds the Unicode names CharName gives the characters people
// paste most (white space, invisible and look-alike characters).
var charNames = sync.OnceValue(func() map[rune]string {
	return map[rune]string{
		0x00:   "NULL",
		'\t':   "CHARACTER TABULATION",
		'\n':   "LINE FEED",
		'\r':   "CARRIAGE RETURN",
		' ':    "SPACE",
		0x7F:   "DELETE",
		0xA0:   "NO-BREAK SPACE",
		0xAD:   "SOFT HYPHEN",
		0x180E: "MONGOLIAN VOWEL SEPARATOR",
		0x200B: "ZERO WIDTH SPACE",
		0x200C: "ZERO WIDTH NON-JOINER",
		0x200D: "ZERO WIDTH JOINER",
		0x200E: "LEFT-TO-RIGHT MARK",
		0x200F: "RIGHT-TO-LEFT MARK",
		0x2028: "LINE SEPARATOR",
		0x2029: "PARAGRAPH SEPARATOR",
		0x202A: "LEFT-TO-RIGHT EMBEDDING",
		0x202B: "RIGHT-TO-LEFT EMBEDDING",
		0x202C: "POP DIRECTIONAL FORMATTING",
		0x202D: "LEFT-TO-RIGHT OVERRIDE",
		0x202E: "RIGHT-TO-LEFT OVERRIDE",
		0x202F: "NARROW NO-BREAK SPACE",
		0x2060: "WORD JOINER",
		0x2061: "FUNCTION APPLICATION",
		0x2062: "INVISIBLE TIMES",
		0x2063: "INVISIBLE SEPARATOR",
		0x2064: "INVISIBLE PLUS",
		0x3000: "IDEOGRAPHIC SPACE",
		0xFEFF: "ZERO WIDTH NO-BREAK SPACE (BYTE ORDER MARK)",
		0xFFFD: "REPLACEMENT CHARACTER",
		'0':    "DIGIT ZERO",
		'1':    "DIGIT ONE",
		'8':    "DIGIT EIGHT",
		'9':    "DIGIT NINE",
		'=':    "EQUALS SIGN",
	}
})

// CharName describes a character for a person: "U+200B ZERO WIDTH SPACE" for
// the ones that show as nothing or that people confuse, and a script-aware
// name such as "U+041E CYRILLIC CAPITAL LETTER O" for look-alike letters.
func CharName(r rune) string {
	if name, ok := charNames()[r]; ok {
		return fmt.Sprintf("U+%04X %s", r, name)
	}
	if name, ok := scriptNames()[r]; ok {
		return fmt.Sprintf("U+%04X %s", r, name)
	}
	switch {
	case r >= 0x0400 && r <= 0x04FF:
		return fmt.Sprintf("U+%04X CYRILLIC LETTER", r)
	case r >= 0x0370 && r <= 0x03FF:
		return fmt.Sprintf("U+%04X GREEK LETTER", r)
	case r < 0x20 || (r >= 0x80 && r < 0xA0):
		return fmt.Sprintf("U+%04X CONTROL CHARACTER", r)
	case Space(r):
		return fmt.Sprintf("U+%04X SPACE", r)
	}
	return fmt.Sprintf("U+%04X", r)
}

// scriptNames names the Cyrillic and Greek look-alikes of lookalikes.
// It is built on first use, so that start-up does no work.
var scriptNames = sync.OnceValue(func() map[rune]string {
	m := make(map[rune]string, 64)
	for _, l := range [...]struct {
		script string
		upper  string
		lower  string
		names  string
	}{
		{"CYRILLIC", "АВЕКМНОРСТХУІЈЅ", "авекмнорстхуіјѕ", "A VE IE KA EM EN O ER ES TE HA U BYELORUSSIAN-UKRAINIAN_I JE DZE"},
		{"GREEK", "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "αβεζηικμνορτυχ", "ALPHA BETA EPSILON ZETA ETA IOTA KAPPA MU NU OMICRON RHO TAU UPSILON CHI"},
	} {
		names := strings.Fields(l.names)
		upper, lower := []rune(l.upper), []rune(l.lower)
		for i, name := range names {
			name = strings.ReplaceAll(name, "_", " ")
			m[upper[i]] = l.script + " CAPITAL LETTER " + name
			m[lower[i]] = l.script + " SMALL LETTER " + name
		}
	}
	return m
})
