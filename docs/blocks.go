package docs

import (
	"strconv"
	"strings"
)

// BlockKind is what a block of a topic's body is.
type BlockKind int

// The kinds of block a topic body has.
const (
	Paragraph BlockKind = iota // running text
	Heading                    // a "## " line
	Step                       // a numbered step "1. "
	Bullet                     // a "- " list item
)

// String names the kind: "paragraph", "heading", "step", "bullet".
func (k BlockKind) String() string {
	switch k {
	case Heading:
		return "heading"
	case Step:
		return "step"
	case Bullet:
		return "bullet"
	default:
		return "paragraph"
	}
}

// Block is one paragraph, heading, numbered step or bullet of a topic body,
// with its source lines joined by single spaces. Inline Markdown (`code`,
// **bold**) is left in Text for the renderer.
type Block struct {
	Kind BlockKind
	Text string
	// Number is the step's number as written; 0 for other kinds.
	Number int
}

// Blocks splits the topic's body into blocks, in order. Lines that follow a
// step or bullet without a blank line continue it.
func (t Topic) Blocks() []Block {
	var out []Block
	var cur *Block
	flush := func() {
		if cur != nil && cur.Text != "" {
			out = append(out, *cur)
		}
		cur = nil
	}
	for line := range strings.SplitSeq(t.Body, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flush()
		case strings.HasPrefix(trimmed, "#"):
			flush()
			text := strings.TrimSpace(strings.TrimLeft(trimmed, "#"))
			out = append(out, Block{Kind: Heading, Text: text})
		case isBullet(trimmed):
			flush()
			cur = &Block{Kind: Bullet, Text: strings.TrimSpace(trimmed[2:])}
		default:
			if n, text, ok := cutStepNumber(trimmed); ok {
				flush()
				cur = &Block{Kind: Step, Text: text, Number: n}
				continue
			}
			if cur == nil {
				cur = &Block{Kind: Paragraph}
			}
			if cur.Text == "" {
				cur.Text = trimmed
			} else {
				cur.Text += " " + trimmed
			}
		}
	}
	flush()
	return out
}

func isBullet(line string) bool {
	return len(line) > 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' '
}

// cutStepNumber splits "12. Text" into 12 and "Text".
func cutStepNumber(line string) (int, string, bool) {
	digits, text, ok := strings.Cut(line, ". ")
	if !ok || digits == "" || len(digits) > 3 {
		return 0, "", false
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 0 || strings.ContainsAny(digits, "+-") {
		return 0, "", false
	}
	return n, strings.TrimSpace(text), true
}
