package webcheck

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/totpkey/totpkey/docs"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/link"
)

// The words below are the text output's (package render: Verdict,
// AccountLabel, the code check's words); a problem's own words come from its
// help topic, as render's do. They are repeated here because
// render brings Cobra, colour and the terminal with it, a third more
// WebAssembly for the page; same_test.go holds them equal to render's, so
// the page says what the command says.

// reasonVerdict is the few words of the verdict line for a problem: the
// verdict of its help topic (docs), as render reads it; empty for a reason
// without one.
func reasonVerdict(id totpkey.ReasonID) string {
	t, ok := docs.Lookup(string(id))
	if !ok || t.ID != string(id) {
		return ""
	}
	return t.Verdict
}

// Verdict is the one-line summary of a result, as the text output's first
// line.
func Verdict(r *totpkey.Result) string {
	switch {
	case r.Class == totpkey.ClassValid && r.CodeCheck != nil && !r.CodeCheck.Matched:
		return "Valid TOTP Key, but it does not give the code you entered"
	case r.Class == totpkey.ClassValid && r.Changes != 0:
		return "Valid TOTP Key, once cleaned"
	case r.Class == totpkey.ClassValid:
		return "Valid TOTP Key"
	case r.Class == totpkey.ClassCode:
		return "Not a TOTP Key: " + reasonVerdict(totpkey.ReasonOneTimeCode)
	case r.Format == totpkey.FormatBinary:
		return "Not a usable TOTP Key: binary data, not text"
	case len(r.Problems) > 0:
		if v := reasonVerdict(r.Problems[0].ID); v != "" {
			return "Not a usable TOTP Key: " + v
		}
	}
	return "Not a usable TOTP Key"
}

// accountLabel names an account from a link: "Zerodha (AB1234)", with its
// place in a multi-code export.
func accountLabel(a link.Account, b link.Batch) string {
	s := a.Issuer
	switch {
	case s == "":
		s = a.Name
	case a.Name != "":
		s += " (" + a.Name + ")"
	}
	if b.Size > 1 {
		s += fmt.Sprintf(", QR %d of %d of your export", b.Index+1, b.Size)
	}
	return s
}

// maxEchoRunes is the longest input echoed with carets (render's).
const maxEchoRunes = 120

// echo is the input with every character masked but the bad ones (shown,
// or "?" when not printable) and invisible ones ("·"), and a line with a
// "^" under each of those. Both are empty when there is nothing to point
// at.
func echo(r *totpkey.Result, input string) (line, carets string) {
	bad := map[int]bool{}
	for _, p := range r.Problems {
		if p.Position > 0 {
			bad[p.Position] = true
		}
	}
	runes := []rune(input)
	if len(runes) > maxEchoRunes {
		return "", ""
	}
	var l, c strings.Builder
	pointed := false
	for i, ch := range runes {
		mark := bad[i+1]
		switch {
		case mark && unicode.IsPrint(ch):
			l.WriteRune(ch)
		case mark:
			l.WriteString("?")
		case totpkey.Invisible(ch):
			mark = true
			l.WriteString("·")
		case ch == '\n' || ch == '\r':
			l.WriteString("⏎")
		case ch == ' ' || ch == '\t':
			l.WriteString(" ")
		default:
			l.WriteString("•")
		}
		if mark {
			c.WriteString("^")
			pointed = true
		} else {
			c.WriteString(" ")
		}
	}
	if !pointed {
		return "", ""
	}
	return l.String(), strings.TrimRight(c.String(), " ")
}

// codeWords says what the code check found, in the text output's words.
func codeWords(c *totpkey.CodeCheck) string {
	switch {
	case c.RepairsTried == 0 && c.Matched && c.OffsetSteps == 0:
		return "match: the key gives this code now, so it is the key in your app"
	case c.RepairsTried == 0 && c.Matched:
		return "match, " + offsetWords(c)
	case c.RepairsTried == 0:
		return "no match: the key does not give the code you entered, " + windowWords(c)
	case c.Matched && c.OffsetSteps != 0:
		return "match, once the look-alike characters are read as the letters the code confirmed above; " + offsetWords(c)
	case c.Matched:
		return "match, once the look-alike characters are read as the letters the code confirmed above"
	case c.RepairMatches > 1:
		return fmt.Sprintf("%d of the %d ways to read the look-alike characters give the code you entered, so it cannot tell which is right: check again with the app's next code",
			c.RepairMatches, c.RepairsTried)
	}
	return fmt.Sprintf("no match: none of the %s to read the look-alike characters gives the code you entered, %s; other characters may be wrong too, or this is not the key in your app",
		countWords(c.RepairsTried, "way", "ways"), windowWords(c))
}

// offsetWords says which code matched when it is not the current one.
func offsetWords(c *totpkey.CodeCheck) string {
	off := c.OffsetSteps
	secs := max(off, -off) * c.Period
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
		return "at this time"
	}
	return fmt.Sprintf("now or within %s either side", durationWords(c.Window*c.Period))
}

// durationWords writes seconds as a person says them.
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
