package main

import (
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/totpkey/totpkey/totpkey/code"

	"github.com/totpkey/totpkey/totpkey"
)

// checkCodeFlags checks --code and --at before any input is read, so that a
// mistyped code fails before the hidden prompt.
func checkCodeFlags(o *validateOptions) error {
	hint := "give the 6 to 8 digits your authenticator app shows now, as in --code 482913"
	if o.At != "" && o.Code == "" {
		return usageErrorf("for the code a key gives at a time, run 'totpkey generate --at TIME'",
			"--at goes with --code: it is the time the code was shown")
	}
	if o.Code == "" {
		return nil
	}
	if _, err := code.Parse(o.Code); err != nil {
		return usageErrorf(hint, "--code: %s", err)
	}
	if o.At != "" {
		if _, err := code.ParseTime(o.At); err != nil {
			return usageErrorf("as in --at 2026-06-24T09:15:00Z or --at 1782292500", "--at: %s", err)
		}
	}
	return nil
}

// checkCodes is validate --code over the results of one input. An export
// link holds several accounts and the code comes from one of them: when
// some account gives the code, the others are left unchecked rather than
// reported as not matching it. When none does, every account reports the
// mismatch.
func checkCodes(o *validateOptions, results []totpkey.Result) error {
	before := make([]totpkey.Result, len(results))
	for i := range results {
		before[i] = results[i]
		before[i].Problems = slices.Clone(results[i].Problems)
		if err := checkCode(o, &results[i]); err != nil {
			return err
		}
	}
	if len(results) < 2 || !slices.ContainsFunc(results, codeFound) {
		return nil
	}
	for i := range results {
		if !codeFound(results[i]) {
			results[i] = before[i]
		}
	}
	return nil
}

// codeFound reports whether the code check of r found the code: the key
// gives it, or a repair of its look-alike characters does.
func codeFound(r totpkey.Result) bool {
	c := r.CodeCheck
	return c != nil && (c.Matched || c.RepairedKey != "")
}

// checkCode is validate --code: it checks that the key gives the code the
// app shows, and for a key whose only problems are look-alike characters,
// which letters make it give the code.
func checkCode(o *validateOptions, r *totpkey.Result) error {
	at := o.Now()
	if o.At != "" {
		t, err := code.ParseTime(o.At)
		if err != nil {
			return usageErrorf("", "--at: %s", err)
		}
		at = t
	}
	err := code.Check(r, o.Code, at, o.Window)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, code.ErrBadCode), errors.Is(err, code.ErrBadWindow):
		return usageErrorf("run 'totpkey validate --help' for usage", "%s", err)
	default:
		return failure(fmt.Errorf("checking the code: %w", err))
	}
}

// writeCodeCheck says what the code check found, in words: whether the key
// gives the code, how far off a clock is, and the key the code repaired.
func writeCodeCheck(w io.Writer, p palette, r *totpkey.Result, showSecret bool) {
	c := r.CodeCheck
	if c == nil {
		return
	}
	const label = "Code:"
	switch {
	case c.RepairsTried == 0 && c.Matched && c.OffsetSteps == 0:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.good.Sprint("match: the key gives this code now, so it is the key in your app"))
	case c.RepairsTried == 0 && c.Matched:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.good.Sprint("match, "+offsetWords(c)))
	case c.RepairsTried == 0:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.bad.Sprintf("no match: the key does not give the code you entered, %s", windowWords(c)))
	case c.Matched:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.good.Sprint("match, once the look-alike characters are read as the letters the code confirmed above"))
		if c.OffsetSteps != 0 {
			fmt.Fprintf(w, "  %-8s %s\n", "", p.good.Sprint(offsetWords(c)))
		}
		shown := totpkey.Mask(c.RepairedKey)
		if showSecret {
			shown = c.RepairedKey
		}
		fmt.Fprintf(w, "  %-8s %s  %s\n", "Paste:", p.bold.Sprint(shown),
			p.dim.Sprintf("(base32, %d characters, %d bits, with the confirmed letters)", len(c.RepairedKey), len(c.RepairedKey)*5/8*8))
		if !showSecret {
			fmt.Fprintf(w, "  %-8s %s\n", "", p.dim.Sprint("add --show-secret to print the key in full"))
		}
	case c.RepairMatches > 1:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.warn.Sprintf(
			"%d of the %d ways to read the look-alike characters give the code you entered, so it cannot tell which is right: check again with the app's next code",
			c.RepairMatches, c.RepairsTried))
	default:
		fmt.Fprintf(w, "  %-8s %s\n", label, p.bad.Sprintf(
			"no match: none of the %s to read the look-alike characters gives the code you entered, %s; other characters may be wrong too, or this is not the key in your app",
			countWords(c.RepairsTried, "way", "ways"), windowWords(c)))
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
		return countWords(secs/60, "minute", "minutes")
	case secs < 120:
		return countWords(secs, "second", "seconds")
	default:
		return fmt.Sprintf("%d minutes", (secs+30)/60)
	}
}

// countWords writes a count with its noun in the right number.
func countWords(n int, one, many string) string {
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
