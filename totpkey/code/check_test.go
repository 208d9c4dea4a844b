package code

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/totpkey/totpkey/totpkey"

	"github.com/totpkey/totpkey/totpkey/link"
)

func TestParseCode(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"123456", "123456"},
		{"  123456\n", "123456"},
		{"123 456", "123456"},
		{"123-456", "123456"},
		{"1234 5678", "12345678"},
		{"1234567", "1234567"},
		{"\u200b123456", "123456"},
		{"012345", "012345"},
		{"12345", ""},
		{"123456789", ""},
		{"", ""},
		{"-123456", ""},
		{"123456-", ""},
		{"12345a", ""},
		{"JBSWY3DPEHPK3PXP", ""},
		{"１２３４５６", ""}, // full-width digits are not typed into a code field
		{"123\x00456", ""},
		{strings.Repeat("1", 100), ""},
	}
	for _, tt := range tests {
		got, err := Parse(tt.in)
		if tt.want == "" {
			if !errors.Is(err, ErrBadCode) {
				t.Errorf("Parse(%q) = %q, %v; want ErrBadCode", tt.in, got, err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseCodeErrorDoesNotEchoKey(t *testing.T) {
	_, err := Parse("JBSWY3DPEHPK3PXP")
	if err == nil || strings.Contains(err.Error(), "JBSW") {
		t.Fatalf("error %v: want an error that does not quote the input", err)
	}
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"123456", "123 456", "123-456", "12345678", " 1 2 3 4 5 6 ", "-", "\xff", "12345a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		code, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrBadCode) {
				t.Fatalf("error %v does not wrap ErrBadCode", err)
			}
			return
		}
		if len(code) < link.MinDigits || len(code) > link.MaxDigits || !allDigits(code) {
			t.Fatalf("Parse(%q) = %q: not 6 to 8 digits", s, code)
		}
		if again, err := Parse(code); err != nil || again != code {
			t.Fatalf("Parse(%q) = %q, %v; want it unchanged", code, again, err)
		}
	})
}

func TestGeneratorMatch(t *testing.T) {
	g, err := NewGenerator(rfcSeeds[link.AlgorithmSHA1], Params{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Unix(1782292500, 0)
	step := g.Counter(at)
	tests := []struct {
		name       string
		code       string
		window     int
		wantOffset int
		wantOK     bool
	}{
		{"now", g.CodeForCounter(step), 1, 0, true},
		{"previous period", g.CodeForCounter(step - 1), 1, -1, true},
		{"next period", g.CodeForCounter(step + 1), 1, 1, true},
		{"two behind, window 1", g.CodeForCounter(step - 2), 1, 0, false},
		{"two behind, window 2", g.CodeForCounter(step - 2), 2, -2, true},
		{"previous period, window 0", g.CodeForCounter(step - 1), 0, 0, false},
		{"wrong length", g.CodeForCounter(step)[:5], 1, 0, false},
		{"other code", otherCode(g.CodeForCounter(step)), 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			offset, ok := g.Match(tt.code, at, tt.window)
			if offset != tt.wantOffset || ok != tt.wantOK {
				t.Errorf("Match = %d, %v; want %d, %v", offset, ok, tt.wantOffset, tt.wantOK)
			}
		})
	}
}

// otherCode returns a code of the same length that differs from code.
func otherCode(code string) string {
	b := []byte(code)
	b[0] = '0' + (b[0]-'0'+1)%10
	return string(b)
}

func TestGeneratorMatchNearEpoch(t *testing.T) {
	g, err := NewGenerator(rfcSeeds[link.AlgorithmSHA1], Params{})
	if err != nil {
		t.Fatal(err)
	}
	// At step 0 the window cannot reach back before 1970.
	offset, ok := g.Match(g.CodeForCounter(1), time.Unix(10, 0), 3)
	if !ok || offset != 1 {
		t.Fatalf("Match = %d, %v; want 1, true", offset, ok)
	}
}

func TestGeneratorMatchPrefersNearestStep(t *testing.T) {
	// Find two steps within a window that share a code, and check the
	// nearer one wins. Six-digit codes repeat often enough in 10^6 steps.
	g, err := NewGenerator(rfcSeeds[link.AlgorithmSHA1], Params{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]uint64{}
	for c := uint64(1000); c < 3_000_000; c++ {
		code := g.CodeForCounter(c)
		prev, ok := seen[code]
		if ok && c-prev <= MaxWindow {
			// prev and c share the code; from the middle of them, with a
			// window that reaches both, the nearer one must win.
			at := time.Unix(int64(prev+(c-prev)/2)*30, 0)
			offset, matched := g.Match(code, at, MaxWindow)
			mid := int(prev + (c-prev)/2)
			want := int(prev) - mid
			if abs(int(c)-mid) < abs(want) {
				want = int(c) - mid
			}
			if !matched || offset != want {
				t.Fatalf("steps %d and %d share %s; from %d Match = %d, %v; want %d", prev, c, code, mid, offset, matched, want)
			}
			return
		}
		seen[code] = c
	}
	t.Skip("no two steps within the window share a code")
}

func TestCheckCodeValidKey(t *testing.T) {
	key := rfcSeeds[link.AlgorithmSHA1]
	at := time.Unix(1782292500, 0)
	g, _ := NewGenerator(key, Params{})
	g8, _ := NewGenerator(key, Params{Digits: 8, Period: 60, Algorithm: link.AlgorithmSHA1})
	step := g.Counter(at)
	tests := []struct {
		name      string
		account   link.Account
		code      string
		window    int
		want      totpkey.CodeCheck
		wantTopic string
	}{
		{"now", link.Account{}, g.CodeForCounter(step), 1, totpkey.CodeCheck{Matched: true, Period: 30}, "edit-and-save"},
		{"typed with a space", link.Account{}, g.CodeForCounter(step)[:3] + " " + g.CodeForCounter(step)[3:], 1,
			totpkey.CodeCheck{Matched: true, Period: 30}, "edit-and-save"},
		{"late", link.Account{}, g.CodeForCounter(step - 1), 1, totpkey.CodeCheck{Matched: true, OffsetSteps: -1, Period: 30}, "edit-and-save"},
		{"early", link.Account{}, g.CodeForCounter(step + 1), 1, totpkey.CodeCheck{Matched: true, OffsetSteps: 1, Period: 30}, "edit-and-save"},
		{"too late", link.Account{}, g.CodeForCounter(step - 2), 1, totpkey.CodeCheck{Period: 30}, "code-mismatch"},
		{"mismatch", link.Account{}, otherCode(g.CodeForCounter(step)), 1, totpkey.CodeCheck{Period: 30}, "code-mismatch"},
		{"8 digits from the code's length", link.Account{}, mustGenerator(key, Params{Digits: 8}).Code(at), 0,
			totpkey.CodeCheck{Matched: true, Period: 30}, "edit-and-save"},
		{"link params", link.Account{Type: "totp", Digits: 8, Period: 60}, g8.Code(at), 0,
			totpkey.CodeCheck{Matched: true, Period: 60}, "edit-and-save"},
		{"link says 8 digits, 6 given", link.Account{Type: "totp", Digits: 8, Period: 60}, g8.Code(at)[2:], 1,
			totpkey.CodeCheck{Period: 60}, "code-mismatch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := totpkey.Result{Class: totpkey.ClassValid, Format: totpkey.FormatBase32, Key: key, Topic: "edit-and-save", Account: tt.account}
			if err := Check(&r, tt.code, at, tt.window); err != nil {
				t.Fatal(err)
			}
			tt.want.Window = tt.window
			if r.CodeCheck == nil || *r.CodeCheck != tt.want {
				t.Fatalf("CodeCheck = %+v, want %+v", r.CodeCheck, tt.want)
			}
			if r.Topic != tt.wantTopic {
				t.Errorf("topic %q, want %q", r.Topic, tt.wantTopic)
			}
		})
	}
}

// mustGenerator is NewGenerator for tests with keys known to be good.
func mustGenerator(key string, p Params) *Generator {
	g, err := NewGenerator(key, p)
	if err != nil {
		panic(err)
	}
	return g
}

func TestCheckCodeErrors(t *testing.T) {
	at := time.Unix(1782292500, 0)
	tests := []struct {
		name    string
		account link.Account
		code    string
		window  int
		want    error
	}{
		{"bad code", link.Account{}, "12345", 1, ErrBadCode},
		{"negative window", link.Account{}, "123456", -1, ErrBadWindow},
		{"huge window", link.Account{}, "123456", MaxWindow + 1, ErrBadWindow},
		{"link with bad digits", link.Account{Type: "totp", Digits: 12}, "123456", 1, link.ErrBadDigits},
		{"link with bad algorithm", link.Account{Type: "totp", Algorithm: "MD5"}, "123456", 1, link.ErrBadAlgorithm},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := totpkey.Result{Class: totpkey.ClassValid, Format: totpkey.FormatBase32, Key: rfcSeeds[link.AlgorithmSHA1], Topic: "edit-and-save", Account: tt.account}
			err := Check(&r, tt.code, at, tt.window)
			if !errors.Is(err, tt.want) {
				t.Fatalf("Check error %v, want %v", err, tt.want)
			}
			if r.CodeCheck != nil || r.Topic != "edit-and-save" {
				t.Errorf("result changed on error: %+v", r)
			}
		})
	}
}

func TestCheckCodeNoKey(t *testing.T) {
	// A one-time code, or a key with problems other than look-alikes, has
	// no key to check: CodeCheck stays nil and the exit code is the class's.
	at := time.Unix(1782292500, 0)
	tests := []totpkey.Result{
		{Class: totpkey.ClassCode, Format: totpkey.FormatDigits, Problems: []totpkey.Problem{{ID: totpkey.ReasonOneTimeCode}}, Topic: "one-time-code"},
		{Class: totpkey.ClassMalformed, Format: totpkey.FormatBase32, Problems: []totpkey.Problem{{ID: totpkey.ReasonTooShort}}, Topic: "too-short"},
		{Class: totpkey.ClassMalformed, Format: totpkey.FormatText, Problems: []totpkey.Problem{{ID: totpkey.ReasonNotAKey}}, Topic: "not-a-key"},
	}
	for _, r := range tests {
		class, topic := r.Class, r.Topic
		if err := Check(&r, "123456", at, 1); err != nil {
			t.Fatal(err)
		}
		if r.CodeCheck != nil || r.Class != class || r.Topic != topic {
			t.Errorf("%s: CodeCheck %+v, class %s; want nil and the result unchanged", topic, r.CodeCheck, r.Class)
		}
	}
}

func FuzzCheckCode(f *testing.F) {
	f.Add("JBSWY3DPEHPK3PX0", "123456", int64(1782292500), 1)
	f.Add("jbsw y3dp ehpk 1pxp", "123 456", int64(59), 0)
	f.Add("otpauth://totp/A:b?secret=JBSWY3DPEHPK3PX8&digits=8&period=60", "12345678", int64(0), 2)
	f.Add("JBSWY3DPЕHPK3PXP", "654321", int64(1e10), 20)
	f.Add("11111111111111111111111111111111", "000000", int64(1782292500), 1)
	f.Fuzz(func(t *testing.T, input, code string, unix int64, window int) {
		at := time.Unix(unix, 0)
		r := totpkey.Classify(input)
		class := r.Class
		err := Check(&r, code, at, window)
		if err != nil {
			if r.CodeCheck != nil {
				t.Fatalf("CodeCheck set despite error %v", err)
			}
			return
		}
		if r.Class != class {
			t.Fatalf("class changed from %s to %s", class, r.Class)
		}
		c := r.CodeCheck
		if c == nil {
			return
		}
		if c.RepairsTried > MaxRepairCombinations || c.RepairMatches > c.RepairsTried {
			t.Fatalf("repair out of bounds: %+v", c)
		}
		if c.RepairedKey != "" {
			// The repaired key really produces the code, at the offset given.
			p, _ := ParamsOf(r.Account)
			digits, _ := Parse(code)
			if r.Account.Digits == 0 {
				p.Digits = len(digits)
			}
			g, err := NewGenerator(c.RepairedKey, p)
			if err != nil {
				t.Fatalf("repaired key does not decode: %v", err)
			}
			if off, ok := g.Match(digits, at, window); !ok || off != c.OffsetSteps {
				t.Fatalf("repaired key gives Match = %d, %v; CodeCheck says %d", off, ok, c.OffsetSteps)
			}
		}
	})
}
