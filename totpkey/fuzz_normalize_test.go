package totpkey

import (
	"testing"
	"unicode/utf8"
)

// FuzzNormalize checks the normaliser's invariants on any text: it never
// panics; text with nothing to undo comes back as it is; every byte of the
// result comes from a place in the input, in order; valid UTF-8 stays
// valid; and Classify of the text keeps its positions inside the input.
func FuzzNormalize(f *testing.F) {
	for _, seed := range []string{
		"", testKey, "ＪＢＳＷＹ３ＤＰＥＨＰＫ３ＰＸＰ", "JBSWY3DP&nbsp;EHPK3PXP", "JBSW&#8203;Y3DP&#x200B;EHPK3PXP&amp;",
		"<b>JBSWY3DPEHPK3PXP</b>", "<span style=\"x\">JBSW</span><br/>Y3DP", "JBSWY3DPEH=\r\nPK3PXP", "secret=3D" + testKey,
		"=C2=A0" + testKey + "=20", "*JBSWY3DPEHPK3PXP*", "**_~" + testKey + "~_**", "```\n" + testKey + "\n```",
		"||" + testKey + "||", testKey + " 🙏🏽", "✅ " + testKey + " ✔️", "totp_key = \"" + testKey + "\"", "&", "<", "=",
		"=\n", "*", "_a_", "\xff=\n\xfe", "&#0;&#xD800;&#1114112;", "<b", "=E3=81=82", "**a", "``",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > MaxInputBytes {
			return
		}
		n := Normalize(s)
		if n.Changes == 0 {
			if n.Text != s {
				t.Fatalf("no changes, but %q became %q", s, n.Text)
			}
		} else if n.Changes&^(changeFullwidth|changeHTML|changeQuotedPrintable|changeEmphasis|changeSymbols) != 0 {
			t.Fatalf("changes %v beyond the normaliser's", n.Changes.List())
		}
		prev := 0
		for i := range len(n.Text) {
			o := n.Origin(i)
			if o < prev || o >= len(s) {
				t.Fatalf("byte %d of %q comes from %d of %q (previous %d)", i, n.Text, o, s, prev)
			}
			prev = o
		}
		if n.Origin(len(n.Text)) != len(s) {
			t.Fatalf("the end maps to %d, not %d", n.Origin(len(n.Text)), len(s))
		}
		if utf8.ValidString(s) && !utf8.ValidString(n.Text) {
			t.Fatalf("valid %q became invalid %q", s, n.Text)
		}
		r := Classify(s)
		runes := utf8.RuneCountInString(s)
		for _, p := range r.Problems {
			if p.Position < 0 || p.Position > runes {
				t.Fatalf("Classify(%q): position %d outside the input's %d characters", s, p.Position, runes)
			}
		}
	})
}
