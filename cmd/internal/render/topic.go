package render

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/docs"
)

// Limits of the text layout of a topic.
const (
	// maxTopicWidth keeps lines readable on a very wide terminal.
	maxTopicWidth = 100
	// minTopicWidth is the narrowest layout; narrower terminals wrap it.
	minTopicWidth = 24
	// listIndent is the indent of numbered steps and bullets.
	listIndent = "  "
)

// topicStyle is how a topic is laid out for one output stream.
type topicStyle struct {
	// width is the column to wrap at; 0 does not wrap (piped output, where
	// the reader or the next program decides).
	Width int
	// Bold styles the title, headings and **strong** text; nil for none.
	Bold *color.Color
	// bullet is the mark before a bullet item.
	bullet string
}

// TopicStyleFor decides the layout for w: on a terminal, wrapped to its
// width with bold headings (when colour is allowed); on a pipe, plain text
// with one line per paragraph or step.
func TopicStyleFor(w io.Writer, streams *iostreams.IOStreams) topicStyle {
	tty, colored := streams.OutTTY, streams.Color
	if w == streams.ErrOut && w != streams.Out {
		tty = streams.ErrTTY
		colored = tty && streams.Env != nil && iostreams.ColorAllowed(streams.Env)
	}
	if !tty {
		return topicStyle{bullet: "-"}
	}
	s := topicStyle{Width: topicWidth(streams), bullet: "•"}
	if colored {
		s.Bold = color.New(color.Bold)
		s.Bold.EnableColor()
	}
	return s
}

// topicWidth is the terminal's width (or $COLUMNS when the terminal does
// not say), kept between minTopicWidth and maxTopicWidth. One column is
// left free so that a full line does not wrap on its own.
func topicWidth(streams *iostreams.IOStreams) int {
	w := streams.Width
	if w <= 0 && streams.Env != nil {
		if n, err := strconv.Atoi(streams.Env("COLUMNS")); err == nil {
			w = n
		}
	}
	if w <= 0 {
		w = streams.TerminalWidth()
	}
	return min(max(w-1, minTopicWidth), maxTopicWidth)
}

// writeTopic prints the help topic with the given id for a person: on a
// terminal with bold headings, numbered steps and lines wrapped to the
// width; piped as plain text. An unknown id prints nothing.
func writeTopic(w io.Writer, streams *iostreams.IOStreams, id string) error {
	t, ok := docs.Lookup(id)
	if !ok {
		return nil
	}
	return RenderTopicText(w, TopicStyleFor(w, streams), t)
}

// RenderTopicText lays out a topic: the title, then each block, with a
// blank line between blocks except between items of the same list.
func RenderTopicText(w io.Writer, style topicStyle, t docs.Topic) error {
	var b strings.Builder
	style.Wrap(&b, t.Title, "", "", true)
	prev := docs.Heading // the title counts as a heading: a blank line follows
	for _, block := range t.Blocks() {
		sameList := block.Kind == prev && (block.Kind == docs.Step || block.Kind == docs.Bullet)
		if !sameList {
			b.WriteString("\n")
		}
		switch block.Kind {
		case docs.Heading:
			style.Wrap(&b, block.Text, "", "", true)
		case docs.Step:
			mark := strconv.Itoa(block.Number) + ". "
			style.Wrap(&b, block.Text, listIndent+mark, listIndent+strings.Repeat(" ", len(mark)))
		case docs.Bullet:
			mark := style.bullet + " "
			style.Wrap(&b, block.Text, listIndent+mark, listIndent+strings.Repeat(" ", utf8.RuneCountInString(mark)))
		default:
			style.Wrap(&b, block.Text, "", "")
		}
		prev = block.Kind
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// RenderTopicMarkdown writes the topic as Markdown: the title as a first
// level heading, then the body as written.
func RenderTopicMarkdown(w io.Writer, t docs.Topic) error {
	_, err := fmt.Fprintf(w, "# %s\n\n%s", t.Title, t.Body)
	return err
}

// Strong styles s as bold when the style has colour.
func (s topicStyle) Strong(text string) string {
	if s.Bold == nil {
		return text
	}
	return s.Bold.Sprint(text)
}

// Wrap writes text as one item: the first line starts with first, the
// following ones with rest; words move to the next line at the width.
// Inline Markdown is resolved: **strong** is bold on a terminal and
// `code` loses its backticks. With allStrong the whole text is bold (a
// title or heading).
func (s topicStyle) Wrap(b *strings.Builder, text, first, rest string, allStrong ...bool) {
	strongAll := len(allStrong) > 0 && allStrong[0]
	var (
		line      strings.Builder // the current run of same-style text
		runStrong bool
		col       = utf8.RuneCountInString(first)
		start     = col
	)
	flush := func() {
		if runStrong {
			b.WriteString(s.Strong(line.String()))
		} else {
			b.WriteString(line.String())
		}
		line.Reset()
	}
	write := func(text string, strong bool) {
		if strong != runStrong {
			flush()
			runStrong = strong
		}
		line.WriteString(text)
	}
	b.WriteString(first)
	for i, word := range inlineWords(text) {
		n := word.Width()
		if i > 0 {
			if s.Width > 0 && col+1+n > s.Width && col > start {
				flush()
				b.WriteString("\n")
				b.WriteString(rest)
				col = utf8.RuneCountInString(rest)
			} else {
				// The space is bold only inside a bold run.
				write(" ", runStrong && (strongAll || word[0].Strong))
				col++
			}
		}
		for _, part := range word {
			write(part.text, strongAll || part.Strong)
		}
		col += n
	}
	flush()
	b.WriteString("\n")
}

// inlinePart is a run of a word's characters with one style.
type inlinePart struct {
	text   string
	Strong bool
}

// inlineWord is one word of running text; it has several parts when only
// some of it is **strong** ("**Validate & Save**,").
type inlineWord []inlinePart

// Width is the word's width in characters, without its styling.
func (w inlineWord) Width() int {
	n := 0
	for _, p := range w {
		n += utf8.RuneCountInString(p.text)
	}
	return n
}

// inlineWords splits text into words, resolving the two inline marks the
// topics may use: **strong** and `code`. Marks that are not paired stay as
// written.
func inlineWords(text string) []inlineWord {
	text = resolveCode(text)
	paired := strings.Count(text, "**")%2 == 0
	var (
		words     []inlineWord
		cur       inlineWord
		strong    bool
		partStart = -1 // where the current part starts; -1 for none
	)
	// A part is a run of text between spaces and marks: a piece of text
	// itself, not a copy.
	flushPart := func(end int) {
		if partStart >= 0 && end > partStart {
			cur = append(cur, inlinePart{text: text[partStart:end], Strong: strong})
		}
		partStart = -1
	}
	flushWord := func(end int) {
		flushPart(end)
		if len(cur) > 0 {
			words = append(words, cur)
			cur = nil
		}
	}
	for i := 0; i < len(text); {
		if paired && text[i] == '*' && strings.HasPrefix(text[i:], "**") {
			flushPart(i)
			strong = !strong
			i += 2
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if unicode.IsSpace(r) {
			flushWord(i)
		} else if partStart < 0 {
			partStart = i
		}
		i += size
	}
	flushWord(len(text))
	return words
}

// resolveCode removes the backticks around `code` spans.
func resolveCode(text string) string {
	if strings.Count(text, "`")%2 != 0 {
		return text
	}
	return strings.ReplaceAll(text, "`", "")
}

// PlainInline removes inline marks from a short text such as a heading.
func PlainInline(text string) string {
	words := inlineWords(text)
	parts := make([]string, len(words))
	for i, w := range words {
		var b strings.Builder
		for _, p := range w {
			b.WriteString(p.text)
		}
		parts[i] = b.String()
	}
	return strings.Join(parts, " ")
}
