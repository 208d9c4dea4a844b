package scan_test

import (
	"testing"

	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/scan"
)

// TestIssue13ScanCases: the --scan defects of issue 13, each as a ticket:
// one key finding with the whole key, the change that undid the damage,
// and no separate code.
func TestIssue13ScanCases(t *testing.T) {
	const key32 = "JBSWY3DPEHPK3PXPKRUGKIDROVUWG2ZA"
	for _, tc := range []struct {
		name, text string
		key        string
		change     totpkey.ReasonID
		problem    totpkey.ReasonID
	}{
		{"quoted-printable soft break", "Your TOTP key: JBSWY3DPEHPK3PXPKRUG=\nKIDROVUWG2ZA\nThanks", key32, totpkey.ChangeQuotedPrintable, ""},
		{"mail wrapped a long line", "Dear customer, here is the TOTP key for your trading account: JBSWY3DPEHPK3PXP\nKRUGKIDROVUWG2ZA\nRegards", key32, totpkey.ChangeWhitespace, ""},
		{"&nbsp; between groups", "key: JBSW&nbsp;Y3DP&nbsp;EHPK&nbsp;3PXP please check", "JBSWY3DPEHPK3PXP", totpkey.ChangeHTML, ""},
		{"&#8203; inside", "my key is JBSWY3DP&#8203;EHPK3PXP", "JBSWY3DPEHPK3PXP", totpkey.ChangeHTML, ""},
		{"WhatsApp bold", "[12/03/2026, 10:42:07] Ravi: *JBSWY3DPEHPK3PXP*", "JBSWY3DPEHPK3PXP", totpkey.ChangeEmphasis, ""},
		{"full-width", "キー: ＪＢＳＷＹ３ＤＰＥＨＰＫ３ＰＸＰ", "JBSWY3DPEHPK3PXP", totpkey.ChangeFullwidth, ""},
		{"key and code", "My TOTP key JBSWY3DPEHPK3PXP 482913 fails", "JBSWY3DPEHPK3PXP", "", totpkey.ReasonKeyWithCode},
		{"key and grouped code", "TOTP key JBSW Y3DP EHPK 3PXP 482 913", "JBSWY3DPEHPK3PXP", totpkey.ChangeWhitespace, totpkey.ReasonKeyWithCode},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var keys []scan.Finding
			for _, f := range scan.Scan(tc.text) {
				switch f.Kind {
				case scan.FindingKey:
					keys = append(keys, f)
				case scan.FindingCode:
					t.Errorf("a code found apart: %+v", f)
				}
			}
			if len(keys) != 1 {
				t.Fatalf("key findings %+v; want one", keys)
			}
			r := keys[0].Result
			if r.Key != tc.key {
				t.Errorf("key %q; want %q", r.Key, tc.key)
			}
			if tc.change != "" && !r.Changes.Has(tc.change) {
				t.Errorf("changes %v; want %s", r.Changes.List(), tc.change)
			}
			if tc.problem == "" && r.Class != totpkey.ClassValid || tc.problem != "" && !r.HasProblem(tc.problem) {
				t.Errorf("%s %v; want %q", r.Class, r.Problems, tc.problem)
			}
		})
	}
}
