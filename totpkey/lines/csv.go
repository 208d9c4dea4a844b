package lines

import (
	"io"
	"strings"
)

// CSVRecord is one record of CSV input read by a CSVReader.
type CSVRecord struct {
	// Line is the 1-based line number the record starts on; a quoted field
	// may run over several lines.
	Line int
	// Fields are the record's fields, unquoted. They are valid until the
	// next call to Next. Nil when TooLong is set.
	Fields []string
	// Length is the length of the record's text in bytes.
	Length int64
	// TooLong is set when the record is longer than the reader's limit; it
	// was skipped.
	TooLong bool
	// UnclosedQuote is set when a quoted field opened on the record's line
	// and was never closed (see CSVReader): the quote was read as an
	// ordinary character and the record is that one line.
	UnclosedQuote bool
}

// CSVReader reads CSV (RFC 4180: commas, fields in double quotes with ""
// for a quote, quoted line breaks) with memory bounded by its record limit,
// like LineReader does for lines. Every record gives exactly one CSVRecord,
// blank lines included (one empty field), so results line up with the
// input. It is lenient where spreadsheets are sloppy: a stray quote inside
// an unquoted field is kept as it is.
//
// A quoted field that is still open at the end of the input, or when its
// record reaches the limit, is an unclosed quote: no row after it is lost
// in one endless field. The record is then the line the quote opened on,
// with the quote read as an ordinary character, and flagged UnclosedQuote;
// the lines after it are read again as records of their own. In those
// lines a quote that does not close on its own line is read as a character
// too (and flagged), so that every line is read at most twice.
type CSVReader struct {
	lr     *LineReader
	max    int
	text   []byte
	fields []string
	rec    CSVRecord
	// held are the lines read after the first line of the current record
	// while a quoted field was open, kept until the field closes.
	held []heldLine
	// replay are lines to read again after an unclosed quote, first.
	replay []heldLine
}

// heldLine is a line kept by a CSVReader, with its own copy of the text.
type heldLine struct {
	Line
	replayed bool
}

// NewCSVReader returns a CSVReader over r that keeps records of at most
// maxLen bytes; maxLen <= 0 means MaxLineBytes.
func NewCSVReader(r io.Reader, maxLen int) *CSVReader {
	if maxLen <= 0 {
		maxLen = MaxLineBytes
	}
	return &CSVReader{lr: NewLineReader(r, maxLen), max: maxLen}
}

// nextLine gives the next line: one to read again, else the next of the
// input.
func (cr *CSVReader) nextLine() (heldLine, bool) {
	if len(cr.replay) > 0 {
		l := cr.replay[0]
		cr.replay = cr.replay[1:]
		return l, true
	}
	if !cr.lr.Next() {
		return heldLine{}, false
	}
	return heldLine{Line: cr.lr.Line()}, true
}

// Next advances to the next record and reports whether there is one. It
// returns false at the end of the input or on a read error; Err tells which.
func (cr *CSVReader) Next() bool {
	first, ok := cr.nextLine()
	if !ok {
		return false
	}
	cr.rec = CSVRecord{Line: first.Number, Length: first.Length, TooLong: first.TooLong}
	if first.TooLong {
		cr.text = cr.text[:0]
		return true
	}
	cr.text = append(cr.text[:0], first.Text...)
	firstLen := len(first.Text) // first.Text is not valid after the next line is read
	open := quoteOpenAfter(first.Text, false)
	// A quoted field runs on to the next line while its quotes are open,
	// and the lines are held in case it never closes. A line read again
	// after an unclosed quote does not run on.
	cr.held = cr.held[:0]
	for open && !first.replayed {
		l, ok := cr.nextLine()
		if !ok {
			break
		}
		cr.held = append(cr.held, heldLine{Line: l.Line, replayed: true})
		h := &cr.held[len(cr.held)-1]
		if l.TooLong || cr.rec.Length+1+l.Length > int64(cr.max) {
			break
		}
		h.Text = append([]byte(nil), l.Text...)
		cr.rec.Length += 1 + l.Length
		cr.text = append(cr.text, '\n')
		cr.text = append(cr.text, l.Text...)
		open = quoteOpenAfter(l.Text, true)
	}
	if open {
		cr.replay = append(cr.held, cr.replay...)
		cr.held = nil // now owned by replay
		cr.rec = CSVRecord{Line: first.Number, Length: first.Length, UnclosedQuote: true}
		line := cr.text[:firstLen]
		cr.fields = splitCSVLiteralFrom(line, openQuoteAt(line), cr.fields[:0])
		cr.rec.Fields = cr.fields
		return true
	}
	cr.fields = splitCSV(cr.text, cr.fields[:0])
	cr.rec.Fields = cr.fields
	return true
}

// Record returns the current record.
func (cr *CSVReader) Record() CSVRecord { return cr.rec }

// Err returns the read error that stopped the reader, or nil at the end of
// the input.
func (cr *CSVReader) Err() error { return cr.lr.Err() }

// BytesRead returns how many bytes of the input the reader has consumed.
func (cr *CSVReader) BytesRead() int64 { return cr.lr.BytesRead() }

// quoteOpenAfter reports whether a quoted field is still open at the end
// of line b, given whether one was open at its start. A quote opens a field
// only at the start of the field, as splitCSV reads it.
func quoteOpenAfter(b []byte, open bool) bool {
	_, open = scanQuotes(b, open)
	return open
}

// openQuoteAt is the index in b of the quote that opened the field still
// open at the end of line b, read from a closed start; -1 if none is.
func openQuoteAt(b []byte) int {
	at, open := scanQuotes(b, false)
	if !open {
		return -1
	}
	return at
}

// scanQuotes follows the quotes of line b from the given state; it returns
// whether a field is open at the end and the index of the last opening
// quote.
func scanQuotes(b []byte, open bool) (openedAt int, stillOpen bool) {
	openedAt = -1
	fieldStart := !open
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case open && c == '"' && i+1 < len(b) && b[i+1] == '"':
			i++ // a doubled quote inside the field
		case open && c == '"':
			open = false
		case !open && c == '"' && fieldStart:
			open, openedAt = true, i
		}
		fieldStart = !open && c == ','
	}
	return openedAt, open
}

// splitCSVLiteralFrom splits a line whose quote at index q never closed:
// the fields before it as splitCSV does, the rest at every comma with the
// quotes kept as characters. q < 0 splits the line as splitCSV does.
func splitCSVLiteralFrom(text []byte, q int, fields []string) []string {
	if q < 0 {
		return splitCSV(text, fields)
	}
	if q > 0 {
		fields = splitCSV(text[:q-1], fields) // up to the comma before the quote
	}
	for {
		i := q
		for i < len(text) && text[i] != ',' {
			i++
		}
		fields = append(fields, string(text[q:i]))
		if i >= len(text) {
			return fields
		}
		q = i + 1
	}
}

// splitCSV splits one record's text into fields.
func splitCSV(text []byte, fields []string) []string {
	i := 0
	for {
		if i < len(text) && text[i] == '"' {
			// A quoted field: up to the quote not doubled; anything between
			// that quote and the next comma is kept.
			var b strings.Builder
			i++
			for i < len(text) {
				c := text[i]
				if c == '"' {
					if i+1 < len(text) && text[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					i++
					break
				}
				b.WriteByte(c)
				i++
			}
			for i < len(text) && text[i] != ',' {
				b.WriteByte(text[i])
				i++
			}
			fields = append(fields, b.String())
		} else {
			start := i
			for i < len(text) && text[i] != ',' {
				i++
			}
			fields = append(fields, string(text[start:i]))
		}
		if i >= len(text) {
			return fields
		}
		i++ // the comma
	}
}
