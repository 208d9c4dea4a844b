package cmdutil

import (
	"errors"
	"fmt"
	"io"

	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"

	"github.com/totpkey/totpkey/totpkey"
)

// ExitError carries the exit code of an outcome out of a command's RunE.
// With a nil err it only sets the exit code: the command has printed its
// result already (a malformed key is not an error of the program).
type ExitError struct {
	Code  int
	err   error
	Hints []string
}

// Error is the message of the error, or the exit code when it has none.
func (e *ExitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit code %d", e.Code)
	}
	return e.err.Error()
}

// Unwrap returns the error the exit code goes with.
func (e *ExitError) Unwrap() error { return e.err }

// ExitWith ends a command with a code and nothing more to print.
func ExitWith(code int) error {
	if code == 0 {
		return nil
	}
	return &ExitError{Code: code}
}

// IsVerdict reports whether err only carries the exit code of a result
// (or is nil): nothing went wrong in the program itself.
func IsVerdict(err error) bool {
	if err == nil {
		return true
	}
	var ee *ExitError
	return errors.As(err, &ee) && ee.err == nil
}

// UsageErrorf is a usage error (exit 2): a bad flag value, a wrong
// combination of flags, an unknown topic.
func UsageErrorf(hint string, format string, args ...any) error {
	e := &ExitError{Code: outcome.ExitUsage, err: fmt.Errorf(format, args...)}
	if hint != "" {
		e.Hints = append(e.Hints, hint)
	}
	return e
}

// Failure is an error that is not about the input's class (exit 1), with
// optional hints.
func Failure(err error, hints ...string) error {
	return &ExitError{Code: outcome.ExitFailure, err: err, Hints: hints}
}

// Report prints an error the way age does, "totpkey: error: …" then
// "totpkey: hint: …", and returns its exit code. Errors that carry no
// message print nothing. Whatever in the message or the hints could be a
// key, or part of one, is masked (totpkey.MaskText): error messages quote what
// the user typed, and users type keys where a command or a file belongs.
func Report(w io.Writer, err error) int {
	if err == nil {
		return 0
	}
	code := outcome.ExitFailure
	var hints []string
	var se *iostreams.SignalledError
	if errors.As(err, &se) {
		return se.Code
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		code = ee.Code
		hints = ee.Hints
		if ee.err == nil {
			return code
		}
		err = ee.err
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		// Several errors (files that could not be read): a line each.
		for _, e := range joined.Unwrap() {
			fmt.Fprintf(w, "totpkey: error: %s\n", totpkey.MaskText(e.Error()))
		}
	} else {
		fmt.Fprintf(w, "totpkey: error: %s\n", totpkey.MaskText(err.Error()))
	}
	for _, h := range hints {
		fmt.Fprintf(w, "totpkey: hint: %s\n", totpkey.MaskText(h))
	}
	return code
}

// KeyInsteadOfCommand is the hint for a key typed where a command or a flag
// belongs.
const KeyInsteadOfCommand = "that looks like a TOTP Key: run 'totpkey validate' and paste it at the hidden prompt " +
	"(a key typed as an argument stays in your shell history)"
