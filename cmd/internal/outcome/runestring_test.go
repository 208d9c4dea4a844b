package outcome

import "testing"

var runeStringSink string

// TestRuneString checks string(r) and that an ASCII character costs no
// allocation: views call it for every bad character of every line.
func TestRuneString(t *testing.T) {
	for _, r := range []rune{0, 'x', '0', 0x7f, 0x80, 'é', '•', 0x10FFFF} {
		if got := RuneString(r); got != string(r) {
			t.Errorf("RuneString(%U) = %q, want %q", r, got, string(r))
		}
	}
	if n := testing.AllocsPerRun(100, func() { runeStringSink = RuneString('x') }); n != 0 {
		t.Errorf("RuneString('x') allocates %v times, want 0", n)
	}
}
