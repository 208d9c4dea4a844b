package code

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/link"
)

// lookalikeOf is the character a hand copy puts for a letter.
var lookalikeOf = map[byte]string{'O': "0", 'I': "1", 'L': "1", 'B': "8", 'E': "Е" /* Cyrillic */, 'A': "Α" /* Greek */}

// keyWith returns a random 32-character base32 key with the given letters
// at the given positions.
func keyWith(rng *rand.Rand, letters map[int]byte) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	b := make([]byte, 32)
	for i := range b {
		b[i] = alphabet[rng.IntN(len(alphabet))]
		if b[i] == 'O' || b[i] == 'I' || b[i] == 'L' || b[i] == 'B' {
			b[i] = 'Q' // keep the look-alike positions the only ones
		}
	}
	for i, c := range letters {
		b[i] = c
	}
	return string(b)
}

// copyBadly replaces the letters at the given positions by their
// look-alikes.
func copyBadly(key string, letters map[int]byte) string {
	var b strings.Builder
	for i := range len(key) {
		if _, ok := letters[i]; ok {
			b.WriteString(lookalikeOf[key[i]])
		} else {
			b.WriteByte(key[i])
		}
	}
	return b.String()
}

func TestCheckCodeRepairsLookalikes(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	at := time.Unix(1782292500, 0)
	tests := []struct {
		name    string
		letters map[int]byte
		offset  int
		tried   int
	}{
		{"0 for O", map[int]byte{5: 'O'}, 0, 1},
		{"1 for L", map[int]byte{0: 'L'}, 0, 2},
		{"1 for I, late", map[int]byte{31: 'I'}, -1, 2},
		{"8 for B, early", map[int]byte{12: 'B'}, 1, 1},
		{"Cyrillic E and Greek A", map[int]byte{3: 'E', 4: 'A'}, 0, 1},
		{"four look-alikes", map[int]byte{1: 'L', 9: 'I', 17: 'O', 25: 'L'}, 0, 8},
		{"twelve 1s", map[int]byte{0: 'I', 2: 'L', 4: 'L', 6: 'I', 8: 'I', 10: 'L', 12: 'I', 14: 'L', 16: 'L', 18: 'I', 20: 'I', 22: 'L'}, -1, 4096},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key := keyWith(rng, tt.letters)
			input := copyBadly(key, tt.letters)
			r := totpkey.Classify(input)
			if r.Class != totpkey.ClassMalformed || len(r.Problems) != len(tt.letters) {
				t.Fatalf("Classify gave %s with %d problems, want malformed with %d", r.Class, len(r.Problems), len(tt.letters))
			}
			g := mustGenerator(key, Params{})
			code := g.CodeForCounter(uint64(int64(g.Counter(at)) + int64(tt.offset)))
			if err := Check(&r, code, at, 1); err != nil {
				t.Fatal(err)
			}
			want := totpkey.CodeCheck{Matched: true, OffsetSteps: tt.offset, Period: 30, Window: 1, RepairedKey: key, RepairsTried: tt.tried, RepairMatches: 1}
			if r.CodeCheck == nil || *r.CodeCheck != want {
				t.Fatalf("CodeCheck = %+v, want %+v", r.CodeCheck, want)
			}
			for _, p := range r.Problems {
				letter := key[p.Position-1]
				if !p.Confirmed || p.Suggestion != string(rune(letter)) {
					t.Errorf("problem at %d: suggestion %q confirmed %v; want %q confirmed", p.Position, p.Suggestion, p.Confirmed, letter)
				}
				if wantEnd := fmt.Sprintf("confirms it stands for the %s %c", map[bool]string{true: "letter", false: "Latin letter"}[p.Char < 128], letter); !strings.HasSuffix(p.Message, wantEnd) {
					t.Errorf("problem at %d: message %q does not end %q", p.Position, p.Message, wantEnd)
				}
			}
			if r.Class != totpkey.ClassMalformed {
				t.Errorf("class %s; the key as given is still wrong: want malformed", r.Class)
			}
		})
	}
}

func TestCheckCodeRepairNoMatch(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	at := time.Unix(1782292500, 0)
	letters := map[int]byte{2: 'L', 7: 'O'}
	key := keyWith(rng, letters)
	r := totpkey.Classify(copyBadly(key, letters))
	// The code of another key: no reading of the look-alikes gives it.
	other := mustGenerator(keyWith(rng, nil), Params{}).Code(at)
	if err := Check(&r, other, at, 1); err != nil {
		t.Fatal(err)
	}
	want := totpkey.CodeCheck{Period: 30, Window: 1, RepairsTried: 2}
	if r.CodeCheck == nil || *r.CodeCheck != want {
		t.Fatalf("CodeCheck = %+v, want %+v", r.CodeCheck, want)
	}
	for _, p := range r.Problems {
		if p.Confirmed || (p.Char == '1' && p.Suggestion != "I or L") {
			t.Errorf("problem at %d changed: %+v", p.Position, p)
		}
	}
	if r.Class != totpkey.ClassMalformed {
		t.Errorf("class %s, want malformed", r.Class)
	}
}

func TestCheckCodeRepairAmbiguous(t *testing.T) {
	// With twelve 1s there are 4096 readings; among so many, some pairs
	// share a 6-digit code (about eight pairs are expected). Such a code
	// cannot tell the readings apart, so nothing may be confirmed.
	rng := rand.New(rand.NewPCG(7, 8))
	at := time.Unix(1782292500, 0)
	letters := map[int]byte{}
	for i := range 12 {
		letters[2*i] = 'I'
	}
	key := keyWith(rng, letters)
	input := copyBadly(key, letters)
	r := totpkey.Classify(input)
	plan, ok := planRepair(&r)
	if !ok || plan.combinations != 4096 {
		t.Fatalf("planRepair = %d combinations, %v; want 4096", plan.combinations, ok)
	}
	// Find a code two readings share at this time.
	seen := map[string]bool{}
	shared := ""
	for reading := range 4096 {
		b := []byte(input)
		for i := range 12 {
			b[2*i] = "IL"[reading>>i&1]
		}
		code := mustGenerator(string(b), Params{}).Code(at)
		if seen[code] {
			shared = code
			break
		}
		seen[code] = true
	}
	if shared == "" {
		t.Skip("no two readings share a code at this time")
	}
	if err := Check(&r, shared, at, 0); err != nil {
		t.Fatal(err)
	}
	c := r.CodeCheck
	if c == nil || c.Matched || c.RepairedKey != "" || c.RepairMatches < 2 || c.RepairsTried != 4096 {
		t.Fatalf("CodeCheck = %+v; want unmatched with at least 2 repair matches", c)
	}
	for _, p := range r.Problems {
		if p.Confirmed {
			t.Fatalf("problem at %d confirmed though the code is ambiguous", p.Position)
		}
	}
}

func TestCheckCodeRepairLinkParams(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	at := time.Unix(1782292500, 0)
	letters := map[int]byte{10: 'B', 20: 'I'}
	key := keyWith(rng, letters)
	uri := "otpauth://totp/Broker:alice?secret=" + copyBadly(key, letters) + "&digits=8&period=60&algorithm=SHA512"
	r := totpkey.Classify(uri)
	p := Params{Digits: 8, Period: 60, Algorithm: link.AlgorithmSHA512}
	code := mustGenerator(key, p).Code(at)
	if err := Check(&r, code, at, 1); err != nil {
		t.Fatal(err)
	}
	if r.CodeCheck == nil || !r.CodeCheck.Matched || r.CodeCheck.RepairedKey != key || r.CodeCheck.Period != 60 {
		t.Fatalf("CodeCheck = %+v, want a repair to the key with period 60", r.CodeCheck)
	}
	// The same code with default parameters would not match: the link's
	// parameters were used.
	if mustGenerator(key, Params{Digits: 8}).Code(at) == code {
		t.Fatal("test is weak: default parameters give the same code")
	}
}

func TestCheckCodeNotRepairable(t *testing.T) {
	at := time.Unix(1782292500, 0)
	ones := strings.Repeat("1", 13) + "ABCDEFGHIJK" // 24 characters, 8192 readings
	tests := []struct {
		name  string
		input string
	}{
		{"look-alike and too short", "JBSWY3DPEH0"},
		{"look-alike and bad length", "JBSWY3DPEHPK3PX0Q"},
		{"digit 9 has no look-alike", "JBSWY3DPEHPK3PX9"},
		{"punctuation", "JBSWY3DPEHPK3PX!"},
		{"too many readings", ones},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := totpkey.Classify(tt.input)
			if r.Class != totpkey.ClassMalformed || !r.HasProblem(totpkey.ReasonInvalidCharacter) {
				t.Fatalf("Classify(%q) is %s without invalid-character, want malformed with it", tt.input, r.Class)
			}
			if err := Check(&r, "123456", at, 1); err != nil {
				t.Fatal(err)
			}
			if r.CodeCheck != nil {
				t.Errorf("CodeCheck = %+v, want nil: no repair can be tried", r.CodeCheck)
			}
		})
	}
}

func TestPackBase32MatchesDecoder(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for n := 2; n <= 64; n++ {
		if n%8 == 1 || n%8 == 3 || n%8 == 6 {
			continue
		}
		key := keyWith(rng, nil)[:min(n, 32)] + keyWith(rng, nil)[:max(0, n-32)]
		want, err := decodeKey(key)
		if err != nil {
			t.Fatal(err)
		}
		values := make([]byte, len(key))
		for i, c := range key {
			values[i], _ = base32Value(c)
		}
		got := make([]byte, len(key)*5/8)
		packBase32(got, values)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%d characters: packed %x, decoded %x", n, got, want)
		}
	}
}
