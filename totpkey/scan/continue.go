package scan

import (
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
)

// keyTail is the end of a line that a key may go on from: a key finding
// held back, or a run of base32 characters too short to be a key alone.
type keyTail struct {
	text    []byte // the tail as written, with a soft break "=" if any
	line    int
	column  int
	long    bool // the line was as long as the lines a mail wraps
	held    bool // finding is a key finding held back
	finding Finding
	broken  bool // a line was skipped after the tail: nothing joins it
}

func (t *keyTail) reset() {
	if len(t.text) == 0 && !t.held && !t.broken {
		return // the common case: no tail; a Finding is large to clear
	}
	t.text, t.held, t.finding, t.broken = t.text[:0], false, Finding{}, false
}

// Sizes of a key's parts over two lines.
const (
	minTailChars = 8  // the shortest line end a key may go on from
	wrappedLine  = 60 // a line at least this long may have been wrapped by a mail program
)

// Flush appends the key finding held back at the end of the last line (see
// ScanLine) to dst and forgets it; call it at the end of a text.
func (s *Scanner) Flush(dst []Finding) []Finding {
	if s.tail.held {
		dst = append(dst, s.tail.finding)
	}
	s.tail.reset()
	return dst
}

// continueKey settles the tail of the previous line against the start of
// line: when the tail and the run of base32 characters that starts line
// make one valid key together, that key is the finding (at the tail's
// place), and the bytes of line it took are returned, so that nothing
// found in them counts again. Otherwise the finding held back, if any, is
// appended as it was.
//
// given is the line as given, line the same normalised (see ScanLine) and
// norm what maps one to the other (nil when they are the same).
func (s *Scanner) continueKey(given, line []byte, norm *totpkey.Normalized, dst []Finding) ([]Finding, int) {
	t := &s.tail
	if len(t.text) == 0 {
		return dst, 0
	}
	defer t.reset()
	lead, end := leadingRun(line)
	if lead > 0 && (t.broken || !s.joins(line[end-lead:end])) {
		lead = 0
	}
	leadStart := end - lead
	if lead > 0 && norm != nil {
		// The run as given: full-width letters are three bytes each.
		leadStart, end = norm.Origin(leadStart), norm.Origin(end)
		lead = utf8.RuneCount(given[leadStart:end])
	}
	line = given
	if lead == 0 {
		if t.held {
			dst = append(dst, t.finding)
		}
		return dst, 0
	}
	text := string(t.text) + "\n" + string(line[:end])
	r := totpkey.Classify(text)
	if r.HasProblem(totpkey.ReasonTwoKeys) && t.long {
		// Two runs long enough to be keys each, but the first ends a line
		// as long as a mail wraps them: one key, wrapped.
		r = totpkey.Classify(string(t.text) + string(line[leadStart:end]))
		r.Changes = r.Changes.With(totpkey.ChangeWhitespace)
		if r.Class == totpkey.ClassValid {
			r.Topic = "cleaned-key"
		}
	}
	if r.Class != totpkey.ClassValid || len(r.Key) <= lead || r.Format != totpkey.FormatBase32 ||
		t.held && len(r.Key) <= len(t.finding.Result.Key) {
		// Not one key made of the two parts: a key found among the
		// words, or the tail's key alone.
		if t.held {
			dst = append(dst, t.finding)
		}
		return dst, 0
	}
	return append(dst, Finding{Line: t.line, Column: t.column, Kind: FindingKey, Text: text, Result: r}), end
}

// joins reports whether lead, the run of base32 characters that starts a
// line, may go on from the tail: the tail ends in a soft break "=";
// otherwise lead is no ordinary word, and the tail is no key alone, or was
// a line that a mail wraps, or lead looks like the rest of a key (it has a
// digit).
func (s *Scanner) joins(lead []byte) bool {
	t := &s.tail
	if t.text[len(t.text)-1] == '=' {
		return true // a soft break: the line goes on, whatever follows
	}
	if commonWordRun(lead) {
		return false // "I tried again", "Regards": a new sentence
	}
	if t.long || !t.held || t.finding.Result.Class != totpkey.ClassValid {
		return true
	}
	for _, c := range lead {
		if c >= '2' && c <= '7' {
			return true
		}
	}
	return false
}

// leadingRun returns the length of the run of base32 characters that
// starts line after white space, and where it ends; 0 when the run is
// followed by a letter or digit that is not base32 (it is no part of a
// key) or there is none.
func leadingRun(line []byte) (int, int) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	j := i
	for j < len(line) && base32Char(line[j]) {
		j++
	}
	if j < len(line) && (line[j] >= '0' && line[j] <= '9' || line[j]|0x20 >= 'a' && line[j]|0x20 <= 'z' || line[j] >= 0x80) {
		return 0, 0
	}
	return j - i, j
}

// base32Char reports whether c is A-Z, a-z or 2-7.
func base32Char(c byte) bool {
	return c >= '2' && c <= '7' || c|0x20 >= 'a' && c|0x20 <= 'z'
}

// dropConsumed removes the findings from dst[mark:] that start in the
// first consumed bytes of the line: the part of a key that continueKey
// joined to the line before.
func dropConsumed(dst []Finding, mark, consumed int) []Finding {
	if consumed == 0 {
		return dst
	}
	kept := dst[:mark]
	for _, f := range dst[mark:] {
		if f.start >= consumed {
			kept = append(kept, f)
		}
	}
	return kept
}

// holdTail looks at the end of line for a key that may go on on the next
// line: a key finding that ends the line is taken out of dst[mark:] and held
// back; a run of base32 characters at the end, too short to be found
// alone, is remembered.
//
// given, line and norm are as for continueKey; consumed is what
// continueKey took of the line.
func (s *Scanner) holdTail(number int, given, line []byte, norm *totpkey.Normalized, dst []Finding, mark, consumed int) []Finding {
	t := &s.tail
	t.reset()
	end := len(given)
	for end > 0 && (given[end-1] == ' ' || given[end-1] == '\t') {
		end--
	}
	if end == 0 {
		return dst
	}
	t.long = len(given) >= wrappedLine
	if n := len(dst); n > mark && dst[n-1].Kind == FindingKey && dst[n-1].end == end && dst[n-1].Line == number {
		f := dst[n-1]
		if f.Result.Class == totpkey.ClassValid || f.Result.Key == "" {
			t.text = append(t.text, f.Text...)
			t.line, t.column, t.held, t.finding = number, f.Column, true, f
			return dst[:n-1]
		}
		return dst
	}
	end = len(line)
	for end > 0 && (line[end-1] == ' ' || line[end-1] == '\t') {
		end--
	}
	if end == 0 {
		return dst
	}
	start := end
	if line[start-1] == '=' {
		start-- // a soft break
	}
	for start > 0 && base32Char(line[start-1]) {
		start--
	}
	run := end - start
	if line[end-1] == '=' {
		run--
	}
	if run < minTailChars || start > 0 && !boundary(line[start-1]) {
		return dst
	}
	if norm != nil {
		start, end = norm.Origin(start), len(given)
	}
	if start < consumed {
		return dst // the rest of the key on the line before
	}
	t.text = append(t.text, given[start:end]...)
	t.line = number
	t.column = (&scanColumns{line: given}).at(start)
	return dst
}

// boundary reports whether c may stand right before a key: white space or
// punctuation, not a letter or digit.
func boundary(c byte) bool {
	return c < 0x80 && !base32Char(c) && !(c >= '0' && c <= '9')
}

// keysWithCodes turns a key finding of dst[mark:] with a one-time code
// right before or after it, apart by one space ("KEY 482913", "482 913
// KEY"), into one finding of the two, as Classify reads them: a key with
// its code (key-with-code), not a valid key and a code.
func (s *Scanner) keysWithCodes(line []byte, dst []Finding, mark int) []Finding {
	for k := mark; k < len(dst); k++ {
		f := &dst[k]
		if f.Kind != FindingKey {
			continue
		}
		end := codeAfter(line, f.end)
		if end == 0 {
			// "JBSW Y3DP EHPK 3PXP 482 913": the first group of the code
			// was taken for the last group of the key.
			if sp := lastDigitGroup(line, f.start, f.end); sp > 0 {
				end = codeAfter(line, sp)
			}
		}
		if end > 0 {
			if r := totpkey.Classify(string(line[f.start:end])); r.HasProblem(totpkey.ReasonKeyWithCode) {
				f.Text, f.Result, f.end = string(line[f.start:end]), r, end
				dst = dropFrom(dst, k+1, end)
			}
			continue
		}
		if f.Result.Class != totpkey.ClassValid {
			continue
		}
		if start := codeBefore(line, f.start); start >= 0 {
			if r := totpkey.Classify(string(line[start:f.end])); r.HasProblem(totpkey.ReasonKeyWithCode) {
				f.Column -= f.start - start
				f.Text, f.Result, f.start = string(line[start:f.end]), r, start
				if k > mark && dst[k-1].Kind == FindingCode && dst[k-1].start >= start {
					dst = append(dst[:k-1], dst[k:]...)
					k--
				}
			}
		}
	}
	return dst
}

// dropFrom removes the findings from dst[k:] that start before end.
func dropFrom(dst []Finding, k, end int) []Finding {
	for k < len(dst) && dst[k].start < end {
		dst = append(dst[:k], dst[k+1:]...)
	}
	return dst
}

// codeAfter returns the end of a one-time code (6 to 8 digits, or two
// groups of three) after one space at line[at:], standing alone; 0 when
// there is none.
func codeAfter(line []byte, at int) int {
	if at >= len(line) || line[at] != ' ' {
		return 0
	}
	i := at + 1
	n, end := digitRun(line, i)
	if n == 3 && end+4 <= len(line) && (line[end] == ' ' || line[end] == '-') {
		if m, end2 := digitRun(line, end+1); m == 3 {
			n, end = 6, end2
		}
	}
	if n < 6 || n > 8 || end < len(line) && !boundary(line[end]) || end < len(line) && line[end] == '-' {
		return 0
	}
	return end
}

// codeBefore returns the start of a one-time code standing alone before
// one space at line[:at], or -1.
func codeBefore(line []byte, at int) int {
	if at < 7 || line[at-1] != ' ' {
		return -1
	}
	i := at - 1
	for i > 0 && line[i-1] >= '0' && line[i-1] <= '9' {
		i--
	}
	n := at - 1 - i
	if n == 3 && i >= 5 && (line[i-1] == ' ' || line[i-1] == '-') {
		j := i - 1
		for j > 0 && line[j-1] >= '0' && line[j-1] <= '9' {
			j--
		}
		if i-1-j == 3 {
			n, i = 6, j
		}
	}
	if n < 6 || n > 8 || i > 0 && !boundary(line[i-1]) || i > 0 && line[i-1] == '-' {
		return -1
	}
	return i
}

// digitRun returns how many ASCII digits start at line[i] and where they
// end.
func digitRun(line []byte, i int) (int, int) {
	j := i
	for j < len(line) && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	return j - i, j
}

// lastDigitGroup returns the offset of the space before the last group of
// line[start:end] when that group is three digits, or 0.
func lastDigitGroup(line []byte, start, end int) int {
	sp := end - 4
	if sp <= start || line[sp] != ' ' {
		return 0
	}
	if n, e := digitRun(line, sp+1); n != 3 || e != end {
		return 0
	}
	return sp
}

// commonWordRun reports whether run is an ordinary word ("Customer",
// "THANKS"): no part of a key.
func commonWordRun(run []byte) bool {
	if len(run) > scanMaxWord {
		return false
	}
	tok := scanToken{kind: scanTokWord}
	return scanLookupWord(run, &tok)&scanWordCommon != 0
}
