package validate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
)

// TestScanReplyFactsAcrossBatches: what a ticket says is read over all of
// it, however many batches its lines take (the broker on the first line,
// the refused TOTP on the last), and a ticket's facts do not carry over to
// the next ticket.
func TestScanReplyFactsAcrossBatches(t *testing.T) {
	dir := t.TempDir()
	long := "Dhan account, client id 1100456789\n" + strings.Repeat("the strategy did not start today again\n", 20000) +
		"error: Invalid TOTP since 9:15\n"
	other := "Zerodha: I entered 482913 in the TOTP Key field\n"
	for name, text := range map[string]string{"long.txt": long, "other.txt": other} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, out, errOut := iostreams.Test("", false)
	err := runValidate(&ValidateOptions{IO: s, Scan: true, Reply: true, Output: "text",
		Args: []string{filepath.Join(dir, "long.txt"), filepath.Join(dir, "other.txt")}})
	if code := cmdutil.Report(errOut, err); code != 3 {
		t.Fatalf("exit %d, want 3; stderr %s", code, errOut)
	}
	// The heading names the file (masked where a part of its path could be
	// a key): the second reply starts at the second heading.
	parts := strings.Split(out.String(), "\n=== ")
	if len(parts) != 2 || !strings.HasSuffix(strings.SplitN(parts[1], "\n", 2)[0], "other.txt ===") {
		t.Fatalf("want two replies, the second under the heading of other.txt:\n%s", out)
	}
	first, second := parts[0], parts[1]
	if first == "" {
		t.Fatalf("no reply for the second ticket:\n%s", out)
	}
	for _, want := range []string{"about your Dhan account (client id 1100456789)", "passing problem on Dhan's side"} {
		if !strings.Contains(unwrap(first), want) {
			t.Errorf("first reply lacks %q:\n%s", want, first)
		}
	}
	if strings.Contains(second, "Dhan") || strings.Contains(second, "1100456789") || !strings.Contains(second, "Zerodha") {
		t.Errorf("the second reply carries the first ticket's facts, or lacks its own:\n%s", second)
	}
}
