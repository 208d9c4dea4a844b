package root

import (
	"encoding/base32"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey/totpkeytest"
)

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

// leakInputs are the shapes a key arrives in: clean, as brokers show it, with
// a look-alike digit, pasted twice, in hex, inside a link, and on stdin.
var leakInputs = []struct {
	name  string
	input func(raw []byte) (arg, stdin, key string)
}{
	{"clean", func(raw []byte) (string, string, string) { k := b32.EncodeToString(raw); return k, "", k }},
	{"grouped lower", func(raw []byte) (string, string, string) {
		k := b32.EncodeToString(raw)
		var groups []string
		for i := 0; i < len(k); i += 4 {
			groups = append(groups, strings.ToLower(k[i:min(i+4, len(k))]))
		}
		return strings.Join(groups, " "), "", k
	}},
	{"look-alike", func(raw []byte) (string, string, string) {
		k := b32.EncodeToString(raw)
		return k[:5] + "0" + k[6:], "", k
	}},
	{"pasted twice", func(raw []byte) (string, string, string) { k := b32.EncodeToString(raw); return k + k, "", k }},
	{"hex", func(raw []byte) (string, string, string) { return hex.EncodeToString(raw), "", b32.EncodeToString(raw) }},
	{"link", func(raw []byte) (string, string, string) {
		k := b32.EncodeToString(raw)
		return "otpauth://totp/Broker:AB1234?secret=" + k + "&issuer=Broker", "", k
	}},
	{"stdin", func(raw []byte) (string, string, string) { k := b32.EncodeToString(raw); return "", k + "\n", k }},
	{"invisible", func(raw []byte) (string, string, string) {
		k := b32.EncodeToString(raw)
		return k[:8] + "\u200b" + k[8:], "", k
	}},
}

// leakModes are the command lines every input goes through. Other commands
// and modes add theirs here.
var leakModes = [][]string{
	{"validate"},
	{"validate", "-o", "json"},
}

// TestNoSecretLeaks runs the command over many random keys in every mode,
// piped and on a terminal, and fails if more than 4 characters of a key
// appear in its output without --show-secret. With --show-secret the key
// must appear, which proves the check can see a leak.
func TestNoSecretLeaks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, mode := range leakModes {
		for _, in := range leakInputs {
			for _, tty := range []bool{false, true} {
				for range 8 {
					arg, stdin, key := in.input(randomSecret(rng))
					args := withArg(mode, arg)
					assertNoLeak(t, args, stdin, tty, in.name, key)
					if in.name == "clean" && !tty {
						assertShowsSecret(t, args, stdin, key)
					}
				}
			}
		}
	}
}

// randomSecret returns the secret bytes of one probe: 10 to 39 random
// bytes, so keys of many lengths.
func randomSecret(rng *rand.Rand) []byte {
	raw := make([]byte, 10+rng.IntN(30))
	for i := range raw {
		raw[i] = byte(rng.UintN(256))
	}
	return raw
}

// withArg is a copy of args with arg added when it is not empty.
func withArg(args []string, arg string) []string {
	out := append([]string{}, args...)
	if arg != "" {
		out = append(out, arg)
	}
	return out
}

// assertNoLeak runs the command and fails the test when more than 4
// characters of any of keys appear in what it prints. what names the probe
// in the failure. It returns standard output, for checks of its own.
func assertNoLeak(t *testing.T, args []string, stdin string, tty bool, what string, keys ...string) string {
	t.Helper()
	_, stdout, stderr := runCommand(args, stdin, tty)
	for _, key := range keys {
		if n := longestSharedRun(stdout+stderr, key); n > 4 {
			t.Fatalf("%v (%s, tty=%v): %d characters of a key in the output:\n%s%s", args, what, tty, n, stdout, stderr)
		}
	}
	return stdout
}

// assertShowsSecret runs the command with --show-secret, piped, and fails
// the test unless every one of keys is in its output: proof that
// assertNoLeak could see a leak in this mode.
func assertShowsSecret(t *testing.T, args []string, stdin string, keys ...string) {
	t.Helper()
	args = append(append([]string{}, args...), "--show-secret")
	_, shown, _ := runCommand(args, stdin, false)
	for _, key := range keys {
		if !strings.Contains(shown, key) {
			t.Fatalf("%v does not print the key:\n%s", args, shown)
		}
	}
}

// longestSharedRun is totpkeytest.LongestSharedRun, by the short name the
// leak tests of this package use.
var longestSharedRun = totpkeytest.LongestSharedRun
