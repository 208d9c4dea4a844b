package totpkey

import (
	"strings"
	"unicode/utf8"
)

// MaskedPrefix is how many characters of a secret Mask shows. The product
// promises never to show more than four characters of a secret.
const MaskedPrefix = 4

// Mask returns a secret with everything after its first MaskedPrefix
// characters replaced by "•", one per character, so the length stays
// visible: "JBSW••••••••••••". Secrets of eight characters or fewer show
// only half, rounded down.
func Mask(secret string) string {
	n := utf8.RuneCountInString(secret)
	show := MaskedPrefix
	if n <= 2*MaskedPrefix {
		show = n / 2
	}
	var b strings.Builder
	b.Grow(show + (n-show)*len("•"))
	i := 0
	for _, r := range secret {
		if i < show {
			b.WriteRune(r)
		} else {
			b.WriteString("•")
		}
		i++
	}
	return b.String()
}
