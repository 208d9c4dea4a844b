package webcheck

import (
	"encoding/json"
	"strings"

	"testing"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
)

// FuzzCheck: whatever is typed into the page, the module answers with JSON
// the page can read, a verdict, and a key masked everywhere but in the
// value the page keeps in memory.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{testKey, "jbsw y3dp ehpk 3pxp", "JBSWY3DPEHPK3PX0", "123 456", "", "Key: " + testKey,
		"otpauth://totp/Zerodha:AB1234?secret=" + testKey + "&issuer=Zerodha", testKey + testKey, "\u200b" + testKey, "ЈВЅW"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		resp := Check(input, "")
		if len(resp.Results) == 0 {
			t.Fatal("no result")
		}
		for _, r := range resp.Results {
			if r.Verdict == "" || r.Class == "" {
				t.Fatalf("result without a verdict or class: %+v", r)
			}
			if r.Echo != "" && utf8.RuneCountInString(r.Echo) < len(r.Carets) {
				t.Fatalf("carets %q longer than the echo %q", r.Carets, r.Echo)
			}
		}
		if _, err := json.Marshal(resp); err != nil {
			t.Fatal(err)
		}
		if utf8.ValidString(input) {
			assertMasked(t, input, resp)
		}
		// A ticket's valid keys (and links holding one) are masked in the text the
		// page shows back.
		if len(input) <= 1024 {
			v := Ticket(input)
			for _, f := range v.Findings {
				if text := unmasked(input, f); f.Result.Class == "valid" && len(text) > 8 && strings.Contains(v.MaskedText, text) {
					t.Fatalf("masked ticket %q still has the %s %q", v.MaskedText, f.Kind, text)
				}
			}
		}
	})
}

// unmasked is the text of finding f as written in input: the key or link
// itself (FindingView holds only its masked form); "" when it cannot be
// found there.
func unmasked(input string, f FindingView) string {
	lines := strings.Split(input, "\n")
	if f.Line < 1 || f.Line > len(lines) || !utf8.ValidString(lines[f.Line-1]) {
		return ""
	}
	runes := []rune(lines[f.Line-1])
	for end := len(runes); end > f.Column-1 && f.Column >= 1; end-- {
		if s := string(runes[f.Column-1 : end]); totpkey.Mask(s) == f.Shown {
			return s
		}
	}
	return ""
}
