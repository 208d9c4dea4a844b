package docs

import (
	"slices"
	"testing"
)

func TestBlocks(t *testing.T) {
	body := `First paragraph
runs on.

## A heading

1. Step one
   continues here.
2. Step two
- bullet a
- bullet b
continued

10. Step ten
Last words.
`
	want := []Block{
		{Kind: Paragraph, Text: "First paragraph runs on."},
		{Kind: Heading, Text: "A heading"},
		{Kind: Step, Text: "Step one continues here.", Number: 1},
		{Kind: Step, Text: "Step two", Number: 2},
		{Kind: Bullet, Text: "bullet a"},
		{Kind: Bullet, Text: "bullet b continued"},
		{Kind: Step, Text: "Step ten Last words.", Number: 10},
	}
	got := Topic{Body: body}.Blocks()
	if !slices.Equal(got, want) {
		t.Errorf("Blocks() =\n%#v\nwant\n%#v", got, want)
	}
}

func TestBlocksNotSteps(t *testing.T) {
	for _, line := range []string{"2026. A year", "-1. minus", "1.5 litres", "v1. version"} {
		got := Topic{Body: line}.Blocks()
		if len(got) != 1 || got[0].Kind != Paragraph {
			t.Errorf("Blocks(%q) = %#v; want one paragraph", line, got)
		}
	}
}

func TestBlockKindString(t *testing.T) {
	for k, want := range map[BlockKind]string{Paragraph: "paragraph", Heading: "heading", Step: "step", Bullet: "bullet"} {
		if got := k.String(); got != want {
			t.Errorf("%d.String() = %q; want %q", k, got, want)
		}
	}
}
