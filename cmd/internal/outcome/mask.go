package outcome

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
)

// How the command and the page show what users give them: through the
// library's one masking rule (totpkey.Mask and totpkey.MaskText); these
// are the ways they apply it.

// MaxShownInput is how many characters of an input the table shows.
const MaxShownInput = 24

// MaskInput shows an input as given without giving away a secret: an
// otpauth or export link with its secret masked and the rest readable
// (totpkey.MaskText), anything else as the secret it was offered as
// (totpkey.Mask: the first four characters, groups kept). At most maxRunes
// characters are shown.
func MaskInput(input string, maxRunes int) string {
	input = strings.TrimSpace(input)
	if HasLinkPrefix(input) {
		return TruncateRunes(totpkey.MaskText(input), maxRunes)
	}
	return TruncateRunes(totpkey.Mask(input), maxRunes)
}

// AppendMaskInput appends the input masked as MaskInput masks it, not cut
// to a length, to dst: what the JSON of --lines writes, without building
// the string.
func AppendMaskInput(dst []byte, input string) []byte {
	input = strings.TrimSpace(input)
	if HasLinkPrefix(input) {
		return totpkey.AppendMaskText(dst, input)
	}
	return totpkey.AppendMask(dst, input)
}

// ShownInput is what the tables show for an input: the input as given,
// masked (MaskInput); with showSecret, the cleaned key in full when one was
// found.
func ShownInput(r *totpkey.Result, input string, showSecret bool, maxRunes int) string {
	if r.Key != "" && showSecret {
		return r.Key
	}
	return MaskInput(input, maxRunes)
}

// MaskArg masks what a user typed where something else belongs (an
// argument, a flag value, a file name, a kept CSV value) for an error
// message or a table: every part of it that may be a key
// (totpkey.MaskText). Text that is no key comes back unchanged.
func MaskArg(s string) string { return totpkey.MaskText(s) }

// ShownArg is how an error message shows a value the user gave (a flag
// value, a command, a topic): masked (MaskArg), then cut to 40 characters,
// in that order, so that the cut never keeps a part of a key unmasked.
func ShownArg(s string) string { return TruncateRunes(MaskArg(s), 40) }

// KeyLike reports whether s holds something that may be a key, or a part
// of one: what MaskArg would mask.
func KeyLike(s string) bool { return totpkey.MaskText(s) != s }

// MaskKeyLike is what tables, JSON, CSV and replies show of a value that is
// not itself the input but may hold a key (a --keep column, a CSV header
// name): MaskArg, unless the user asked to see secrets.
func MaskKeyLike(s string, showSecret bool) string {
	if showSecret {
		return s
	}
	return MaskArg(s)
}

// RuneString is string(r), without allocating for ASCII: the runtime
// makes a one-byte string from a one-byte slice without allocating, so
// views do not allocate one for each bad character.
func RuneString(r rune) string {
	if r >= 0 && r < utf8.RuneSelf {
		b := [1]byte{byte(r)}
		return string(b[:])
	}
	return string(r)
}

// TruncateRunes cuts s to at most n characters, marking the cut with "…".
func TruncateRunes(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n { // bytes first: never fewer than characters
		return s
	}
	runes := []rune(s)
	return string(runes[:n]) + "…"
}

// HasLinkPrefix reports whether s, after white space, starts like an
// otpauth or otpauth-migration link.
func HasLinkPrefix(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || s[0]|0x20 != 'o' {
		return false // the common case, told by the first byte
	}
	return len(s) >= 8 && strings.EqualFold(s[:8], "otpauth:") ||
		len(s) >= 18 && strings.EqualFold(s[:18], "otpauth-migration:")
}

// Plural writes a count with its noun: "1 line", "3 lines".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
