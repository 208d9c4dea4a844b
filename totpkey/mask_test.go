package totpkey

import (
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
