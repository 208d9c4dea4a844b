package docs

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Failed to generate TOTP", "failed to generate totp"},
		{"  FAILED   to generate\tTOTP!!! ", "failed to generate totp"},
		{"invalid-character", "invalid character"},
		{"one_time_code", "one time code"},
		{"doesn't", "doesnt"},
		{"Dhan’s side", "dhans side"},
		{"Accounts -> Trading Accounts", "accounts trading accounts"},
		{"6-digit", "6 digit"},
		{"ÄÖÜ Straße", "äöü straße"},
		{"bad\xffbyte", "bad byte"},
		{"nul\x00inside", "nul inside"},
		{"zero\u200bwidth", "zero width"},
		{"", ""},
		{"--- ... !!!", ""},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeIsBounded(t *testing.T) {
	long := strings.Repeat("word ", 100000)
	if got := normalize(long); len(got) > MaxQueryBytes {
		t.Errorf("normalize of %d bytes gave %d bytes; want at most %d", len(long), len(got), MaxQueryBytes)
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"my broker doesnt show the key any more", []string{"broker", "show", "key"}},
		{"keys keys brokers shows", []string{"key", "broker", "show"}},
		{"the a an", nil},
		{"entries process bus", []string{"entry", "process", "bus"}},
	}
	for _, tt := range tests {
		if got := terms(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("terms(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Failed to generate TOTP", "doesn’t", "a\xffb", "", "İstanbul", "ǅ", "\u200b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := normalize(s)
		if !utf8.ValidString(n) {
			t.Fatalf("normalize(%q) = %q is not valid UTF-8", s, n)
		}
		if len(n) > MaxQueryBytes*2 {
			t.Fatalf("normalize(%q) grew to %d bytes", s, len(n))
		}
		if strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") || strings.Contains(n, "  ") {
			t.Fatalf("normalize(%q) = %q has stray spaces", s, n)
		}
		if again := normalize(n); again != n && len(n) <= MaxQueryBytes {
			t.Fatalf("normalize is not idempotent: %q -> %q -> %q", s, n, again)
		}
		for _, w := range terms(n) {
			if w == "" || strings.Contains(w, " ") {
				t.Fatalf("terms(%q) has the word %q", n, w)
			}
		}
	})
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"invalid-charcter", "Failed to generate TOTP", "my broker doesn't show the key", "", "\x00\xff", "dahn"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		r := Resolve(q)
		if r.Found() == (len(r.Closest) > 0 || len(r.DidYouMean) > 0) {
			t.Fatalf("Resolve(%q): found=%v with suggestions %d/%d", q, r.Found(), len(r.DidYouMean), len(r.Closest))
		}
		if !r.Found() && len(r.Closest) == 0 && len(r.DidYouMean) == 0 {
			t.Fatalf("Resolve(%q) gave neither a match nor a suggestion", q)
		}
	})
}
