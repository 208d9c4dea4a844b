package main

import (
	"bytes"
	"strings"
)

// testStreams are in-memory streams for running the command in-process.
type testStreams struct {
	*ioStreams
	out, err *bytes.Buffer
}

// newTestStreams gives the command stdin and buffers for its output. With
// tty set, all three streams count as a terminal (colours on).
func newTestStreams(stdin string, tty bool) testStreams {
	out, errOut := &bytes.Buffer{}, &bytes.Buffer{}
	s := &ioStreams{
		In:     strings.NewReader(stdin),
		Out:    out,
		ErrOut: errOut,
		inTTY:  tty,
		outTTY: tty,
		errTTY: tty,
		color:  tty,
		env:    func(string) string { return "" },
	}
	return testStreams{ioStreams: s, out: out, err: errOut}
}

// runCommand runs the command line in-process and returns its exit code
// and output.
func runCommand(args []string, stdin string, tty bool) (code int, stdout, stderr string) {
	s := newTestStreams(stdin, tty)
	code = run(args, s.ioStreams)
	return code, s.out.String(), s.err.String()
}
