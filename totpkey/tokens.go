package totpkey

import "unicode"

// tokenScan follows the word (run of characters between spaces or
// separators) being read.
type tokenScan struct {
	start      int // byte offset of the token in the text; -1 outside one
	lower      int
	upper      int
	firstUpper bool // the first letter is upper case
	n          int
}

func (t *tokenScan) add(text string, i int, r rune) {
	if t.start < 0 {
		t.start = i
	}
	switch {
	case r >= 'a' && r <= 'z' || r > 0x7F && unicode.IsLower(r):
		t.lower++
	case r >= 'A' && r <= 'Z' || r > 0x7F && unicode.IsUpper(r):
		if t.lower == 0 && t.upper == 0 {
			t.firstUpper = true
		}
		t.upper++
	}
	t.n++
}

// tokenStats sums up the words of a text, to tell prose from a key written
// in groups.
type tokenStats struct {
	count       int  // tokens
	words       int  // tokens that are common words
	capitalized int  // short tokens written like a word: "Failed"
	mixed       int  // tokens that mix cases otherwise: "aGVsbG8"
	longCapital int  // long tokens whose only capital is the first letter
	lowerOnly   int  // tokens with lower-case letters only
	upperOnly   int  // tokens with upper-case letters only
	loneLower   int  // of which tokens with a single lower-case letter
	groupLen    int  // length of the first token
	ragged      bool // tokens are not groups of one length (the last may be shorter)
	lastLen     int
}

// end closes the token being read at byte offset i.
func (s *tokenStats) end(t *tokenScan, text string, i int) {
	if t.start < 0 {
		return
	}
	s.count++
	if s.count == 1 {
		s.groupLen = t.n
	} else if s.lastLen != s.groupLen || t.n > s.groupLen {
		s.ragged = true // a group before this one was short, or this one is longer
	}
	s.lastLen = t.n
	switch {
	case t.lower > 0 && t.upper == 1 && t.firstUpper && t.n >= MinKeyChars:
		s.longCapital++
	case t.lower > 0 && t.upper == 1 && t.firstUpper:
		s.capitalized++
	case t.lower == 1 && (t.n >= MinKeyChars && t.upper > 1 || t.n >= 2 && t.n <= 8 && s.loneLower == 0 && (t.n >= 3 || s.count > 1)):
		// One lower-case letter in a long capital token, or in one group
		// of a key written in groups: a letter typed in the wrong case,
		// not base64.
		s.loneLower++
		s.upperOnly++
	case t.lower > 0 && t.upper > 0:
		s.mixed++
	case t.lower > 0:
		s.lowerOnly++
	case t.upper > 0:
		s.upperOnly++
	}
	if t.n <= maxWordLen && t.lower+t.upper == t.n && commonWord(text[t.start:i]) { // words are letters alone
		s.words++
	}
	*t = tokenScan{start: -1}
}
