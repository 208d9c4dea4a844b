package reply

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey/broker"
	"github.com/totpkey/totpkey/totpkey/scan"

	"github.com/totpkey/totpkey/totpkey"
)

// maxReplyItems is how many points a reply makes about what was found.
// Findings of the same kind are merged into one point first (all the codes,
// say); what is still left over is counted in a last line.
const maxReplyItems = 6

// Item is one thing a reply talks about: a result and what to call it
// (masked). Replies do not quote line numbers: the customer wrote a
// message, not a file.
type Item struct {
	line   int // the line of the ticket it was found on; 0 for a whole input
	Result *totpkey.Result
	kind   scan.FindingKind // empty for a whole input
	text   string           // the error message of an error-message finding
	Shown  string           // the input or key, masked; empty for a link
}

// WriteReply is validate --reply for one input: a reply to the customer
// who sent it.
func WriteReply(w io.Writer, input string, results []totpkey.Result) error {
	items := make([]Item, len(results))
	for i := range results {
		items[i] = Item{Result: &results[i], Shown: ShownInput(&results[i], input)}
	}
	_, err := io.WriteString(w, BuildReply(items))
	return err
}

// ShownInput is how a reply names an input: as the customer sent it,
// masked; empty for a link, whose text means nothing to a reader.
func ShownInput(r *totpkey.Result, input string) string {
	if outcome.HasLinkPrefix(input) || strings.TrimSpace(input) == "" {
		return ""
	}
	return outcome.MaskInput(input, 40)
}

// replyRank orders the points of a reply: keys and links (valid or not)
// first, since they decide the fix, then codes, then error messages, which
// only say that something is wrong.
func replyRank(it Item) int {
	switch {
	case it.kind == scan.FindingErrorMessage:
		return 2
	case it.Result.Class == totpkey.ClassCode:
		return 1
	}
	return 0
}

// groupReplyItems merges the items a reply can name in one point (every
// code; error messages with the same help topic) and orders the points by
// replyRank, in the order of the message within a rank.
func groupReplyItems(items []Item) [][]Item {
	var groups [][]Item
	at := map[string]int{}
	for _, it := range items {
		key := ""
		switch {
		case it.kind == scan.FindingErrorMessage:
			key = "error\x00" + it.Result.Topic
		case it.Result.Class == totpkey.ClassCode:
			key = "code"
		}
		if i, ok := at[key]; ok && key != "" {
			groups[i] = append(groups[i], it)
			continue
		}
		if key != "" {
			at[key] = len(groups)
		}
		groups = append(groups, []Item{it})
	}
	slices.SortStableFunc(groups, func(a, b []Item) int {
		return replyRank(a[0]) - replyRank(b[0])
	})
	return groups
}

// describeGroup says in a sentence or two what a point of the reply is
// about: one item as describeForReply does, several codes or error
// messages together.
func describeGroup(g []Item) string {
	if len(g) == 1 {
		return describeForReply(g[0])
	}
	if g[0].kind == scan.FindingErrorMessage {
		quoted := make([]string, len(g))
		for i, it := range g {
			quoted[i] = strconv.Quote(it.text)
		}
		first := describeForReply(g[0])
		return "You mentioned the errors " + andList(quoted) + first[strings.Index(first, ":"):]
	}
	shown := make([]string, len(g))
	for i, it := range g {
		shown[i] = it.Shown
	}
	return fmt.Sprintf("The numbers you sent (%s) are TOTPs, the codes your authenticator app shows. "+
		"They change every 30 seconds and are not the TOTP Key, which is a longer string of letters and digits.",
		strings.Join(shown, ", "))
}

// leftKinds counts the items a reply leaves out by what they are: "2 keys,
// 1 code and 1 error message".
func leftKinds(items []Item) string {
	nouns := []string{"key", "otpauth link", "code", "error message"}
	counts := make([]int, len(nouns))
	for _, it := range items {
		switch {
		case it.kind == scan.FindingErrorMessage:
			counts[3]++
		case it.Result.Class == totpkey.ClassCode:
			counts[2]++
		case it.kind == scan.FindingLink || it.kind == scan.FindingExportLink:
			counts[1]++
		default:
			counts[0]++
		}
	}
	var parts []string
	for i, n := range counts {
		if n > 0 {
			parts = append(parts, outcome.Plural(n, nouns[i]))
		}
	}
	return andList(parts)
}

// andList joins words as "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// describeForReply says in a sentence what one item is.
func describeForReply(it Item) string {
	r := it.Result
	switch {
	case it.kind == scan.FindingErrorMessage:
		if b, ok := broker.Lookup(r.Broker); ok && b.NoteTopic != "" {
			return fmt.Sprintf("You mentioned the error %q at %s.", it.text, b.Name)
		}
		if r.Topic == "invalid-totp" {
			return fmt.Sprintf("You mentioned the error %q: your broker refused the TOTP made from the saved TOTP Key.", it.text)
		}
		return fmt.Sprintf("You mentioned the error %q: AutoTrader Web could not make a TOTP from the saved TOTP Key, "+
			"almost always because that key is not right.", it.text)
	case r.Class == totpkey.ClassCode:
		return fmt.Sprintf("The number you sent (%s) is a TOTP, the code your authenticator app shows. "+
			"It changes every 30 seconds and is not the TOTP Key, which is a longer string of letters and digits.", it.Shown)
	case r.HasProblem(totpkey.ReasonEmpty):
		return "The TOTP Key you sent is empty."
	case r.HasProblem(totpkey.ReasonHexKey) && it.kind != scan.FindingLink && it.kind != scan.FindingExportLink:
		what := "The key you sent"
		if it.Shown != "" {
			what += " (" + it.Shown + ")"
		}
		return what + " is written in hexadecimal, with the digits 0 to 9 and the letters a to f. " +
			"The TOTP Key field needs the same key written in base32, with the capital letters A to Z " +
			"and the digits 2 to 7, so it cannot be entered as it is."
	case r.Class == totpkey.ClassValid && r.Format == totpkey.FormatMigration:
		return fmt.Sprintf("The Google Authenticator export link you sent holds a valid TOTP Key (%s).", totpkey.Mask(r.Key))
	case r.Class == totpkey.ClassValid && r.Format == totpkey.FormatOTPAuth:
		return fmt.Sprintf("The otpauth link you sent holds a valid TOTP Key (%s).", totpkey.Mask(r.Key))
	case r.Class == totpkey.ClassValid:
		s := fmt.Sprintf("The TOTP Key you sent (%s) is valid", it.Shown)
		if clean := cleaningForReply(r); clean != "" {
			s += " once " + clean
		}
		return s + "."
	}
	if d := describeCredentialOrPart(it); d != "" {
		return d
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
	if it.kind == scan.FindingLink || it.kind == scan.FindingExportLink || r.Format == totpkey.FormatOTPAuth {
		what = "The otpauth link you sent"
	}
	if it.Shown != "" {
		what += " (" + it.Shown + ")"
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
// valid once cleaned, as the end of "is valid once …". Separators and
// spaces are worded from the result's own change message, which knows a
// full stop at the end from dashes between groups.
func cleaningForReply(r *totpkey.Result) string {
	phrases := map[totpkey.ReasonID]string{
		totpkey.ChangeWhitespace:      "the spaces are removed",
		totpkey.ChangeLowercase:       "it is written in capital letters",
		totpkey.ChangeInvisible:       "the invisible characters copied with it are removed",
		totpkey.ChangePadding:         "the = signs at the end are removed",
		totpkey.ChangeQuotes:          "the quotes around it are removed",
		totpkey.ChangeLabel:           "the label in front of it is removed",
		totpkey.ChangeFullwidth:       "its full-width letters and digits are typed as ordinary ones",
		totpkey.ChangeHTML:            "the web page's HTML codes (such as &nbsp;) are removed",
		totpkey.ChangeQuotedPrintable: "the mail's encoding (an = at a line end, =3D) is undone",
		totpkey.ChangeEmphasis:        "the * _ ~ or ``` marks around it are removed",
		totpkey.ChangeSymbols:         "the emoji or symbols next to it are removed",
		totpkey.ChangeText:            "it is copied without the words around it",
	}
	var parts []string
	for _, id := range r.Changes.List() {
		if id == totpkey.ChangeSeparators {
			// "removed the full stop at the end, which is not part of the
			// key" -> "the full stop at the end is removed".
			what := strings.TrimSuffix(strings.TrimPrefix(r.ChangeMessage(id), "removed "), ", which is not part of the key")
			verb := " is removed"
			if strings.Contains(what, " and ") || strings.Contains(what, "dashes") {
				verb = " are removed"
			}
			parts = append(parts, what+verb)
			continue
		}
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
func replyTopic(items []Item) (topic string, hasKey, usable bool) {
	worst := -1
	for i, it := range items {
		r := it.Result
		switch r.Format {
		case totpkey.FormatBase32, totpkey.FormatHex, totpkey.FormatOTPAuth, totpkey.FormatMigration:
			hasKey = true
		}
		if it.kind == scan.FindingErrorMessage {
			continue
		}
		if outcome.ExitCodeOf(r) == outcome.ExitValid {
			usable = true
		}
		if worst < 0 || outcome.ExitCodeOf(r) > outcome.ExitCodeOf(items[worst].Result) {
			worst = i
		}
	}
	switch {
	case usable:
		return "edit-and-save", hasKey, usable
	case worst < 0:
		return "failed-to-generate-totp", hasKey, usable
	}
	return items[worst].Result.Topic, hasKey, usable
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
	return markdownMarks().Replace(s)
}

var markdownMarks = sync.OnceValue(func() *strings.Replacer { return strings.NewReplacer("`", "", "**", "", "__", "") })

// wrapText wraps s at width columns, continuing lines with indent. Words
// are runs of characters between spaces; a word longer than the width has
// a line of its own.
func wrapText(s string, width int, indent string) string {
	return string(appendWrapped(make([]byte, 0, len(s)+len(s)/width*(len(indent)+1)+8), s, width, indent))
}

// appendWrapped appends s wrapped as wrapText does to dst.
func appendWrapped(dst []byte, s string, width int, indent string) []byte {
	col, first := 0, true
	for i := 0; i < len(s); {
		for i < len(s) && isSpaceByte(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isSpaceByte(s[j]) {
			j++
		}
		if i == j {
			break
		}
		word := s[i:j]
		n := utf8.RuneCountInString(word)
		switch {
		case first:
			first = false
		case col+1+n > width:
			dst = append(dst, '\n')
			dst = append(dst, indent...)
			col = len(indent)
		default:
			dst = append(dst, ' ')
			col++
		}
		dst = append(dst, word...)
		col += n
		i = j
	}
	return dst
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// ForFindings is the reply to a whole text (validate --scan --reply, the
// Ticket tab of the page): one reply for everything found
// in a text, whose broker is bk (the zero Broker when none is known), with
// what the text says (facts). A key found twice is named once.
func ForFindings(findings []scan.Finding, facts *TicketFacts, bk broker.Broker) string {
	var items []Item
	seen := map[string]bool{}
	for i := range findings {
		f := &findings[i]
		if f.Kind == scan.FindingErrorMessage {
			f.Result.Broker = bk.ID
		} else if f.Result.Broker == "" {
			f.Result.ApplyBroker(bk) // a text of several batches: named in another one
		}
		id := string(f.Kind) + "\x00" + f.Result.Key + "\x00" + f.Text
		if f.Result.Key != "" {
			id = "key\x00" + f.Result.Key
		}
		if seen[id] {
			continue
		}
		seen[id] = true
		it := Item{line: f.Line, Result: &f.Result, kind: f.Kind, text: f.Text}
		if f.Kind != scan.FindingErrorMessage {
			it.Shown = ShownInput(&f.Result, f.Text)
		}
		items = append(items, it)
	}
	if bk.Known() && facts.Broker() == "" {
		facts.brokers = append(facts.brokers, bk.ID) // --broker, or the catalogue's reading of the text
	}
	return BuildTicketReply(items, facts)
}
