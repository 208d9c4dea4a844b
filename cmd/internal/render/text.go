package render

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey/broker"

	"github.com/fatih/color"
	"github.com/totpkey/totpkey/totpkey"
)

// maxEchoRunes is the longest input shown back with carets under its bad
// characters; a longer one is described only.
const maxEchoRunes = 120

// Palette colours text when the output allows it, and leaves it plain
// otherwise (a pipe, NO_COLOR, TERM=dumb).
type Palette struct {
	Good, Warn, bad, Bold, Dim *color.Color
}

// NewPalette returns the colours of the text output, or none when enabled is false.
func NewPalette(enabled bool) Palette {
	p := Palette{
		Good: color.New(color.FgGreen, color.Bold),
		Warn: color.New(color.FgYellow, color.Bold),
		bad:  color.New(color.FgRed, color.Bold),
		Bold: color.New(color.Bold),
		Dim:  color.New(color.Faint),
	}
	for _, c := range []*color.Color{p.Good, p.Warn, p.bad, p.Bold, p.Dim} {
		if enabled {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
	}
	return p
}

// writeResultText prints one result for a person: a verdict, the input
// with carets under its bad characters (masked), the problems, the
// cleaning and what to paste. The fix (the result's topic) is left to
// writeResultsText.
func writeResultText(w io.Writer, streams *iostreams.IOStreams, r *totpkey.Result, input string, showSecret bool) error {
	p := NewPalette(streams.Color)
	mark, tone := "✗", p.bad
	switch {
	case outcome.ExitCodeOf(r) == outcome.ExitValid:
		mark, tone = "✓", p.Good
	case r.Class == totpkey.ClassCode:
		tone = p.Warn
	}
	if streams.OutTTY {
		fmt.Fprintf(w, "%s ", tone.Sprint(mark))
	}
	fmt.Fprintln(w, tone.Sprint(outcome.Verdict(r)))
	if a := r.Account; a.Issuer != "" || a.Name != "" {
		fmt.Fprintf(w, "  Account: %s\n", outcome.AccountLabel(a, r.Batch))
	}
	if b, ok := broker.Lookup(r.Broker); ok {
		fmt.Fprintf(w, "  Broker: %s\n", b.Name)
	}
	for _, wn := range r.Warnings {
		fmt.Fprintf(w, "  %s %s\n", p.Warn.Sprint("Warning:"), wn.Message)
	}
	noted := writeEcho(w, p, r, input, showSecret)
	for _, pr := range r.Problems {
		if pr.Position > 0 && noted[pr.Position] {
			continue
		}
		fmt.Fprintf(w, "  %s %s\n", p.bad.Sprint("-"), pr.Message)
	}
	// Cleaning is news only about something that may be a key: for words
	// or an address it would read as if they were nearly one.
	if changes := r.Changes.List(); len(changes) > 0 && !r.HasProblem(totpkey.ReasonNotAKey) {
		label := "Cleaned:"
		for _, id := range changes {
			fmt.Fprintf(w, "  %-8s %s\n", label, r.ChangeMessage(id))
			label = ""
		}
	}
	writeKeyLine(w, p, r, showSecret)
	writeCodeCheck(w, p, r, showSecret)
	return nil
}

// WriteResultsText prints results for a person, one after the other, then
// the fix of each: a topic that several results share (the accounts of one
// export, say) is printed once, after the last of them.
func WriteResultsText(w io.Writer, streams *iostreams.IOStreams, results []totpkey.Result, input string, showSecret bool) error {
	if len(results) > 1 {
		input = "" // an export link: positions are in the decoded payload
	}
	var topics []string
	for i := range results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if err := writeResultText(w, streams, &results[i], input, showSecret); err != nil {
			return err
		}
		if t := results[i].Topic; t != "" && !slices.Contains(topics, t) {
			topics = append(topics, t)
		}
		if t := noteTopic(&results[i]); t != "" && !slices.Contains(topics, t) {
			topics = append(topics, t)
		}
	}
	for _, t := range topics {
		fmt.Fprintln(w)
		if err := writeTopic(w, streams, t); err != nil {
			return err
		}
	}
	return nil
}

// noteTopic is the topic of the result's broker's note (Dhan's: a
// rejected TOTP is usually Dhan's passing problem) for a result whose key
// is fine; empty otherwise. A key that is wrong needs its own fix first.
func noteTopic(r *totpkey.Result) string {
	b, ok := broker.Lookup(r.Broker)
	if !ok || r.Class != totpkey.ClassValid || r.CodeCheck != nil && !r.CodeCheck.Matched {
		return ""
	}
	return b.NoteTopic
}

// writeKeyLine says what key to paste, masked unless showSecret.
func writeKeyLine(w io.Writer, p Palette, r *totpkey.Result, showSecret bool) {
	if r.Key == "" {
		return
	}
	shown := totpkey.Mask(r.Key)
	if showSecret {
		shown = r.Key
	}
	label := "Paste:"
	if r.Class != totpkey.ClassValid {
		label = "Key:"
	}
	fmt.Fprintf(w, "  %-8s %s  %s\n", label, p.Bold.Sprint(shown),
		p.Dim.Sprintf("(base32, %d characters, %d bits)", len(r.Key), r.Bits()))
	if !showSecret {
		fmt.Fprintf(w, "  %-8s %s\n", "", p.Dim.Sprint("add --show-secret to print the key in full"))
	}
}

// writeEcho prints the input back, every key character masked, with a caret
// under each bad or invisible character, and the sentence for each caret.
// It returns the positions it explained.
func writeEcho(w io.Writer, p Palette, r *totpkey.Result, input string, showSecret bool) map[int]bool {
	problems := map[int]*totpkey.Problem{}
	for i := range r.Problems {
		if pos := r.Problems[i].Position; pos > 0 {
			problems[pos] = &r.Problems[i]
		}
	}
	runes := []rune(input)
	var invisible []int
	for i, c := range runes {
		if totpkey.Invisible(c) {
			invisible = append(invisible, i+1)
		}
	}
	if len(problems) == 0 && len(invisible) == 0 || len(runes) > maxEchoRunes {
		return nil
	}
	if r.HasProblem(totpkey.ReasonOtherCredential) && !showSecret {
		// It may be an API secret: its characters are a secret's, look-
		// alike or not, and the line would show them.
		return nil
	}
	var line, carets strings.Builder
	for i, c := range runes {
		pos := i + 1
		_, bad := problems[pos]
		switch {
		case bad && unicode.IsPrint(c):
			line.WriteString(p.bad.Sprint(string(c)))
		case bad:
			line.WriteString(p.bad.Sprint("?"))
		case totpkey.Invisible(c):
			bad = true
			line.WriteString(p.bad.Sprint("·"))
		case c == '\n' || c == '\r':
			line.WriteString("⏎")
		case c == ' ' || c == '\t':
			line.WriteString(" ")
		case showSecret && unicode.IsPrint(c):
			line.WriteRune(c)
		default:
			line.WriteString("•")
		}
		if bad {
			carets.WriteString(p.bad.Sprint("^"))
		} else {
			carets.WriteString(" ")
		}
	}
	fmt.Fprintf(w, "\n    %s\n    %s\n", line.String(), strings.TrimRight(carets.String(), " "))
	noted := map[int]bool{}
	for i, c := range runes {
		pos := i + 1
		if pr, ok := problems[pos]; ok {
			fmt.Fprintf(w, "  %s %s\n", p.bad.Sprint("^"), pr.Message)
			noted[pos] = true
		} else if totpkey.Invisible(c) {
			fmt.Fprintf(w, "  %s character %d is %s: invisible, and removed from the key\n", p.bad.Sprint("^"), pos, totpkey.CharName(c))
		}
	}
	return noted
}
