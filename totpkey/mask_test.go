package totpkey

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestMask(t *testing.T) {
	tests := []struct{ secret, want string }{
		{"", ""},
		{"AB", "A•"},
		{"ABCDEFGH", "ABCD••••"},
		{"JBSWY3DPEHPK3PXP", "JBSW" + strings.Repeat("•", 12)},
		{testKey32 + testKey32, "KRUG" + strings.Repeat("•", 60)}, // longer than one run of bullets
		{"ЈВSWY3DP", "ЈВSW••••"},                                  // Cyrillic: counted in characters
		{"ЈВSWY3DPEH", "ЈВSW••••••"},
		{"\xffBCDEFGHIJ", "·BCD••••••"}, // a broken byte shows as a dot
	}
	for _, tt := range tests {
		if got := Mask(tt.secret); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.secret, got, tt.want)
		}
	}
}

// TestMaskWrittenASCIIAgrees holds the byte-at-a-time path of the masking
// rule to the character-at-a-time one on random ASCII text.
func TestMaskWrittenASCIIAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const alphabet = "AB2z7 .-\t\"x"
	for range 20000 {
		b := make([]byte, rng.IntN(24))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		s := string(b)
		for _, reveal := range []bool{true, false} {
			for _, collapse := range []bool{true, false} {
				fast, ok := appendMaskASCII(nil, s, reveal, collapse)
				if slow := appendMaskRunes(nil, s, reveal, collapse); !ok || string(fast) != string(slow) {
					t.Fatalf("maskWritten(%q, %v, %v): ASCII path %q (%v), rune path %q", s, reveal, collapse, fast, ok, slow)
				}
			}
		}
	}
}
