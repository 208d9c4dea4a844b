package iostreams

import (
	"bytes"
	"strings"
)

// Test returns streams for running a command in-process: standard input
// reads stdin, and what the command writes goes to the two buffers
// returned. With tty set, all three streams count as a terminal (colours
// on). Tests and the docs generator use it.
func Test(stdin string, tty bool) (s *IOStreams, out, errOut *bytes.Buffer) {
	out, errOut = &bytes.Buffer{}, &bytes.Buffer{}
	s = &IOStreams{
		In:     strings.NewReader(stdin),
		Out:    out,
		ErrOut: errOut,
		InTTY:  tty,
		OutTTY: tty,
		ErrTTY: tty,
		Color:  tty,
		Env:    func(string) string { return "" },
	}
	return s, out, errOut
}
