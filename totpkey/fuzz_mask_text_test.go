package totpkey

import (
	"strings"
	"testing"
)

// FuzzMaskText checks the masking of text on any input: it never panics,
// AppendMaskText writes what MaskText returns (--lines writes a link's
// input through the one, every other path through the other), and text
// with nothing to mask comes back as it is.
func FuzzMaskText(f *testing.F) {
	for _, seed := range []string{
		"", testKey, "jbsw y3dp ehpk 3pxp", "customer says: RCVG.CRES.VMXM.ESBS please",
		"otpauth://totp/Broker:AB6774?secret=2BYITSDJZYWUCXSW7FH43RXBQURP5NPW&issuer=Broker",
		"otpauth://totp/A%20B:c?SECRET=JBSW%20Y3DP&x=1#frag", "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4",
		`quoted "JBSW\tY3DP\u00a0EHPK\x203PXP"`, "Ｊｂｓｗ　Ｙ３ｄｐ", "\xff\xfeJBSWY3DPEHPK3PXP\x00", "the code 482913 did not match",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > MaxInputBytes {
			return
		}
		masked := MaskText(text)
		if got := string(AppendMaskText([]byte("> "), text)); got != "> "+masked {
			t.Fatalf("AppendMaskText(%q) = %q; MaskText gives %q", text, got, masked)
		}
		if !strings.Contains(masked, "•") && masked != text {
			t.Fatalf("MaskText(%q) = %q: changed, with nothing masked", text, masked)
		}
	})
}
