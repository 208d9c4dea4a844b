package validate

import (
	"io"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/reply"
)

// benchLines are a mixed support export, one input a line, as
// cmd/bench/lines/gen writes them.
func benchLines(n int) string {
	inputs := []string{"JBSWY3DPEHPK3PXP", "jbsw y3dp ehpk 3pxp", "482913", "", "JBSW0Y3DPEHPK3P1",
		"otpauth://totp/Broker:AB1234?secret=JBSWY3DPEHPK3PXP&issuer=Broker", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
		"trader@example.com", "JBSWY3DPEH", "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U"}
	var b strings.Builder
	for i := range n {
		b.WriteString(inputs[i%len(inputs)])
		b.WriteByte('\n')
	}
	return b.String()
}

// BenchmarkLinesReply is validate --lines --reply; BenchmarkLinesText the
// same lines without --reply, for the ratio of issue 14 (at most 3).
func BenchmarkLinesReply(b *testing.B) { benchmarkLines(b, true) }

func BenchmarkLinesText(b *testing.B) { benchmarkLines(b, false) }

func benchmarkLines(b *testing.B, withReply bool) {
	const n = 100000
	input := benchLines(n)
	b.SetBytes(int64(len(input)))
	for b.Loop() {
		s, _, _ := iostreams.Test(input, false)
		s.Out = io.Discard
		if err := RunLines(&ValidateOptions{IO: s, Lines: true, Reply: withReply, Output: "text"}); err == nil {
			b.Fatal("want exit code 4")
		}
	}
	b.ReportMetric(float64(b.N)*n/b.Elapsed().Seconds(), "lines/s")
}

// TestLineReplyIsTheReply: the cached reply of --lines is the reply
// buildReply writes for the same input.
func TestLineReplyIsTheReply(t *testing.T) {
	for _, input := range strings.Split(benchLines(40)+"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n48656c6c6f21deadbeef48656c6c6f21deadbeef\n \n", "\n") {
		for range 2 { // the second time from the cache
			r := ClassifyInput(input)[0]
			it := reply.Item{Result: &r, Shown: reply.ShownInput(&r, input)}
			if got, want := string(reply.AppendLineReply(nil, it)), reply.BuildReply([]reply.Item{it}); got != want {
				t.Fatalf("input %q: line reply\n%s\nwant\n%s", input, got, want)
			}
		}
	}
}
