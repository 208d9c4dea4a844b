package totpkey

import (
	"html"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalized is text with what mail, web pages and chat apps do to it
// undone (see Normalize).
type Normalized struct {
	// Text is the normalised text; the input itself when Changes is 0.
	Text string
	// Changes is what was undone: fullwidth, html, quoted-printable,
	// emphasis and symbols.
	Changes Changes
	// from holds, for each byte of Text, the byte offset in the input of
	// the character it came from, once mapped is set (Text is not the
	// input).
	from   []int32
	mapped bool
	// inputLen is the length of the input.
	inputLen int
}

// Origin returns the byte offset in the input of the character that byte
// i of Text came from; len(Text) maps to the end of the input.
func (n *Normalized) Origin(i int) int {
	switch {
	case !n.mapped:
		return i
	case i >= len(n.from):
		return n.inputLen
	}
	return int(n.from[i])
}

// Normalize undoes, in this order, what mail, web pages and chat apps do
// to text, each step reported as a change:
//
//   - quoted-printable: a mail's soft line breaks ("=" at a line end) and
//     escapes ("=3D"), as its raw source shows them;
//   - html: entities (&nbsp; &#8203; &amp;) and inline tags (<b>…</b>);
//   - fullwidth: full-width and other compatibility forms of letters,
//     digits and punctuation (Unicode NFKC), as East Asian keyboards type
//     them;
//   - emphasis: Markdown and chat-app markers around words (*bold*,
//     _italic_, ~strike~, ||spoiler||, ““” and “```” code fences);
//   - symbols: emoji and other symbols at either end of the text.
//
// Classify and the scanner (package scan) share it. Text with none of
// these comes back as it is, without allocating.
func Normalize(s string) Normalized {
	n := Normalized{Text: s, inputLen: len(s)}
	if !mayNeedNormalizing(s) {
		return n
	}
	for _, step := range normSteps {
		if !step.applies(n.Text) {
			continue
		}
		var b normBuilder
		step.run(n.Text, &b)
		if string(b.out) == n.Text {
			continue
		}
		n.compose(&b)
		n.Changes |= step.change
	}
	return n
}

// normSteps are the steps of Normalize in order.
var normSteps = [...]struct {
	change  Changes
	applies func(string) bool
	run     func(string, *normBuilder)
}{
	{changeQuotedPrintable, hasQuotedPrintable, undoQuotedPrintable},
	{changeHTML, hasHTML, undoHTML},
	{changeFullwidth, hasCompatibilityForms, undoCompatibility},
	{changeEmphasis, hasEmphasis, undoEmphasis},
	{changeSymbols, hasEndSymbols, trimSymbols},
}

// Each step's pre-check is exact or close to it, so that text with
// nothing to undo (a ticket in Hindi, a line with "&issuer=") costs a
// look at its bytes and no copy.

// hasCompatibilityForms reports whether s has characters that NFKC
// changes; the ASCII forms undoCompatibility writes are among them.
func hasCompatibilityForms(s string) bool {
	return hasNonASCII(s) && !norm.NFKC.IsNormalString(s)
}

// hasEndSymbols reports whether s starts or ends (past white space) with
// an emoji or another symbol.
func hasEndSymbols(s string) bool {
	if !hasNonASCII(s) {
		return false
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !Space(r) && !Invisible(r) {
			if decoration(r) {
				return true
			}
			break
		}
		i += size
	}
	for j := len(s); j > 0; {
		r, size := utf8.DecodeLastRuneInString(s[:j])
		if !Space(r) && !Invisible(r) {
			return decoration(r)
		}
		j -= size
	}
	return false
}

// hasEmphasis reports whether s has a code fence or a pair of emphasis
// markers that undoEmphasis removes.
func hasEmphasis(s string) bool {
	return hasEmphasisMarker(s) && emphasisMarks(s, nil)
}

// compose makes the builder's output the new Text, its origins mapped
// back through the ones Text already had.
func (n *Normalized) compose(b *normBuilder) {
	from := b.from
	if n.mapped {
		for i, o := range from {
			from[i] = n.from[o]
		}
	}
	n.Text, n.from, n.mapped = string(b.out), from, true
}

// normBuilder collects the output of a step and the origin of each byte.
type normBuilder struct {
	out  []byte
	from []int32
}

// add appends s, each byte of it coming from offset origin.
func (b *normBuilder) add(s string, origin int) {
	b.out = append(b.out, s...)
	for range len(s) {
		b.from = append(b.from, int32(origin))
	}
}

// keep appends s[i:j] as it is.
func (b *normBuilder) keep(s string, i, j int) {
	b.out = append(b.out, s[i:j]...)
	for k := i; k < j; k++ {
		b.from = append(b.from, int32(k))
	}
}

// normSigns marks the bytes that may start something Normalize undoes: any
// byte of a character beyond ASCII, and & < = * _ ~ ` |. A clean key has
// none (or only "=" padding), so Classify pays one table look-up a byte.
var normSigns = func() (t [256]bool) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = true
	}
	for _, c := range "&<=*_~`|" {
		t[c] = true
	}
	return t
}()

// mayNeedNormalizing is the cheap pre-check of Normalize.
func mayNeedNormalizing(s string) bool {
	for i := 0; i < len(s); i++ {
		if normSigns[s[i]] {
			return true
		}
	}
	return false
}

// The bits of normSignsOf.
const (
	signAny  = 1 << iota // a byte of normSigns: Normalize may change s
	signEq3D             // "=3D", a quoted-printable "=" (see Classify)
)

// normSignsOf is mayNeedNormalizing for Classify, which also asks whether
// the input has "=3D", in the same single pass.
func normSignsOf(s string) int {
	signs := 0
	for i := 0; i < len(s); i++ {
		if !normSigns[s[i]] {
			continue
		}
		signs |= signAny
		if s[i] == '=' && i+2 < len(s) && s[i+1] == '3' && s[i+2] == 'D' {
			return signAny | signEq3D
		}
	}
	return signs
}

// hasNonASCII reports whether s has a byte beyond ASCII.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// hasQuotedPrintable reports whether s shows quoted-printable encoding: a
// soft line break ("=" at a line end, after a character that is not "=",
// so that padding on a line of its own stays), or two escapes or more
// ("=3D", "=20", "=C2=A0"). One escape alone is no sign: a key may start
// with 3D ("secret=3DGD…" is a key in a link as often as it is an
// encoded "=").
func hasQuotedPrintable(s string) bool {
	escapes := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '=' {
			continue
		}
		if softBreakLen(s, i) > 0 {
			return true
		}
		if _, ok := qpEscape(s, i); ok {
			if escapes++; escapes >= 2 {
				return true
			}
		}
	}
	return false
}

// softBreakLen returns the length of the soft line break at s[i] ("=\n"
// or "=\r\n", with spaces a mail program may have left before the line
// end), or 0.
func softBreakLen(s string, i int) int {
	if s[i] != '=' || i == 0 || s[i-1] == '=' {
		return 0
	}
	j := i + 1
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	switch {
	case j < len(s) && s[j] == '\n':
		return j + 1 - i
	case j+1 < len(s) && s[j] == '\r' && s[j+1] == '\n':
		return j + 2 - i
	}
	return 0
}

// undoQuotedPrintable removes soft line breaks and decodes the escapes
// quoted-printable writes: "=3D" (=), "=20" (space), "=09" (tab), and runs
// of escapes beyond ASCII that together are UTF-8 ("=C2=A0"). Any other
// "=" followed by two hex digits is left as it is: in a key, "=E3" is
// padding before more characters, not an escape.
func undoQuotedPrintable(s string, b *normBuilder) {
	for i := 0; i < len(s); {
		if s[i] == '=' {
			if n := softBreakLen(s, i); n > 0 {
				i += n
				continue
			}
			if c, ok := qpEscape(s, i); ok && (c == '=' || c == ' ' || c == '\t') {
				b.add(string(rune(c)), i)
				i += 3
				continue
			}
			if n, dec := qpUTF8(s, i); n > 0 {
				b.add(dec, i)
				i += n
				continue
			}
		}
		b.keep(s, i, i+1)
		i++
	}
}

// qpEscape reads the escape "=XX" (upper-case hex, as RFC 2045 writes it)
// at s[i].
func qpEscape(s string, i int) (byte, bool) {
	if i+2 >= len(s) || s[i] != '=' || !upperHexDigit(s[i+1]) || !upperHexDigit(s[i+2]) {
		return 0, false
	}
	return hexValue(s[i+1])<<4 | hexValue(s[i+2]), true
}

// upperHexDigit reports whether c is 0-9 or A-F.
func upperHexDigit(c byte) bool { return c >= '0' && c <= '9' || c >= 'A' && c <= 'F' }

// qpUTF8 decodes the run of escapes at s[i] of bytes beyond ASCII when
// they are UTF-8 as a whole, and returns how much of s it took.
func qpUTF8(s string, i int) (int, string) {
	var buf [16]byte
	n, j := 0, i
	for n < len(buf) {
		c, ok := qpEscape(s, j)
		if !ok || c < 0x80 {
			break
		}
		buf[n] = c
		n++
		j += 3
	}
	if n == 0 || !utf8.Valid(buf[:n]) {
		return 0, ""
	}
	return j - i, string(buf[:n])
}

// hexValue is the value of a hexadecimal digit.
func hexValue(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// hasHTML reports whether s holds an HTML entity or a tag of htmlTags.
func hasHTML(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			if j := entityEnd(s, i); j > 0 && html.UnescapeString(s[i:j]) != s[i:j] {
				return true
			}
		case '<':
			if j, _ := tagEnd(s, i); j > 0 {
				return true
			}
		}
	}
	return false
}

// maxEntityLen is the longest entity undoHTML reads ("&thetasym;").
const maxEntityLen = 12

// undoHTML decodes entities and removes the tags of inline and block
// markup; a block tag (<br>, <p>, <div>) becomes a space, so that two
// paragraphs do not run together.
func undoHTML(s string, b *normBuilder) {
	for i := 0; i < len(s); {
		switch s[i] {
		case '&':
			if j := entityEnd(s, i); j > 0 {
				if dec := html.UnescapeString(s[i:j]); dec != s[i:j] {
					b.add(dec, i)
					i = j
					continue
				}
			}
		case '<':
			if j, block := tagEnd(s, i); j > 0 {
				if block {
					b.add(" ", i)
				}
				i = j
				continue
			}
		}
		b.keep(s, i, i+1)
		i++
	}
}

// entityEnd returns the end of the entity at s[i] ("&nbsp;", "&#8203;",
// "&#x200B;"), or 0.
func entityEnd(s string, i int) int {
	for j := i + 1; j < len(s) && j-i <= maxEntityLen; j++ {
		c := s[j]
		switch {
		case c == ';':
			if j == i+1 {
				return 0
			}
			return j + 1
		case c == '#' && j == i+1, c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		default:
			return 0
		}
	}
	return 0
}

// htmlTags are the tags undoHTML removes; true for block tags (built on
// first use).
var htmlTags = sync.OnceValue(func() map[string]bool {
	return map[string]bool{
		"b": false, "i": false, "u": false, "s": false, "em": false, "strong": false, "code": false,
		"tt": false, "kbd": false, "samp": false, "mark": false, "span": false, "font": false, "a": false,
		"del": false, "ins": false, "strike": false, "small": false, "big": false, "sup": false, "sub": false,
		"br": true, "p": true, "div": true, "pre": true, "td": true, "tr": true, "li": true, "table": true,
		"tbody": true, "ul": true, "ol": true, "blockquote": true, "hr": true,
	}
})

// tagEnd returns the end of an HTML tag of htmlTags at s[i] ("<b>",
// "</code>", "<span style=…>", "<br/>") and whether it is a block tag, or
// 0. Anything else in angle brackets ("<JBSW…>", "<This message was
// edited>") is not a tag.
func tagEnd(s string, i int) (int, bool) {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	start := j
	for j < len(s) && j-start < 10 && (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') {
		j++
	}
	if j == start || j >= len(s) {
		return 0, false
	}
	var name [10]byte
	for k := start; k < j; k++ {
		name[k-start] = s[k] | 0x20
	}
	block, ok := htmlTags()[string(name[:j-start])]
	if !ok {
		return 0, false
	}
	switch s[j] {
	case '>':
		return j + 1, block
	case ' ', '/':
		if end := indexByteFrom(s, j, '>'); end > 0 && end-j < 200 && indexByteFrom(s[:end], j, '<') < 0 {
			return end + 1, block
		}
	}
	return 0, false
}

// indexByteFrom is the index of the first c in s at or after from, or -1.
func indexByteFrom(s string, from int, c byte) int {
	for k := from; k < len(s); k++ {
		if s[k] == c {
			return k
		}
	}
	return -1
}

// undoCompatibility replaces each character whose compatibility form
// (NFKC) is plain ASCII, such as a full-width letter or digit, with that
// form. White space, invisible characters and look-alike letters are left
// to the classifier, which reports them as what they are.
func undoCompatibility(s string, b *normBuilder) {
	var buf [16]byte
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= utf8.RuneSelf && r != utf8.RuneError && !Space(r) && !Invisible(r) {
			d := norm.NFKC.AppendString(buf[:0], s[i:i+size])
			if string(d) != s[i:i+size] && printableASCII(d) {
				b.add(string(d), i)
				i += size
				continue
			}
		}
		b.keep(s, i, i+size)
		i += size
	}
}

// printableASCII reports whether d is ASCII without spaces or controls.
func printableASCII(d []byte) bool {
	for _, c := range d {
		if c <= ' ' || c >= 0x7F {
			return false
		}
	}
	return len(d) > 0
}

// hasEmphasisMarker reports whether s has a character that marks emphasis.
func hasEmphasisMarker(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*', '_', '~', '`', '|':
			return true
		}
	}
	return false
}

// undoEmphasis removes code fences (three backticks, or two) and pairs of emphasis
// markers (*, **, _, __, ~, ~~, ||) that open at the start of a word and
// close at its end, on one line. A marker inside a word (totp_key) is no
// marker.
func undoEmphasis(s string, b *normBuilder) {
	drop := make([]bool, len(s))
	emphasisMarks(s, drop)
	for i := 0; i < len(s); i++ {
		if !drop[i] {
			b.keep(s, i, i+1)
		}
	}
	if len(b.out) > 0 && b.out[0] == '\n' {
		// A fence on a line of its own left its line break behind.
		b.out, b.from = b.out[1:], b.from[1:]
	}
}

// emphasisMarks finds the code fences and the pairs of emphasis markers
// of s and marks their bytes in drop; with drop nil it only reports
// whether there is one.
func emphasisMarks(s string, drop []bool) bool {
	found := false
	mark := func(i, n int) {
		found = true
		for k := i; k < i+n && drop != nil; k++ {
			drop[k] = true
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		run := markerRun(s, i)
		if run == 0 {
			i++
			continue
		}
		if c == '`' {
			if run >= 2 {
				mark(i, run)
			}
			i += run
		} else if c == '|' && run != 2 || run > 2 || !opensEmphasis(s, i, run) {
			i += run
		} else if j := closingMarker(s, i+run, c, run); j > 0 {
			mark(i, run)
			mark(j, run)
			i = j + run
		} else {
			i += run
		}
		if found && drop == nil {
			return true
		}
	}
	return found
}

// markerRun returns how many emphasis marker characters of one kind
// start at s[i]; 0 when s[i] is none.
func markerRun(s string, i int) int {
	c := s[i]
	switch c {
	case '*', '_', '~', '`', '|':
	default:
		return 0
	}
	j := i
	for j < len(s) && s[j] == c {
		j++
	}
	return j - i
}

// opensEmphasis reports whether the marker run s[i:i+run] opens emphasis:
// at the start of the text or after white space or an opening sign, and
// followed by something other than white space.
func opensEmphasis(s string, i, run int) bool {
	if i+run >= len(s) || s[i+run] == ' ' || s[i+run] == '\t' || s[i+run] == '\n' || s[i+run] == '\r' {
		return false
	}
	if i == 0 {
		return true
	}
	switch s[i-1] {
	case ' ', '\t', '\n', '\r', ':', '(', '[', '"', '\'', '=', '*', '_', '~', '|':
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return Space(r) || Invisible(r)
}

// closingMarker returns the index of the run of run markers c that closes
// emphasis opened before from: after a character that is not white space,
// before the end, white space or punctuation, on the same line. -1 when
// there is none.
func closingMarker(s string, from int, c byte, run int) int {
	for j := from; j+run <= len(s); j++ {
		if s[j] == '\n' {
			return -1
		}
		if s[j] != c {
			continue
		}
		n := markerRun(s, j)
		if n == run && j > from && s[j-1] != ' ' && s[j-1] != '\t' && closesWord(s, j+run) {
			return j
		}
		j += n - 1
	}
	return -1
}

// closesWord reports whether s[i:] starts where a word may end.
func closesWord(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	switch s[i] {
	case ' ', '\t', '\n', '\r', '.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '*', '_', '~', '|', '&':
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r >= utf8.RuneSelf && (Space(r) || Invisible(r) || decoration(r))
}

// decoration reports whether r is an emoji or another symbol that people
// put next to a key in a chat ("KEY ✅", "🙏"): symbols, modifiers,
// variation selectors and the joiners of emoji sequences.
func decoration(r rune) bool {
	if r < utf8.RuneSelf {
		return false
	}
	switch {
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0x1F3FB && r <= 0x1F3FF, r == 0x200D, r == 0x20E3,
		r >= 0xE0020 && r <= 0xE007F:
		return true
	}
	return unicode.In(r, unicode.So, unicode.Sk, unicode.Me)
}

// trimSymbols takes emoji and symbols (and the white space between them)
// off both ends of s.
func trimSymbols(s string, b *normBuilder) {
	start, end := 0, len(s)
	for k := start; k < end; {
		r, size := utf8.DecodeRuneInString(s[k:end])
		if !decoration(r) && !Space(r) && !Invisible(r) {
			break
		}
		k += size
		if decoration(r) {
			start = k
		}
	}
	for k := end; k > start; {
		r, size := utf8.DecodeLastRuneInString(s[start:k])
		if !decoration(r) && !Space(r) && !Invisible(r) {
			break
		}
		k -= size
		if decoration(r) {
			end = k
		}
	}
	if start == 0 && end == len(s) {
		b.keep(s, 0, len(s))
		return
	}
	b.keep(s, start, end)
}

// classify classifies the normalised text for Classify: the result gets
// the normalising changes where the cleaning of a key is reported, and its
// positions are those of the input as given.
func (n *Normalized) classify(input string) Result {
	r := classifyText(n.Text)
	if r.Class != ClassCode && !r.HasProblem(ReasonNotAKey) && r.Format != FormatEmpty {
		r.Changes |= n.Changes
		if r.Class == ClassValid {
			r.Topic = "cleaned-key"
		}
	}
	for i := range r.Problems {
		if p := &r.Problems[i]; p.Position > 0 {
			var given rune
			p.Position, given = n.inputPosition(input, p.Position)
			if p.Char != 0 && given != 0 {
				// The character as the input has it (U+037E, the Greek
				// question mark, where the message names the ';' it
				// reads as): position and char point at the same thing.
				p.Char = given
			}
		}
	}
	return r
}

// inputPosition maps a 1-based character position in Text to the one of
// the character of the input it came from, and returns that character
// (0 when the position is past the text).
func (n *Normalized) inputPosition(input string, pos int) (int, rune) {
	k := 0
	for i := range n.Text {
		k++
		if k == pos {
			at := n.Origin(i)
			given, _ := utf8.DecodeRuneInString(input[at:])
			return utf8.RuneCountInString(input[:at]) + 1, given
		}
	}
	return pos, 0
}
