package render

import (
	"strconv"

	"github.com/totpkey/totpkey/cmd/internal/view"
)

// The CSV encoding of a result: its columns come after the ones that say
// where the result came from (file, line, column, kind, kept columns),
// the same for --lines and --scan.

// resultCSVColumns are the names of a result's CSV columns.
var resultCSVColumns = [...]string{"class", "format", "input", "problems", "changes", "secret", "topic", "exit_code"}

// AppendCSVHeader appends the names of a result's CSV columns, and
// secret_value with showSecret.
func AppendCSVHeader(h []string, showSecret bool) []string {
	h = append(h, resultCSVColumns[:]...)
	if showSecret {
		h = append(h, "secret_value")
	}
	return h
}

// AppendCSVFields appends a result's CSV fields, in the order of
// AppendCSVHeader: input is the input as shown (masked).
func AppendCSVFields(rec []string, v *view.Result, input string, showSecret bool) []string {
	masked, value := "", ""
	if v.Secret != nil {
		masked, value = v.Secret.Masked, v.Secret.Value
	}
	rec = append(rec, v.Class, v.Format, input, problemIDs(v), changeIDs(v), masked, v.Topic, strconv.Itoa(v.ExitCode))
	if showSecret {
		rec = append(rec, value)
	}
	return rec
}
