package root

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strings"
	"syscall"
	"testing"
	"testing/iotest"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/validate"
)

// testStreams are in-memory streams for running the command in-process.
type testStreams struct {
	*iostreams.IOStreams
	out, err *bytes.Buffer
}

// newTestStreams gives the command stdin and buffers for its output. With
// tty set, all three streams count as a terminal (colours on).
func newTestStreams(stdin string, tty bool) testStreams {
	s, out, errOut := iostreams.Test(stdin, tty)
	return testStreams{IOStreams: s, out: out, err: errOut}
}

// runCommand runs the command line in-process and returns its exit code
// and output.
func runCommand(args []string, stdin string, tty bool) (code int, stdout, stderr string) {
	s := newTestStreams(stdin, tty)
	code = Run(args, s.IOStreams)
	return code, s.out.String(), s.err.String()
}

// fakeTerminal is a hiddenTerminal over scripted keys and signals, which
// records what was done to the terminal's state.
type fakeTerminal struct {
	raw, restored int            // calls of makeRaw and of its restore
	sig           chan os.Signal // signals to deliver
	stopped       bool           // whether signal delivery was stopped
	rawErr        error          // what makeRaw fails with
}

// terminal is the hiddenTerminal that reads keys from in.
func (f *fakeTerminal) terminal(in io.Reader) *iostreams.HiddenTerminal {
	if f.sig == nil {
		f.sig = make(chan os.Signal, 1)
	}
	return &iostreams.HiddenTerminal{
		In: in,
		MakeRaw: func() (func() error, error) {
			if f.rawErr != nil {
				return nil, f.rawErr
			}
			f.raw++
			return func() error { f.restored++; return nil }, nil
		},
		Signals: func() (<-chan os.Signal, func()) {
			return f.sig, func() { f.stopped = true }
		},
	}
}

// blockingReader never returns, like a terminal nobody types on. Closing
// release lets the goroutine reading it end with the test.
type blockingReader struct{ release chan struct{} }

func (b blockingReader) Read([]byte) (int, error) {
	<-b.release
	return 0, io.EOF
}

func newBlockingReader(t *testing.T) blockingReader {
	b := blockingReader{release: make(chan struct{})}
	t.Cleanup(func() { close(b.release) })
	return b
}

type readResult struct {
	line string
	err  error
}

// readWithin runs read and fails the test if it does not return promptly.
func readWithin(t *testing.T, read func() (string, error)) (string, error) {
	t.Helper()
	done := make(chan readResult, 1)
	go func() {
		line, err := read()
		done <- readResult{line, err}
	}()
	select {
	case r := <-done:
		return r.line, r.err
	case <-time.After(2 * time.Second):
		t.Fatal("the hidden prompt is still waiting")
		return "", nil
	}
}

// errorExitCode is the exit code an error gives, -1 when it carries none.
func errorExitCode(err error) int {
	var se *iostreams.SignalledError
	if errors.As(err, &se) {
		return se.Code
	}
	var ee *cmdutil.ExitError
	if errors.As(err, &ee) {
		return ee.Code
	}
	return -1
}

func TestReadHiddenLineEditing(t *testing.T) {
	for _, tt := range []struct {
		name, keys, want string
	}{
		{"enter", "JBSWY3DP\r", "JBSWY3DP"},
		{"line feed", "JBSWY3DP\n", "JBSWY3DP"},
		{"ctrl-d at an empty prompt", "\x04", ""},
		{"ctrl-d after a key", "JBSWY3DP\x04", "JBSWY3DP"},
		{"end of input", "JBSW", "JBSW"},
		{"end of input at once", "", ""},
		{"backspace", "JBSWX\x7fY3DP\r", "JBSWY3DP"},
		{"ctrl-h", "JBSWX\x08Y3DP\r", "JBSWY3DP"},
		{"backspace removes a whole letter", "JBSWЁ\x7fY3DP\r", "JBSWY3DP"},
		{"backspace at an empty prompt", "\x7f\x7fJB\r", "JB"},
		{"ctrl-u", "wrong\x15JBSWY3DP\r", "JBSWY3DP"},
		{"ctrl-w", "JBSW wrong\x17Y3DP\r", "JBSW Y3DP"},
		{"arrow keys", "JB\x1b[DSW\x1bOAY3DP\r", "JBSWY3DP"},
		{"tab is kept", "JBSW\tY3DP\r", "JBSW\tY3DP"},
		{"other control keys", "JB\x1aSW\x00\r", "JBSW"},
		{"only the first line", "JBSW\rY3DP\r", "JBSW"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := iostreams.ReadHiddenLine(strings.NewReader(tt.keys))
			if err != nil || got != tt.want {
				t.Errorf("readHiddenLine(%q) = %q, %v; want %q", tt.keys, got, err, tt.want)
			}
		})
	}
}

func TestReadHiddenLineKeepsNoMoreThanTheLimit(t *testing.T) {
	got, err := iostreams.ReadHiddenLine(strings.NewReader(strings.Repeat("A", validate.MaxStdinBytes+100) + "\r"))
	if err != nil || len(got) != validate.MaxStdinBytes+1 {
		t.Errorf("kept %d bytes, %v; want %d", len(got), err, validate.MaxStdinBytes+1)
	}
}

func TestReadHiddenLineCtrlC(t *testing.T) {
	got, err := iostreams.ReadHiddenLine(strings.NewReader("JBSW\x03Y3DP\r"))
	if code := errorExitCode(err); code != 130 || got != "" {
		t.Errorf("Ctrl-C gave %q, exit code %d (%v); want nothing, 130", got, code, err)
	}
}

func TestReadHiddenLineReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := iostreams.ReadHiddenLine(iotest.ErrReader(boom))
	if !errors.Is(err, boom) {
		t.Errorf("error = %v, want %v", err, boom)
	}
}

func TestHiddenTerminalRestoresAfterEnter(t *testing.T) {
	f := &fakeTerminal{}
	got, err := readWithin(t, f.terminal(strings.NewReader("JBSWY3DPEHPK3PXP\r")).Read)
	if err != nil || got != "JBSWY3DPEHPK3PXP" {
		t.Fatalf("read = %q, %v", got, err)
	}
	if f.raw != 1 || f.restored != 1 || !f.stopped {
		t.Errorf("raw %d, restored %d, signals stopped %v; want 1, 1, true", f.raw, f.restored, f.stopped)
	}
}

func TestHiddenTerminalRestoresOnCtrlC(t *testing.T) {
	f := &fakeTerminal{}
	// After Ctrl-C the terminal would wait for ever: nothing is read past it.
	in := io.MultiReader(strings.NewReader("JBSW\x03"), newBlockingReader(t))
	got, err := readWithin(t, f.terminal(in).Read)
	if code := errorExitCode(err); code != 130 || got != "" {
		t.Errorf("Ctrl-C gave %q, exit code %d (%v); want nothing, 130", got, code, err)
	}
	if f.restored != 1 || !f.stopped {
		t.Errorf("restored %d times, signals stopped %v; want 1, true", f.restored, f.stopped)
	}
}

func TestHiddenTerminalRestoresOnSignal(t *testing.T) {
	for _, tt := range []struct {
		sig  os.Signal
		want int
	}{
		{os.Interrupt, 130},
		{syscall.SIGTERM, 143},
		{syscall.SIGHUP, 129},
	} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			f := &fakeTerminal{}
			f.sig = make(chan os.Signal, 1)
			f.sig <- tt.sig
			got, err := readWithin(t, f.terminal(newBlockingReader(t)).Read)
			if code := errorExitCode(err); code != tt.want || got != "" {
				t.Errorf("%v gave %q, exit code %d (%v); want nothing, %d", tt.sig, got, code, err, tt.want)
			}
			if f.raw != 1 || f.restored != 1 || !f.stopped {
				t.Errorf("raw %d, restored %d, signals stopped %v; want 1, 1, true", f.raw, f.restored, f.stopped)
			}
		})
	}
}

func TestHiddenTerminalEOFReturnsPromptly(t *testing.T) {
	f := &fakeTerminal{}
	in := io.MultiReader(strings.NewReader("\x04"), newBlockingReader(t))
	got, err := readWithin(t, f.terminal(in).Read)
	if err != nil || got != "" {
		t.Errorf("Ctrl-D gave %q, %v; want nothing, no error", got, err)
	}
	if f.restored != 1 {
		t.Errorf("restored %d times, want 1", f.restored)
	}
}

func TestHiddenTerminalRawModeFails(t *testing.T) {
	boom := errors.New("not a terminal")
	f := &fakeTerminal{rawErr: boom}
	_, err := readWithin(t, f.terminal(newBlockingReader(t)).Read)
	if !errors.Is(err, boom) || !f.stopped {
		t.Errorf("error = %v, signals stopped %v; want %v, true", err, f.stopped, boom)
	}
}

// runAtPrompt runs the command line in-process on a terminal whose hidden
// prompt reads keys.
func runAtPrompt(t *testing.T, args []string, keys string) (code int, stdout, stderr string) {
	t.Helper()
	s := newTestStreams("", true)
	f := &fakeTerminal{}
	s.ReadSecret = f.terminal(io.MultiReader(strings.NewReader(keys), newBlockingReader(t))).Read
	done := make(chan int, 1)
	go func() { done <- Run(args, s.IOStreams) }()
	select {
	case code = <-done:
	case <-time.After(2 * time.Second):
		t.Fatalf("%v is still waiting at the prompt", args)
	}
	if f.raw != f.restored {
		t.Errorf("%v: terminal made raw %d times, restored %d times", args, f.raw, f.restored)
	}
	return code, s.out.String(), s.err.String()
}

const hiddenPrompt = "TOTP Key (typing is hidden): "

func TestPromptCtrlCExits130(t *testing.T) {
	for _, args := range [][]string{{"validate"}, {"generate"}, {"generate", "-q", "-"}, {"validate", "-", "-o", "json"}} {
		code, stdout, stderr := runAtPrompt(t, args, "JBSW\x03")
		if code != 130 || stdout != "" || stderr != hiddenPrompt+"\n" {
			t.Errorf("%v, Ctrl-C: exit %d, stdout %q, stderr %q; want 130, nothing, the prompt and a line break", args, code, stdout, stderr)
		}
	}
}

func TestPromptCtrlDIsNothingEntered(t *testing.T) {
	for _, tt := range []struct {
		args   []string
		stream func(stdout, stderr string) string // where the diagnosis goes
	}{
		{[]string{"validate"}, func(o, _ string) string { return o }},
		{[]string{"validate", "-"}, func(o, _ string) string { return o }},
		{[]string{"generate"}, func(_, e string) string { return e }},
		{[]string{"generate", "-q", "-"}, func(_, e string) string { return e }},
	} {
		code, stdout, stderr := runAtPrompt(t, tt.args, "\x04")
		if code != 4 || !strings.Contains(tt.stream(stdout, stderr), "nothing was entered") {
			t.Errorf("%v, Ctrl-D: exit %d, stdout %q, stderr %q; want 4, nothing was entered", tt.args, code, stdout, stderr)
		}
	}
}

func TestPromptDashReadsTheKeyHidden(t *testing.T) {
	code, stdout, stderr := runAtPrompt(t, []string{"generate", "-q", "--at", "0", "-"}, "JBSWY3DPEHPK3PXP\r")
	if code != 0 || stdout != "282760\n" || stderr != hiddenPrompt+"\n" {
		t.Errorf("generate -q --at 0 - at the prompt: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, stdout, stderr = runAtPrompt(t, []string{"validate", "-"}, "jbsw y3dp ehpk 3pxp\r")
	if code != 0 || !strings.Contains(stdout, "Valid TOTP Key") || strings.Contains(stdout, "JBSWY") || stderr != hiddenPrompt+"\n" {
		t.Errorf("validate - at the prompt: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}
