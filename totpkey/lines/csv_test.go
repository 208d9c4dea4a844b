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
	line    int
	fields  []string
	tooLong bool
}

func readAllCSV(t testing.TB, input string, maxLen int) []csvRow {
	t.Helper()
	cr := NewCSVReader(strings.NewReader(input), maxLen)
	var rows []csvRow
	for cr.Next() {
		r := cr.Record()
		rows = append(rows, csvRow{r.Line, slices.Clone(r.Fields), r.TooLong})
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
		{"header and rows", "id,key\n1,JBSW\n", 0, []csvRow{{1, []string{"id", "key"}, false}, {2, []string{"1", "JBSW"}, false}}},
		{"blank line is a record", "a,b\n\n1,2", 0, []csvRow{{1, []string{"a", "b"}, false}, {2, []string{""}, false}, {3, []string{"1", "2"}, false}}},
		{"quoted comma and quote", `1,"JBSW, ""Y3DP"""` + "\r\n", 0, []csvRow{{1, []string{"1", `JBSW, "Y3DP"`}, false}}},
		{"quoted line break keeps the start line", "1,\"two\r\nlines\"\n2,x\n", 0, []csvRow{{1, []string{"1", "two\nlines"}, false}, {3, []string{"2", "x"}, false}}},
		{"stray quote in an unquoted field", "1,ab\"c\n2,d\n", 0, []csvRow{{1, []string{"1", `ab"c`}, false}, {2, []string{"2", "d"}, false}}},
		{"empty fields", ",,\n", 0, []csvRow{{1, []string{"", "", ""}, false}}},
		{"too long record is skipped", "1,short\n2," + strings.Repeat("x", 40) + "\n3,ok\n", 20, []csvRow{
			{1, []string{"1", "short"}, false}, {2, nil, true}, {3, []string{"3", "ok"}, false}}},
		{"too long quoted record over lines", "1,\"" + strings.Repeat("y\n", 15) + "\"\n2,ok\n", 20, []csvRow{{1, nil, true}, {17, []string{"2", "ok"}, false}}},
		{"unclosed quote runs to the end", "1,\"open\nmore", 0, []csvRow{{1, []string{"1", "open\nmore"}, false}}},
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
			want = append(want, csvRow{line, rec, false})
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
		fmt.Fprintf(&b, "%d:%q:%v ", r.line, r.fields, r.tooLong)
	}
	return b.String()
}
