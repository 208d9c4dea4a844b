package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
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
	width int
	// bold styles the title, headings and **strong** text; nil for none.
	bold *color.Color
	// bullet is the mark before a bullet item.
	bullet string
}

// topicStyleFor decides the layout for w: on a terminal, wrapped to its
// width with bold headings (when colour is allowed); on a pipe, plain text
// with one line per paragraph or step.
func topicStyleFor(w io.Writer, streams *ioStreams) topicStyle {
	tty, colored := streams.outTTY, streams.color
	if w == streams.ErrOut && w != streams.Out {
		tty = streams.errTTY
		colored = tty && streams.env != nil && colorAllowed(streams.env)
	}
	if !tty {
		return topicStyle{bullet: "-"}
	}
	s := topicStyle{width: topicWidth(streams), bullet: "•"}
	if colored {
		s.bold = color.New(color.Bold)
		s.bold.EnableColor()
	}
	return s
}

// topicWidth is the terminal's width (or $COLUMNS when the terminal does
// not say), kept between minTopicWidth and maxTopicWidth. One column is
// left free so that a full line does not wrap on its own.
func topicWidth(streams *ioStreams) int {
	w := streams.width
	if w <= 0 && streams.env != nil {
		if n, err := strconv.Atoi(streams.env("COLUMNS")); err == nil {
			w = n
		}
	}
	if w <= 0 {
		w = streams.terminalWidth()
	}
	return min(max(w-1, minTopicWidth), maxTopicWidth)
}

// writeTopic prints the help topic with the given id for a person: on a
// terminal with bold headings, numbered steps and lines wrapped to the
// width; piped as plain text. An unknown id prints nothing.
func writeTopic(w io.Writer, streams *ioStreams, id string) error {
	t, ok := docs.Lookup(id)
	if !ok {
		return nil
	}
	return renderTopicText(w, topicStyleFor(w, streams), t)
}

// renderTopicText lays out a topic: the title, then each block, with a
// blank line between blocks except between items of the same list.
func renderTopicText(w io.Writer, style topicStyle, t docs.Topic) error {
	var b strings.Builder
	style.wrap(&b, t.Title, "", "", true)
	prev := docs.Heading // the title counts as a heading: a blank line follows
	for _, block := range t.Blocks() {
		sameList := block.Kind == prev && (block.Kind == docs.Step || block.Kind == docs.Bullet)
		if !sameList {
			b.WriteString("\n")
		}
		switch block.Kind {
		case docs.Heading:
			style.wrap(&b, block.Text, "", "", true)
		case docs.Step:
			mark := strconv.Itoa(block.Number) + ". "
			style.wrap(&b, block.Text, listIndent+mark, listIndent+strings.Repeat(" ", len(mark)))
		case docs.Bullet:
			mark := style.bullet + " "
			style.wrap(&b, block.Text, listIndent+mark, listIndent+strings.Repeat(" ", utf8.RuneCountInString(mark)))
		default:
			style.wrap(&b, block.Text, "", "")
		}
		prev = block.Kind
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// renderTopicMarkdown writes the topic as Markdown: the title as a first
// level heading, then the body as written.
func renderTopicMarkdown(w io.Writer, t docs.Topic) error {
	_, err := fmt.Fprintf(w, "# %s\n\n%s", t.Title, t.Body)
	return err
}

// strong styles s as bold when the style has colour.
func (s topicStyle) strong(text string) string {
	if s.bold == nil {
		return text
	}
	return s.bold.Sprint(text)
}

// wrap writes text as one item: the first line starts with first, the
// following ones with rest; words move to the next line at the width.
// Inline Markdown is resolved: **strong** is bold on a terminal and
// `code` loses its backticks. With allStrong the whole text is bold (a
// title or heading).
func (s topicStyle) wrap(b *strings.Builder, text, first, rest string, allStrong ...bool) {
	strongAll := len(allStrong) > 0 && allStrong[0]
	var (
		line      strings.Builder // the current run of same-style text
		runStrong bool
		col       = utf8.RuneCountInString(first)
		start     = col
	)
	flush := func() {
		if runStrong {
			b.WriteString(s.strong(line.String()))
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
		n := word.width()
		if i > 0 {
			if s.width > 0 && col+1+n > s.width && col > start {
				flush()
				b.WriteString("\n")
				b.WriteString(rest)
				col = utf8.RuneCountInString(rest)
			} else {
				// The space is bold only inside a bold run.
				write(" ", runStrong && (strongAll || word[0].strong))
				col++
			}
		}
		for _, part := range word {
			write(part.text, strongAll || part.strong)
		}
		col += n
	}
	flush()
	b.WriteString("\n")
}

// inlinePart is a run of a word's characters with one style.
type inlinePart struct {
	text   string
	strong bool
}

// inlineWord is one word of running text; it has several parts when only
// some of it is **strong** ("**Validate & Save**,").
type inlineWord []inlinePart

func (w inlineWord) width() int {
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
		words  []inlineWord
		cur    inlineWord
		buf    strings.Builder
		strong bool
	)
	flushPart := func() {
		if buf.Len() > 0 {
			cur = append(cur, inlinePart{text: buf.String(), strong: strong})
			buf.Reset()
		}
	}
	flushWord := func() {
		flushPart()
		if len(cur) > 0 {
			words = append(words, cur)
			cur = nil
		}
	}
	for i := 0; i < len(text); {
		if paired && strings.HasPrefix(text[i:], "**") {
			flushPart()
			strong = !strong
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			flushWord()
		} else {
			buf.WriteString(text[i : i+size])
		}
		i += size
	}
	flushWord()
	return words
}

// resolveCode removes the backticks around `code` spans.
func resolveCode(text string) string {
	if strings.Count(text, "`")%2 != 0 {
		return text
	}
	return strings.ReplaceAll(text, "`", "")
}

// plainInline removes inline marks from a short text such as a heading.
func plainInline(text string) string {
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
