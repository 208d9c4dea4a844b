package totpkey_test

import (
	"testing"

	"github.com/totpkey/totpkey/totpkey"
)

// TestMaskTextKeepsProse: words, codes, dates, numbers and file names are
// not secrets and stay readable.
func TestMaskTextKeepsProse(t *testing.T) {
	for _, text := range []string{
		"",
		"Failed to generate TOTP since 24 June",
		`unknown command "valdate" for "totpkey"`,
		"no such file: nope.txt",
		"Invalid TOTP, please help",
		"the code 482913 did not match",
		"run 'totpkey validate --help' for usage",
		"Zerodha: AutoTrader Web logs in every morning at 09:15",
		"Dear team, mera TOTP kaam nahi kar raha hai",
		"1782292500",
		"14-08-1987",
	} {
		if got := totpkey.MaskText(text); got != text {
			t.Errorf("MaskText(%q) = %q; want it unchanged", text, got)
		}
		if got := string(totpkey.AppendMaskText([]byte("> "), text)); got != "> "+text {
			t.Errorf("AppendMaskText(%q) = %q; want it unchanged after the prefix", text, got)
		}
	}
}

// TestMaskText shows what is masked and how.
func TestMaskText(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"JBSWY3DPEHPK3PXP", "JBSW••••••••••••"},
		{"jbsw y3dp ehpk 3pxp", "jbsw •••• •••• ••••"},
		{"customer says: RCVG.CRES.VMXM.ESBS please", "customer says: RCVG.••••.••••.•••• please"},
		{"T-1\tRCVG\tCRES\tVMXM\tESBS", "T-1\t••••\t••••\t••••\t••••"}, // "1" before it may be its first group: none shows
		{"otpauth://totp/GEZDGNBVGY3TQOJQ", "otpauth://totp/GEZD••••••••••••"},
		{"otpauth://totp/A:b?SECRET=JBSWY3DPEHPK3PXP&issuer=Kite", "otpauth://totp/A:b?SECRET=JBSW••••••••••••&issuer=Kite"},
		{"otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4", "otpauth-migration://offline?data=CjEK••••••••••••••••••••"},
		{"hex 3132333435363738393031323334353637383930", "hex 3132••••••••••••••••••••••••••••••••••••"},
		{"--qr RCVG.CRES.VMXM.ESBS", "--qr RCVG.••••.••••.••••"},
	} {
		if got := totpkey.MaskText(tt.text); got != tt.want {
			t.Errorf("MaskText(%q)\n got  %q\n want %q", tt.text, got, tt.want)
		}
		if got := string(totpkey.AppendMaskText([]byte("> "), tt.text)); got != "> "+tt.want {
			t.Errorf("AppendMaskText(%q)\n got  %q\n want %q", tt.text, got, "> "+tt.want)
		}
	}
}
