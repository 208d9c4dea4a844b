package lines

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// readAllLines collects what a LineReader yields, copying the text.
func readAllLines(t testing.TB, r io.Reader, maxLen int) ([]Line, error) {
	t.Helper()
	lr := NewLineReader(r, maxLen)
	var lines []Line
	for lr.Next() {
		l := lr.Line()
		if l.Text != nil {
			l.Text = bytes.Clone(l.Text)
		}
		lines = append(lines, l)
	}
	return lines, lr.Err()
}

// referenceLines splits data the way LineReader promises to, holding
// everything in memory: the model the reader is checked against.
func referenceLines(data []byte, maxLen int) []Line {
	if len(data) == 0 {
		return nil
	}
	parts := bytes.Split(data, []byte{'\n'})
	if len(parts[len(parts)-1]) == 0 {
		parts = parts[:len(parts)-1]
	}
	lines := make([]Line, len(parts))
	for i, p := range parts {
		p = bytes.TrimSuffix(p, []byte{'\r'})
		lines[i] = Line{Number: i + 1, Text: p, Length: int64(len(p))}
		if len(p) > maxLen {
			lines[i].Text, lines[i].TooLong = nil, true
		}
	}
	return lines
}

func TestLineReader(t *testing.T) {
	long := strings.Repeat("A", 100)
	tests := []struct {
		name   string
		input  string
		maxLen int
		want   []Line
	}{
		{"empty input has no lines", "", 0, nil},
		{"one line without newline", "JBSWY3DPEHPK3PXP", 0, []Line{{1, []byte("JBSWY3DPEHPK3PXP"), 16, false}}},
		{"blank lines are lines", "a\n\n\nb\n", 0, []Line{
			{1, []byte("a"), 1, false}, {2, []byte{}, 0, false}, {3, []byte{}, 0, false}, {4, []byte("b"), 1, false}}},
		{"lone newline is one blank line", "\n", 0, []Line{{1, []byte{}, 0, false}}},
		{"CRLF endings are stripped", "ab\r\ncd\r\n", 0, []Line{{1, []byte("ab"), 2, false}, {2, []byte("cd"), 2, false}}},
		{"CR ending the last line is stripped", "ab\r", 0, []Line{{1, []byte("ab"), 2, false}}},
		{"CR inside a line is kept", "a\rb\n", 0, []Line{{1, []byte("a\rb"), 3, false}}},
		{"NUL and invalid UTF-8 are passed through", "a\x00\xff\n", 0, []Line{{1, []byte("a\x00\xff"), 3, false}}},
		{"line of exactly the limit fits", "abcd\r\nx", 4, []Line{{1, []byte("abcd"), 4, false}, {2, []byte("x"), 1, false}}},
		{"line one over the limit is too long", "abcde\ny", 4, []Line{{1, nil, 5, true}, {2, []byte("y"), 1, false}}},
		{"long line is skipped and reading goes on", long + "\nJBSW\n", 20, []Line{{1, nil, 100, true}, {2, []byte("JBSW"), 4, false}}},
		{"long CRLF line length excludes CRLF", long + "\r\nok\r\n", 20, []Line{{1, nil, 100, true}, {2, []byte("ok"), 2, false}}},
		{"long last line without newline", "ok\n" + long, 20, []Line{{1, []byte("ok"), 2, false}, {2, nil, 100, true}}},
		{"long last line ending in CR", long + "\r", 20, []Line{{1, nil, 100, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One byte at a time as well, so that lines split across reads
			// (and a CR split from its LF) are covered.
			for _, r := range []io.Reader{strings.NewReader(tt.input), iotest.OneByteReader(strings.NewReader(tt.input))} {
				got, err := readAllLines(t, r, tt.maxLen)
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if !equalLines(got, tt.want) {
					t.Fatalf("lines = %s, want %s", formatLines(got), formatLines(tt.want))
				}
			}
		})
	}
}

func TestLineReaderLongLineSplitCRLF(t *testing.T) {
	// The CR of a too-long line's CRLF arrives in one read and its LF in the
	// next: the length must still leave both out.
	maxLen := 16
	input := strings.Repeat("x", 40) + "\r\nend\n"
	for split := 1; split < len(input); split++ {
		r := io.MultiReader(strings.NewReader(input[:split]), strings.NewReader(input[split:]))
		got, err := readAllLines(t, r, maxLen)
		if err != nil {
			t.Fatal(err)
		}
		want := []Line{{1, nil, 40, true}, {2, []byte("end"), 3, false}}
		if !equalLines(got, want) {
			t.Fatalf("split at %d: lines = %s, want %s", split, formatLines(got), formatLines(want))
		}
	}
}

func TestLineReaderBytesRead(t *testing.T) {
	input := "one\r\n" + strings.Repeat("z", 50) + "\nthree"
	lr := NewLineReader(strings.NewReader(input), 16)
	var progress []int64
	for lr.Next() {
		progress = append(progress, lr.BytesRead())
	}
	want := []int64{5, 5 + 51, int64(len(input))}
	if len(progress) != len(want) {
		t.Fatalf("BytesRead after each line = %v, want %v", progress, want)
	}
	for i := range want {
		if progress[i] != want[i] {
			t.Fatalf("BytesRead after each line = %v, want %v", progress, want)
		}
	}
}

func TestLineReaderReset(t *testing.T) {
	lr := NewLineReader(strings.NewReader("a\nb"), 0)
	lr.Next()
	lr.Reset(strings.NewReader("x\r\n"))
	var got []string
	for lr.Next() {
		got = append(got, fmt.Sprintf("%d:%s", lr.Line().Number, lr.Line().Text))
	}
	if strings.Join(got, ",") != "1:x" || lr.BytesRead() != 3 {
		t.Fatalf("after Reset: lines %v, %d bytes read; want [1:x], 3 bytes", got, lr.BytesRead())
	}
}

func TestLineReaderReadError(t *testing.T) {
	errDisk := errors.New("disk on fire")
	r := io.MultiReader(strings.NewReader("first\nsec"), iotest.ErrReader(errDisk))
	lr := NewLineReader(r, 0)
	if !lr.Next() || string(lr.Line().Text) != "first" {
		t.Fatalf("first line not read")
	}
	if lr.Next() {
		t.Fatalf("Next after a read error returned a line: %q", lr.Line().Text)
	}
	if !errors.Is(lr.Err(), errDisk) {
		t.Fatalf("Err() = %v, want it to wrap %v", lr.Err(), errDisk)
	}
	if lr.Next() {
		t.Fatalf("Next returned true after the reader stopped")
	}
}

func TestLineReaderBoundedMemory(t *testing.T) {
	// 8 MiB without a single line break: the reader must not grow its buffer.
	const size = 8 << 20
	allocs := testing.AllocsPerRun(1, func() {
		lr := NewLineReader(io.LimitReader(repeatReader('Q'), size), 1024)
		n := 0
		for lr.Next() {
			n++
			if l := lr.Line(); !l.TooLong || l.Length != size {
				t.Fatalf("line = %+v, want one too-long line of %d bytes", l, size)
			}
		}
		if n != 1 {
			t.Fatalf("read %d lines, want 1", n)
		}
	})
	if allocs > 10 {
		t.Fatalf("reading one huge line made %v allocations, want a fixed few", allocs)
	}
}

type repeatReader byte

func (b repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}

func FuzzLineReader(f *testing.F) {
	f.Add([]byte("a\nb\r\n\n"), uint8(4))
	f.Add([]byte("toolongline\r\nx"), uint8(3))
	f.Add([]byte("\r\r\n\x00\xff\n"), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, max uint8) {
		maxLen := int(max%64) + 1
		got, err := readAllLines(t, iotest.HalfReader(bytes.NewReader(data)), maxLen)
		if err != nil {
			t.Fatal(err)
		}
		want := referenceLines(data, maxLen)
		if !equalLines(got, want) {
			t.Fatalf("lines = %s, want %s", formatLines(got), formatLines(want))
		}
	})
}

func equalLines(a, b []Line) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Number != b[i].Number || a[i].Length != b[i].Length || a[i].TooLong != b[i].TooLong ||
			!bytes.Equal(a[i].Text, b[i].Text) || (a[i].Text == nil) != (b[i].Text == nil) {
			return false
		}
	}
	return true
}

func formatLines(ls []Line) string {
	var b strings.Builder
	for _, l := range ls {
		if l.TooLong {
			b.WriteString("[too long]")
		}
		b.WriteString(strings.ReplaceAll(string(l.Text), "\r", `\r`))
		b.WriteString("|")
	}
	return b.String()
}
