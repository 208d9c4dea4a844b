package totpkeytest

import "testing"

func TestLongestSharedRun(t *testing.T) {
	const secret = "JBSWY3DPEHPK3PXP"
	for _, tt := range []struct {
		name, text, secret string
		want               int
	}{
		{"empty text", "", secret, 0},
		{"empty secret", "anything", "", 0},
		{"nothing shared", "hello world", secret, 0},
		{"one character", "a J here", secret, 1},
		{"masked", "key JBSW•••• is invalid", secret, 4},
		{"whole secret", "secret=" + secret + "&issuer=X", secret, len(secret)},
		{"secret is the text", secret, secret, len(secret)},
		{"middle of the secret", "…3DPEHP…", secret, 6},
		{"the longest of two runs", "JBS and DPEHPK3", secret, 7},
		{"pieces out of order", "PXP JBSW", secret, 4},
		{"case matters", "jbswy3dpehpk3pxp", secret, 1}, // only the digit 3
		{"text shorter than a run", "Y3", secret, 2},
	} {
		if got := LongestSharedRun(tt.text, tt.secret); got != tt.want {
			t.Errorf("%s: LongestSharedRun(%q, %q) = %d, want %d", tt.name, tt.text, tt.secret, got, tt.want)
		}
	}
}
