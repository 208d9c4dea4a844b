package explain

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/render"
	"github.com/totpkey/totpkey/docs"
)

// explainOptions are the inputs of one run of explain.
type explainOptions struct {
	IO     *iostreams.IOStreams
	Args   []string
	Output string
}

// explainFormats are the values -o takes.
var explainFormats = []string{"text", "markdown", "json"}

// maxSeeAlso is how many other topics a sentence query mentions after the
// one it shows.
const maxSeeAlso = 2

// NewExplainCmd builds the explain command, reading and writing streams.
func NewExplainCmd(streams *iostreams.IOStreams) *cobra.Command {
	opts := &explainOptions{IO: streams}
	cmd := &cobra.Command{
		Use:   "explain [TOPIC | REASON-ID | ERROR TEXT | BROKER | QUESTION]",
		Short: "Print the fix for an error message, a reason id or a problem in your own words",
		Long: `Explain prints a help topic: what a problem means and the steps that fix
it, with the labels of AutoTrader Web exactly as they appear on screen
(Accounts -> Trading Accounts, the EDIT icon, Validate & Save).

With no argument it lists the topics. The argument can be:

- a topic id, such as failed-to-generate-totp or broker-hides-key;
- a reason id from 'totpkey validate -o json', such as invalid-character;
- an error message as it is, such as "Failed to generate TOTP" or
  "Invalid TOTP" (case and punctuation do not matter, and it may sit
  inside a longer text);
- a broker, such as zerodha or "Angel One": where it shows the key;
- a question in your own words: "my broker doesn't show the key any more".

With - the text is read from standard input. A misspelt topic id gets a
"did you mean"; a query that matches nothing exits with code 2 and names
the closest topics, and an empty one exits with code 2 too. A one-time
code or a key pasted here by mistake is recognised, and its topic shown
(check keys with 'totpkey validate', which hides what you paste).

On a terminal the topic is wrapped to its width with bold headings; piped,
it is plain text with one line per paragraph or step. -o markdown prints
the topic's source, and -o json one object per topic (id, title, aliases,
errors, steps, body) for help desk tools.`,
		Example: `  # List the topics
  totpkey explain

  # A reason id from 'totpkey validate -o json'
  totpkey explain invalid-character

  # An error message, pasted as it is
  totpkey explain 'Failed to generate TOTP'

  # In your own words
  totpkey explain "my broker doesn't show the key any more"

  # For a help desk tool
  totpkey explain one-time-code -o json`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			return runExplain(opts)
		},
		ValidArgsFunction: completeTopics,
	}
	cmd.Flags().StringVarP(&opts.Output, "output", "o", "text", "output `format`: text, markdown or json")
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions(explainFormats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// completeTopics completes topic ids, each with its title.
func completeTopics(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, t := range docs.All() {
		if strings.HasPrefix(t.ID, toComplete) {
			out = append(out, t.ID+"\t"+t.Title)
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

func runExplain(o *explainOptions) error {
	switch o.Output {
	case "text", "markdown", "json":
	default:
		return cmdutil.UsageErrorf("run 'totpkey explain --help' for usage", "unknown output format %q: use text, markdown or json", outcome.ShownArg(o.Output))
	}
	query, err := explainQuery(o)
	if err != nil {
		return err
	}
	if query == "" && len(o.Args) == 0 {
		return writeTopicList(o, docs.All())
	}
	if query == "" {
		return cmdutil.UsageErrorf("run 'totpkey explain' with no argument to list the topics, or give a topic id or an error message",
			"nothing to look up: the query is empty")
	}
	res := docs.Resolve(query)
	if !res.Found() && len(res.DidYouMean) == 0 {
		if kind, t, ok := inputTopic(query); ok {
			fmt.Fprintf(o.IO.ErrOut, "totpkey: %q looks like %s, not a message: this is its topic, %s\n"+
				"totpkey: hint: check keys and codes with 'totpkey validate', which asks for them at a hidden prompt\n",
				outcome.MaskInput(query, maxQuotedRunes), kind, t.ID)
			res.Matches = []docs.Match{{Topic: t, By: matchedByInput}}
		}
	}
	if !res.Found() {
		if o.Output == "json" {
			if err := writeNoMatchJSON(o.IO.Out, res); err != nil {
				return err
			}
		}
		return noTopicError(query, res)
	}
	best := res.Matches[0]
	seeAlso := seeAlsoTopics(res.Matches)
	w := o.IO.Out
	switch o.Output {
	case "json":
		return writeTopicJSON(w, newTopicView(best.Topic, string(best.By), seeAlso))
	case "markdown":
		return render.RenderTopicMarkdown(w, best.Topic)
	}
	style := render.TopicStyleFor(w, o.IO)
	if err := render.RenderTopicText(w, style, best.Topic); err != nil {
		return err
	}
	if len(seeAlso) > 0 {
		refs := make([]string, len(seeAlso))
		for i, id := range seeAlso {
			refs[i] = "totpkey explain " + id
		}
		var b strings.Builder
		b.WriteString("\n")
		style.Wrap(&b, "**See also:** "+strings.Join(refs, ", "), "", "")
		_, err := io.WriteString(w, b.String())
		return err
	}
	return nil
}

// explainQuery joins the arguments into one query, so that a sentence
// works unquoted; "-" reads it from standard input.
func explainQuery(o *explainOptions) (string, error) {
	if len(o.Args) == 1 && o.Args[0] == "-" {
		// One byte more than is searched: a text longer than that is
		// too long to be a key or a code (validate says the same), and
		// noTopicError says so.
		b, err := io.ReadAll(io.LimitReader(o.IO.In, docs.MaxQueryBytes+1))
		if err != nil {
			return "", cmdutil.Failure(fmt.Errorf("reading standard input: %w", err))
		}
		return strings.TrimSpace(string(b)), nil
	}
	return strings.TrimSpace(strings.Join(o.Args, " ")), nil
}

// seeAlsoTopics are the other topics a sentence matched nearly as well as
// the first: at least half its score, at most maxSeeAlso.
func seeAlsoTopics(matches []docs.Match) []string {
	if len(matches) < 2 || matches[0].By != docs.ByWords {
		return nil
	}
	var ids []string
	for _, m := range matches[1:] {
		if m.Score < matches[0].Score/2 || len(ids) == maxSeeAlso {
			break
		}
		ids = append(ids, m.Topic.ID)
	}
	return ids
}

// noTopicError is the usage error for a query that matched nothing: the
// typo it looks like, or the closest topics.
func noTopicError(query string, res docs.Resolution) error {
	var hints []string
	if len(res.DidYouMean) > 0 {
		ids := topicIDs(res.DidYouMean, 3)
		hints = append(hints, fmt.Sprintf("did you mean %s? run 'totpkey explain %s'", orList(ids), ids[0]))
	}
	if kind, topic := inputKind(query); kind != "" {
		hint := "that looks like " + kind + ", not a message: check it with 'totpkey validate', which asks for it at a hidden prompt"
		if topic != "" {
			hint += "; see 'totpkey explain " + topic + "'"
		}
		hints = append(hints, hint)
	}
	if len(query) > docs.MaxQueryBytes {
		hints = append(hints, fmt.Sprintf("the text is more than %d bytes long, far longer than a TOTP Key, a code or an error message: "+
			"only its first %d bytes were searched; paste only the error message", docs.MaxQueryBytes, docs.MaxQueryBytes))
	}
	if len(res.Closest) > 0 {
		hints = append(hints, "closest topics: "+strings.Join(topicIDs(res.Closest, 3), ", "))
	}
	hints = append(hints, "run 'totpkey explain' to list every topic")
	msg := "no help topic matches " + safeQuote(query)
	if len(res.DidYouMean) > 0 {
		msg = "no help topic " + safeQuote(query)
	}
	e := cmdutil.UsageErrorf(hints[0], "%s", msg)
	if ee, ok := e.(*cmdutil.ExitError); ok {
		ee.Hints = hints
	}
	return e
}

func topicIDs(topics []docs.Topic, n int) []string {
	ids := make([]string, 0, n)
	for _, t := range topics[:min(n, len(topics))] {
		ids = append(ids, t.ID)
	}
	return ids
}

// orList joins ids as "a", "a or b", "a, b or c".
func orList(ids []string) string {
	if len(ids) == 1 {
		return ids[0]
	}
	return strings.Join(ids[:len(ids)-1], ", ") + " or " + ids[len(ids)-1]
}

// writeTopicList prints the topics: id and title, aligned.
func writeTopicList(o *explainOptions, topics []docs.Topic) error {
	w := o.IO.Out
	switch o.Output {
	case "json":
		for _, t := range topics {
			if err := writeTopicJSON(w, newTopicView(t, "", nil)); err != nil {
				return err
			}
		}
		return nil
	case "markdown":
		var b strings.Builder
		b.WriteString("| Topic | Title |\n|---|---|\n")
		for _, t := range topics {
			fmt.Fprintf(&b, "| `%s` | %s |\n", t.ID, strings.ReplaceAll(t.Title, "|", `\|`))
		}
		_, err := io.WriteString(w, b.String())
		return err
	}
	style := render.TopicStyleFor(w, o.IO)
	width := 0
	for _, t := range topics {
		width = max(width, len(t.ID))
	}
	var b strings.Builder
	for _, t := range topics {
		pad := strings.Repeat(" ", width-len(t.ID)+2)
		b.WriteString(style.Strong(t.ID) + pad + t.Title + "\n")
	}
	if style.Width > 0 {
		b.WriteString("\nRun 'totpkey explain TOPIC' for one of them, or paste an error message:\n" +
			"totpkey explain 'Failed to generate TOTP'\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// topicView is a topic as -o json prints it.
type topicView struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Aliases   []string `json:"aliases"`
	Errors    []string `json:"errors"`
	Steps     []string `json:"steps"`
	Body      string   `json:"body"`
	MatchedBy string   `json:"matched_by,omitempty"`
	SeeAlso   []string `json:"see_also,omitempty"`
}

func newTopicView(t docs.Topic, matchedBy string, seeAlso []string) topicView {
	v := topicView{
		ID:        t.ID,
		Title:     t.Title,
		Aliases:   nonNil(t.Aliases),
		Errors:    nonNil(t.Errors),
		Steps:     []string{},
		Body:      t.Body,
		MatchedBy: matchedBy,
		SeeAlso:   seeAlso,
	}
	for _, b := range t.Blocks() {
		if b.Kind == docs.Step {
			v.Steps = append(v.Steps, render.PlainInline(b.Text))
		}
	}
	return v
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// writeTopicJSON prints one topic as one line of JSON.
func writeTopicJSON(w io.Writer, v topicView) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// noMatchView is what -o json prints for a query that matched nothing.
type noMatchView struct {
	Matched    bool     `json:"matched"`
	DidYouMean []string `json:"did_you_mean"`
	Closest    []string `json:"closest"`
}

func writeNoMatchJSON(w io.Writer, res docs.Resolution) error {
	v := noMatchView{
		DidYouMean: topicIDs(res.DidYouMean, 3),
		Closest:    topicIDs(res.Closest, 3),
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
