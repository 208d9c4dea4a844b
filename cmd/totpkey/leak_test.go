package main

import (
	"encoding/base32"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
)

// leakCase is one way of giving a key to the command. input turns a random
// raw secret into the argument, stdin and expected key; args are the command
// line around it.
type leakCase struct {
	name  string
	args  []string
	input func(raw []byte) (arg, stdin, key string)
}

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
					raw := make([]byte, 10+rng.IntN(30))
					for i := range raw {
						raw[i] = byte(rng.UintN(256))
					}
					arg, stdin, key := in.input(raw)
					args := append([]string{}, mode...)
					if arg != "" {
						args = append(args, arg)
					}
					_, stdout, stderr := runCommand(args, stdin, tty)
					if n := longestSharedRun(stdout+stderr, key); n > 4 {
						t.Fatalf("%v (%s, tty=%v): %d characters of the key in the output:\n%s%s", mode, in.name, tty, n, stdout, stderr)
					}
					if in.name == "clean" && !tty {
						_, shown, _ := runCommand(append(args, "--show-secret"), stdin, tty)
						if !strings.Contains(shown, key) {
							t.Fatalf("%v --show-secret does not print the key:\n%s", mode, shown)
						}
					}
				}
			}
		}
	}
}

// longestSharedRun is the length of the longest substring of secret that
// appears in text.
func longestSharedRun(text, secret string) int {
	best := 0
	for i := range secret {
		for j := i + best + 1; j <= len(secret); j++ {
			if !strings.Contains(text, secret[i:j]) {
				break
			}
			best = j - i
		}
	}
	return best
}
