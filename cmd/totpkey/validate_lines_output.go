package main

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
)

// maxShownInput is how many characters of an input the table shows.
const maxShownInput = 24

// maskInput shows an input as given without giving away a secret: the
// first four characters that are not white space (half of a short input),
// then "•" for every other character, white space kept as single spaces
// and dashes kept, so that groups stay visible ("jbsw •••• •••• ••••"). Invisible and control
// characters show as "·". At most maxRunes characters are shown.
func maskInput(input string, maxRunes int) string {
	input = strings.TrimSpace(input)
	if m, ok := maskASCII(input, maxRunes); ok {
		return m
	}
	visible := 0
	for _, r := range input {
		if !unicode.IsSpace(r) && !(r == '-' && visible > 0) {
			visible++
		}
	}
	show := totpkey.MaskedPrefix
	if visible <= 2*totpkey.MaskedPrefix {
		show = visible / 2
	}
	var b strings.Builder
	shown, runes, space := 0, 0, false
	for _, r := range input {
		if runes >= maxRunes {
			b.WriteString("…")
			break
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			runes++
			space = false
		}
		switch {
		case r == '-' && shown > 0:
			b.WriteByte('-')
			runes++
			continue
		case shown >= show:
			b.WriteString("•")
		case r == utf8.RuneError || totpkey.Invisible(r) || !unicode.IsPrint(r):
			b.WriteString("·")
		default:
			b.WriteRune(r)
		}
		shown++
		runes++
	}
	return b.String()
}

// maskASCII is maskInput for printable ASCII input without runs of white
// space, the common case, in one allocation. It reports false for other
// input.
func maskASCII(input string, maxRunes int) (string, bool) {
	if len(input) > maxRunes {
		return "", false
	}
	visible := 0
	for i := 0; i < len(input); i++ {
		c := input[i]
		switch {
		case c == ' ' && input[i-1] != ' ': // i > 0: input is trimmed
		case c == '-' && visible > 0:
		case c > ' ' && c < 0x7f:
			visible++
		default:
			return "", false
		}
	}
	show := totpkey.MaskedPrefix
	if visible <= 2*totpkey.MaskedPrefix {
		show = visible / 2
	}
	var b strings.Builder
	b.Grow(len(input) + 2*(visible-show))
	shown := 0
	for i := 0; i < len(input); i++ {
		switch c := input[i]; {
		case c == ' ', c == '-' && shown > 0:
			b.WriteByte(c)
		case shown < show:
			b.WriteByte(c)
			shown++
		default:
			b.WriteString("•")
			shown++
		}
	}
	return b.String(), true
}

// maskLink shows an otpauth or export link with the values of its secret
// and data parameters masked like a key; the rest (type, issuer, account
// name) is not secret. A link with neither is masked like any input.
func maskLink(link string, maxRunes int) string {
	var stack [256]byte
	lower := appendASCIILower(stack[:0], link) // same length as link, whatever its bytes
	var b strings.Builder
	b.Grow(3 * len(link)) // room for a link that is all secret
	masked, i := false, 0
	for i < len(link) {
		j := -1
		for _, param := range linkSecretParams {
			if k := bytes.Index(lower[i:], param); k >= 0 && (k == 0 || lower[i+k-1] == '?' || lower[i+k-1] == '&') {
				if j < 0 || k+len(param) < j {
					j = k + len(param)
				}
			}
		}
		if j < 0 {
			break
		}
		b.WriteString(link[i : i+j])
		i += j
		end := strings.IndexByte(link[i:], '&')
		if end < 0 {
			end = len(link) - i
		}
		b.WriteString(totpkey.Mask(link[i : i+end]))
		i += end
		masked = true
	}
	if !masked {
		return maskInput(link, maxRunes)
	}
	b.WriteString(link[i:])
	return truncateRunes(b.String(), maxRunes)
}

// asciiStrings holds the one-character strings of ASCII, so that views do
// not allocate one for each bad character.
var asciiStrings = func() (t [utf8.RuneSelf]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

// runeString is string(r), without allocating for ASCII.
func runeString(r rune) string {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiStrings[r]
	}
	return string(r)
}

// linkSecretParams are the parameters maskLink masks, as they start.
var linkSecretParams = [...][]byte{[]byte("secret="), []byte("data=")}

// appendASCIILower appends s with its ASCII capitals lowered and every
// other byte kept, so that offsets in the result are offsets in s.
func appendASCIILower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// truncateRunes cuts s to at most n characters, marking the cut with "…".
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n]) + "…"
}

// shownInput is what the tables show for an input: the input as given,
// masked (links with their secret masked); with showSecret, the cleaned key
// in full when one was found.
func shownInput(r *totpkey.Result, input string, showSecret bool, maxRunes int) string {
	switch {
	case r.Key != "" && showSecret:
		return r.Key
	case hasLinkPrefix(input):
		return maskLink(strings.TrimSpace(input), maxRunes)
	}
	return maskInput(input, maxRunes)
}

// viewInput is the "input" field of the JSON and CSV outputs: the input as
// given, masked, links with their secret masked.
func viewInput(input string) string {
	if hasLinkPrefix(input) {
		return maskLink(strings.TrimSpace(input), 1<<20)
	}
	return maskInput(input, 1<<20)
}

func hasLinkPrefix(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || s[0]|0x20 != 'o' {
		return false // the common case, told by the first byte
	}
	return len(s) >= 8 && strings.EqualFold(s[:8], "otpauth:") ||
		len(s) >= 18 && strings.EqualFold(s[:18], "otpauth-migration:")
}

// triageStats counts results by class and by reason for the summary. It
// is updated once per line, so it uses no maps: the classes are few and
// known, and a run meets a handful of reasons.
type triageStats struct {
	total    int
	exitCode int
	classes  [len(summaryClasses)]int
	reasons  []reasonCount
	cleaned  int
}

type reasonCount struct {
	id string
	n  int
}

// summaryClasses are the classes the summary counts, in its order; an
// error message found by --scan counts as "error-message".
var summaryClasses = [...]string{"valid", "code", "malformed", "error-message"}

func (s *triageStats) add(r *totpkey.Result) {
	s.addClass(string(r.Class), exitCodeOf(r))
	if r.Class == totpkey.ClassValid && r.Changes != 0 {
		s.cleaned++
	}
	for i := range r.Problems {
		if i == 0 || r.Problems[i].ID != r.Problems[i-1].ID {
			s.addReason(string(r.Problems[i].ID), 1)
		}
	}
}

func (s *triageStats) addClass(class string, exitCode int) {
	s.total++
	s.exitCode = max(s.exitCode, exitCode)
	for i, c := range summaryClasses {
		if c == class {
			s.classes[i]++
			return
		}
	}
	s.classes[2]++ // anything else is malformed
}

func (s *triageStats) addReason(id string, n int) {
	for i := range s.reasons {
		if s.reasons[i].id == id {
			s.reasons[i].n += n
			return
		}
	}
	s.reasons = append(s.reasons, reasonCount{id, n})
}

func (s *triageStats) merge(o *triageStats) {
	s.total += o.total
	s.cleaned += o.cleaned
	s.exitCode = max(s.exitCode, o.exitCode)
	for i, n := range o.classes {
		s.classes[i] += n
	}
	for _, r := range o.reasons {
		s.addReason(r.id, r.n)
	}
}

func (s *triageStats) reset() { *s = triageStats{reasons: s.reasons[:0]} }

// writeSummary prints the counts: "3 lines: 1 valid (1 after cleaning),
// 1 code, 1 malformed" and "by reason: one-time-code 1, …", reasons by
// count, then by id.
func writeSummary(w io.Writer, p palette, s *triageStats, noun string) {
	var parts []string
	for i, c := range summaryClasses {
		if n := s.classes[i]; n > 0 {
			part := fmt.Sprintf("%d %s", n, classColor(p, c).Sprint(c))
			if c == string(totpkey.ClassValid) && s.cleaned > 0 {
				part += fmt.Sprintf(" (%d after cleaning)", s.cleaned)
			}
			parts = append(parts, part)
		}
	}
	fmt.Fprintf(w, "\n%s", plural(s.total, noun))
	if len(parts) > 0 {
		fmt.Fprintf(w, ": %s", strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
	if len(s.reasons) == 0 {
		return
	}
	reasons := slices.Clone(s.reasons)
	slices.SortFunc(reasons, func(a, b reasonCount) int {
		if d := b.n - a.n; d != 0 {
			return d
		}
		return strings.Compare(a.id, b.id)
	})
	parts = parts[:0]
	for _, r := range reasons {
		parts = append(parts, fmt.Sprintf("%s %d", r.id, r.n))
	}
	fmt.Fprintf(w, "by reason: %s\n", strings.Join(parts, ", "))
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// classColor is the colour of a class in tables: valid green, code yellow,
// anything else red.
func classColor(p palette, class string) colorer {
	switch class {
	case string(totpkey.ClassValid):
		return p.good
	case string(totpkey.ClassCode):
		return p.warn
	case "", "error-message":
		return p.dim
	}
	return p.bad
}

// colorer is what classColor returns: a *color.Color.
type colorer interface {
	Sprint(a ...any) string
}

// tableColumn is one column of a text table.
type tableColumn struct {
	title string
	width int // 0: the last column, as wide as its text
	right bool
}

// appendCell appends a cell padded to its width; text may carry colour
// codes, so the padding is computed from plain, the text without them.
func appendCell(dst []byte, c tableColumn, text, plain string) []byte {
	n := utf8.RuneCountInString(plain)
	pad := max(c.width-n, 0)
	if c.right {
		dst = append(dst, strings.Repeat(" ", pad)...)
		dst = append(dst, text...)
		return append(dst, "  "...)
	}
	dst = append(dst, text...)
	if c.width == 0 {
		return dst
	}
	dst = append(dst, strings.Repeat(" ", pad)...)
	return append(dst, "  "...)
}

// appendTableHeader appends the column titles.
func appendTableHeader(dst []byte, p palette, cols []tableColumn) []byte {
	for _, c := range cols {
		dst = appendCell(dst, c, p.bold.Sprint(c.title), c.title)
	}
	dst = bytes.TrimRight(dst, " ")
	return append(dst, '\n')
}

// csvLine renders one CSV record.
func csvLine(dst *bytes.Buffer, fields []string) {
	w := csv.NewWriter(dst)
	_ = w.Write(fields) // writes to a bytes.Buffer cannot fail
	w.Flush()
}

// problemIDs joins the ids of a view's problems with ";", each once.
func problemIDs(v *resultView) string {
	var ids []string
	for _, p := range v.Problems {
		if len(ids) == 0 || ids[len(ids)-1] != p.ID {
			ids = append(ids, p.ID)
		}
	}
	return strings.Join(ids, ";")
}

// changeIDs joins the ids of a view's changes with ";".
func changeIDs(v *resultView) string {
	ids := make([]string, len(v.Changes))
	for i, c := range v.Changes {
		ids[i] = c.ID
	}
	return strings.Join(ids, ";")
}
