package cmdutil

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey"
)

// TestMaskSecretsIn: keys and the parts of keys in an error message are
// masked; the project's words, file names, codes, dates and ticket ids are
// not.
func TestMaskSecretsIn(t *testing.T) {
	for _, tc := range []struct{ In, want string }{
		// Left alone.
		{"", ""},
		{"open nope.txt: no such file or directory", "open nope.txt: no such file or directory"},
		{"the first line of standard input names the columns: ticket, key, message",
			"the first line of standard input names the columns: ticket, key, message"},
		{"use bash, zsh, fish or powershell", "use bash, zsh, fish or powershell"},
		{"as in --at 2026-06-24T09:15:00Z or --at 1782292500", "as in --at 2026-06-24T09:15:00Z or --at 1782292500"},
		{"T-2, T-20240611, 12345678", "T-2, T-20240611, 12345678"},
		{"unknown command \"valdate\" for \"totpkey\"", "unknown command \"valdate\" for \"totpkey\""},
		{"Failed to generate TOTP in AutoTrader Web, PowerShell", "Failed to generate TOTP in AutoTrader Web, PowerShell"},
		{"/home/trader/tickets.csv", "/home/trader/tickets.csv"},
		// A whole key, alone or inside a message, quoted, in a path.
		{"JBSWY3DPEHPK3PXP", "JBSW••••••••••••"},
		{"unknown command \"JBSWY3DPEHPK3PXP\" for \"totpkey\"", "unknown command \"JBSW••••••••••••\" for \"totpkey\""},
		{"open /tmp/JBSWY3DPEHPK3PXP.txt: no such file", "open /tmp/JBSW••••••••••••.txt: no such file"},
		{"jbswy3dpehpk3pxp", "jbsw••••••••••••"},
		// A key of letters only: in capitals, in a case no word has, and a
		// whole valid key in lower case.
		{"JBSWYXDPEHPKXPXP", "JBSW••••••••••••"},
		{"JbSwYxDpEhPk", "JbSw••••••••"},
		{"jbswxdpehpkxpxpa", "jbsw••••••••••••"},
		// Grouped, as an authenticator shows it.
		{"no such image: JBSW Y3DP EHPK 3PXP", "no such image: JBSW •••• •••• ••••"},
		// Part of a key, with look-alike digits, hex.
		{"got \"JBSWY3DPEHPK3PX\"", "got \"JBSW•••••••••••\""},
		{"JBSWY3DP", "JBSW••••"},
		{"JBSW0Y3DPEHPK3PXP", "JBSW•••••••••••••"},
		{"3132333435363738393031323334353637383930", "3132••••••••••••••••••••••••••••••••••••"},
		{"a1b2c3d4e5f6a7b8", "a1b2••••••••••••"},
		// A link: its secret only.
		{"bad link otpauth://totp/Broker:me?secret=JBSWY3DPEHPK3PXP&issuer=Broker",
			"bad link otpauth://totp/Broker:me?secret=JBSW••••••••••••&issuer=Broker"},
		// Several lines, several keys.
		{"JBSWY3DPEHPK3PXP\nsee KRSXG5CTMVRXEZLU", "JBSW••••••••••••\nsee ••••••••••••••••"}, // one run across lines: its first part shows
	} {
		if got := totpkey.MaskText(tc.In); got != tc.want {
			t.Errorf("MaskText(%q)\n got %q\nwant %q", tc.In, got, tc.want)
		}
	}
}

// TestMaskKeyLike: kept CSV values and header names are masked as a whole
// when they look like a key, groups kept, and left alone when they do not;
// --show-secret shows them.
func TestMaskKeyLike(t *testing.T) {
	for _, tc := range []struct{ In, want string }{
		{"T-2", "T-2"},
		{"ticket", "ticket"},
		{"Please help, it says Invalid TOTP", "Please help, it says Invalid TOTP"},
		{"Failed to generate TOTP since 24 June", "Failed to generate TOTP since 24 June"},
		{"Code 482 913", "Code 482 913"},
		{"JBSWY3DPEHPK3PXP", "JBSW••••••••••••"},
		{"JBSW Y3DP EH", "JBSW •••• ••"},
		{"jbsw-y3dp-ehpk-3pxp", "jbsw-••••-••••-••••"},
		{"my key is JBSWY3DPEHPK3PXP thanks", "my key is JBSW•••••••••••• thanks"},
	} {
		if got := outcome.MaskKeyLike(tc.In, false); got != tc.want {
			t.Errorf("maskKeyLike(%q, false) = %q, want %q", tc.In, got, tc.want)
		}
		if got := outcome.MaskKeyLike(tc.In, true); got != tc.In {
			t.Errorf("maskKeyLike(%q, true) = %q, want it unchanged", tc.In, got)
		}
	}
}

// TestReportMasks: report masks the message and the hints of any error,
// including ones that do not pass through the project's own constructors.
func TestReportMasks(t *testing.T) {
	var b bytes.Buffer
	code := Report(&b, Failure(errors.New("open JBSWY3DPEHPK3PXP: no such file"), "the key JBSWY3DPEHPK3PXP"))
	if code != 1 {
		t.Errorf("exit code %d, want 1", code)
	}
	if strings.Contains(b.String(), "JBSWY3DP") {
		t.Errorf("report printed the key:\n%s", b.String())
	}
	if want := "totpkey: error: open JBSW••••••••••••: no such file\ntotpkey: hint: the key JBSW••••••••••••\n"; b.String() != want {
		t.Errorf("report printed\n%s\nwant\n%s", b.String(), want)
	}
}
