package root

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey/code"
)

// TestGenerateNoSecretLeaks runs generate and validate --code over random
// keys in the shapes people paste them, and fails if more than 4
// characters of a key (or of a key the code repaired) appear in the output.
func TestGenerateNoSecretLeaks(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	modes := [][]string{
		{"generate", "--at", "1782292500"},
		{"generate", "--at", "1782292500", "-o", "json"},
		{"generate", "--at", "1782292500", "-q"},
		{"validate", "--at", "1782292500", "--code", "123456"},
		{"validate", "--at", "1782292500", "--code", "123456", "-o", "json"},
	}
	for _, mode := range modes {
		for _, in := range leakInputs {
			for _, tty := range []bool{false, true} {
				for range 4 {
					arg, stdin, key := in.input(randomSecret(rng))
					assertNoLeak(t, withArg(mode, arg), stdin, tty, in.name, key)
				}
			}
		}
	}
}

func TestRepairedKeyIsMasked(t *testing.T) {
	// A key with an L copied as 1, and the code of the true key: the
	// repair is confirmed and the repaired key shown masked, in full only
	// with --show-secret.
	rng := rand.New(rand.NewPCG(5, 6))
	at := time.Unix(1782292500, 0)
	for range 20 {
		raw := make([]byte, 15)
		for i := range raw {
			raw[i] = byte(rng.UintN(256))
		}
		key := []byte(b32.EncodeToString(raw))
		for i, c := range key {
			if c == 'I' || c == 'L' || c == 'O' || c == 'B' {
				key[i] = 'Q'
			}
		}
		key[10] = 'L'
		code := mustCode(t, string(key), at)
		bad := string(key[:10]) + "1" + string(key[11:])
		for _, output := range []string{"text", "json"} {
			args := []string{"validate", "--at", "1782292500", "--code", code, "-o", output, bad}
			exit, stdout, stderr := runCommand(args, "", false)
			if exit != outcome.ExitMalformed {
				t.Fatalf("%v: exit %d, want %d\n%s", args, exit, outcome.ExitMalformed, stderr)
			}
			if n := longestSharedRun(stdout+stderr, string(key)); n > 4 {
				t.Fatalf("%v: %d characters of the repaired key in the output:\n%s", args, n, stdout)
			}
			if !regexp.MustCompile(`confirms it stands for the letter L`).MatchString(stdout) {
				t.Fatalf("%v: repair not confirmed:\n%s", args, stdout)
			}
			_, shown, _ := runCommand(append(args[:len(args)-1], "--show-secret", bad), "", false)
			if !strings.Contains(shown, string(key)) {
				t.Fatalf("%v --show-secret does not print the repaired key:\n%s", args, shown)
			}
		}
	}
}

func mustCode(t *testing.T, key string, at time.Time) string {
	t.Helper()
	g, err := code.NewGenerator(key, code.Params{})
	if err != nil {
		t.Fatal(err)
	}
	return g.Code(at)
}

func TestGenerateNarrowTerminalHasNoBar(t *testing.T) {
	for _, tt := range []struct {
		Width int
		bar   bool
	}{{0, true}, {80, true}, {60, true}, {59, false}, {40, false}} {
		s := newTestStreams("", true)
		s.Width = tt.Width
		code := Run([]string{"generate", "--at", "1782292507", "JBSWY3DPEHPK3PXP"}, s.IOStreams)
		out := s.out.String()
		if code != 0 || strings.Contains(out, "█") != tt.bar || !strings.Contains(out, "866076") {
			t.Errorf("width %d: exit %d, bar %v, want bar %v:\n%s", tt.Width, code, strings.Contains(out, "█"), tt.bar, out)
		}
	}
}
