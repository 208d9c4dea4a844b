package totpkey

// scanRun reads the run of ASCII base32 characters (A-Z, a-z, 2-7) that
// starts at t[i], the bulk of any key, and returns where it ends. It counts
// and appends exactly as scan does one character at a time, with the
// counters in registers and the body copied in one go.
func (s *bodyScan) scanRun(t string, i int, tok *tokenScan) int {
	j := i
	lower, upper, digits, hexLetters := 0, 0, 0, 0
	firstLetter := byte(0) // the run's first letter, 0 while there is none
	for ; j < len(t); j++ {
		c := runClasses[t[j]]
		if c == 0 {
			break
		}
		// Letters and digits of a key come in no order: counting without
		// a branch per kind keeps the loop free of mispredictions.
		upper += int(c & runUpper)
		lower += int(c & runLower >> 1)
		digits += int(c & runDigit >> 2)
		hexLetters += int(c & runHex >> 3)
		if firstLetter == 0 && c&(runUpper|runLower) != 0 {
			firstLetter = c
		}
	}
	firstUpper := firstLetter&runUpper != 0
	n := j - i
	if n == 0 {
		return i
	}
	s.padInside = s.padInside || s.padding > 0
	s.lower += lower
	s.upper += upper
	s.letters += lower + upper
	s.digits += digits
	s.hexLetters += hexLetters
	s.runes += n
	if lower > 0 {
		s.changes |= changeLowercase
	}
	s.appendUpper(t[i:j], lower > 0)

	if tok.start < 0 {
		tok.start = i
	}
	if firstUpper && tok.lower == 0 && tok.upper == 0 {
		tok.firstUpper = true
	}
	tok.lower += lower
	tok.upper += upper
	tok.n += n
	return j
}

// The flags of runClasses.
const (
	runUpper = 1 << iota // A-Z
	runLower             // a-z
	runDigit             // 2-7
	runHex               // a-f, A-F
)

// runClasses has the flags of each ASCII base32 character, and 0 for every
// other byte.
var runClasses = func() (t [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = runUpper, runLower
	}
	for c := 'A'; c <= 'F'; c++ {
		t[c] |= runHex
		t[c+'a'-'A'] |= runHex
	}
	for c := '2'; c <= '7'; c++ {
		t[c] = runDigit
	}
	return t
}()

// appendUpper adds a run of base32 characters to the body, upper-cased
// when it has lower-case letters.
func (s *bodyScan) appendUpper(run string, hasLower bool) {
	if s.long != nil || s.n+len(run) > len(s.buf) {
		for k := 0; k < len(run); k++ {
			s.appendByte(upperASCII(run[k]))
		}
		return
	}
	dst := s.buf[s.n : s.n+len(run)]
	if !hasLower {
		copy(dst, run)
	} else {
		for k := range dst {
			dst[k] = upperASCII(run[k])
		}
	}
	s.n += len(run)
}

// upperASCII upper-cases an ASCII letter and keeps any other byte.
func upperASCII(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - ('a' - 'A')
	}
	return c
}
