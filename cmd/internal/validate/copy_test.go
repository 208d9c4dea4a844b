package validate

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/clipboard"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/code"
)

func TestCopyKey(t *testing.T) {
	at := time.Unix(1_782_292_500, 0)
	gen, err := code.NewGenerator("JBSWY3DPEHPK3PXO", code.DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	repaired := totpkey.ClassifyAll("JBSWY3DPEHPK3PX0")
	if err := code.Check(&repaired[0], gen.Code(at), at, 1); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		results []totpkey.Result
		copied  string
		errOut  string
	}{
		{"valid", totpkey.ClassifyAll("JBSWY3DPEHPK3PXP"), "JBSWY3DPEHPK3PXP", "totpkey: copied the key to paste (JBSW••••••••••••) to the clipboard\n"},
		{"cleaned", totpkey.ClassifyAll("jbsw-y3dp-ehpk-3pxp"), "JBSWY3DPEHPK3PXP", "totpkey: copied the key to paste (JBSW••••••••••••) to the clipboard\n"},
		{"repaired by the code", repaired, "JBSWY3DPEHPK3PXO", "totpkey: copied the key to paste (JBSW••••••••••••) to the clipboard\n"},
		{"a code", totpkey.ClassifyAll("123456"), "", "totpkey: nothing was copied: the input holds no usable TOTP Key\n"},
		{"pasted twice", totpkey.ClassifyAll("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), "", "totpkey: nothing was copied: the input holds no usable TOTP Key\n"},
		{"two accounts", append(totpkey.ClassifyAll("JBSWY3DPEHPK3PXP"), totpkey.ClassifyAll("KRUGKIDROVUWG2ZAMJZG653OEBTG66BA")...), "",
			"totpkey: nothing was copied: the input holds 2 keys and --copy copies one; copy the key of the account you need by itself\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			streams, out, errOut := iostreams.Test("", false)
			fake := &clipboard.Fake{}
			o := &ValidateOptions{IO: streams, Copy: true, Clipboard: fake}
			if err := copyKey(o, tt.results); err != nil {
				t.Fatal(err)
			}
			if fake.Text != tt.copied || fake.Copied != (tt.copied != "") {
				t.Errorf("copied %q (%v), want %q", fake.Text, fake.Copied, tt.copied)
			}
			if errOut.String() != tt.errOut || out.Len() != 0 {
				t.Errorf("standard error %q, want %q; standard output %q", errOut, tt.errOut, out)
			}
		})
	}
}

func TestCopyKeyNoClipboard(t *testing.T) {
	streams, _, _ := iostreams.Test("", false)
	o := &ValidateOptions{IO: streams, Copy: true, Clipboard: &clipboard.Fake{Err: clipboard.ErrNoClipboard}}
	err := copyKey(o, totpkey.ClassifyAll("JBSWY3DPEHPK3PXP"))
	if !errors.Is(err, clipboard.ErrNoClipboard) || strings.Contains(err.Error(), "JBSWY") {
		t.Errorf("copyKey = %v, want ErrNoClipboard without the key", err)
	}
}
