package scan

import (
	"strings"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/broker"

	"github.com/totpkey/totpkey/totpkey/lines"
)

// FindingKind is what the scanner found in free text.
type FindingKind string

// The kinds of finding Scan reports.
const (
	// FindingKey is something that looks like a TOTP Key: a run of base32
	// characters, or groups of them separated by single spaces or dashes
	// ("PFYQ RH5L 7EKN 2XQA"), or a hexadecimal secret next to the word key.
	FindingKey FindingKind = "key"
	// FindingCode is a 6 to 8 digit number next to a word such as "code",
	// "OTP" or "entered": most likely a one-time code.
	FindingCode FindingKind = "code"
	// FindingLink is an otpauth:// link.
	FindingLink FindingKind = "otpauth-link"
	// FindingExportLink is an otpauth-migration:// link, as exported by
	// Google Authenticator.
	FindingExportLink FindingKind = "export-link"
	// FindingErrorMessage is an error message of AutoTrader Web that the help
	// topics explain, such as "Failed to generate TOTP".
	FindingErrorMessage FindingKind = "error-message"
)

// Finding is one thing of interest found in free text.
type Finding struct {
	// Line is the 1-based line number.
	Line int
	// Column is the 1-based column in characters (an invalid UTF-8 byte
	// counts as one character).
	Column int
	// Kind is what was found.
	Kind FindingKind
	// Text is the span as written in the input. For keys and links it is a
	// secret: show it only through Mask.
	Text string
	// Result is what Classify says about Text; an export link with several
	// accounts gives one finding per account (ClassifyAll). For an error
	// message, which is not an input, only Format ("text") and Topic are
	// set.
	Result totpkey.Result

	// start and end are the byte offsets of Text in its line.
	start, end int
}

// Scan finds the keys, one-time codes, otpauth and export links and known
// error messages in text, such as a support ticket, and classifies each.
// Lines longer than MaxLineBytes are skipped. Findings come in the order of
// the text.
func Scan(text string) []Finding {
	var s Scanner
	return s.ScanText(text, nil)
}

// ScanText appends to dst the findings of a whole text, line by line, as
// Scan does; afterwards the scanner still knows what the text said (the
// brokers it names, Brokers).
func (s *Scanner) ScanText(text string, dst []Finding) []Finding {
	// No line of a short text can be longer than the text: a buffer its
	// size does, not one for the longest line allowed (a message masked
	// for each row of a CSV export pays per call).
	lr := lines.NewLineReader(strings.NewReader(text), min(max(len(text), 1), lines.MaxLineBytes))
	for lr.Next() {
		l := lr.Line()
		if l.TooLong {
			s.Skip()
			continue
		}
		dst = s.ScanLine(l.Number, l.Text, dst)
	}
	return s.Flush(dst)
}

// Scanner finds keys, codes, links and error messages in text given line by
// line. It keeps a little context from one line to the next ("My code
// is:" on one line and the number on the next), so give it the lines of one
// text in order; call Reset between texts. The zero value is ready to use.
// A Scanner reuses its buffers: memory stays bounded by the longest line.
type Scanner struct {
	toks []scanToken
	line []byte // the line being scanned
	// noKeyBefore is the first token of the line a key may start at: the
	// tokens before it belong to a run of groups rejected as a whole.
	noKeyBefore int
	// prevCode and prevNeg are how many tokens back from the end of the
	// previous line the last word that speaks for (or against) a one-time
	// code stood, and prevKey the same for a key; 0 when there was none.
	prevCode, prevNeg, prevKey int
	// brokers counts the brokers the lines name (see Brokers).
	brokers broker.Tally
	// tail is the end of the previous line that a key may go on from.
	tail keyTail
}

// Reset forgets the context of the previous line, for a new text, and the
// brokers named. A key finding held back for the line after it is
// dropped: call Flush first.
func (s *Scanner) Reset() {
	s.prevCode, s.prevNeg, s.prevKey = 0, 0, 0
	s.brokers = broker.Tally{}
	s.tail.reset()
}

// Brokers is what the lines scanned since the last Reset say about the
// broker: the one they name, or none, or several. A caller that knows the
// whole text is one account's ticket checks its findings for that broker
// (totpkey.Result.ApplyBroker).
func (s *Scanner) Brokers() *broker.Tally { return &s.brokers }

// Skip tells the scanner that a line was left out (too long to read), so
// that no context carries over it: a key held back at the line before is
// reported as it is, with the next line, not joined to it.
func (s *Scanner) Skip() {
	s.prevCode, s.prevNeg, s.prevKey = 0, 0, 0
	s.tail.broken = true
}

// ScanLine scans one line (without its line ending) and appends what it
// finds to dst. number is the line's 1-based number, used in the findings.
// The line may hold any bytes: NUL, invalid UTF-8, control characters.
//
// The line is normalised first as Classify normalises an input (HTML
// entities and tags, quoted-printable escapes, full-width characters,
// emphasis markers: see totpkey.Normalize); Text and Column are those of
// the line as given. A key at the end of a line may go on at the start of
// the next one (a mail wrapped it, or a quoted-printable soft break "="
// ends the line): such a key is held back until the next line says
// whether it goes on, and the two parts are joined when together they are
// one valid key. Call Flush at the end of the text for a key held back.
func (s *Scanner) ScanLine(number int, line []byte, dst []Finding) []Finding {
	given := line
	var norm *totpkey.Normalized
	if lineNeedsNormalizing(line) {
		if n := totpkey.Normalize(string(line)); n.Changes != 0 {
			norm, line = &n, []byte(n.Text)
		}
	}
	dst, consumed := s.continueKey(given, line, norm, dst)
	mark := len(dst)
	s.toks = scanTokenize(line, s.toks[:0])
	s.line = line
	s.noKeyBefore = 0
	defer func() { s.line = nil }()
	toks := s.toks
	for k := range toks {
		if t := &toks[k]; t.kind == scanTokWord {
			s.brokers.Word(line[t.start:t.end])
		} else {
			s.brokers.Break()
		}
	}
	s.brokers.Break() // no name runs from one line into the next
	col := scanColumns{line: given}
	span := func(start, end int) (int, int) {
		if norm == nil {
			return start, end
		}
		return givenSpan(norm, given, start, end)
	}
	for i := 0; i < len(toks); {
		m, next, ok := s.match(line, toks, i)
		if !ok {
			i++
			continue
		}
		f := Finding{Line: number, Kind: m.kind}
		if m.kind == FindingErrorMessage {
			f.start, f.end = span(int(toks[i].start), int(toks[next-1].end))
			f.Column = col.at(f.start)
			f.Text = string(given[f.start:f.end])
			f.Result = totpkey.Result{Format: totpkey.FormatText, Topic: m.topic}
			dst = append(dst, f)
			i = next
			continue
		}
		f.start, f.end = span(int(toks[i].start), int(m.spanEnd(toks, next)))
		f.Column = col.at(f.start)
		f.Text = string(given[f.start:f.end])
		if m.kind == FindingExportLink {
			// One finding per account of the export.
			for _, r := range totpkey.ClassifyAll(f.Text) {
				f.Result = r
				dst = append(dst, f)
			}
			i = next
			continue
		}
		f.Result = totpkey.Classify(f.Text)
		if m.kind == FindingKey && !keyLike(&f.Result) {
			i++
			continue
		}
		dst = append(dst, f)
		i = next
	}
	dst = dropConsumed(dst, mark, consumed)
	dst = s.keysWithCodes(given, dst, mark)
	dst = s.holdTail(number, given, line, norm, dst, mark, consumed)
	s.remember(toks)
	return dst
}

// scanMatch is a candidate finding over toks[i:next]: small, as match
// returns one for every token it looks at.
type scanMatch struct {
	kind FindingKind
	// topic is an error message's topic.
	topic string
	// padded is set when a key's "=" padding belongs to the span.
	padded bool
}

func (m *scanMatch) spanEnd(toks []scanToken, next int) int32 {
	last := toks[next-1]
	if m.padded {
		return last.padEnd
	}
	return last.end
}

// keyLike reports whether the classifier saw a key (or a broken one) in a
// key candidate, rather than text, an address or a number.
func keyLike(r *totpkey.Result) bool {
	switch r.Format {
	case totpkey.FormatBase32, totpkey.FormatHex:
		return true
	}
	return secretCredential(r)
}

// secretCredential reports whether r is an API key, API secret or access
// token: a secret of the account sent where the TOTP Key was asked for.
// A client id, a PAN or a date in a ticket is left alone: people name
// their account with them.
func secretCredential(r *totpkey.Result) bool {
	if len(r.Problems) == 0 || r.Problems[0].ID != totpkey.ReasonOtherCredential {
		return false
	}
	switch r.Problems[0].Credential {
	case totpkey.CredentialAPIKey, totpkey.CredentialAPISecret, totpkey.CredentialAccessToken:
		return true
	}
	return false
}

// match tries each kind of finding at token i and returns the first that
// fits, with the index of the token after it.
func (s *Scanner) match(line []byte, toks []scanToken, i int) (m scanMatch, next int, ok bool) {
	t := &toks[i]
	switch t.kind {
	case scanTokLink:
		m.kind = FindingLink
		if t.export {
			m.kind = FindingExportLink
		}
		return m, i + 1, true
	case scanTokSkip:
		return m, 0, false
	}
	if (t.chars == 6 || t.chars == 7) && (line[t.start]|0x20 == 'f' || line[t.start]|0x20 == 'i') {
		if topic, n := scanErrorMessageAt(line, toks, i); n > 0 {
			m.kind, m.topic = FindingErrorMessage, topic
			return m, i + n, true
		}
	}
	if t.end-t.start == 8 || line[t.start] == 'e' { // the first signs of a UUID or a JWT
		if n := credentialAt(line, toks, i); n > 0 {
			m.kind = FindingKey // classified as the credential it is
			return m, i + n, true
		}
	}
	if n := s.codeAt(line, toks, i); n > 0 {
		m.kind = FindingCode
		return m, i + n, true
	}
	if n, padded := s.keyAt(line, toks, i); n > 0 {
		m.kind = FindingKey
		m.padded = padded
		return m, i + n, true
	}
	return m, 0, false
}

// scanErrorMessageAt returns the topic and token count of a known error message
// starting at token i, with only white space between its words.
func scanErrorMessageAt(line []byte, toks []scanToken, i int) (string, int) {
	for _, msg := range totpkey.ErrorMessages() {
		if i+len(msg.Words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range msg.Words {
			t := &toks[i+k]
			if t.kind != scanTokWord || !scanEqualFold(line[t.start:t.end], w) ||
				k > 0 && !scanBlankBetween(line, toks[i+k-1].end, t.start) {
				ok = false
				break
			}
		}
		if ok {
			return msg.Topic, len(msg.Words)
		}
	}
	return "", 0
}

// remember keeps the context at the end of a line for the next one.
func (s *Scanner) remember(toks []scanToken) {
	s.prevCode, s.prevNeg, s.prevKey = 0, 0, 0
	for back := 1; back <= scanContextBefore && back <= len(toks); back++ {
		f := s.flags(&toks[len(toks)-back])
		if s.prevCode == 0 && f&scanWordCode != 0 {
			s.prevCode = back
		}
		if s.prevNeg == 0 && f&scanWordNotCode != 0 {
			s.prevNeg = back
		}
		if s.prevKey == 0 && f&scanWordKey != 0 {
			s.prevKey = back
		}
	}
}

// scanColumns turns byte offsets into 1-based character columns, counting
// on from the last offset asked for (findings come in order).
type scanColumns struct {
	line []byte
	off  int
	col  int
}

func (c *scanColumns) at(off int) int {
	if off < c.off {
		c.off, c.col = 0, 0
	}
	c.col += utf8.RuneCount(c.line[c.off:off])
	c.off = off
	return c.col + 1
}
