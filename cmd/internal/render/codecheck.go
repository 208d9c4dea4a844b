package render

import (
	"fmt"
	"io"

	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey"
)

// writeCodeCheck says what the code check found, in words: whether the key
// gives the code, how far off a clock is, and the key the code repaired.
func writeCodeCheck(w io.Writer, p Palette, r *totpkey.Result, showSecret bool) {
	c := r.CodeCheck
	if c == nil {
		return
	}
	const label = "Code:"
	words := outcome.CodeCheckWords(c)
	switch {
	case c.Matched:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.Good.Sprint(words))
	case c.RepairMatches > 1:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.Warn.Sprint(words))
	default:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.bad.Sprint(words))
	}
	if c.RepairsTried > 0 && c.Matched {
		shown := totpkey.Mask(c.RepairedKey)
		if showSecret {
			shown = c.RepairedKey
		}
		fmt.Fprintf(w, "  %-8s %s  %s\n", "Paste:", p.Bold.Sprint(shown),
			p.Dim.Sprintf("(base32, %d characters, %d bits, with the confirmed letters)", len(c.RepairedKey), len(c.RepairedKey)*5/8*8))
		if !showSecret {
			fmt.Fprintf(w, "  %-8s %s\n", "", p.Dim.Sprint("add --show-secret to print the key in full"))
		}
	}
}
