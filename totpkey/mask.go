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
	var buf [128]byte // most secrets: no allocation but the string's
	return string(AppendMask(buf[:0], secret))
}

// AppendMask appends Mask(secret) to dst and returns the extended buffer,
// as strconv's Append functions do: for writers that build their output in
// a buffer (--lines writes a million masked inputs).
func AppendMask(dst []byte, secret string) []byte {
	return appendMaskWritten(dst, strings.TrimSpace(secret), true, true)
}

// appendMaskWritten appends a secret as it is written, masked. With reveal
// it shows the first characters Mask shows, otherwise none (a part of a key
// whose start another part showed). With collapse a run of white space
// shows as one space; without it the white space stays as it is (a key
// inside a text whose tabs and line breaks must stay).
func appendMaskWritten(dst []byte, secret string, reveal, collapse bool) []byte {
	if out, ok := appendMaskASCII(dst, secret, reveal, collapse); ok {
		return out
	}
	return appendMaskRunes(dst, secret, reveal, collapse)
}

// appendMaskRunes is appendMaskWritten a character at a time, for any
// text.
func appendMaskRunes(dst []byte, secret string, reveal, collapse bool) []byte {
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
	shown, space := 0, false
	for _, r := range secret {
		switch {
		case collapse && unicode.IsSpace(r):
			space = true
			continue
		case space:
			dst = append(dst, ' ')
			space = false
		}
		switch {
		case maskLayout(r, shown):
			dst = utf8.AppendRune(dst, r)
			continue
		case shown >= show:
			dst = append(dst, "•"...)
		case r == utf8.RuneError || Invisible(r) || !unicode.IsPrint(r):
			dst = append(dst, "·"...)
		default:
			dst = utf8.AppendRune(dst, r)
		}
		shown++
	}
	return dst
}

// appendMaskASCII is appendMaskWritten for printable ASCII with spaces and
// tabs (a key, in groups or not, a line of prose), a byte at a time, the
// bullets in runs. It reports false, having appended nothing, for anything
// else.
func appendMaskASCII(dst []byte, secret string, reveal, collapse bool) ([]byte, bool) {
	visible, layout := 0, false
	for i := 0; i < len(secret); i++ {
		switch asciiKind[secret[i]] {
		case asciiVisible:
			visible++
		case asciiSpace:
			layout = true
		case asciiSeparator:
			if visible == 0 {
				visible++
			} else {
				layout = true
			}
		default:
			return dst, false
		}
	}
	show := 0
	if reveal {
		show = shownChars(visible)
	}
	if !layout {
		// A key written in one piece, the common case: its start, then
		// the bullets in runs.
		dst = append(dst, secret[:show]...)
		for rest := len(secret) - show; rest > 0; {
			k := min(rest, len(maskBullets)/len("•"))
			dst = append(dst, maskBullets[:k*len("•")]...)
			rest -= k
		}
		return dst, true
	}
	shown, space := 0, false
	for i := 0; i < len(secret); i++ {
		c := secret[i]
		switch {
		case (c == ' ' || c == '\t') && collapse:
			space = true
			continue
		case space:
			dst = append(dst, ' ')
			space = false
		}
		switch {
		case c == ' ' || c == '\t', (c == '-' || c == '.') && shown > 0:
			dst = append(dst, c)
		case shown < show:
			dst = append(dst, c)
			shown++
		default:
			// A run of characters to mask, written in one go.
			n := 1
			for i+n < len(secret) && maskedByte(secret[i+n]) && n < len(maskBullets)/len("•") {
				n++
			}
			dst = append(dst, maskBullets[:n*len("•")]...)
			shown += n
			i += n - 1
		}
	}
	return dst, true
}

// The kinds of byte appendMaskASCII tells apart.
const (
	asciiOther     = iota // not printable ASCII: the rune path's
	asciiVisible          // a character the rule counts
	asciiSpace            // a space or a tab
	asciiSeparator        // a dash or a dot: layout once a character came
)

// asciiKind is the kind of every byte, looked up once a byte.
var asciiKind = func() (t [256]uint8) {
	for c := '!'; c < 0x7f; c++ {
		t[c] = asciiVisible
	}
	t[' '], t['\t'] = asciiSpace, asciiSpace
	t['-'], t['.'] = asciiSeparator, asciiSeparator
	return t
}()

// maskedByte reports whether an ASCII byte is a character the rule masks,
// not layout: anything printable but white space, dashes and dots.
func maskedByte(c byte) bool {
	return c > ' ' && c < 0x7f && c != '-' && c != '.'
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
