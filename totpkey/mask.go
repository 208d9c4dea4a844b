package totpkey

import (
	"strings"
	"unicode/utf8"
)

// MaskedPrefix is how many characters of a secret Mask shows. The product
// promises never to show more than four characters of a secret.
const MaskedPrefix = 4

// maskBullets is a run of mask characters, written in one go.
const maskBullets = "••••••••••••••••"

// Mask returns a secret with everything after its first MaskedPrefix
// characters replaced by "•", one per character, so the length stays
// visible: "JBSW••••••••••••". Secrets of eight characters or fewer show
// only half, rounded down.
func Mask(secret string) string {
	ascii := true
	for i := 0; i < len(secret); i++ {
		if secret[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	n := len(secret)
	if !ascii {
		n = utf8.RuneCountInString(secret)
	}
	show := MaskedPrefix
	if n <= 2*MaskedPrefix {
		show = n / 2
	}
	var b strings.Builder
	b.Grow(show + (n-show)*len("•"))
	if ascii {
		// The common case, a key: the prefix, then the bullets in runs.
		b.WriteString(secret[:show])
		for rest := n - show; rest > 0; {
			k := min(rest, len(maskBullets)/len("•"))
			b.WriteString(maskBullets[:k*len("•")])
			rest -= k
		}
		return b.String()
	}
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
