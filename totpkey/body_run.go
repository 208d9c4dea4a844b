package totpkey

// scanRun reads the run of ASCII base32 characters (A-Z, a-z, 2-7) that
// starts at t[i], the bulk of any key, and returns where it ends. It counts
// and appends exactly as scan does one character at a time, with the
// counters in registers and the body copied in one go.
func (s *bodyScan) scanRun(t string, i int, tok *tokenScan) int {
	j := i
	// Letters and digits of a key come in no order: one sum of counters
	// (runCounts), without a branch per kind, keeps the loop short and free
	// of mispredictions.
	var counts uint64
	firstLetter := byte(0) // the run's first letter, 0 while there is none
	for ; j < len(t); j++ {
		c := runClasses[t[j]]
		if c == 0 {
			break
		}
		counts += runCounts[c]
		if firstLetter == 0 && c&(runUpper|runLower) != 0 {
			firstLetter = c
		}
	}
	firstUpper := firstLetter&runUpper != 0
	n := j - i
	upper := int(counts & runCountMask)
	lower := int(counts >> runCountBits & runCountMask)
	hexLetters := int(counts >> (2 * runCountBits) & runCountMask)
	digits := n - upper - lower // every byte of a run is one of the three
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

// runCounts adds one to the counters of a run's byte, by its flags in
// runClasses: upper-case letters, lower-case letters and hex letters, each
// in runCountBits bits of one number. A run is at most MaxInputBytes long,
// far below what a counter holds.
var runCounts = [16]uint64{ // the flags runClasses gives, no init work
	runUpper:          1,
	runUpper | runHex: 1 + 1<<(2*runCountBits),
	runLower:          1 << runCountBits,
	runLower | runHex: 1<<runCountBits + 1<<(2*runCountBits),
	runDigit:          0,
}

// runCountBits is the width of a counter in runCounts.
const (
	runCountBits = 21
	runCountMask = 1<<runCountBits - 1
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
