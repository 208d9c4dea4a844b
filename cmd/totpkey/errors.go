package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/totpkey/totpkey/totpkey"
)

// exitError carries the exit code of an outcome out of a command's RunE.
// With a nil err it only sets the exit code: the command has printed its
// result already (a malformed key is not an error of the program).
type exitError struct {
	code  int
	err   error
	hints []string
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit code %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// exitWith ends a command with a code and nothing more to print.
func exitWith(code int) error {
	if code == 0 {
		return nil
	}
	return &exitError{code: code}
}

// usageErrorf is a usage error (exit 2): a bad flag value, a wrong
// combination of flags, an unknown topic.
func usageErrorf(hint string, format string, args ...any) error {
	e := &exitError{code: totpkey.ExitUsage, err: fmt.Errorf(format, args...)}
	if hint != "" {
		e.hints = append(e.hints, hint)
	}
	return e
}

// failure is an error that is not about the input's class (exit 1), with
// optional hints.
func failure(err error, hints ...string) error {
	return &exitError{code: totpkey.ExitFailure, err: err, hints: hints}
}

// report prints an error the way age does, "totpkey: error: …" then
// "totpkey: hint: …", and returns its exit code. Errors that carry no
// message print nothing.
func report(w io.Writer, err error) int {
	if err == nil {
		return 0
	}
	code := totpkey.ExitFailure
	var hints []string
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
		hints = ee.hints
		if ee.err == nil {
			return code
		}
		err = ee.err
	} else if isCobraUsageError(err) {
		code = totpkey.ExitUsage
		hints = []string{"run 'totpkey --help' for usage"}
	}
	fmt.Fprintf(w, "totpkey: error: %s\n", err)
	for _, h := range hints {
		fmt.Fprintf(w, "totpkey: hint: %s\n", h)
	}
	return code
}

// isCobraUsageError recognises the errors Cobra returns for a command line
// it cannot parse (unknown commands and the like) that do not pass through
// the flag error hook.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand", "accepts ", "requires ", "invalid argument", "flag needs", "bad flag", "if any flags"} {
		if strings.HasPrefix(msg, prefix) {
			return true
		}
	}
	return false
}
