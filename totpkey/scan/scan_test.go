package scan

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey/lines"

	"github.com/totpkey/totpkey/totpkey"
)

// found is a finding as the tests write it: "line:col kind text topic".
func found(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = fmt.Sprintf("%d:%d %s %q %s", f.Line, f.Column, f.Kind, f.Text, f.Result.Topic)
	}
	return out
}

func TestScanTickets(t *testing.T) {
	tests := []struct {
		name   string
		ticket string
		want   []string
	}{
		{
			"code entered as key, error message and a key in groups",
			"I entered 482913 in the TOTP key box and it still says Failed to generate TOTP. My broker shows: PFYQ RH5L 7EKN 2XQA",
			[]string{
				`1:11 code "482913" one-time-code`,
				`1:56 error-message "Failed to generate TOTP" failed-to-generate-totp`,
				`1:98 key "PFYQ RH5L 7EKN 2XQA" cleaned-key`,
			},
		},
		{
			"code on the line after its label",
			"Hello team,\nthe OTP I typed was:\n  739 104\nand it says Invalid TOTP.",
			[]string{
				`3:3 code "739 104" one-time-code`,
				`4:13 error-message "Invalid TOTP" invalid-totp`,
			},
		},
		{
			"otpauth link with sentence punctuation after it",
			"Here is the link from the QR: otpauth://totp/Zerodha:AB1234?secret=JBSWY3DPEHPK3PXP&issuer=Zerodha.",
			[]string{`1:31 otpauth-link "otpauth://totp/Zerodha:AB1234?secret=JBSWY3DPEHPK3PXP&issuer=Zerodha" cleaned-key`},
		},
		{
			"export link in angle brackets",
			"Exported from Google Authenticator <otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU%3D>",
			[]string{`1:37 export-link "otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU%3D" ` + totpkey.Classify("otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU%3D").Topic},
		},
		{
			"key with a look-alike zero",
			"secret key is JBSWY3DPEHPK3PX0 but it fails",
			[]string{`1:15 key "JBSWY3DPEHPK3PX0" invalid-character`},
		},
		{
			"lower-case key as Google shows it, then words",
			"the app says: jbsw y3dp ehpk 3pxp and nothing else works",
			[]string{`1:15 key "jbsw y3dp ehpk 3pxp" cleaned-key`},
		},
		{
			"key with padding and quotes",
			`Key: "JBSWY3DPEHPK3PXP==" copied from broker`,
			[]string{`1:7 key "JBSWY3DPEHPK3PXP==" cleaned-key`},
		},
		{
			"partial key right after the word key",
			"My TOTP key: JBSWY3DPEH (the rest was cut off)",
			[]string{`1:14 key "JBSWY3DPEH" too-short`},
		},
		{
			"key pasted twice",
			"saved as JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP in my notes",
			[]string{`1:10 key "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" pasted-twice`},
		},
		{
			"hexadecimal secret next to the word secret",
			"The broker gave a secret: 48656c6c6f21deadbeef48656c6c6f21deadbeef which does not work",
			[]string{`1:27 key "48656c6c6f21deadbeef48656c6c6f21deadbeef" hex-key`},
		},
		{
			// 32 hex digits are an API key's form (a Shoonya app key), never
			// a secret to convert: issue 12.
			"32 hexadecimal digits are an API key",
			"The broker gave a secret: 48656c6c6f21deadbeef48656c6c6f21 which does not work",
			[]string{`1:27 key "48656c6c6f21deadbeef48656c6c6f21" other-credential`},
		},
		{
			"a UUID API key and a JWT access token",
			"api key 6f1c2a9e-3b7d-4e58-9a0c-12d3e4f5a6b7 token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123_-x",
			[]string{
				`1:9 key "6f1c2a9e-3b7d-4e58-9a0c-12d3e4f5a6b7" other-credential`,
				`1:52 key "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123_-x" other-credential`,
			},
		},
		{
			"a JWT at the end of a sentence",
			"my token is eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl.",
			[]string{`1:13 key "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJl" other-credential`},
		},
		{
			"a client id and a PAN are context, not findings",
			"client id AB1234, PAN ABCPE1234F, born 14-08-1987",
			nil,
		},
		{
			"CRLF ticket with a dashed key and an error in capitals",
			"Dear support,\r\nkey ABCD-EFGH-2345-6723 gives FAILED TO GENERATE TOTP\r\n",
			[]string{
				`2:5 key "ABCD-EFGH-2345-6723" cleaned-key`,
				`2:31 error-message "FAILED TO GENERATE TOTP" failed-to-generate-totp`,
			},
		},
		{
			"key with a zero-width space inside",
			"key JBSWY3DP\u200bEHPK3PXP thanks",
			[]string{`1:5 key "JBSWY3DP\u200bEHPK3PXP" cleaned-key`},
		},
		{
			"columns count characters, not bytes",
			"Привет! «Мой» code 482913",
			[]string{`1:20 code "482913" one-time-code`},
		},
		{
			// "token" is one of the code words (rules.go); a rename once
			// turned it into "scanToken", which no ticket says.
			"the word token marks a code",
			"the token 482913 was refused",
			[]string{`1:11 code "482913" one-time-code`},
		},
		{
			"a key in groups is found whole, not its tail",
			"My broker shows: 5SAS EMEF 65LE RFDC",
			[]string{`1:18 key "5SAS EMEF 65LE RFDC" cleaned-key`},
		},
		{
			"8-digit code after 2FA",
			"2FA 12345678 rejected",
			[]string{`1:5 code "12345678" one-time-code`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(Scan(tt.ticket))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Fatalf("Scan found:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

func TestScanIgnores(t *testing.T) {
	tests := []struct{ name, text string }{
		{"ordinary words", "Please help, I cannot log in to my trading account since yesterday morning."},
		{"long words in capitals", "INTERNATIONALIZATION RESPONSIBILITIES CHARACTERISTICALLY"},
		{"a run of words of one length", "WORD LIST THAT LOOK LIKE KEYS MUCH"},
		{"client ids", "Client id AB1234, login id XY98765, user code ZX4567"},
		{"phone numbers", "Call me on +91 98765 43210 or 9876543210, my OTP phone is 022-2456 7890"},
		{"dates and times", "On 2024-06-15 at 09:15:30, and on 15/06/2024 the code failed"},
		{"order ids and amounts", "order #48291377 for Rs 150000, invoice 20240615, code 12.345678"},
		{"numbers far from a code word", "My code was wrong. Yesterday I paid 482913 rupees to the broker for the plan."},
		{"web and e-mail addresses", "see https://broker.example/totp?secret=JBSWY3DPEHPK3PXP or mail jbswy3dpehpk3pxp@example.com"},
		{"a word and a year", "AUTHENTICATION2024 and Passwordreset2024"},
		{"words of one length and a number", "CASTING WETBACK 5235 and 6477 BILL JILL"},
		{"base64 and hashes", "token eyJhbGciOiJIUzI1NiJ9 sha 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"},
		{"short tokens", "ABC 123 XYZ 45 JBSW"},
		{"a number with a code word against it", "ticket 48291377, code sent"},
		{"nine digits", "code 123456789"},
		{"binary noise", "\x00\x01\xff\xfe code \x00 key \xc3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Scan(tt.text); len(got) > 0 {
				t.Fatalf("Scan(%q) found %s, want nothing", tt.text, strings.Join(found(got), "; "))
			}
		})
	}
}

func TestScanExportLinkGivesOneFindingPerAccount(t *testing.T) {
	const link = "otpauth-migration://offline?data=CiMKCkhlbGxvId6tvu8SBkFCMTIzNBoHWmVyb2RoYSABKAEwAgoiCgoxMjM0NTY3ODkwEgZYWTk4NzYaBlVwc3RveCABKAEwAhABGAEgACgJ"
	fs := Scan("export: " + link + " done")
	if len(fs) != 2 {
		t.Fatalf("Scan found %v, want one finding per account (2)", found(fs))
	}
	for i, issuer := range []string{"Zerodha", "Upstox"} {
		f := fs[i]
		if f.Kind != FindingExportLink || f.Column != 9 || f.Text != link || f.Result.Account.Issuer != issuer {
			t.Fatalf("finding %d = %s (issuer %q), want the export link at 1:9 for %s", i, found(fs[i:i+1]), f.Result.Account.Issuer, issuer)
		}
	}
}

func TestScanContextDoesNotCrossTexts(t *testing.T) {
	var s Scanner
	s.ScanLine(1, []byte("my code is"), nil)
	s.Reset()
	if got := s.ScanLine(1, []byte("482913"), nil); len(got) > 0 {
		t.Fatalf("context from before Reset was used: %v", found(got))
	}
	s.ScanLine(1, []byte("my code is"), nil)
	if got := s.ScanLine(2, []byte("482913"), nil); len(got) != 1 {
		t.Fatalf("context from the previous line was not used: %v", found(got))
	}
	s.ScanLine(1, []byte("my code is"), nil)
	s.Skip()
	if got := s.ScanLine(3, []byte("482913"), nil); len(got) > 0 {
		t.Fatalf("context carried over a skipped line: %v", found(got))
	}
}

func TestScanSkipsLongLines(t *testing.T) {
	text := "code 482913\n" + strings.Repeat("JBSWY3DP", lines.MaxLineBytes/8+1) + "\nkey JBSWY3DPEHPK3PXP\n"
	got := found(Scan(text))
	want := []string{`1:6 code "482913" one-time-code`, `3:5 key "JBSWY3DPEHPK3PXP" edit-and-save`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("Scan found %v, want %v", got, want)
	}
}

// TestScanFindsRandomKeys checks the heuristics against real keys: random
// base32 keys as apps and brokers show them, in a sentence. A key of 16
// characters has too few characters to always tell from a word; longer
// ones are found nearly always.
func TestScanFindsRandomKeys(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	for _, size := range []struct {
		chars   int
		minRate float64
	}{{16, 0.94}, {26, 0.95}, {32, 0.98}} {
		for _, style := range []string{"plain", "lower", "groups", "lower groups"} {
			hits, runs := 0, 2000
			for range runs {
				b := make([]byte, size.chars)
				for i := range b {
					b[i] = alphabet[rng.IntN(32)]
				}
				key := string(b)
				if strings.Contains(style, "groups") {
					var g []string
					for i := 0; i < len(key); i += 4 {
						g = append(g, key[i:min(i+4, len(key))])
					}
					key = strings.Join(g, " ")
				}
				if strings.HasPrefix(style, "lower") {
					key = strings.ToLower(key)
				}
				fs := Scan("Hello, my broker shows " + key + " for the account")
				if len(fs) == 1 && fs[0].Kind == FindingKey && fs[0].Text == key {
					hits++
				}
			}
			if rate := float64(hits) / float64(runs); rate < size.minRate {
				t.Errorf("%d characters, %s: found %.1f%% of keys, want at least %.0f%%", size.chars, style, 100*rate, 100*size.minRate)
			}
		}
	}
}

// TestScanReadsLikeScanLine checks that Scan and a Scanner fed line by line
// agree, and that every finding points at its text.
func TestScanReadsLikeScanLine(t *testing.T) {
	text := "Hi,\r\ncode 482913 and key JBSWY3DPEHPK3PXP\r\n\r\nFailed to generate TOTP — ключ JBSW Y3DP EHPK 3PXP\r\n"
	fs := Scan(text)
	if len(fs) != 4 {
		t.Fatalf("Scan found %v, want 4 findings", found(fs))
	}
	checkFindingsPointAtText(t, text, fs)
}

func checkFindingsPointAtText(t *testing.T, text string, fs []Finding) {
	t.Helper()
	lines := strings.Split(text, "\n")
	for _, f := range fs {
		if f.Line < 1 || f.Line > len(lines) {
			t.Fatalf("finding on line %d of %d", f.Line, len(lines))
		}
		line := []byte(strings.TrimSuffix(lines[f.Line-1], "\r"))
		off, col := 0, 1
		for col < f.Column && off < len(line) {
			_, size := utf8.DecodeRune(line[off:])
			off += size
			col++
		}
		if col != f.Column || !bytes.HasPrefix(line[off:], []byte(f.Text)) {
			t.Fatalf("finding %d:%d %q is not at its column in %q", f.Line, f.Column, f.Text, line)
		}
		if f.Text == "" {
			t.Fatalf("finding %d:%d has no text", f.Line, f.Column)
		}
	}
}

func FuzzScan(f *testing.F) {
	f.Add("I entered 482913 in the TOTP key box. Failed to generate TOTP. Key: PFYQ RH5L 7EKN 2XQA")
	f.Add("otpauth://totp/A:B?secret=JBSWY3DPEHPK3PXP&issuer=A otpauth-migration://offline?data=abc")
	f.Add("key JBSW\u200bY3DPEHPK3PX0== code 123 456 https://x.example/a@b jbswy3dpehpk3pxp@example.com")
	f.Add("\x00\xff\r\n\r\ncode:\n12345678\n Invalid   TOTP")
	f.Fuzz(func(t *testing.T, text string) {
		fs := Scan(text)
		checkFindingsPointAtText(t, text, fs)
		for i, g := range fs {
			sameExport := i > 0 && g.Kind == FindingExportLink && fs[i-1].Kind == FindingExportLink && g.Column == fs[i-1].Column
			if i > 0 && !sameExport && (g.Line < fs[i-1].Line || g.Line == fs[i-1].Line && g.Column <= fs[i-1].Column) {
				t.Fatalf("findings out of order: %v", found(fs))
			}
			switch g.Kind {
			case FindingKey, FindingCode, FindingLink, FindingExportLink:
				if g.Result.Class == "" {
					t.Fatalf("finding %q has no class", g.Text)
				}
			case FindingErrorMessage:
				if g.Result.Topic == "" {
					t.Fatalf("error message %q: no topic", g.Text)
				}
			default:
				t.Fatalf("unknown kind %q", g.Kind)
			}
		}
	})
}

func BenchmarkScan(b *testing.B) {
	ticket := []byte(strings.Repeat("Hello team, I entered 482913 in the TOTP key box and it still says Failed to generate TOTP.\n"+
		"My broker shows: PFYQ RH5L 7EKN 2XQA. Client id AB1234, phone +91 98765 43210, order #48291377.\n"+
		"Please help me set up my trading account again, I have been trying since yesterday morning.\n", 50))
	var s Scanner
	var fs []Finding
	b.SetBytes(int64(len(ticket)))
	lr := lines.NewLineReader(nil, 0)
	for b.Loop() {
		s.Reset()
		lr.Reset(bytes.NewReader(ticket))
		for lr.Next() {
			l := lr.Line()
			fs = s.ScanLine(l.Number, l.Text, fs[:0])
		}
	}
}

// BenchmarkScanLongGroupedLine scans a 64 KiB line of groups that look like
// a key but are not one: the work per token is bounded, so this costs about
// as much per byte as ordinary text.
func BenchmarkScanLongGroupedLine(b *testing.B) {
	line := []byte(strings.Repeat("HELLO ", lines.MaxLineBytes/6))
	var s Scanner
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		s.Reset()
		s.ScanLine(1, line, nil)
	}
}
