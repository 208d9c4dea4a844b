package lines

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// MaxLineBytes is the longest line, in bytes without its line ending, that a
// LineReader hands out by default. Longer lines are reported as too long and
// skipped without being held in memory.
const MaxLineBytes = 64 << 10

// Line is one line of input read by a LineReader.
type Line struct {
	// Number is the 1-based line number.
	Number int
	// Text is the line without its line ending ("\n" or "\r\n"). It points
	// into the reader's buffer and is valid only until the next call to
	// Next. It is nil when TooLong is set.
	Text []byte
	// Length is the length of the line in bytes without its line ending,
	// also when the line was too long to be kept.
	Length int64
	// TooLong is set when the line is longer than the reader's limit; its
	// text was skipped.
	TooLong bool
}

// LineReader reads lines with memory bounded by its line limit, whatever the
// input: a file without line breaks, binary data, NUL bytes or invalid UTF-8.
// Every line gives exactly one Line, blank lines included, so that results
// line up with the input. A "\r" before "\n" (a CRLF file) and a "\r" ending
// the last line are not part of the line.
type LineReader struct {
	r       *bufio.Reader
	max     int
	line    Line
	consume int64
	err     error
	done    bool
}

// NewLineReader returns a LineReader over r that keeps lines of at most
// maxLen bytes; maxLen <= 0 means MaxLineBytes.
func NewLineReader(r io.Reader, maxLen int) *LineReader {
	if maxLen <= 0 {
		maxLen = MaxLineBytes
	}
	// Room for the longest line plus "\r\n", so that a line that fits is
	// always handed out in one piece.
	return &LineReader{r: bufio.NewReaderSize(r, maxLen+2), max: maxLen}
}

// Reset makes the reader read r from its start, as a new LineReader would,
// reusing its buffer.
func (lr *LineReader) Reset(r io.Reader) {
	lr.r.Reset(r)
	lr.line, lr.consume, lr.err, lr.done = Line{}, 0, nil, false
}

// Next advances to the next line and reports whether there is one. It
// returns false at the end of the input or on a read error; Err tells which.
func (lr *LineReader) Next() bool {
	if lr.done {
		return false
	}
	chunk, err := lr.r.ReadSlice('\n')
	lr.consume += int64(len(chunk))
	switch {
	case err == nil:
		lr.setLine(chunk[:len(chunk)-1])
		return true
	case errors.Is(err, bufio.ErrBufferFull):
		return lr.skipLongLine(chunk)
	case err == io.EOF:
		lr.done = true
		if len(chunk) == 0 {
			return false
		}
		lr.setLine(chunk)
		return true
	default:
		lr.done = true
		lr.err = fmt.Errorf("reading line %d: %w", lr.line.Number+1, err)
		return false
	}
}

// setLine makes text, a whole line without its "\n", the current line.
func (lr *LineReader) setLine(text []byte) {
	if n := len(text); n > 0 && text[n-1] == '\r' {
		text = text[:n-1]
	}
	lr.line.Number++
	lr.line.Length = int64(len(text))
	lr.line.TooLong = len(text) > lr.max
	lr.line.Text = text
	if lr.line.TooLong {
		lr.line.Text = nil
	}
}

// skipLongLine reads past the rest of a line that does not fit the buffer,
// counting its length without keeping it.
func (lr *LineReader) skipLongLine(first []byte) bool {
	length := int64(len(first))
	last := first[len(first)-1]
	for {
		chunk, err := lr.r.ReadSlice('\n')
		lr.consume += int64(len(chunk))
		length += int64(len(chunk))
		if err != nil && !errors.Is(err, bufio.ErrBufferFull) && err != io.EOF {
			lr.done = true
			lr.err = fmt.Errorf("reading line %d: %w", lr.line.Number+1, err)
			return false
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			last = chunk[len(chunk)-1]
			continue
		}
		if err == nil { // chunk ends with "\n"
			length--
			if len(chunk) >= 2 {
				last = chunk[len(chunk)-2]
			}
		} else { // io.EOF: the line ends with the input
			lr.done = true
			if len(chunk) > 0 {
				last = chunk[len(chunk)-1]
			}
		}
		if last == '\r' {
			length--
		}
		lr.line.Number++
		lr.line.Text = nil
		lr.line.Length = length
		lr.line.TooLong = true
		return true
	}
}

// Line returns the current line. Its Text is valid until the next call to
// Next.
func (lr *LineReader) Line() Line { return lr.line }

// Err returns the read error that stopped the reader, or nil at the end of
// the input.
func (lr *LineReader) Err() error { return lr.err }

// BytesRead returns how many bytes of the input the reader has consumed so
// far, for progress reports.
func (lr *LineReader) BytesRead() int64 { return lr.consume }
