package totpkey

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaskedPrefix is how many characters of a secret Mask shows. The product
// promises never to show more than four characters of a secret.
const MaskedPrefix = 4

// maskBullets is a run of mask characters, written in one go.
const maskBullets = "••••••••••••••••"

// Mask is the one masking rule: it returns a secret with everything after
// its first MaskedPrefix characters replaced by "•", one per character, so
// the length stays visible: "JBSW••••••••••••". Secrets of eight characters
// or fewer show only half, rounded down.
//
// The way the secret is written stays visible too: white space around it
// is dropped, a run of white space inside it shows as one space, and the
// dashes and dots between its groups are kept and not counted
// ("jbsw •••• •••• ••••"). An invisible or control character, or a byte
// that is not UTF-8, among the characters shown shows as "·".
func Mask(secret string) string {
	if m, ok := maskPlain(secret); ok {
		return m
	}
	return maskWritten(strings.TrimSpace(secret), true, true)
}

// maskWritten is Mask for a secret as it is written. With reveal it shows
// the first characters Mask shows, otherwise none (a part of a key whose
// start another part showed). With collapse a run of white space shows as
// one space; without it the white space stays as it is (a key inside a
// text whose tabs and line breaks must stay).
func maskWritten(secret string, reveal, collapse bool) string {
	if m, ok := maskWrittenASCII(secret, reveal, collapse); ok {
		return m
	}
	return maskWrittenRunes(secret, reveal, collapse)
}

// maskWrittenRunes is maskWritten a character at a time, for any text.
func maskWrittenRunes(secret string, reveal, collapse bool) string {
	visible := 0
	for _, r := range secret {
		if !maskLayout(r, visible) {
			visible++
		}
	}
	show := 0
	if reveal {
		show = shownChars(visible)
	}
	var b strings.Builder
	b.Grow(len(secret) + 2*visible)
	shown, space := 0, false
	for _, r := range secret {
		switch {
		case collapse && unicode.IsSpace(r):
			space = true
			continue
		case space:
			b.WriteByte(' ')
			space = false
		}
		switch {
		case maskLayout(r, shown):
			b.WriteRune(r)
			continue
		case shown >= show:
			b.WriteString("•")
		case r == utf8.RuneError || Invisible(r) || !unicode.IsPrint(r):
			b.WriteString("·")
		default:
			b.WriteRune(r)
		}
		shown++
	}
	return b.String()
}

// maskWrittenASCII is maskWritten for printable ASCII with spaces and tabs
// (a key in groups, a line of prose), a byte at a time. It reports false
// for anything else.
func maskWrittenASCII(secret string, reveal, collapse bool) (string, bool) {
	visible := 0
	for i := 0; i < len(secret); i++ {
		switch c := secret[i]; {
		case c == ' ' || c == '\t':
		case c == '-' || c == '.':
			if visible == 0 {
				visible++
			}
		case c > ' ' && c < 0x7f:
			visible++
		default:
			return "", false
		}
	}
	show := 0
	if reveal {
		show = shownChars(visible)
	}
	var b strings.Builder
	b.Grow(len(secret) + 2*visible)
	shown, space := 0, false
	for i := 0; i < len(secret); i++ {
		c := secret[i]
		switch {
		case (c == ' ' || c == '\t') && collapse:
			space = true
			continue
		case space:
			b.WriteByte(' ')
			space = false
		}
		switch {
		case c == ' ' || c == '\t', (c == '-' || c == '.') && shown > 0:
			b.WriteByte(c)
		case shown < show:
			b.WriteByte(c)
			shown++
		default:
			b.WriteString("•")
			shown++
		}
	}
	return b.String(), true
}

// maskPlain is Mask for the common case, a cleaned key: printable ASCII
// without white space, dashes or dots, masked in one allocation. It
// reports false for anything else.
func maskPlain(secret string) (string, bool) {
	for i := 0; i < len(secret); i++ {
		if c := secret[i]; c <= ' ' || c >= 0x7f || c == '-' || c == '.' {
			return "", false
		}
	}
	n := len(secret)
	show := shownChars(n)
	var b strings.Builder
	b.Grow(show + (n-show)*len("•"))
	b.WriteString(secret[:show])
	for rest := n - show; rest > 0; {
		k := min(rest, len(maskBullets)/len("•"))
		b.WriteString(maskBullets[:k*len("•")])
		rest -= k
	}
	return b.String(), true
}

// shownChars is how many of a secret's n characters Mask shows.
func shownChars(n int) int {
	if n <= 2*MaskedPrefix {
		return n / 2
	}
	return MaskedPrefix
}

// maskLayout reports whether r is part of how a secret is written, not of
// the secret: white space, and a dash or dot after the first character.
func maskLayout(r rune, before int) bool {
	return unicode.IsSpace(r) || (r == '-' || r == '.') && before > 0
}
