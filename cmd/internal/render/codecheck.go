package render

import (
	"fmt"
	"io"

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
	switch {
	case c.RepairsTried == 0 && c.Matched && c.OffsetSteps == 0:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.Good.Sprint("match: the key gives this code now, so it is the key in your app"))
	case c.RepairsTried == 0 && c.Matched:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.Good.Sprint("match, "+offsetWords(c)))
	case c.RepairsTried == 0:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.bad.Sprintf("no match: the key does not give the code you entered, %s", windowWords(c)))
	case c.Matched:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.Good.Sprint("match, once the look-alike characters are read as the letters the code confirmed above"))
		if c.OffsetSteps != 0 {
			fmt.Fprintf(w, "  %-8s %s\n", "", p.Good.Sprint(offsetWords(c)))
		}
		shown := totpkey.Mask(c.RepairedKey)
		if showSecret {
			shown = c.RepairedKey
		}
		fmt.Fprintf(w, "  %-8s %s  %s\n", "Paste:", p.Bold.Sprint(shown),
			p.Dim.Sprintf("(base32, %d characters, %d bits, with the confirmed letters)", len(c.RepairedKey), len(c.RepairedKey)*5/8*8))
		if !showSecret {
			fmt.Fprintf(w, "  %-8s %s\n", "", p.Dim.Sprint("add --show-secret to print the key in full"))
		}
	case c.RepairMatches > 1:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.Warn.Sprintf(
			"%d of the %d ways to read the look-alike characters give the code you entered, so it cannot tell which is right: check again with the app's next code",
			c.RepairMatches, c.RepairsTried))
	default:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.bad.Sprintf(
			"no match: none of the %s to read the look-alike characters gives the code you entered, %s; other characters may be wrong too, or this is not the key in your app",
			CountWords(c.RepairsTried, "way", "ways"), windowWords(c)))
	}
}

// offsetWords says which code matched when it is not the current one, and
// what that says about the clocks.
func offsetWords(c *totpkey.CodeCheck) string {
	off := c.OffsetSteps
	secs := abs(off) * c.Period
	switch {
	case off == -1:
		return fmt.Sprintf("with the code of the previous %d seconds: the code changed while you typed it, or your phone's clock is about %s behind",
			c.Period, durationWords(secs))
	case off < 0:
		return fmt.Sprintf("with the code of %s ago: your phone's clock is about %s behind", durationWords(secs), durationWords(secs))
	default:
		return fmt.Sprintf("with the code of %s from now: your phone's clock is about %s ahead", durationWords(secs), durationWords(secs))
	}
}

// windowWords says which times were checked.
func windowWords(c *totpkey.CodeCheck) string {
	if c.Window == 0 {
		return "at this time (--window 0)"
	}
	return fmt.Sprintf("now or within %s either side", durationWords(c.Window*c.Period))
}

// durationWords writes seconds as a person says them: "30 seconds",
// "1 minute", "about 3 minutes".
func durationWords(secs int) string {
	switch {
	case secs > 0 && secs%60 == 0:
		return CountWords(secs/60, "minute", "minutes")
	case secs < 120:
		return CountWords(secs, "second", "seconds")
	default:
		return fmt.Sprintf("%d minutes", (secs+30)/60)
	}
}

// CountWords writes a count with its noun in the right number.
func CountWords(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// newCodeCheckView is the JSON view of a code check; the repaired key is
// masked unless showSecret.
func newCodeCheckView(c *totpkey.CodeCheck, showSecret bool) *codeCheckView {
	v := &codeCheckView{
		Matched:       c.Matched,
		OffsetSteps:   c.OffsetSteps,
		Period:        c.Period,
		RepairsTried:  c.RepairsTried,
		RepairMatches: c.RepairMatches,
	}
	if c.RepairedKey != "" {
		v.RepairedKey = &secretView{Masked: totpkey.Mask(c.RepairedKey), Length: len(c.RepairedKey), Bits: len(c.RepairedKey) * 5 / 8 * 8}
		if showSecret {
			v.RepairedKey.Value = c.RepairedKey
		}
	}
	return v
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
