package iostreams

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
	"golang.org/x/term"
)

// PromptSecret asks for a secret on standard error and reads it from
// standard input without echo. When standard input is not a terminal the
// command can control (a forced terminal in tests), it reads a line.
func (s *IOStreams) PromptSecret(prompt string) (string, error) {
	fmt.Fprint(s.ErrOut, prompt)
	if s.ReadSecret != nil {
		line, err := s.ReadSecret()
		fmt.Fprintln(s.ErrOut)
		var se *SignalledError
		if errors.As(err, &se) {
			return "", err // interrupted: exit 130, nothing more to say
		}
		if err != nil {
			return "", fmt.Errorf("reading from the terminal: %w", err)
		}
		return line, nil
	}
	line, err := bufio.NewReaderSize(io.LimitReader(s.In, totpkey.MaxInputBytes+1), 4096).ReadString('\n')
	fmt.Fprintln(s.ErrOut)
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("reading standard input: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// exitInterrupted is the exit code of a command cancelled with Ctrl-C at
// the hidden prompt: 128 + SIGINT, as a shell reports a program that
// Ctrl-C ended.
const exitInterrupted = 128 + 2

// SignalledError ends a command that a signal stopped at the hidden
// prompt: the command exits with Code, 128 + the signal's number as a
// shell reports it, and prints nothing (the person pressed Ctrl-C and knows
// why it stopped).
type SignalledError struct {
	// Code is the exit code: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP.
	Code int
}

// Error says which exit code the signal gives.
func (e *SignalledError) Error() string {
	return fmt.Sprintf("stopped by a signal (exit code %d)", e.Code)
}

// errInterrupted ends a command cancelled with Ctrl-C at the hidden
// prompt: exit 130.
func errInterrupted() error { return &SignalledError{Code: exitInterrupted} }

// errSignalled ends a command that a signal stopped at the hidden prompt,
// with the exit code a shell gives a program the signal killed: 128 + its
// number (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP).
func errSignalled(sig os.Signal) error {
	if n, ok := sig.(syscall.Signal); ok && n > 0 && n < 128 {
		return &SignalledError{Code: 128 + int(n)}
	}
	return errInterrupted()
}

// HiddenTerminal is the terminal under the hidden prompt. Its parts are
// function values so that tests can fake a terminal and signals: a real
// one cannot be driven from go test.
type HiddenTerminal struct {
	// In gives the bytes typed, one key at a time.
	In io.Reader
	// makeRaw switches echo, line editing and the keyboard signals off
	// and returns the function that restores the state saved before.
	MakeRaw func() (restore func() error, err error)
	// signals delivers the signals that end the process (SIGTERM, SIGHUP,
	// SIGINT sent by kill) while the prompt waits; stop ends the delivery.
	Signals func() (sig <-chan os.Signal, stop func())
}

// systemTerminal is the hidden prompt's terminal on file descriptor fd.
func systemTerminal(fd int) *HiddenTerminal {
	return &HiddenTerminal{
		In: os.Stdin,
		MakeRaw: func() (func() error, error) {
			saved, err := term.MakeRaw(fd)
			if err != nil {
				return nil, err
			}
			return func() error { return term.Restore(fd, saved) }, nil
		},
		Signals: func() (<-chan os.Signal, func()) {
			c := make(chan os.Signal, 1)
			signal.Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			return c, func() { signal.Stop(c) }
		},
	}
}

// Read reads one line without echo. The terminal is in raw mode while it
// waits, and is restored however the wait ends: Enter, Ctrl-D (end of
// input: what was typed, possibly nothing), Ctrl-C (errInterrupted), or a
// signal (errSignalled), so that the shell never comes back without echo.
func (t *HiddenTerminal) Read() (string, error) {
	sig, stopSignals := t.Signals() // before raw mode: no gap a signal can fall in
	defer stopSignals()
	restore, err := t.MakeRaw()
	if err != nil {
		return "", err
	}
	type result struct {
		line string
		err  error
	}
	done := make(chan result, 1)
	go func() {
		line, err := ReadHiddenLine(t.In)
		done <- result{line, err}
	}()
	select {
	case r := <-done:
		if err := restore(); err != nil && r.err == nil {
			r.err = err
		}
		return r.line, r.err
	case s := <-sig:
		// The reading goroutine stays blocked on the terminal; the process
		// is about to end.
		restore()
		return "", errSignalled(s)
	}
}

// Keys the hidden prompt acts on, as a terminal in raw mode sends them.
const (
	keyCtrlC     = 0x03
	keyCtrlD     = 0x04
	keyBackspace = 0x08
	keyCtrlU     = 0x15
	keyCtrlW     = 0x17
	keyEscape    = 0x1b
	keyDelete    = 0x7f
)

// ReadHiddenLine reads a line typed on a terminal in raw mode, doing the
// line editing the terminal would do (Backspace, Ctrl-U, Ctrl-W). Enter
// ends the line; Ctrl-D or the end of input ends it too, with what was
// typed so far (nothing, at an empty prompt); Ctrl-C is errInterrupted.
// Escape sequences (arrow keys) and other control keys are dropped; a tab
// is kept, for validate to report. At most maxStdinBytes+1 bytes are kept.
func ReadHiddenLine(r io.Reader) (string, error) {
	var line []byte
	var b [1]byte
	next := func() (byte, error) {
		for {
			n, err := r.Read(b[:])
			if n == 1 {
				return b[0], nil
			}
			if err != nil {
				return 0, err
			}
		}
	}
	for {
		c, err := next()
		if errors.Is(err, io.EOF) {
			return string(line), nil
		}
		if err != nil {
			return "", err
		}
		switch c {
		case '\r', '\n', keyCtrlD:
			return string(line), nil
		case keyCtrlC:
			return "", errInterrupted()
		case keyBackspace, keyDelete:
			if len(line) > 0 {
				_, size := utf8.DecodeLastRune(line)
				line = line[:len(line)-size]
			}
		case keyCtrlU:
			line = line[:0]
		case keyCtrlW:
			i := len(line)
			for i > 0 && (line[i-1] == ' ' || line[i-1] == '\t') {
				i--
			}
			for i > 0 && line[i-1] != ' ' && line[i-1] != '\t' {
				i--
			}
			line = line[:i]
		case keyEscape:
			if err := skipEscape(next); err != nil && !errors.Is(err, io.EOF) {
				return "", err
			}
		default:
			if (c < 0x20 && c != '\t') || len(line) > totpkey.MaxInputBytes {
				continue
			}
			line = append(line, c)
		}
	}
}

// skipEscape reads the rest of an escape sequence after ESC: a CSI
// sequence (ESC [ … final byte), an SS3 one (ESC O x), or one more byte.
func skipEscape(next func() (byte, error)) error {
	c, err := next()
	if err != nil {
		return err
	}
	switch c {
	case '[':
		for {
			c, err := next()
			if err != nil {
				return err
			}
			if c >= 0x40 && c <= 0x7e {
				return nil
			}
		}
	case 'O':
		_, err := next()
		return err
	}
	return nil
}
