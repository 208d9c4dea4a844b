package lines

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

type csvRow struct {
	line     int
	fields   []string
	tooLong  bool
	unclosed bool
}

func readAllCSV(t testing.TB, input string, maxLen int) []csvRow {
	t.Helper()
	cr := NewCSVReader(strings.NewReader(input), maxLen)
	var rows []csvRow
	for cr.Next() {
		r := cr.Record()
		rows = append(rows, csvRow{r.Line, slices.Clone(r.Fields), r.TooLong, r.UnclosedQuote})
	}
	if err := cr.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestCSVReader(t *testing.T) {
	tests := []struct {
		name   string
		input  string
		maxLen int
		want   []csvRow
	}{
		{"header and rows", "id,key\n1,JBSW\n", 0, []csvRow{{1, []string{"id", "key"}, false, false}, {2, []string{"1", "JBSW"}, false, false}}},
		{"blank line is a record", "a,b\n\n1,2", 0, []csvRow{{1, []string{"a", "b"}, false, false}, {2, []string{""}, false, false}, {3, []string{"1", "2"}, false, false}}},
		{"quoted comma and quote", `1,"JBSW, ""Y3DP"""` + "\r\n", 0, []csvRow{{1, []string{"1", `JBSW, "Y3DP"`}, false, false}}},
		{"quoted line break keeps the start line", "1,\"two\r\nlines\"\n2,x\n", 0, []csvRow{{1, []string{"1", "two\nlines"}, false, false}, {3, []string{"2", "x"}, false, false}}},
		{"stray quote in an unquoted field", "1,ab\"c\n2,d\n", 0, []csvRow{{1, []string{"1", `ab"c`}, false, false}, {2, []string{"2", "d"}, false, false}}},
		{"empty fields", ",,\n", 0, []csvRow{{1, []string{"", "", ""}, false, false}}},
		{"too long record is skipped", "1,short\n2," + strings.Repeat("x", 40) + "\n3,ok\n", 20, []csvRow{
			{1, []string{"1", "short"}, false, false}, {2, nil, true, false}, {3, []string{"3", "ok"}, false, false}}},
		// A quoted field that does not close within the record limit is an
		// unclosed quote: its line is a record with the quote as a
		// character, and the lines after it are records again. Line 16's
		// lone quote then opens a field that the end of the input leaves
		// open: it is one too, and "2,ok" is read.
		{"quote open past the record limit", "1,\"" + strings.Repeat("y\n", 15) + "\"\n2,ok\n", 20, append(append(
			[]csvRow{{1, []string{"1", "\"y"}, false, true}},
			yRows(2, 15)...),
			csvRow{16, []string{"\""}, false, true}, csvRow{17, []string{"2", "ok"}, false, false})},
		{"unclosed quote at the end of the input", "1,\"open\nmore", 0, []csvRow{{1, []string{"1", "\"open"}, false, true}, {2, []string{"more"}, false, false}}},
		// The case of issue 14: the row after the stray quote is read.
		{"unclosed quote keeps the rows after it", "ticket,key,notes\nT-1,JBSWY3DPEHPK3PXP,\"my phone\nT-2,482913,ok\n", 0, []csvRow{
			{1, []string{"ticket", "key", "notes"}, false, false},
			{2, []string{"T-1", "JBSWY3DPEHPK3PXP", "\"my phone"}, false, true},
			{3, []string{"T-2", "482913", "ok"}, false, false}}},
		{"unclosed quote first, commas after it split", "\"a,b\nc,d", 0, []csvRow{{1, []string{"\"a", "b"}, false, true}, {2, []string{"c", "d"}, false, false}}},
		// A line read again does not run on: the line that took the
		// record past its limit opens a quote of its own here, which is
		// read as a character, and line 3 is read.
		{"quote in a line read again", "1,\"aaaa\n2,\"b\n3\n", 8, []csvRow{
			{1, []string{"1", "\"aaaa"}, false, true}, {2, []string{"2", "\"b"}, false, true}, {3, []string{"3"}, false, false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readAllCSV(t, tt.input, tt.maxLen)
			if fmtRows(got) != fmtRows(tt.want) {
				t.Fatalf("records = %s\nwant      %s", fmtRows(got), fmtRows(tt.want))
			}
		})
	}
}

// FuzzCSVReader checks CSVReader against encoding/csv on every input that
// encoding/csv reads without error (it skips blank lines; CSVReader gives
// them as records of one empty field).
func FuzzCSVReader(f *testing.F) {
	f.Add("id,key\n1,\"JBSW Y3DP\"\n\n2,\"a\"\"b\"\r\n")
	f.Add("a,\"multi\nline\",c\n")
	f.Fuzz(func(t *testing.T, input string) {
		ref := csv.NewReader(strings.NewReader(input))
		ref.FieldsPerRecord = -1
		var want []csvRow
		for {
			rec, err := ref.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return // not CSV that encoding/csv accepts: no reference
			}
			line, _ := ref.FieldPos(0)
			want = append(want, csvRow{line, rec, false, false})
		}
		var got []csvRow
		for _, r := range readAllCSV(t, input, 0) {
			if len(r.fields) == 1 && r.fields[0] == "" && !strings.Contains(lineOf(input, r.line), `""`) {
				continue // a blank line, which encoding/csv skips
			}
			got = append(got, r)
		}
		if fmtRows(got) != fmtRows(want) {
			t.Fatalf("records = %s\nwant      %s", fmtRows(got), fmtRows(want))
		}
	})
}

// yRows are the records "y" of lines from to to.
func yRows(from, to int) []csvRow {
	var rows []csvRow
	for n := from; n <= to; n++ {
		rows = append(rows, csvRow{n, []string{"y"}, false, false})
	}
	return rows
}

// lineOf returns line n (1-based) of s.
func lineOf(s string, n int) string {
	lines := strings.Split(s, "\n")
	if n-1 < len(lines) {
		return lines[n-1]
	}
	return ""
}

func fmtRows(rows []csvRow) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%d:%q:%v", r.line, r.fields, r.tooLong)
		if r.unclosed {
			b.WriteString(":unclosed")
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// FuzzCSVReaderKeepsEveryLine checks what no reference can: on any input,
// records start on increasing lines, and the line after an unclosed quote
// starts a record of its own, so that a stray quote never swallows rows.
func FuzzCSVReaderKeepsEveryLine(f *testing.F) {
	f.Add("ticket,key,notes\nT-1,JBSWY3DPEHPK3PXP,\"my phone\nT-2,482913,ok\n", 0)
	f.Add("1,\"aaaa\n2,\"b\n3\n", 8)
	f.Add("a,\"multi\nline\",c\n\"", 12)
	f.Fuzz(func(t *testing.T, input string, maxLen int) {
		maxLen = maxLen%64 + 1
		if maxLen < 1 {
			maxLen += 64
		}
		lines := strings.Count(input, "\n") + 1
		prev := CSVRecord{}
		for _, r := range readAllCSV(t, input, maxLen) {
			if r.line <= prev.Line || r.line > lines {
				t.Fatalf("record on line %d after line %d (%d lines)", r.line, prev.Line, lines)
			}
			if prev.UnclosedQuote && r.line != prev.Line+1 {
				t.Fatalf("line %d had an unclosed quote, the next record starts on line %d", prev.Line, r.line)
			}
			prev = CSVRecord{Line: r.line, UnclosedQuote: r.unclosed}
		}
	})
}
