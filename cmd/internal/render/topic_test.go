package render

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/docs"
)

func TestWrap(t *testing.T) {
	tests := []struct {
		name        string
		Width       int
		text        string
		first, rest string
		want        string
	}{
		{"no width, no wrap", 0, "one two three four", "", "", "one two three four\n"},
		{"wraps at the width", 10, "one two three four", "", "", "one two\nthree four\n"},
		{"hanging indent", 12, "one two three four", "  1. ", "     ", "  1. one two\n     three\n     four\n"},
		{"a word longer than the width stays whole", 5, "abcdefgh ij", "", "", "abcdefgh\nij\n"},
		{"code loses its backticks", 0, "run `totpkey validate` now", "", "", "run totpkey validate now\n"},
		{"an unpaired backtick stays", 0, "a ` b", "", "", "a ` b\n"},
		{"plain strong loses its marks", 0, "click **Validate & Save**, then", "", "", "click Validate & Save, then\n"},
		{"width counts characters, not bytes", 12, "ééé ééé ééé", "", "", "ééé ééé ééé\n"},
		{"strong words wrap too", 10, "**one two three**", "", "", "one two\nthree\n"},
	}
	for _, tt := range tests {
		var b strings.Builder
		topicStyle{Width: tt.Width}.Wrap(&b, tt.text, tt.first, tt.rest)
		if got := b.String(); got != tt.want {
			t.Errorf("%s: wrap = %q; want %q", tt.name, got, tt.want)
		}
	}
}

func TestWrapStrongOnTerminal(t *testing.T) {
	bold := color.New(color.Bold)
	bold.EnableColor()
	var b strings.Builder
	topicStyle{Width: 80, Bold: bold}.Wrap(&b, "click **Validate & Save**, then", "", "")
	want := "click \x1b[1mValidate & Save\x1b[22m, then\n"
	if got := b.String(); got != want {
		t.Errorf("wrap = %q; want %q", got, want)
	}
}

// TestRenderEveryTopic renders each topic on a narrow terminal: no line
// is wider than the width unless it is one word, and every step appears.
func TestRenderEveryTopic(t *testing.T) {
	const width = 40
	for _, topic := range docs.All() {
		var buf bytes.Buffer
		if err := RenderTopicText(&buf, topicStyle{Width: width, bullet: "•"}, topic); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		for _, line := range strings.Split(out, "\n") {
			if utf8.RuneCountInString(line) > width && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("%s: line wider than %d: %q", topic.ID, width, line)
			}
		}
		for _, b := range topic.Blocks() {
			if b.Kind == docs.Step && !strings.Contains(out, "  "+strconv.Itoa(b.Number)+". ") {
				t.Errorf("%s: step %d is missing", topic.ID, b.Number)
			}
		}
		if strings.Contains(out, "## ") || strings.Contains(out, "\x1b") {
			t.Errorf("%s: plain rendering has Markdown or escape codes", topic.ID)
		}
	}
}

// TestWriteTopicFollowsTheStream: the validate command prints a topic on
// standard error for generate; its layout follows that stream.
func TestWriteTopicFollowsTheStream(t *testing.T) {
	s, _, errOut := iostreams.Test("", false)
	s.OutTTY, s.Color, s.ErrTTY = true, true, false
	var out bytes.Buffer
	s.Out = &out
	if err := writeTopic(s.Out, s, "edit-and-save"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\x1b[1m") {
		t.Error("topic on a terminal standard output is not bold")
	}
	if err := writeTopic(s.ErrOut, s, "edit-and-save"); err != nil {
		t.Fatal(err)
	}
	if got := errOut.String(); strings.Contains(got, "\x1b[") || !strings.Contains(got, "  5. Click Validate & Save.") {
		t.Errorf("topic on a piped standard error = %q; want plain", got)
	}
	if err := writeTopic(s.Out, s, "no-such-topic"); err != nil {
		t.Errorf("unknown topic: %v", err)
	}
}
