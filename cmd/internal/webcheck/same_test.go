package webcheck

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/render"
	"github.com/totpkey/totpkey/cmd/internal/view"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/code"
	"github.com/totpkey/totpkey/totpkey/link"
)

// sameInputs are inputs of every class, format and problem.
var sameInputs = []string{
	testKey, "jbsw y3dp ehpk 3pxp", "JBSW-Y3DP-EHPK-3PXP", `"JBSWY3DPEHPK3PXP"`, "Key: JBSWY3DPEHPK3PXP", "JBSWY3DPEHPK3PXP====",
	"\u200bJBSWY3DPEHPK3PXP", "123456", "123 456", "JBSWY3DPEHPK3PX0", "JBSW1Y3DPEHPK3PX", "ЈBSWY3DPEHPK3PXP", "JBSWY3DPEHPK3",
	"JBSWY3DPEHPK3PXPA", "JBSW=Y3DPEHPK3PXP", "3132333435363738393031323334353637383930", "otpauth://hotp/X?secret=" + testKey,
	"otpauth://totp/X", "otpauth://totp/Zerodha:AB1234?secret=" + testKey + "&issuer=Zerodha&digits=8&period=60",
	testKey + testKey, "hello there", "https://example.com", "a@b.co", "Failed to generate TOTP", "", "   ",
	testKey + " 123456", "\x00\x01\x02binary",
}

// TestSameAsTheCommand holds the page's view to the command's: the
// verdict and the account's name (both from package outcome, as the
// command's), and every field of validate -o json (package render).
func TestSameAsTheCommand(t *testing.T) {
	for _, in := range sameInputs {
		for _, r := range totpkey.ClassifyAll(in) {
			v := NewResultView(&r, in)
			if want := outcome.Verdict(&r); v.Verdict != want {
				t.Errorf("%q: the page's verdict %q, the command says %q", in, v.Verdict, want)
			}
			if want := outcome.AccountLabel(r.Account, r.Batch); r.Account != (link.Account{}) && v.AccountLabel != want {
				t.Errorf("%q: the page's account %q, the command says %q", in, v.AccountLabel, want)
			}
			compareJSON(t, in, &r)
		}
	}
}

// compareJSON fails when a field of validate -o json (package view, with
// the secret shown) is missing or different in the page's JSON, which has
// the view embedded and fields of its own besides: a field of its own that
// took a name of the view's would hide the view's.
func compareJSON(t *testing.T, in string, r *totpkey.Result) {
	t.Helper()
	want := decode(t, view.New(r, true))
	got := decode(t, NewResultView(r, in))
	for k, w := range want {
		if !reflect.DeepEqual(got[k], w) {
			t.Errorf("%q: field %s is %v, validate -o json says %v", in, k, got[k], w)
		}
	}
	for _, own := range []string{"verdict"} {
		if _, ok := got[own]; !ok {
			t.Errorf("%q: the page's JSON has no %s", in, own)
		}
	}
}

func decode(t *testing.T, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// TestSameEcho: the echo with its carets is the text output's.
func TestSameEcho(t *testing.T) {
	echoed := 0
	for _, in := range append(sameInputs, "JBSW Y3DP\u200b EHPK 3PX0", "JBSWY3DPEHPK3PX"+strings.Repeat("0", 110), "JBSWY3DPEHPK3PX"+strings.Repeat("0", 106)) {
		results := totpkey.ClassifyAll(in)
		if len(results) != 1 {
			continue
		}
		v := NewResultView(&results[0], in)
		streams, out, _ := iostreams.Test("", false)
		if err := render.WriteResultsText(out, streams, results, in, false); err != nil {
			t.Fatal(err)
		}
		want := ""
		if lines := strings.Split(out.String(), "\n"); len(lines) > 3 && lines[1] == "" && strings.HasPrefix(lines[3], "    ") && strings.Contains(lines[3], "^") {
			want = strings.TrimPrefix(lines[2], "    ") + "\n" + strings.TrimPrefix(lines[3], "    ")
		}
		if got := v.Echo + "\n" + v.Carets; v.Echo != "" || want != "" {
			echoed++
			if got != want {
				t.Errorf("%q: the page echoes\n%s\nthe command\n%s", in, got, want)
			}
		}
	}
	if echoed < 5 {
		t.Errorf("only %d inputs were echoed: the test checks too little", echoed)
	}
}

// TestSameCodeWords: the words of the code check are those of
// validate --code.
func TestSameCodeWords(t *testing.T) {
	at := time.Now()
	codeOf := func(key string, d time.Duration) string {
		g, err := code.NewGenerator(key, code.DefaultParams())
		if err != nil {
			t.Fatal(err)
		}
		return g.Code(at.Add(d))
	}
	cases := []struct{ input, otp string }{
		{testKey, codeOf(testKey, 0)},
		{testKey, codeOf(testKey, -30*time.Second)},
		{testKey, codeOf(testKey, 30*time.Second)},
		{testKey, "000000"},
		{"JBSWY3DPEHPK3PX0", codeOf("JBSWY3DPEHPK3PXO", 0)},
		{"JBSWY3DPEHPK3PX0", "000000"},
	}
	for _, c := range cases {
		r := totpkey.Classify(c.input)
		if err := code.Check(&r, c.otp, at, code.DefaultWindow); err != nil {
			t.Fatal(err)
		}
		streams, out, _ := iostreams.Test("", false)
		if err := render.WriteResultsText(out, streams, []totpkey.Result{r}, c.input, false); err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(out.String()), " ")
		words := outcome.CodeCheckWords(r.CodeCheck)
		for _, part := range strings.Split(words, "; ") {
			if !strings.Contains(text, part) {
				t.Errorf("%s %s: the page says %q, the command's text has no %q:\n%s", c.input, c.otp, words, part, out.String())
			}
		}
	}
}
