package totpkey

import (
	"strings"
	"unicode/utf8"
)

// imageMagic are the first bytes of the image files people most often
// send instead of a key: a screenshot of the setup QR code.
var imageMagic = [...]struct{ magic, name string }{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF87a", "a GIF image"},
	{"GIF89a", "a GIF image"},
}

// binarySample is how many bytes binaryData reads to judge an input.
const binarySample = MaxInputBytes

// binaryData recognises data that is not text at all: an image (by the
// first bytes of its file format), text saved as UTF-16, or bytes of
// which at least one in eight is a NUL, another control character or not
// UTF-8. It returns the message of the not-a-key result, and false for
// anything else, a key with one stray control character included (that
// is an invalid character). It reads at most the first binarySample bytes.
func binaryData(s string) (string, bool) {
	for _, m := range imageMagic {
		if strings.HasPrefix(s, m.magic) {
			return "this is " + m.name + " (binary data), not text: to read a QR code in an image use --qr FILE", true
		}
	}
	s = s[:min(len(s), binarySample)]
	if utf16Text(s) {
		return "this is text saved as UTF-16 (every other byte is zero), not plain text: " +
			"save it as UTF-8, or copy the key itself", true
	}
	bad, runes := 0, 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			bad++
		case r < 0x20 && !Space(r), r == 0x7F:
			bad++
		}
		runes++
		i += size
	}
	if bad >= 2 && bad*8 >= runes {
		return "this is binary data, not text, and not a TOTP Key: a key is letters A to Z and digits 2 to 7", true
	}
	return "", false
}

// utf16Text reports whether s is text in UTF-16: a byte order mark for it,
// or a NUL in every other byte (ASCII text, little or big endian).
func utf16Text(s string) bool {
	if strings.HasPrefix(s, "\xff\xfe") || strings.HasPrefix(s, "\xfe\xff") {
		return len(s) >= 4
	}
	if len(s) < 8 {
		return false
	}
	for _, odd := range [...]int{0, 1} {
		zeros := 0
		for i := odd; i < len(s); i += 2 {
			if s[i] == 0 {
				zeros++
			}
		}
		if zeros == (len(s)-odd+1)/2 && s[1-odd] != 0 {
			return true
		}
	}
	return false
}

// isBinary reports whether s is binary data as binaryData tells it: such
// data is not normalised, so that what it is stays what is reported.
func isBinary(s string) bool {
	_, ok := binaryData(s)
	return ok
}
