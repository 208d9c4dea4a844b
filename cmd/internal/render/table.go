package render

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/view"
	"github.com/totpkey/totpkey/totpkey"
)

// TriageStats counts results by class and by reason for the summary. It
// is updated once per line, so it uses no maps: the classes are few and
// known, and a run meets a handful of reasons.
type TriageStats struct {
	Total    int
	ExitCode int
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

// Add counts one result.
func (s *TriageStats) Add(r *totpkey.Result) {
	s.AddClass(string(r.Class), outcome.ExitCodeOf(r))
	if r.Class == totpkey.ClassValid && r.Changes != 0 {
		s.cleaned++
	}
	for i := range r.Problems {
		if i == 0 || r.Problems[i].ID != r.Problems[i-1].ID {
			s.addReason(string(r.Problems[i].ID), 1)
		}
	}
}

// AddClass counts one result of a class (or "error-message") and its exit code.
func (s *TriageStats) AddClass(class string, exitCode int) {
	s.Total++
	s.ExitCode = max(s.ExitCode, exitCode)
	for i, c := range summaryClasses {
		if c == class {
			s.classes[i]++
			return
		}
	}
	s.classes[2]++ // anything else is malformed
}

func (s *TriageStats) addReason(id string, n int) {
	for i := range s.reasons {
		if s.reasons[i].id == id {
			s.reasons[i].n += n
			return
		}
	}
	s.reasons = append(s.reasons, reasonCount{id, n})
}

// Merge adds the counts of another batch.
func (s *TriageStats) Merge(o *TriageStats) {
	s.Total += o.Total
	s.cleaned += o.cleaned
	s.ExitCode = max(s.ExitCode, o.ExitCode)
	for i, n := range o.classes {
		s.classes[i] += n
	}
	for _, r := range o.reasons {
		s.addReason(r.id, r.n)
	}
}

// Reset empties the counts, keeping their memory.
func (s *TriageStats) Reset() { *s = TriageStats{reasons: s.reasons[:0]} }

// WriteSummary prints the counts: "3 lines: 1 valid (1 after cleaning),
// 1 code, 1 malformed" and "by reason: one-time-code 1, …", reasons by
// count, then by id.
func WriteSummary(w io.Writer, p Palette, s *TriageStats, noun string) {
	var parts []string
	for i, c := range summaryClasses {
		if n := s.classes[i]; n > 0 {
			part := fmt.Sprintf("%d %s", n, ClassColor(p, c).Sprint(c))
			if c == string(totpkey.ClassValid) && s.cleaned > 0 {
				part += fmt.Sprintf(" (%d after cleaning)", s.cleaned)
			}
			parts = append(parts, part)
		}
	}
	fmt.Fprintf(w, "\n%s", outcome.Plural(s.Total, noun))
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

// ClassColor is the colour of a class in tables: valid green, code yellow,
// anything else red.
func ClassColor(p Palette, class string) colorer {
	switch class {
	case string(totpkey.ClassValid):
		return p.Good
	case string(totpkey.ClassCode):
		return p.Warn
	case "", "error-message":
		return p.Dim
	}
	return p.bad
}

// colorer is what classColor returns: a *color.Color.
type colorer interface {
	Sprint(a ...any) string
}

// TableColumn is one column of a text table.
type TableColumn struct {
	Title string
	Width int // 0: the last column, as wide as its text
	Right bool
}

// AppendCell appends a cell padded to its width; text may carry colour
// codes, so the padding is computed from plain, the text without them.
func AppendCell(dst []byte, c TableColumn, text, plain string) []byte {
	n := utf8.RuneCountInString(plain)
	pad := max(c.Width-n, 0)
	if c.Right {
		dst = append(dst, strings.Repeat(" ", pad)...)
		dst = append(dst, text...)
		return append(dst, "  "...)
	}
	dst = append(dst, text...)
	if c.Width == 0 {
		return dst
	}
	dst = append(dst, strings.Repeat(" ", pad)...)
	return append(dst, "  "...)
}

// AppendTableHeader appends the column titles.
func AppendTableHeader(dst []byte, p Palette, cols []TableColumn) []byte {
	for _, c := range cols {
		dst = AppendCell(dst, c, p.Bold.Sprint(c.Title), c.Title)
	}
	dst = bytes.TrimRight(dst, " ")
	return append(dst, '\n')
}

// CsvLine renders one CSV record.
func CsvLine(dst *bytes.Buffer, fields []string) {
	w := csv.NewWriter(dst)
	_ = w.Write(fields) // writes to a bytes.Buffer cannot fail
	w.Flush()
}

// problemIDs joins the ids of a view's problems with ";", each once.
func problemIDs(v *view.Result) string {
	var ids []string
	for _, p := range v.Problems {
		if len(ids) == 0 || ids[len(ids)-1] != p.ID {
			ids = append(ids, p.ID)
		}
	}
	return strings.Join(ids, ";")
}

// changeIDs joins the ids of a view's changes with ";".
func changeIDs(v *view.Result) string {
	ids := make([]string, len(v.Changes))
	for i, c := range v.Changes {
		ids[i] = c.ID
	}
	return strings.Join(ids, ";")
}
