package root

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// triageLeakModes are --lines, --scan and --reply, each given the key on
// standard input the way support staff get it: a line of an export, a CSV
// column, a sentence of a ticket.
var triageLeakModes = []struct {
	args  []string
	stdin func(arg string) string
}{
	{[]string{"validate", "--reply"}, nil},
	{[]string{"validate", "--lines"}, asLines},
	{[]string{"validate", "--lines", "-o", "json"}, asLines},
	{[]string{"validate", "--lines", "-o", "csv"}, asLines},
	{[]string{"validate", "--lines", "--reply"}, asLines},
	{[]string{"validate", "--lines", "--column", "key", "--keep", "ticket"}, asCSV},
	{[]string{"validate", "--lines", "--column", "key", "--keep", "ticket", "-o", "json"}, asCSV},
	{[]string{"validate", "--lines", "--column", "key", "--keep", "ticket", "-o", "csv"}, asCSV},
	{[]string{"validate", "--scan"}, asTicket},
	{[]string{"validate", "--scan", "-o", "json"}, asTicket},
	{[]string{"validate", "--scan", "-o", "csv"}, asTicket},
	{[]string{"validate", "--scan", "--reply"}, asTicket},
}

func asLines(arg string) string { return "482913\n" + arg + "\r\n\n" + arg + "\n" }

func asCSV(arg string) string {
	return "ticket,key\nT-1,\"" + strings.ReplaceAll(arg, `"`, `""`) + "\"\nT-2,482913\n"
}

func asTicket(arg string) string {
	return "Hello team,\nI entered 482913 and it says Failed to generate TOTP.\nMy broker shows: " + arg +
		"\nand in the app: " + arg + ". Please help.\n"
}

// TestTriageNoSecretLeaks extends TestNoSecretLeaks to --lines, --scan and
// --reply: random keys in every shape, every output, piped and on a
// terminal; never more than 4 characters of a key in the output. With
// --show-secret the key shows (where the mode prints keys at all), which
// proves the check can see a leak.
func TestTriageNoSecretLeaks(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, mode := range triageLeakModes {
		for _, in := range leakInputs {
			if in.name == "stdin" {
				continue // the modes below give everything on standard input
			}
			for _, tty := range []bool{false, true} {
				for range 4 {
					arg, _, key := in.input(randomSecret(rng))
					args := append([]string{}, mode.args...)
					stdin := ""
					if mode.stdin == nil {
						args = append(args, arg)
					} else {
						stdin = mode.stdin(arg)
					}
					assertNoLeak(t, args, stdin, tty, in.name, key)
					if in.name == "clean" && !tty && !slices.Contains(args, "--reply") {
						assertShowsSecret(t, args, stdin, key)
					}
				}
			}
		}
	}
}
