package scan_test

import (
	"encoding/base32"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/scan"
)

// mangling is one thing mail, web pages, chat apps or code do to a key on
// its way to the TOTP Key field (realworld.md of the research dossier).
type mangling struct {
	name string
	// apply mangles s, the key as mangled so far; rng picks where.
	apply func(s string, rng *rand.Rand) string
	// stage orders manglings when they are combined, as they happen: the
	// letters (0), then their grouping (1), then what wraps the key (2),
	// then the words or code around it (3).
	stage int
	// words is set when the key ends up inside words or code.
	words bool
}

// fullwidth writes ASCII letters and digits as their full-width forms, as
// East Asian keyboards type them.
func fullwidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r - 0x21 + 0xFF01)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// groups writes s in groups of four characters joined by sep.
func groups(s, sep string) string {
	rs := []rune(s)
	var parts []string
	for i := 0; i < len(rs); i += 4 {
		parts = append(parts, string(rs[i:min(i+4, len(rs))]))
	}
	return strings.Join(parts, sep)
}

// split cuts s at a character at least 8 in and before its end.
func split(s string, rng *rand.Rand) (string, string) {
	rs := []rune(s)
	at := 8 + rng.IntN(len(rs)-8)
	return string(rs[:at]), string(rs[at:])
}

var keyManglings = []mangling{
	{name: "fullwidth", stage: 0, apply: func(s string, _ *rand.Rand) string { return fullwidth(s) }},
	{name: "lowercase", stage: 0, apply: func(s string, _ *rand.Rand) string { return strings.ToLower(s) }},
	{name: "one lower-case letter", stage: 0, apply: func(s string, rng *rand.Rand) string {
		for _, i := range rng.Perm(len(s)) {
			if s[i] >= 'A' && s[i] <= 'Z' {
				return s[:i] + strings.ToLower(s[i:i+1]) + s[i+1:]
			}
		}
		return s
	}},
	{name: "groups", stage: 1, apply: func(s string, _ *rand.Rand) string { return groups(s, " ") }},
	{name: "&nbsp; between groups", stage: 1, apply: func(s string, _ *rand.Rand) string { return groups(s, "&nbsp;") }},
	{name: "&#8203; inside", stage: 1, apply: func(s string, rng *rand.Rand) string {
		a, b := split(s, rng)
		return a + "&#8203;" + b
	}},
	{name: "<b> tags", stage: 2, apply: func(s string, _ *rand.Rand) string { return "<b>" + s + "</b>" }},
	{name: "<code> tags", stage: 2, apply: func(s string, _ *rand.Rand) string { return "<code>" + s + "</code>" }},
	{name: "quoted-printable soft break", stage: 1, apply: func(s string, rng *rand.Rand) string {
		a, b := split(s, rng)
		return a + "=\n" + b
	}},
	{name: "WhatsApp bold", stage: 2, apply: func(s string, _ *rand.Rand) string { return "*" + s + "*" }},
	{name: "italic", stage: 2, apply: func(s string, _ *rand.Rand) string { return "_" + s + "_" }},
	{name: "strike", stage: 2, apply: func(s string, _ *rand.Rand) string { return "~" + s + "~" }},
	{name: "Markdown bold", stage: 2, apply: func(s string, _ *rand.Rand) string { return "**" + s + "**" }},
	{name: "code fence", stage: 2, apply: func(s string, _ *rand.Rand) string { return "```" + s + "```" }},
	{name: "emoji after", stage: 2, apply: func(s string, _ *rand.Rand) string { return s + " 🙏" }},
	{name: "emoji before", stage: 2, apply: func(s string, _ *rand.Rand) string { return "✅ " + s }},
	{name: "sentence", stage: 3, words: true, apply: func(s string, _ *rand.Rand) string { return "Your secret key is " + s }},
	{name: "label with a dash", stage: 3, words: true, apply: func(s string, _ *rand.Rand) string { return "TOTP Key - " + s }},
	{name: "Python", stage: 3, words: true, apply: func(s string, _ *rand.Rand) string { return `totp_key = "` + s + `"` }},
	{name: "pyotp", stage: 3, words: true, apply: func(s string, _ *rand.Rand) string { return `pyotp.TOTP("` + s + `").now()` }},
	{name: "JSON", stage: 3, words: true, apply: func(s string, _ *rand.Rand) string { return `{"totp_key": "` + s + `"}` }},
	{name: "environment", stage: 3, words: true, apply: func(s string, _ *rand.Rand) string { return "TOTP_SECRET=" + s }},
	{name: "Hindi label", stage: 3, words: true, apply: func(s string, _ *rand.Rand) string { return "कुंजी: " + s }},
	{name: "query string", stage: 3, words: true, apply: func(s string, _ *rand.Rand) string { return "secret=" + s + "&issuer=Kite" }},
}

// randomKey is a random key of 10, 16 or 20 bytes in base32.
func randomKey(rng *rand.Rand) string {
	raw := make([]byte, []int{10, 16, 20}[rng.IntN(3)])
	for i := range raw {
		raw[i] = byte(rng.UintN(256))
	}
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(raw)
}

// scannedKeys are the keys of the key findings of text.
func scannedKeys(text string) []string {
	var keys []string
	for _, f := range scan.Scan(text) {
		if f.Kind == scan.FindingKey && f.Result.Key != "" {
			keys = append(keys, f.Result.Key)
		}
	}
	return keys
}

// TestManglingsFindTheSameKey: for random keys and every mangling, alone
// and two or three combined, Classify and the scanner find the same key,
// the one that was mangled.
func TestManglingsFindTheSameKey(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 2026))
	check := func(key, input, what string) {
		t.Helper()
		r := totpkey.Classify(input)
		if r.Key != key || r.Class != totpkey.ClassValid {
			t.Errorf("%s: Classify(%q) = %s key %q %v; want valid %s", what, input, r.Class, r.Key, r.Problems, key)
		}
		if keys := scannedKeys(input); len(keys) != 1 || keys[0] != key {
			t.Errorf("%s: Scan(%q) keys %v; want [%s]", what, input, keys, key)
		}
	}
	tried := 0
	for tried < 60 {
		key := randomKey(rng)
		if !scannerFinds(key) {
			continue // see scannerFinds
		}
		tried++
		for _, m := range keyManglings {
			check(key, m.apply(key, rng), m.name)
		}
		// Combined: up to one mangling of each stage, in order. The
		// first part of a soft break must stay at least 8 characters
		// long, so that the break is not before the key.
		for range 12 {
			input, names := key, []string{}
			for stage := 0; stage <= 3; stage++ {
				var pick []mangling
				for _, m := range keyManglings {
					if m.stage == stage {
						pick = append(pick, m)
					}
				}
				if rng.IntN(3) == 0 {
					continue
				}
				m := pick[rng.IntN(len(pick))]
				if m.name == "quoted-printable soft break" && stage != 1 {
					continue
				}
				input, names = m.apply(input, rng), append(names, m.name)
			}
			check(key, input, fmt.Sprint(names))
		}
	}
}

// scannerFinds reports whether the scanner finds key written alone, in
// groups of four and in groups in small letters. A few
// random keys read like words to its rules ("CZRTIEEFB3EZBLOS": few digits,
// many vowels, English letter pairs), which keep names and words in a
// ticket from being taken for keys, and a last group in small letters
// that is a word ("… lhgs he") ends a key for it; the properties are about what
// mangling does, so they start from keys the scanner finds.
//
// Keys without a digit are left out too: written in small letters and in
// groups ("mtxy acak ryei tooy") they are words of four letters to either
// reader.
func scannerFinds(key string) bool {
	if !strings.ContainsAny(key, "234567") {
		return false
	}
	for _, form := range []string{key, groups(key, " "), groups(strings.ToLower(key), " ")} {
		keys := scannedKeys(form)
		if len(keys) != 1 || keys[0] != key {
			return false
		}
	}
	return true
}

// TestKeyWithCodeEverywhere: a key with a code beside it, the code whole
// or in two groups, is key-with-code for Classify and for the scanner, the
// key found.
func TestKeyWithCodeEverywhere(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 8))
	for range 100 {
		key := randomKey(rng)
		if !scannerFinds(key) {
			continue
		}
		for _, in := range []string{key + " 482913", groups(key, " ") + " 482 913", "482913 " + key, "Key: " + key + " 482913"} {
			r := totpkey.Classify(in)
			if !r.HasProblem(totpkey.ReasonKeyWithCode) || r.Key != key {
				t.Errorf("Classify(%q) = %v key %q", in, r.Problems, r.Key)
			}
			fs := scan.Scan("TOTP key " + in)
			var kc []scan.Finding
			for _, f := range fs {
				if f.Kind == scan.FindingKey {
					kc = append(kc, f)
				}
			}
			if len(kc) != 1 || !kc[0].Result.HasProblem(totpkey.ReasonKeyWithCode) || kc[0].Result.Key != key {
				t.Errorf("Scan(%q) = %+v", in, fs)
			}
		}
	}
}

// TestTwoKeys: two different keys, on one line or two, are two-keys for
// Classify; the scanner finds both.
func TestTwoKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100 {
		a, b := randomKey(rng), randomKey(rng)
		if a == b || !scannerFinds(a) || !scannerFinds(b) {
			continue
		}
		for _, in := range []string{a + " " + b, "old: " + a + "\nnew: " + b, "Your key is " + a + " or " + b} {
			if r := totpkey.Classify(in); !r.HasProblem(totpkey.ReasonTwoKeys) || r.Class != totpkey.ClassMalformed {
				t.Errorf("Classify(%q) = %s %v", in, r.Class, r.Problems)
			}
			if keys := scannedKeys(in); len(keys) != 2 || keys[0] != a || keys[1] != b {
				t.Errorf("Scan(%q) keys %v; want both", in, keys)
			}
		}
	}
}

// TestWrappedKeyJoined: a key that a mail wrapped at the end of a long
// line, or broke with a quoted-printable soft break, is one key for the
// scanner, not its first part called valid.
func TestWrappedKeyJoined(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for range 100 {
		key := randomKey(rng)
		if !scannerFinds(key) {
			continue
		}
		a, b := split(key, rng)
		if len(b) < 3 {
			// "…\nA Regards", "…\nIS": a word starting a sentence to the
			// scanner, which joins no ordinary word to a line before.
			continue
		}
		for _, text := range []string{
			"Dear customer, here is the TOTP key for your trading account: " + a + "\n" + b + " Regards",
			"Your TOTP key: " + a + "=\n" + b,
		} {
			if keys := scannedKeys(text); len(keys) != 1 || keys[0] != key {
				t.Errorf("Scan(%q) keys %v; want [%s]", text, keys, key)
			}
		}
	}
}
