package iostreams

import (
	"io"
	"os"

	"github.com/mattn/go-colorable"
	"golang.org/x/term"
)

// IOStreams are the input and output of one run of the command, injected so
// that tests run commands in-process with buffers, and so that every
// decision about terminals, colours and prompts is made in one place.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// Terminal state of each stream.
	InTTY, OutTTY, ErrTTY bool
	// Color is true when output to Out may carry colours.
	Color bool
	// Width is the terminal width in columns, 0 when unknown.
	Width int
	// ReadSecret reads one line from a terminal without echoing it; nil
	// when In is not a terminal the command can switch off echo on.
	ReadSecret func() (string, error)
	// Env reads an environment variable.
	Env func(string) string
}

// ForceTTYEnv makes the command behave as on a terminal even when its
// streams are pipes, for tests and for screenshots ("1").
const ForceTTYEnv = "TOTPKEY_FORCE_TTY"

// System returns the process's standard streams.
func System() *IOStreams {
	s := &IOStreams{
		In:     os.Stdin,
		Out:    colorable.NewColorable(os.Stdout),
		ErrOut: colorable.NewColorable(os.Stderr),
		InTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		OutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		ErrTTY: term.IsTerminal(int(os.Stderr.Fd())),
		Env:    os.Getenv,
	}
	if s.InTTY {
		s.ReadSecret = systemTerminal(int(os.Stdin.Fd())).Read
	}
	if s.OutTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.Width = w
		}
	}
	if os.Getenv(ForceTTYEnv) != "" {
		s.InTTY, s.OutTTY, s.ErrTTY = true, true, true
	}
	s.Color = s.OutTTY && ColorAllowed(os.Getenv)
	return s
}

// ColorAllowed applies the NO_COLOR convention (https://no-color.org) and
// TERM=dumb.
func ColorAllowed(env func(string) string) bool {
	return env("NO_COLOR") == "" && env("TERM") != "dumb"
}

// Flush writes out what is buffered for standard output, for output that
// must show at once (a live countdown, a prompt after a result).
func (s *IOStreams) Flush() error {
	if f, ok := s.Out.(interface{ Flush() error }); ok {
		return f.Flush()
	}
	return nil
}

// TerminalWidth is the width to wrap text to: the terminal's, or 80.
func (s *IOStreams) TerminalWidth() int {
	if s.Width > 0 {
		return s.Width
	}
	return 80
}
