package root

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/cmd/internal/validate"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/totpkeytest"
)

// outputPath is one way the command can show something a user gave it:
// args, standard input and files to make from a key as written.
type outputPath struct {
	name string
	// run returns the command line and standard input for a key as
	// written; dir is a folder for the files it needs.
	run func(written, dir string) (args []string, stdin string)
}

// outputPaths are the places a key can come out of the command: results,
// inputs echoed in tables, JSON and CSV, kept columns, file names, account
// names and issuers, link parameters, flag values, errors, hints and
// replies.
var outputPaths = []outputPath{
	{"validate", func(k, _ string) ([]string, string) { return []string{"validate", k}, "" }},
	{"validate json", func(k, _ string) ([]string, string) { return []string{"validate", "-o", "json", k}, "" }},
	{"validate stdin", func(k, _ string) ([]string, string) { return []string{"validate"}, k + "\n" }},
	{"validate reply", func(k, _ string) ([]string, string) { return []string{"validate", "--reply", k}, "" }},
	{"link account and issuer", func(k, _ string) ([]string, string) {
		return []string{"validate", "otpauth://totp/" + inLink(k) + "?issuer=" + inLink(k)}, ""
	}},
	{"link json", func(k, _ string) ([]string, string) {
		return []string{"validate", "-o", "json", "otpauth://totp/Broker:" + inLink(k) + "?secret=" + inLink(k)}, ""
	}},
	{"link parameter", func(k, _ string) ([]string, string) {
		return []string{"validate", "--lines", "-o", "json"}, "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP&algorithm=" + inLink(k) + "\n"
	}},
	{"lines text", func(k, _ string) ([]string, string) { return []string{"validate", "--lines"}, "first\n" + k + "\n" }},
	{"lines json", func(k, _ string) ([]string, string) { return []string{"validate", "--lines", "-o", "json"}, k + "\n" }},
	{"lines csv", func(k, _ string) ([]string, string) { return []string{"validate", "--lines", "-o", "csv"}, k + "\n" }},
	{"lines reply", func(k, _ string) ([]string, string) { return []string{"validate", "--lines", "--reply"}, k + "\n" }},
	{"kept column text", keptColumn("text")},
	{"kept column json", keptColumn("json")},
	{"kept column csv", keptColumn("csv")},
	{"file name", func(k, dir string) ([]string, string) {
		base := strings.ReplaceAll(k, "/", "_")
		if len(base) > 200 {
			base = base[:200] // a file name has at most 255 bytes
		}
		name := filepath.Join(dir, base+".txt")
		if err := os.WriteFile(name, []byte("482913\n"), 0o600); err != nil {
			panic(err)
		}
		return []string{"validate", "--lines", "-o", "csv", name}, ""
	}},
	{"file name, scan past one batch", func(k, dir string) ([]string, string) {
		// Every batch shows the file name, not only the first.
		base := strings.ReplaceAll(k, "/", "_")
		if len(base) > 200 {
			base = base[:200]
		}
		name := filepath.Join(dir, base+".log")
		if err := os.WriteFile(name, []byte(strings.Repeat("code 482913\n", validate.BatchLines+10)), 0o600); err != nil {
			panic(err)
		}
		return []string{"validate", "--scan", "-o", "json", name}, ""
	}},
	{"missing file", func(k, dir string) ([]string, string) {
		return []string{"validate", "--lines", filepath.Join(dir, k)}, ""
	}},
	{"scan text", func(k, _ string) ([]string, string) { return []string{"validate", "--scan"}, ticket(k) }},
	{"scan json", func(k, _ string) ([]string, string) { return []string{"validate", "--scan", "-o", "json"}, ticket(k) }},
	{"scan csv", func(k, _ string) ([]string, string) { return []string{"validate", "--scan", "-o", "csv"}, ticket(k) }},
	{"scan reply", func(k, _ string) ([]string, string) { return []string{"validate", "--scan", "--reply"}, ticket(k) }},
	{"unknown command", func(k, _ string) ([]string, string) { return []string{k}, "" }},
	{"help", func(k, _ string) ([]string, string) { return []string{"help", k}, "" }},
	{"unknown flag", func(k, _ string) ([]string, string) { return []string{"validate", "--" + k}, "" }},
	{"flag value", func(k, _ string) ([]string, string) { return []string{"validate", "-o", k, "x"}, "" }},
	{"qr file", func(k, _ string) ([]string, string) { return []string{"validate", "--qr", k}, "" }},
	{"column", func(k, _ string) ([]string, string) {
		return []string{"validate", "--lines", "--column", k}, "a,b\n1,2\n"
	}},
	{"generate", func(k, _ string) ([]string, string) { return []string{"generate", "--at", "1782292500", k}, "" }},
	{"generate flag value", func(k, _ string) ([]string, string) { return []string{"generate", "-o", k, "JBSWY3DPEHPK3PXP"}, "" }},
	{"generate algorithm", func(k, _ string) ([]string, string) {
		return []string{"generate", "--algorithm", k, "JBSWY3DPEHPK3PXP"}, ""
	}},
	{"explain", func(k, _ string) ([]string, string) { return []string{"explain", k}, "" }},
	{"explain flag value", func(k, _ string) ([]string, string) { return []string{"explain", "-o", k, "dhan"}, "" }},
	{"completion", func(k, _ string) ([]string, string) { return []string{"completion", k}, "" }},
}

// withKey is args with the written key, wherever it stands in them,
// replaced by another.
func withKey(args []string, written, other string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		out[i] = strings.ReplaceAll(a, written, other)
		out[i] = strings.ReplaceAll(out[i], inLink(written), other)
	}
	return out
}

// keptColumn is the path of a key in a CSV column kept with --keep.
func keptColumn(output string) func(k, _ string) ([]string, string) {
	return func(k, _ string) ([]string, string) {
		csv := "ticket,key,notes\nT-1,482913,\"customer says: " + strings.ReplaceAll(k, `"`, `""`) + " please\"\n"
		return []string{"validate", "--lines", "--column", "key", "--keep", "notes,ticket", "-o", output}, csv
	}
}

// ticket is a support ticket with the key in a sentence.
func ticket(k string) string {
	return "Hi team,\nFailed to generate TOTP since morning. My key is " + k + " thanks\n"
}

// inLink writes a key into a link the way a person pasting it might: spaces
// as %20, the rest as it is.
func inLink(k string) string {
	return strings.NewReplacer(" ", "%20", "\t", "%09", "\u00a0", "%C2%A0").Replace(k)
}

// TestNoKeyLeaksOnAnyPath is the property the one masking rule holds on
// every output path: random keys, in every grouping the classifier
// accepts (spaces, tabs, no-break spaces, dashes, dots; groups of any
// size; upper or lower case), given to every path above, never show five
// of their characters in a row, separators and case aside, without
// --show-secret.
func TestNoKeyLeaksOnAnyPath(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	dir := t.TempDir()
	for _, path := range outputPaths {
		for i := range 40 {
			key := totpkeytest.RandomKey(rng)
			written := totpkeytest.Grouped(rng, key)
			args, stdin := path.run(written, dir)
			tty := i%4 == 0
			_, stdout, stderr := runCommand(args, stdin, tty)
			// The same path with another key: what it shows of the
			// output's own words does not count.
			other := totpkeytest.RandomKey(rng)
			_, baseOut, baseErr := runCommand(withKey(args, written, other), strings.ReplaceAll(stdin, written, other), tty)
			if n := totpkeytest.LongestKeyRunBeyond(stdout+stderr, baseOut+baseErr, key); n > totpkey.MaskedPrefix {
				t.Fatalf("%s (tty=%v): %d characters of the key show\nkey  %s\nargs %q\nstdin %q\n%s%s",
					path.name, tty, n, key, args, stdin, stdout, stderr)
			}
		}
	}
}

// TestNoKeyLeaksOnAnyPathCanSeeALeak: with --show-secret the key shows in
// full, and the measure of TestNoKeyLeaksOnAnyPath sees all of it.
func TestNoKeyLeaksOnAnyPathCanSeeALeak(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 9))
	for range 10 {
		key := totpkeytest.RandomKey(rng)
		_, stdout, _ := runCommand([]string{"validate", "--show-secret", key}, "", false)
		_, baseline, _ := runCommand([]string{"validate", "--show-secret", totpkeytest.RandomKey(rng)}, "", false)
		if n := totpkeytest.LongestKeyRunBeyond(stdout, baseline, key); n != len(key) {
			t.Fatalf("--show-secret %q: the measure sees %d of %d characters:\n%s", key, n, len(key), stdout)
		}
	}
}
