package docs

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestParseTopic(t *testing.T) {
	text := "---\n" +
		"id: key-vs-code\n" +
		"title: TOTP and TOTP Key are not the same\n" +
		"# a comment\n" +
		"\n" +
		"aliases: [code, \"six, digit\", 'single']\n" +
		"errors: [\"Failed to \\\"generate\\\" TOTP\"]\n" +
		"---\n\nBody line.\n\n"
	got, err := parseTopic([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != "key-vs-code" || got.Title != "TOTP and TOTP Key are not the same" || got.Body != "Body line.\n" {
		t.Errorf("parseTopic = %+v", got)
	}
	if !slices.Equal(got.Aliases, []string{"code", "six, digit", "single"}) {
		t.Errorf("aliases = %q", got.Aliases)
	}
	if !slices.Equal(got.Errors, []string{`Failed to "generate" TOTP`}) {
		t.Errorf("errors = %q", got.Errors)
	}
}

func TestParseTopicLists(t *testing.T) {
	tests := []struct {
		value string
		want  []string
	}{
		{"[]", nil},
		{"[ a ]", []string{"a"}},
		{"[a, b-c, \"d, e\"]", []string{"a", "b-c", "d, e"}},
		{"['x', \"y\"]", []string{"x", "y"}},
		{`["a\\b"]`, []string{`a\b`}},
	}
	for _, tt := range tests {
		got, err := parseList(tt.value)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("parseList(%q) = %q, %v; want %q", tt.value, got, err, tt.want)
		}
	}
}

func TestParseTopicErrors(t *testing.T) {
	const body = "\nBody.\n"
	tests := []struct {
		name string
		text string
		want error
	}{
		{"no front matter", "id: x\n" + body, errNoFrontMatter},
		{"not closed", "---\nid: x\ntitle: T\n", errUnclosed},
		{"not closed, no newline", "---\nid: x\ntitle: T", errUnclosed},
		{"bad line", "---\nid x\n---" + body, errBadLine},
		{"unknown key", "---\nid: x\ntitel: T\n---" + body, errUnknownKey},
		{"duplicate", "---\nid: x\nid: y\n---" + body, errDuplicateKey},
		{"bad id", "---\nid: Bad_ID\ntitle: T\n---" + body, errBadID},
		{"missing id", "---\ntitle: T\n---" + body, errBadID},
		{"missing title", "---\nid: x\n---" + body, errNoTitle},
		{"empty body", "---\nid: x\ntitle: T\n---\n\n  \n", errEmptyBody},
		{"list without brackets", "---\nid: x\ntitle: T\naliases: a, b\n---" + body, errBadList},
		{"list trailing comma", "---\nid: x\ntitle: T\naliases: [a,]\n---" + body, errBadList},
		{"list empty item", "---\nid: x\ntitle: T\naliases: [a, , b]\n---" + body, errBadList},
		{"list junk after quote", "---\nid: x\ntitle: T\naliases: [\"a\" b]\n---" + body, errBadList},
		{"unclosed quote", "---\nid: x\ntitle: \"T\n---" + body, errUnclosedQuote},
		{"invalid UTF-8", "---\nid: x\ntitle: \xff\n---" + body, errNotUTF8},
	}
	for _, tt := range tests {
		_, err := parseTopic([]byte(tt.text))
		if !errors.Is(err, tt.want) {
			t.Errorf("%s: parseTopic error = %v; want %v", tt.name, err, tt.want)
		}
	}
}

func TestParseTopicCRLFAndBOM(t *testing.T) {
	text := "\uFEFF---\r\nid: x\r\ntitle: T\r\n---\r\nLine one\r\nLine two\r\n"
	got, err := parseTopic([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != "Line one\nLine two\n" {
		t.Errorf("body = %q", got.Body)
	}
}

func TestBuildCatalogue(t *testing.T) {
	fsys := fstest.MapFS{
		"t/alpha.md":   {Data: []byte("---\nid: alpha\ntitle: Alpha\naliases: [first, beta]\n---\nAlpha body.\n")},
		"t/beta.md":    {Data: []byte("---\nid: beta\ntitle: Beta\naliases: [first]\n---\nBeta body.\n")},
		"t/broken.md":  {Data: []byte("no front matter")},
		"t/renamed.md": {Data: []byte("---\nid: other\ntitle: Other\n---\nBody.\n")},
		"t/notes.txt":  {Data: []byte("ignored")},
	}
	c := buildCatalogue(fsys, "t")
	if got := ids(c.topics); !slices.Equal(got, []string{"alpha", "beta"}) {
		t.Errorf("topics = %q; want alpha, beta", got)
	}
	// "beta" is alpha's alias but beta's id: the id wins. "first" belongs
	// to alpha, which came first; beta's claim is reported.
	if i := c.byName["beta"]; c.topics[i].ID != "beta" {
		t.Errorf("beta resolves to %s", c.topics[i].ID)
	}
	if i := c.byName["first"]; c.topics[i].ID != "alpha" {
		t.Errorf("first resolves to %s", c.topics[i].ID)
	}
	var msgs []string
	for _, err := range c.invalid {
		msgs = append(msgs, err.Error())
	}
	joined := strings.Join(msgs, "\n")
	for _, want := range []string{"t/broken.md", "t/renamed.md", `alias "beta" is already a name of topic beta`, `alias "first" is already a name of topic alpha`} {
		if !strings.Contains(joined, want) {
			t.Errorf("invalid list does not mention %q:\n%s", want, joined)
		}
	}
}

func FuzzParseTopic(f *testing.F) {
	f.Add([]byte("---\nid: a\ntitle: T\naliases: [x, \"y\"]\n---\nBody\n"))
	f.Add([]byte("---\nid: a\ntitle: \"T\\\"\n---\n"))
	f.Add([]byte("---\r\n---\r\n"))
	f.Add([]byte("---\naliases: ['\n---\nx"))
	f.Fuzz(func(t *testing.T, data []byte) {
		topic, err := parseTopic(data)
		if err != nil {
			return
		}
		if !validTopicID(topic.ID) || topic.Title == "" || strings.TrimSpace(topic.Body) == "" {
			t.Fatalf("parseTopic accepted %q as %+v", data, topic)
		}
		_ = topic.Blocks()
	})
}
