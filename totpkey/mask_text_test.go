package totpkey_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/totpkeytest"
)

// TestMaskTextHidesEveryGrouping is the property the masking rule must
// hold everywhere: a random key written in any grouping the classifier
// accepts (white space, tabs, no-break spaces, dashes or dots between
// groups of any size, any case), alone, in a sentence, after a label or in
// a link, never shows five of its characters in a row.
func TestMaskTextHidesEveryGrouping(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 3))
	contexts := []string{
		"%s",
		"Key: %s",
		"my key is %s thanks",
		"customer says: %s please",
		"\"%s\".",
		"Failed to generate TOTP with %s since 9:15",
		"old %s\nnew %s",
		"otpauth://totp/Broker:%s?secret=%s&issuer=%s",
		"otpauth://totp/x?algorithm=%s&SECRET=%s",
		"unknown command %q for \"totpkey\"",
	}
	for i := range 20000 {
		context := contexts[i%len(contexts)]
		key := totpkeytest.RandomKey(rng)
		for totpkeytest.LongestKeyRun(context, key) > totpkey.MaskedPrefix {
			key = totpkeytest.RandomKey(rng) // the context's own words would count ("otpau")
		}
		written := totpkeytest.Grouped(rng, key)
		text := strings.ReplaceAll(context, "%s", written)
		text = strings.ReplaceAll(text, "%q", `"`+written+`"`)
		got := totpkey.MaskText(text)
		if n := totpkeytest.LongestKeyRun(got, key); n > totpkey.MaskedPrefix {
			t.Fatalf("%d characters of the key show:\n key  %s\n text %q\n got  %q", n, key, text, got)
		}
	}
}

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
	}
}
