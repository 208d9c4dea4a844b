package docs

import (
	"strings"
	"testing"
)

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0},
		{"", "abc", 3},
		{"abc", "", 3},
		{"empty", "empty", 0},
		{"emtpy", "empty", 1}, // a swap of neighbours is one edit
		{"dahn", "dhan", 1},
		{"invalid charcter", "invalid character", 1},
		{"kitten", "sitting", 3},
		{"ca", "abc", 3}, // optimal string alignment, not full Damerau
		{"ключ", "ключи", 1},
		{strings.Repeat("a", maxDistanceRunes+1), "a", maxDistanceRunes + 1},
	}
	for _, tt := range tests {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d; want %d", tt.a, tt.b, got, tt.want)
		}
		if got := editDistance(tt.b, tt.a); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d; want %d (symmetric)", tt.b, tt.a, got, tt.want)
		}
	}
}

func TestNearMissDistance(t *testing.T) {
	tests := []struct{ runes, want int }{{1, 1}, {4, 1}, {5, 2}, {10, 2}, {11, 3}, {40, 3}}
	for _, tt := range tests {
		if got := nearMissDistance(tt.runes); got != tt.want {
			t.Errorf("nearMissDistance(%d) = %d; want %d", tt.runes, got, tt.want)
		}
	}
}
