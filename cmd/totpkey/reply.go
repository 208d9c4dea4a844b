package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/totpkey/totpkey/docs"
	"github.com/totpkey/totpkey/totpkey"
)

// maxReplyItems is how many findings a reply names; a ticket with more is
// summed up by the first ones.
const maxReplyItems = 6

// replyItem is one thing a reply talks about: a result and what to call it
// (masked). Replies do not quote line numbers: the customer wrote a
// message, not a file.
type replyItem struct {
	r     *totpkey.Result
	kind  totpkey.FindingKind // empty for a whole input
	text  string              // the error message of an error-message finding
	shown string              // the input or key, masked; empty for a link
}

// writeReply is validate --reply for one input: a reply to the customer
// who sent it.
func writeReply(w io.Writer, input string, results []totpkey.Result) error {
	items := make([]replyItem, len(results))
	for i := range results {
		items[i] = replyItem{r: &results[i], shown: replyShown(&results[i], input)}
	}
	_, err := io.WriteString(w, buildReply(items))
	return err
}

// appendReplyBlock is validate --lines --reply: a reply per line, under a
// heading for the support agent that says which line (and ticket) it is for.
func (run *linesRun) appendReplyBlock(dst []byte, file string, line int, keeps []string, r *totpkey.Result, input string) []byte {
	head := "line " + strconv.Itoa(line)
	if run.withFile {
		head = sourceName(file) + " " + head
	}
	for i, k := range keeps {
		head += ", " + run.keep[i] + " " + printable(k)
	}
	dst = append(dst, "=== "+head+" ===\n"...)
	dst = append(dst, buildReply([]replyItem{{r: r, shown: replyShown(r, input)}})...)
	return append(dst, '\n')
}

// replyShown is how a reply names an input: its key masked, or the input
// masked.
func replyShown(r *totpkey.Result, input string) string {
	if r.Key != "" {
		return totpkey.Mask(r.Key)
	}
	if hasLinkPrefix(input) {
		return ""
	}
	return maskInput(input, 40)
}

// buildReply writes a short, neutral reply: what was found, the fix steps
// from the help topic with the article's labels, and a word of care when
// the message carried a key. Secrets are masked; no names are made up.
func buildReply(items []replyItem) string {
	var b strings.Builder
	b.WriteString("Hello,\n\nThank you for your message.")
	if len(items) == 0 {
		b.WriteString(" We could not find a TOTP Key, a code or an error message in it.")
	}
	b.WriteString("\n\n")
	shownItems := items
	if len(shownItems) > maxReplyItems {
		shownItems = shownItems[:maxReplyItems]
	}
	for _, it := range shownItems {
		prefix := ""
		if len(items) > 1 {
			prefix = "- "
		}
		b.WriteString(wrapText(prefix+describeForReply(it), 72, strings.Repeat(" ", len(prefix))))
		b.WriteString("\n")
	}
	if len(items) > 0 {
		b.WriteString("\n")
	}
	topic, hasKey, usable := replyTopic(items)
	if steps := replySteps(topic); len(steps) > 0 {
		b.WriteString("To fix it in AutoTrader Web:\n\n")
		for i, s := range steps {
			b.WriteString(wrapText(fmt.Sprintf("%d. %s", i+1, s), 72, "   "))
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if !usable {
		b.WriteString(wrapText("If your broker no longer shows the TOTP Key, disable TOTP at your broker and enable it "+
			"again: the broker then shows a new TOTP Key. Copy it and enter it as above.", 72, ""))
		b.WriteString("\n\n")
	}
	if hasKey {
		b.WriteString(wrapText("Your message contained your TOTP Key. It works like a password, so please do not send it "+
			"by e-mail or chat. If someone else may have seen it, disable and enable TOTP at your broker to get a new key.", 72, ""))
		b.WriteString("\n\n")
	}
	b.WriteString("Kind regards,\nSupport\n")
	return b.String()
}

// describeForReply says in a sentence what one item is.
func describeForReply(it replyItem) string {
	r := it.r
	switch {
	case it.kind == totpkey.FindingErrorMessage:
		if r.Topic == "invalid-totp" {
			return fmt.Sprintf("You mentioned the error %q: your broker refused the TOTP made from the saved TOTP Key, "+
				"so the saved key is not the one your broker expects now.", it.text)
		}
		return fmt.Sprintf("You mentioned the error %q: AutoTrader Web could not make a TOTP from the TOTP Key saved "+
			"for your trading account, almost always because that key is not right.", it.text)
	case r.Class == totpkey.ClassCode:
		return fmt.Sprintf("The number you sent (%s) is a TOTP, the code your authenticator app shows. "+
			"It changes every 30 seconds and is not the TOTP Key, which is a longer string of letters and digits.", it.shown)
	case r.HasProblem(totpkey.ReasonEmpty):
		return "The TOTP Key you sent is empty."
	case r.Class == totpkey.ClassValid && (r.Format == totpkey.FormatOTPAuth || r.Format == totpkey.FormatMigration):
		return fmt.Sprintf("The otpauth link you sent holds a valid TOTP Key (%s).", totpkey.Mask(r.Key))
	case r.Class == totpkey.ClassValid:
		s := fmt.Sprintf("The TOTP Key you sent (%s) is valid", it.shown)
		if clean := cleaningForReply(r.Changes); clean != "" {
			s += " once " + clean
		}
		return s + "."
	}
	var reasons []string
	for _, p := range r.Problems {
		if len(reasons) == 2 {
			break
		}
		msg := strings.TrimRight(p.Message, ".")
		if len(reasons) == 0 || reasons[len(reasons)-1] != msg {
			reasons = append(reasons, msg)
		}
	}
	what := "What you sent"
	if it.kind == totpkey.FindingLink || it.kind == totpkey.FindingExportLink || r.Format == totpkey.FormatOTPAuth {
		what = "The otpauth link you sent"
	}
	if it.shown != "" {
		what += " (" + it.shown + ")"
	}
	return sentence(fmt.Sprintf("%s is not a usable TOTP Key: %s", what, strings.Join(reasons, "; ")))
}

// sentence ends s with a full stop unless it ends with a question mark.
func sentence(s string) string {
	if strings.HasSuffix(s, "?") || strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// cleaningForReply says what the customer must change for a key that is
// valid once cleaned: "the spaces are removed and it is in capital letters".
func cleaningForReply(c totpkey.Changes) string {
	phrases := map[totpkey.ReasonID]string{
		totpkey.ChangeWhitespace: "the spaces are removed",
		totpkey.ChangeSeparators: "the dashes or dots are removed",
		totpkey.ChangeLowercase:  "it is written in capital letters",
		totpkey.ChangeInvisible:  "the invisible characters copied with it are removed",
		totpkey.ChangePadding:    "the = signs at the end are removed",
		totpkey.ChangeQuotes:     "the quotes around it are removed",
		totpkey.ChangeLabel:      "the label in front of it is removed",
	}
	var parts []string
	for _, id := range c.List() {
		if p, ok := phrases[id]; ok {
			parts = append(parts, p)
		}
	}
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// replyTopic picks the help topic whose steps the reply gives: the steps
// to enter the key when a usable key was found; else those of the worst
// key or code found; the whole article's when only an error message (or
// nothing) was found. It also tells whether a key (even a broken one) was in the
// message and whether a usable one was.
func replyTopic(items []replyItem) (topic string, hasKey, usable bool) {
	worst := -1
	for i, it := range items {
		r := it.r
		switch r.Format {
		case totpkey.FormatBase32, totpkey.FormatHex, totpkey.FormatOTPAuth, totpkey.FormatMigration:
			hasKey = true
		}
		if it.kind == totpkey.FindingErrorMessage {
			continue
		}
		if r.ExitCode() == totpkey.ExitValid {
			usable = true
		}
		if worst < 0 || r.ExitCode() > items[worst].r.ExitCode() {
			worst = i
		}
	}
	switch {
	case usable:
		return "edit-and-save", hasKey, usable
	case worst < 0:
		return "failed-to-generate-totp", hasKey, usable
	}
	return items[worst].r.Topic, hasKey, usable
}

// replySteps returns the steps of a topic for a customer, ending with the
// article's steps to enter the key (Accounts -> Trading Accounts, the EDIT
// icon, Validate & Save) when the topic's own steps do not lead there.
func replySteps(topicID string) []string {
	steps := topicSteps(topicID)
	if topicID == "edit-and-save" || containsStep(steps, "Accounts -> Trading Accounts") {
		if len(steps) > 0 {
			return steps
		}
	}
	var first []string
	for _, s := range steps {
		if !strings.Contains(s, "Validate & Save") {
			first = append(first, s)
		}
	}
	return append(first, topicSteps("edit-and-save")...)
}

func containsStep(steps []string, label string) bool {
	for _, s := range steps {
		if strings.Contains(s, label) {
			return true
		}
	}
	return false
}

// topicSteps returns the first list of numbered steps of a topic, for a
// customer: steps that need the totpkey tool are left out, and Markdown
// marks are removed.
func topicSteps(topicID string) []string {
	t, ok := docs.Lookup(topicID)
	if !ok {
		return nil
	}
	var steps []string
	started := false
	for _, blk := range t.Blocks() {
		if blk.Kind != docs.Step {
			if started {
				break
			}
			continue
		}
		started = true
		text := plainMarkdown(blk.Text)
		if strings.Contains(text, "totpkey") {
			text = dropToolReferences(text)
			if text == "" || strings.Contains(text, "totpkey") {
				continue
			}
		}
		steps = append(steps, text)
	}
	return steps
}

// dropToolReferences removes "(see totpkey explain …)" asides from a step.
func dropToolReferences(s string) string {
	for {
		i := strings.Index(s, "(see totpkey")
		if i < 0 {
			return strings.TrimSpace(s)
		}
		j := strings.IndexByte(s[i:], ')')
		if j < 0 {
			return strings.TrimSpace(s[:i])
		}
		s = strings.TrimRight(s[:i], " ") + s[i+j+1:]
	}
}

// plainMarkdown removes inline Markdown: `code`, **bold**, _emphasis_.
func plainMarkdown(s string) string {
	return strings.NewReplacer("`", "", "**", "", "__", "").Replace(s)
}

// wrapText wraps s at width columns, continuing lines with indent.
func wrapText(s string, width int, indent string) string {
	var b strings.Builder
	col := 0
	for i, word := range strings.Fields(s) {
		n := len([]rune(word))
		if i > 0 && col+1+n > width {
			b.WriteString("\n" + indent)
			col = len(indent)
		} else if i > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}
