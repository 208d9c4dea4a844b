package cmdutil

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
)

// MaxShownInput is how many characters of an input the table shows.
const MaxShownInput = 24

// MaskInput shows an input as given without giving away a secret: the
// first four characters that are not white space (half of a short input),
// then "•" for every other character, white space kept as single spaces
// and dashes kept, so that groups stay visible ("jbsw •••• •••• ••••"). Invisible and control
// characters show as "·". At most maxRunes characters are shown.
func MaskInput(input string, maxRunes int) string {
	input = strings.TrimSpace(input)
	if m, ok := maskASCII(input, maxRunes); ok {
		return m
	}
	visible := 0
	for _, r := range input {
		if !unicode.IsSpace(r) && !(r == '-' && visible > 0) {
			visible++
		}
	}
	show := totpkey.MaskedPrefix
	if visible <= 2*totpkey.MaskedPrefix {
		show = visible / 2
	}
	var b strings.Builder
	shown, runes, space := 0, 0, false
	for _, r := range input {
		if runes >= maxRunes {
			b.WriteString("…")
			break
		}
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			runes++
			space = false
		}
		switch {
		case r == '-' && shown > 0:
			b.WriteByte('-')
			runes++
			continue
		case shown >= show:
			b.WriteString("•")
		case r == utf8.RuneError || totpkey.Invisible(r) || !unicode.IsPrint(r):
			b.WriteString("·")
		default:
			b.WriteRune(r)
		}
		shown++
		runes++
	}
	return b.String()
}

// maskASCII is maskInput for printable ASCII input without runs of white
// space, the common case, in one allocation. It reports false for other
// input.
func maskASCII(input string, maxRunes int) (string, bool) {
	if len(input) > maxRunes {
		return "", false
	}
	visible := 0
	for i := 0; i < len(input); i++ {
		c := input[i]
		switch {
		case c == ' ' && input[i-1] != ' ': // i > 0: input is trimmed
		case c == '-' && visible > 0:
		case c > ' ' && c < 0x7f:
			visible++
		default:
			return "", false
		}
	}
	show := totpkey.MaskedPrefix
	if visible <= 2*totpkey.MaskedPrefix {
		show = visible / 2
	}
	var b strings.Builder
	b.Grow(len(input) + 2*(visible-show))
	shown := 0
	for i := 0; i < len(input); i++ {
		switch c := input[i]; {
		case c == ' ', c == '-' && shown > 0:
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

// MaskLink shows an otpauth or export link with the values of its secret
// and data parameters masked like a key; the rest (type, issuer, account
// name) is not secret. A link with neither is masked like any input.
func MaskLink(link string, maxRunes int) string {
	var stack [256]byte
	lower := appendASCIILower(stack[:0], link) // same length as link, whatever its bytes
	var b strings.Builder
	b.Grow(3 * len(link)) // room for a link that is all secret
	masked, i := false, 0
	for i < len(link) {
		j := -1
		for _, param := range linkSecretParams {
			if k := bytes.Index(lower[i:], param); k >= 0 && (k == 0 || lower[i+k-1] == '?' || lower[i+k-1] == '&') {
				if j < 0 || k+len(param) < j {
					j = k + len(param)
				}
			}
		}
		if j < 0 {
			break
		}
		b.WriteString(link[i : i+j])
		i += j
		end := strings.IndexByte(link[i:], '&')
		if end < 0 {
			end = len(link) - i
		}
		b.WriteString(totpkey.Mask(link[i : i+end]))
		i += end
		masked = true
	}
	if !masked {
		return MaskInput(link, maxRunes)
	}
	b.WriteString(link[i:])
	return TruncateRunes(b.String(), maxRunes)
}

// asciiStrings holds the one-character strings of ASCII, so that views do
// not allocate one for each bad character.
var asciiStrings = func() (t [utf8.RuneSelf]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

// RuneString is string(r), without allocating for ASCII.
func RuneString(r rune) string {
	if r >= 0 && r < utf8.RuneSelf {
		return asciiStrings[r]
	}
	return string(r)
}

// linkSecretParams are the parameters maskLink masks, as they start.
var linkSecretParams = [...][]byte{[]byte("secret="), []byte("data=")}

// appendASCIILower appends s with its ASCII capitals lowered and every
// other byte kept, so that offsets in the result are offsets in s.
func appendASCIILower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// TruncateRunes cuts s to at most n characters, marking the cut with "…".
func TruncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n]) + "…"
}

// ShownInput is what the tables show for an input: the input as given,
// masked (links with their secret masked); with showSecret, the cleaned key
// in full when one was found.
func ShownInput(r *totpkey.Result, input string, showSecret bool, maxRunes int) string {
	switch {
	case r.Key != "" && showSecret:
		return r.Key
	case HasLinkPrefix(input):
		return MaskLink(strings.TrimSpace(input), maxRunes)
	}
	return MaskInput(input, maxRunes)
}

// ViewInput is the "input" field of the JSON and CSV outputs: the input as
// given, masked, links with their secret masked.
func ViewInput(input string) string {
	if HasLinkPrefix(input) {
		return MaskLink(strings.TrimSpace(input), 1<<20)
	}
	return MaskInput(input, 1<<20)
}

func HasLinkPrefix(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || s[0]|0x20 != 'o' {
		return false // the common case, told by the first byte
	}
	return len(s) >= 8 && strings.EqualFold(s[:8], "otpauth:") ||
		len(s) >= 18 && strings.EqualFold(s[:18], "otpauth-migration:")
}
