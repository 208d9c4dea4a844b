package root

import (
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
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
			"devfull": cmdDevFull,
			"prefix":  cmdPrefix,
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

// cmdDevFull runs a command with its standard output on /dev/full, where
// every write fails, and checks its exit code; its standard error is then
// checked as after exec (stdout is empty):
//
//	devfull 1 totpkey validate JBSW0Y3DPEHPK3PX
//	stderr 'writing standard output'
//
// Where there is no /dev/full the command is not run.
func cmdDevFull(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: devfull CODE COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("devfull: %v", err)
	}
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		ts.Logf("no /dev/full here: skipped")
		return
	}
	defer full.Close()
	path, err := exec.LookPath(args[1])
	if dir := ts.Getenv("PATH"); err != nil || dir != "" {
		for _, d := range filepath.SplitList(dir) {
			if p := filepath.Join(d, args[1]); fileExists(p) {
				path = p
				break
			}
		}
	}
	cmd := exec.Command(path, args[2:]...)
	cmd.Dir = ts.Getenv("WORK")
	cmd.Env = scriptEnv(ts)
	if stdin := ts.Getenv("DEVFULL_STDIN"); stdin != "" {
		cmd.Stdin = strings.NewReader(ts.ReadFile(stdin))
	}
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = full, &stderr
	got := 0
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			ts.Fatalf("devfull: %v", err)
		}
		got = exit.ExitCode()
	}
	// Hand the standard error to the script's stderr checks by writing it
	// where they read it: a file, compared with cmp or grep.
	ts.Check(os.WriteFile(ts.MkAbs("devfull.stderr"), []byte(stderr.String()), 0o644))
	if got != want {
		ts.Fatalf("%s exited %d with its output on /dev/full, want %d; stderr:\n%s", args[1], got, want, stderr.String())
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// scriptEnv is the environment of the script's commands: the process's,
// with the script's PATH, HOME and working directory.
func scriptEnv(ts *testscript.TestScript) []string {
	env := os.Environ()
	for _, k := range []string{"PATH", "HOME", "WORK", "NO_COLOR", "TERM", iostreams.ForceTTYEnv} {
		env = append(env, k+"="+ts.Getenv(k))
	}
	return env
}

// cmdPrefix puts N copies of a character in front of a file, for a line
// longer than a txtar archive should hold:
//
//	prefix longheader.csv 70000 k
func cmdPrefix(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: prefix FILE N CHAR")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		ts.Fatalf("prefix: %v", err)
	}
	text := strings.Repeat(args[2], n) + ts.ReadFile(args[0])
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(text), 0o644))
}
