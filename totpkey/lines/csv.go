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
}

// CSVReader reads CSV (RFC 4180: commas, fields in double quotes with ""
// for a quote, quoted line breaks) with memory bounded by its record limit,
// like LineReader does for lines. Every record gives exactly one CSVRecord,
// blank lines included (one empty field), so results line up with the
// input. It is lenient where spreadsheets are sloppy: a stray quote inside
// an unquoted field is kept as it is.
type CSVReader struct {
	lr     *LineReader
	max    int
	text   []byte
	fields []string
	rec    CSVRecord
}

// NewCSVReader returns a CSVReader over r that keeps records of at most
// maxLen bytes; maxLen <= 0 means MaxLineBytes.
func NewCSVReader(r io.Reader, maxLen int) *CSVReader {
	if maxLen <= 0 {
		maxLen = MaxLineBytes
	}
	return &CSVReader{lr: NewLineReader(r, maxLen), max: maxLen}
}

// Next advances to the next record and reports whether there is one. It
// returns false at the end of the input or on a read error; Err tells which.
func (cr *CSVReader) Next() bool {
	if !cr.lr.Next() {
		return false
	}
	first := cr.lr.Line()
	cr.rec = CSVRecord{Line: first.Number, Length: first.Length, TooLong: first.TooLong}
	cr.text = append(cr.text[:0], first.Text...)
	open := quoteOpenAfter(first.Text, false)
	// A quoted field runs on to the next line while its quotes are open.
	for open && cr.lr.Next() {
		l := cr.lr.Line()
		cr.rec.Length += 1 + l.Length
		if l.TooLong || cr.rec.TooLong || cr.rec.Length > int64(cr.max) {
			cr.rec.TooLong = true
			if !l.TooLong {
				open = quoteOpenAfter(l.Text, true)
			}
			continue
		}
		cr.text = append(cr.text, '\n')
		cr.text = append(cr.text, l.Text...)
		open = quoteOpenAfter(l.Text, true)
	}
	if cr.rec.TooLong {
		cr.text = cr.text[:0]
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
	fieldStart := !open
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case open && c == '"' && i+1 < len(b) && b[i+1] == '"':
			i++ // a doubled quote inside the field
		case open && c == '"':
			open = false
		case !open && c == '"' && fieldStart:
			open = true
		}
		fieldStart = !open && c == ','
	}
	return open
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
