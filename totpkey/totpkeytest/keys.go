package totpkeytest

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// base32Alphabet is the alphabet of TOTP keys.
const base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"

// keyLengths are lengths a base32 key can have (characters mod 8 is 0, 2,
// 4, 5 or 7), from the shortest usable key to a 512-bit one.
var keyLengths = []int{16, 20, 24, 26, 32, 39, 40, 52, 56, 64, 103}

// RandomKey returns a random base32 key of a length a key can have.
func RandomKey(rng *rand.Rand) string {
	b := make([]byte, keyLengths[rng.IntN(len(keyLengths))])
	for i := range b {
		b[i] = base32Alphabet[rng.IntN(len(base32Alphabet))]
	}
	return string(b)
}

// separators are what keys are grouped with in the wild: spaces (one or
// two), tabs, no-break spaces, dashes and dots.
var separators = []string{" ", "  ", "\t", "\u00a0", "-", ".", " - "}

// Grouped writes key the way a person or a broker page might: in groups
// of one size (1 to 8; the last may be shorter), with one kind of
// separator, in upper or lower case.
func Grouped(rng *rand.Rand, key string) string {
	sep := separators[rng.IntN(len(separators))]
	size := 1 + rng.IntN(8)
	caseMode := rng.IntN(2)
	if rng.IntN(6) == 0 {
		return applyCase(key, caseMode) // not grouped at all
	}
	var groups []string
	for rest := key; rest != ""; {
		n := min(size, len(rest))
		groups = append(groups, applyCase(rest[:n], caseMode))
		rest = rest[n:]
	}
	return strings.Join(groups, sep)
}

func applyCase(s string, mode int) string {
	if mode == 1 {
		return strings.ToLower(s)
	}
	return s
}

// LongestKeyRun is the most characters of key that show in text in a row,
// as a reader sees them: case and the separators between groups (one or
// two spaces, tabs, dashes, dots, underscores) do not count, so JBSW Y3DP
// shows 8 characters of JBSWY3DP…; three or more apart, as the columns of
// a table are, the characters are not in a row.
func LongestKeyRun(text, key string) int {
	var b strings.Builder
	gap := 0
	for _, r := range text {
		if unicode.IsSpace(r) || r == '-' || r == '.' || r == '_' {
			if gap++; gap == 3 {
				b.WriteByte(0) // a break no key character matches
			}
			continue
		}
		gap = 0
		b.WriteRune(unicode.ToUpper(r))
	}
	return LongestSharedRun(b.String(), strings.ToUpper(key))
}

// LongestKeyRunBeyond is LongestKeyRun of text, counting only the runs of
// key that baseline does not also show: baseline is the same output made
// with another key, so that words of the output's own ("powershell") that
// happen to be in a random key do not count as shown.
func LongestKeyRunBeyond(text, baseline, key string) int {
	norm := func(s string) string {
		var b strings.Builder
		gap := 0
		for _, r := range s {
			if unicode.IsSpace(r) || r == '-' || r == '.' || r == '_' {
				if gap++; gap == 3 {
					b.WriteByte(0)
				}
				continue
			}
			gap = 0
			b.WriteRune(unicode.ToUpper(r))
		}
		return b.String()
	}
	t, base, k := norm(text), norm(baseline), strings.ToUpper(key)
	for n := len(k); n > 0; n-- {
		for i := 0; i+n <= len(k); i++ {
			if s := k[i : i+n]; strings.Contains(t, s) && !strings.Contains(base, s) {
				return n
			}
		}
	}
	return 0
}
