package main

import (
	"io"
	"os"

	"github.com/mattn/go-colorable"
	"golang.org/x/term"
)

// ioStreams are the input and output of one run of the command, injected so
// that tests run commands in-process with buffers, and so that every
// decision about terminals, colours and prompts is made in one place.
type ioStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// Terminal state of each stream.
	inTTY, outTTY, errTTY bool
	// color is true when output to Out may carry colours.
	color bool
	// width is the terminal width in columns, 0 when unknown.
	width int
	// readSecret reads one line from a terminal without echoing it; nil
	// when In is not a terminal the command can switch off echo on.
	readSecret func() (string, error)
	// env reads an environment variable.
	env func(string) string
}

// forceTTYEnv makes the command behave as on a terminal even when its
// streams are pipes, for tests and for screenshots ("1").
const forceTTYEnv = "TOTPKEY_FORCE_TTY"

// systemStreams returns the process's standard streams.
func systemStreams() *ioStreams {
	s := &ioStreams{
		In:     os.Stdin,
		Out:    colorable.NewColorable(os.Stdout),
		ErrOut: colorable.NewColorable(os.Stderr),
		inTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		outTTY: term.IsTerminal(int(os.Stdout.Fd())),
		errTTY: term.IsTerminal(int(os.Stderr.Fd())),
		env:    os.Getenv,
	}
	if s.inTTY {
		s.readSecret = systemTerminal(int(os.Stdin.Fd())).read
	}
	if s.outTTY {
		if w, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			s.width = w
		}
	}
	if os.Getenv(forceTTYEnv) != "" {
		s.inTTY, s.outTTY, s.errTTY = true, true, true
	}
	s.color = s.outTTY && colorAllowed(os.Getenv)
	return s
}

// colorAllowed applies the NO_COLOR convention (https://no-color.org) and
// TERM=dumb.
func colorAllowed(env func(string) string) bool {
	return env("NO_COLOR") == "" && env("TERM") != "dumb"
}

// flush writes out what is buffered for standard output, for output that
// must show at once (a live countdown, a prompt after a result).
func (s *ioStreams) flush() error {
	if f, ok := s.Out.(interface{ Flush() error }); ok {
		return f.Flush()
	}
	return nil
}

// terminalWidth is the width to wrap text to: the terminal's, or 80.
func (s *ioStreams) terminalWidth() int {
	if s.width > 0 {
		return s.width
	}
	return 80
}
