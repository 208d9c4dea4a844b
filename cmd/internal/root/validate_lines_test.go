package root

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/validate"
	"github.com/totpkey/totpkey/totpkey/lines"
)

// jsonLines decodes --lines/--scan JSON output, one object a line.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var objs []map[string]any
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not a JSON object: %q: %v", line, err)
		}
		objs = append(objs, m)
	}
	return objs
}

func TestLinesTooLongLineIsReportedAndRunGoesOn(t *testing.T) {
	long := strings.Repeat("JBSWY3DP", lines.MaxLineBytes/8+100)
	stdin := "482913\n" + long + "\r\nJBSWY3DPEHPK3PXP\n"
	code, out, errOut := runCommand([]string{"validate", "--lines", "-o", "json"}, stdin, false)
	objs := jsonLines(t, out)
	if code != 4 || len(objs) != 3 || errOut != "" {
		t.Fatalf("exit %d, %d results, stderr %q; want exit 4, 3 results, no stderr:\n%s", code, len(objs), errOut, out)
	}
	msg := objs[1]["problems"].([]any)[0].(map[string]any)["message"].(string)
	if objs[1]["line"] != 2.0 || objs[1]["class"] != "malformed" || !strings.Contains(msg, fmt.Sprintf("%d bytes long", len(long))) {
		t.Fatalf("line 2 = %v, want malformed, %d bytes long", objs[1], len(long))
	}
	if objs[2]["line"] != 3.0 || objs[2]["class"] != "valid" {
		t.Fatalf("line 3 = %v, want the valid key after the long line", objs[2])
	}
	if strings.Contains(out, "JBSWY3DP") {
		t.Fatal("the long line's text is in the output")
	}
}

func TestScanTooLongLineIsSkippedWithAWarning(t *testing.T) {
	stdin := "my code is 482913\n" + strings.Repeat("x", lines.MaxLineBytes+1) + "\nkey JBSWY3DPEHPK3PXP\n"
	code, out, errOut := runCommand([]string{"validate", "--scan", "-o", "json"}, stdin, false)
	objs := jsonLines(t, out)
	if code != 3 || len(objs) != 2 || objs[1]["line"] != 3.0 {
		t.Fatalf("exit %d, findings %v; want exit 3 and the code and the key on lines 1 and 3", code, objs)
	}
	want := fmt.Sprintf("totpkey: warning: standard input: line 2 is %d bytes long, more than %d: skipped\n", lines.MaxLineBytes+1, lines.MaxLineBytes)
	if errOut != want {
		t.Fatalf("stderr = %q, want %q", errOut, want)
	}
}

func TestLinesBinaryInputGivesValidJSON(t *testing.T) {
	stdin := "\x00\x00\n\xff\xfe\xfd\nJBSW\x00Y3DPEHPK3PXP\n\u2028\n\"\\\n"
	code, out, _ := runCommand([]string{"validate", "--lines", "-o", "json"}, stdin, false)
	objs := jsonLines(t, out)
	if code != 4 || len(objs) != 5 {
		t.Fatalf("exit %d, %d results; want 4 and one result per line:\n%s", code, len(objs), out)
	}
	for i, o := range objs {
		if o["line"] != float64(i+1) || o["class"] != "malformed" {
			t.Fatalf("result %d = %v", i, o)
		}
	}
}

// TestLinesKeepsOrderAcrossBatches runs enough lines for many batches on
// every core and checks that results come out in input order.
func TestLinesKeepsOrderAcrossBatches(t *testing.T) {
	if runtime.GOMAXPROCS(0) < 2 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	}
	var in strings.Builder
	const n = 3*validate.BatchLines + 17
	for i := range n {
		switch i % 3 {
		case 0:
			in.WriteString("JBSWY3DPEHPK3PXP\n")
		case 1:
			in.WriteString("482913\n")
		default:
			in.WriteString("\n")
		}
	}
	code, out, _ := runCommand([]string{"validate", "--lines", "-o", "csv"}, in.String(), false)
	rows := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 4 || len(rows) != n+1 {
		t.Fatalf("exit %d, %d rows; want 4, %d rows", code, len(rows), n+1)
	}
	classes := []string{"valid", "code", "malformed"}
	for i, row := range rows[1:] {
		f := strings.Split(row, ",")
		if f[0] != fmt.Sprint(i+1) || f[1] != classes[i%3] {
			t.Fatalf("row %d = %q, want line %d, class %s", i+1, row, i+1, classes[i%3])
		}
	}
}

func TestScanContextCarriesAcrossBatches(t *testing.T) {
	// "my code is" ends the last line of the first batch; the code starts
	// the second batch, which a different worker may scan.
	var in strings.Builder
	for range validate.BatchLines - 1 {
		in.WriteString("nothing to see here\n")
	}
	in.WriteString("my code is\n739104\n")
	code, out, _ := runCommand([]string{"validate", "--scan", "-o", "csv"}, in.String(), false)
	if code != 3 || !strings.Contains(out, fmt.Sprintf("\n%d,1,code,code,", validate.BatchLines+1)) {
		t.Fatalf("exit %d, output %q; want the code on line %d found", code, out, validate.BatchLines+1)
	}
}

func TestMaskInput(t *testing.T) {
	tests := []struct{ In, want string }{
		{"JBSWY3DPEHPK3PXP", "JBSW••••••••••••"},
		{"  jbsw y3dp  ehpk\t3pxp ", "jbsw •••• •••• ••••"},
		{"JBSW-Y3DP-EHPK-3PXP", "JBSW-••••-••••-••••"},
		{"482913", "482•••"},
		{"1234", "12••"},
		{"", ""},
		{"JBSW\u200bY3DPEHPK3PXP", "JBSW•••••••••••••"},
		{"\x00\xffAB", "··••"},
		{"ЈBSWY3DPEHPK3PXP", "ЈBSW••••••••••••"},
		{strings.Repeat("A", 30), strings.Repeat("A", 4) + strings.Repeat("•", 20) + "…"},
	}
	for _, tt := range tests {
		if got := outcome.MaskInput(tt.In, outcome.MaxShownInput); got != tt.want {
			t.Errorf("maskInput(%q) = %q, want %q", tt.In, got, tt.want)
		}
	}
}

// TestMaskInputLink: a link shows all but its secret and whatever else
// in it may be a key.
func TestMaskInputLink(t *testing.T) {
	tests := []struct{ In, want string }{
		{"otpauth://totp/B:AB1234?secret=JBSWY3DPEHPK3PXP&issuer=B", "otpauth://totp/B:AB1234?secret=JBSW••••••••••••&issuer=B"},
		{"otpauth://totp/B?issuer=B&SECRET=jbswy3dpehpk3pxp", "otpauth://totp/B?issuer=B&SECRET=jbsw••••••••••••"},
		{"otpauth-migration://offline?data=CiMKCkhlbGxv", "otpauth-migration://offline?data=CiMK••••••••"},
		{"otpauth://totp/nosecret", "otpauth://totp/nosecret"}, // nothing in it is a secret
		{"otpauth://totp/B?mysecret=JBSWY3DPEHPK3PXP", "otpauth://totp/B?mysecret=JBSW••••••••••••"},
		{"otpauth://totp/GEZDGNBVGY3TQOJQ", "otpauth://totp/GEZD••••••••••••"}, // a key in the path
	}
	for _, tt := range tests {
		if got := outcome.MaskInput(tt.In, 1000); got != tt.want {
			t.Errorf("MaskInput(%q) = %q, want %q", tt.In, got, tt.want)
		}
	}
}

func TestProgressBar(t *testing.T) {
	if iostreams.NewProgressBar(&bytes.Buffer{}, iostreams.ProgressMinBytes-1, time.Now) != nil {
		t.Fatal("a bar for a small input")
	}
	var w bytes.Buffer
	now := time.Unix(0, 0)
	p := iostreams.NewProgressBar(&w, 100<<20, func() time.Time { return now })
	p.Update("a", 10<<20)
	if w.Len() != 0 {
		t.Fatalf("drawn before the interval: %q", w.String())
	}
	now = now.Add(iostreams.ProgressInterval)
	p.Update("a", 50<<20)
	if got := w.String(); got != "\r[###############---------------]  50%  52.4 MB of 104.9 MB" {
		t.Fatalf("bar = %q", got)
	}
	w.Reset()
	now = now.Add(iostreams.ProgressInterval)
	p.Update("b", 25<<20) // the second file: a's 50 MiB count as done
	if !strings.Contains(w.String(), " 75%") {
		t.Fatalf("bar over two files = %q, want 75%%", w.String())
	}
	w.Reset()
	p.Finish()
	if w.String() != "\r\033[K" {
		t.Fatalf("finish wrote %q, want the line cleared", w.String())
	}
	var none *iostreams.ProgressBar
	none.Update("x", 1) // a nil bar draws nothing and does not panic
	none.Finish()
}

func TestProgressOnlyOnATerminalForLargeFiles(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("482913\n"), iostreams.ProgressMinBytes/7+1), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name           string
		errTTY, outTTY bool
		files          []string
		want           bool
	}{
		{"results redirected, errors on a terminal", true, false, []string{big}, true},
		{"errors piped", false, false, []string{big}, false},
		{"results on the terminal", true, true, []string{big}, false},
		{"a pipe has no size", true, false, nil, false},
	}
	for _, tt := range tests {
		s := newTestStreams("", false)
		s.ErrTTY, s.OutTTY = tt.errTTY, tt.outTTY
		if got := iostreams.NewProgressFor(s.IOStreams, tt.files) != nil; got != tt.want {
			t.Errorf("%s: bar = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// BenchmarkLinesJSON runs validate --lines -o json in-process over mixed
// lines; cmd/bench/lines/run.sh measures the built command on a million.
func BenchmarkLinesJSON(b *testing.B) {
	keys := []string{"JBSWY3DPEHPK3PXP", "jbsw y3dp ehpk 3pxp", "482913", "", "JBSW0Y3DPEHPK3P1",
		"otpauth://totp/Broker:AB1234?secret=JBSWY3DPEHPK3PXP&issuer=Broker", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
		"trader@example.com", "JBSWY3DPEH", "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"}
	var in strings.Builder
	for i := range 100000 {
		in.WriteString(keys[i%len(keys)])
		in.WriteByte('\n')
	}
	input := in.String()
	b.SetBytes(int64(len(input)))
	for b.Loop() {
		s := newTestStreams(input, false)
		s.Out = io.Discard
		if err := validate.RunLines(&validate.ValidateOptions{IO: s.IOStreams, Lines: true, Output: "json"}); err == nil {
			b.Fatal("want exit code 4")
		}
	}
	b.ReportMetric(float64(b.N)*100000/b.Elapsed().Seconds(), "lines/s")
}

// FuzzTriageCommand runs --lines and --scan in every output over any bytes:
// no panic, a result exit code, JSON that parses, and no line of output
// without its line ending.
func FuzzTriageCommand(f *testing.F) {
	f.Add("JBSWY3DPEHPK3PXP\n482913\r\n\n", "ticket,key\nT-1,\"JBSW Y3DP\"\n")
	f.Add("otpAuth:\xfc&seCret=\n\x00\xff", "key\n\"open")
	f.Add("I entered 482913. Failed to generate TOTP. PFYQ RH5L 7EKN 2XQA otpauth://totp/a?secret=JBSWY3DPEHPK3PXP", ",,\n")
	f.Fuzz(func(t *testing.T, text, csvText string) {
		for _, args := range [][]string{
			{"validate", "--lines"}, {"validate", "--lines", "-o", "json"}, {"validate", "--lines", "-o", "csv"},
			{"validate", "--lines", "--reply"}, {"validate", "--scan"}, {"validate", "--scan", "-o", "json"},
			{"validate", "--scan", "-o", "csv"}, {"validate", "--scan", "--reply"},
		} {
			code, out, errOut := runCommand(args, text, false)
			if code != 0 && code != 3 && code != 4 {
				t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
			}
			if out != "" && !strings.HasSuffix(out, "\n") {
				t.Fatalf("%v: output does not end a line: %q", args, out)
			}
			if args[len(args)-1] == "json" {
				jsonLines(t, out)
			}
		}
		args := []string{"validate", "--lines", "--column", "key", "-o", "json"}
		code, out, errOut := runCommand(args, "key\n"+csvText, false)
		// An unclosed quote is exit 1, with the line where it opened.
		unclosed := code == 1 && strings.Contains(errOut, "a quoted field opens here and is never closed")
		if code != 0 && code != 3 && code != 4 && !unclosed {
			t.Fatalf("%v: exit %d, stderr %q", args, code, errOut)
		}
		jsonLines(t, out)
	})
}
