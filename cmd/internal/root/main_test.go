package root

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
)

// update rewrites the expected output in the .txtar files from what the
// command prints now: go test ./cmd/totpkey -run TestScripts -u
var update = flag.Bool("u", false, "update testscript files with the output the command gives now")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"totpkey": func() { os.Exit(Run(os.Args[1:], iostreams.System())) },
	})
}

// TestScripts runs the command's behaviour tests in testdata/script: stdout,
// stderr and exit codes, with piped output unless a script sets
// TOTPKEY_FORCE_TTY=1.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("NO_COLOR", "")
			env.Setenv(iostreams.ForceTTYEnv, "")
			env.Setenv("TERM", "xterm-256color")
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"crlf":    cmdCRLF,
			"exits":   cmdExits,
			"qrimage": cmdQRImage,
		},
	})
}

// cmdCRLF gives files Windows line endings, so that a script can keep its
// CRLF fixtures as plain text (a txtar archive, and -u rewriting it, would
// not keep the carriage returns):
//
//	crlf ticket.txt
func cmdCRLF(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: crlf FILE...")
	}
	for _, name := range args {
		text := strings.ReplaceAll(ts.ReadFile(name), "\r\n", "\n")
		path := ts.MkAbs(name)
		ts.Check(os.WriteFile(path, []byte(strings.ReplaceAll(text, "\n", "\r\n")), 0o644))
	}
}

// cmdExits runs a command and checks its exit code exactly:
//
//	exits 3 totpkey validate 482913
//
// Its standard output and error are then checked as after exec.
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: %v", err)
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("exits: %v", err)
		}
		got = exit.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited %d, want %d", args[1], got, want)
	}
}
