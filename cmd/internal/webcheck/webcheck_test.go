package webcheck

import (
	"encoding/json"
	"image"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/reply"
	"github.com/totpkey/totpkey/totpkey/code"
	"github.com/totpkey/totpkey/totpkey/qr/qrdraw"
)

const testKey = "JBSWY3DPEHPK3PXP"

func TestCheck(t *testing.T) {
	tests := []struct {
		input, Broker            string
		class, format, verdict   string
		problems, changes        []string
		topic                    string
		exit                     int
		echo, carets, accountLbl string
		topics                   []string
		wantBroker               string // the broker the checks were made for
	}{
		{input: testKey, class: "valid", format: "base32", verdict: "Valid TOTP Key", topic: "edit-and-save", topics: []string{"edit-and-save"}},
		{input: "jbsw y3dp ehpk 3pxp", class: "valid", format: "base32", verdict: "Valid TOTP Key, once cleaned",
			changes: []string{"whitespace", "lowercase"}, topic: "cleaned-key", topics: []string{"cleaned-key"}},
		{input: "123 456", class: "code", format: "digits", verdict: "Not a TOTP Key: this is a one-time code, not the key",
			problems: []string{"one-time-code"}, topic: "one-time-code", exit: 3, topics: []string{"one-time-code"}},
		{input: "JBSWY3DPEHPK3PX0", class: "malformed", format: "base32", verdict: "Not a usable TOTP Key: it has characters a key never contains",
			problems: []string{"invalid-character"}, topic: "invalid-character", exit: 4,
			echo: "•••••••••••••••0", carets: "               ^", topics: []string{"invalid-character"}},
		{input: "", class: "malformed", format: "empty", verdict: "Not a usable TOTP Key: nothing was entered",
			problems: []string{"empty"}, topic: "empty", exit: 4, topics: []string{"empty"}},
		{input: "otpauth://totp/Zerodha:AB1234?secret=" + testKey + "&issuer=Zerodha", class: "valid", format: "otpauth",
			verdict: "Valid TOTP Key, once cleaned", changes: []string{"uri"}, topic: "cleaned-key", accountLbl: "Zerodha (AB1234)", topics: []string{"cleaned-key"},
			wantBroker: "zerodha"}, // the link's issuer
		// A broker with notes of its own adds them, and where it shows the key.
		{input: testKey, Broker: "dhan", class: "valid", format: "base32", verdict: "Valid TOTP Key", topic: "edit-and-save",
			topics: []string{"edit-and-save", "dhan", "broker-dhan"}, wantBroker: "dhan"},
	}
	for _, tt := range tests {
		t.Run(tt.input, func(t *testing.T) {
			resp := Check(tt.input, tt.Broker)
			if len(resp.Results) != 1 {
				t.Fatalf("%d results", len(resp.Results))
			}
			r := resp.Results[0]
			if r.Class != tt.class || r.Format != tt.format || r.Verdict != tt.verdict || r.Topic != tt.topic || r.ExitCode != tt.exit {
				t.Errorf("got class %q format %q verdict %q topic %q exit %d", r.Class, r.Format, r.Verdict, r.Topic, r.ExitCode)
			}
			if got := problemIDs(r); !slices.Equal(got, tt.problems) {
				t.Errorf("problems %q, want %q", got, tt.problems)
			}
			var changes []string
			for _, c := range r.Changes {
				changes = append(changes, c.ID)
			}
			if !slices.Equal(changes, tt.changes) {
				t.Errorf("changes %q, want %q", changes, tt.changes)
			}
			if r.Echo != tt.echo || r.Carets != tt.carets {
				t.Errorf("echo %q / %q, want %q / %q", r.Echo, r.Carets, tt.echo, tt.carets)
			}
			if r.AccountLabel != tt.accountLbl {
				t.Errorf("account %q, want %q", r.AccountLabel, tt.accountLbl)
			}
			var topics []string
			for _, tv := range resp.Topics {
				topics = append(topics, tv.ID)
			}
			if !slices.Equal(topics, tt.topics) {
				t.Errorf("topics %q, want %q", topics, tt.topics)
			}
			if r.Broker != tt.wantBroker {
				t.Errorf("broker %q, want %q", r.Broker, tt.wantBroker)
			}
		})
	}
}

func problemIDs(r ResultView) []string {
	var ids []string
	for _, p := range r.Problems {
		ids = append(ids, p.ID)
	}
	return ids
}

func TestCheckCode(t *testing.T) {
	at := time.Now()
	gen, err := code.NewGenerator(testKey, code.DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	now, previous := gen.Code(at), gen.Code(at.Add(-30*time.Second))
	// The look-alike key read right: its last 0 is the letter O.
	repairedGen, err := code.NewGenerator("JBSWY3DPEHPK3PXO", code.DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	repairedNow := repairedGen.Code(at)
	tests := []struct {
		input, otp, words, err string
		exit                   int
	}{
		{testKey, now, "match: the key gives this code now, so it is the key in your app", "", 0},
		{testKey, previous, "match, with the code of the previous 30 seconds", "", 0},
		{testKey, "000000", "no match: the key does not give the code you entered, now or within 30 seconds either side", "", 5},
		{"JBSWY3DPEHPK3PX0", repairedNow, "match, once the look-alike characters are read as the letters the code confirmed above", "", 4},
		{testKey, "12ab", "", "a code is 6 to 8 digits, such as 123456 or 123 456", 0},
	}
	for _, tt := range tests {
		resp := CheckCode(tt.input, tt.otp, "", at)
		if resp.Error != tt.err {
			t.Errorf("%s %s: error %q, want %q", tt.input, tt.otp, resp.Error, tt.err)
		}
		r := resp.Results[0]
		if !strings.HasPrefix(r.CodeWords, tt.words) || r.ExitCode != tt.exit {
			t.Errorf("%s %s: %q exit %d, want %q exit %d", tt.input, tt.otp, r.CodeWords, r.ExitCode, tt.words, tt.exit)
		}
	}
	// The repaired key: confirmed letter, masked form for the page.
	r := CheckCode("JBSWY3DPEHPK3PX0", repairedNow, "", at).Results[0]
	if r.CodeCheck == nil || r.CodeCheck.RepairedKey == nil || r.CodeCheck.RepairedKey.Value != "JBSWY3DPEHPK3PXO" ||
		r.CodeCheck.RepairedKey.Masked != "JBSW••••••••••••" || r.Problems[0].Confirmed == nil || !*r.Problems[0].Confirmed {
		t.Errorf("repair: %+v", r.CodeCheck)
	}
}

func TestReadQR(t *testing.T) {
	qrc, err := qrdraw.Code("otpauth://totp/Zerodha:AB1234?secret="+testKey+"&issuer=Zerodha", 400)
	if err != nil {
		t.Fatal(err)
	}
	codes := []*image.Gray{qrc}
	shot, err := qrdraw.Encode(qrdraw.Screenshot(codes, qrdraw.Column(codes, 700)), ".png", 0)
	if err != nil {
		t.Fatal(err)
	}
	resp := ReadQR(shot, "")
	if resp.Error != "" || len(resp.Results) != 1 || resp.Results[0].AccountLabel != "Zerodha (AB1234)" || resp.Results[0].Secret.Value != testKey {
		t.Errorf("screenshot: %+v", resp)
	}
	blank, _ := qrdraw.Encode(qrdraw.Screenshot(nil, nil), ".png", 0)
	if r := ReadQR(blank, "").Results; len(r) != 1 || problemIDs(r[0])[0] != "no-qr" || r[0].Verdict != "Not a usable TOTP Key: no QR code could be read" {
		t.Errorf("blank screen: %+v", r)
	}
	if resp := ReadQR([]byte("not an image"), ""); resp.Error == "" || len(resp.Results) != 0 {
		t.Errorf("not an image: %+v", resp)
	}
}

func TestTicket(t *testing.T) {
	v := Ticket("Hi, I get \"Failed to generate TOTP\".\nMy key is JBSWY3DPEHPK3PX0 and the code was 123456.\n")
	var kinds []string
	for _, f := range v.Findings {
		kinds = append(kinds, f.Kind+" "+f.Shown)
		if f.Result.Secret != nil && f.Result.Secret.Value != "" {
			t.Errorf("finding %q carries the key", f.Shown)
		}
	}
	want := []string{"error-message Failed to generate TOTP", "key JBSW••••••••••••", "code 123456"}
	if !slices.Equal(kinds, want) {
		t.Errorf("findings %q, want %q", kinds, want)
	}
	if len(v.Topics) == 0 {
		t.Error("no topics for the ticket")
	}
	// The reply is the command's (validate --scan --reply), secrets masked.
	facts := reply.FactsOf("Hi, I get \"Failed to generate TOTP\".\nMy key is JBSWY3DPEHPK3PX0 and the code was 123456.\n")
	findings, b := scanTicket("Hi, I get \"Failed to generate TOTP\".\nMy key is JBSWY3DPEHPK3PX0 and the code was 123456.\n")
	if want := reply.ForFindings(findings, &facts, b); v.Reply != want || !strings.HasPrefix(v.Reply, "Hello,") {
		t.Errorf("the page's reply:\n%s\nthe command's:\n%s", v.Reply, want)
	}
	if strings.Contains(v.Reply, "Y3DPEHPK") || !strings.Contains(v.Reply, "Validate & Save") {
		t.Errorf("reply shows the key or lacks the fix:\n%s", v.Reply)
	}
	const ticket = "Key JBSWY3DPEHPK3PXP, again: jbsw y3dp ehpk 3pxp\r\nlink otpauth://totp/X?secret=KRUGKIDROVUWG2ZAMJZG653OEBTG66BA code 123456\n"
	masked := Ticket(ticket).MaskedText
	for _, secret := range []string{"Y3DPEHPK3PXP", "y3dp ehpk 3pxp", "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA"} {
		if strings.Contains(masked, secret) {
			t.Errorf("masked ticket %q shows %q", masked, secret)
		}
	}
	for _, kept := range []string{"Key JBSW", ", again: "} {
		if !strings.Contains(masked, kept) {
			t.Errorf("masked ticket %q lost %q", masked, kept)
		}
	}
	// A ticket that names its broker gets that broker's checks.
	v = Ticket("I trade with Zerodha and my key JBSWY3DPEHPK3PXP fails")
	if v.Broker != "zerodha" || len(v.Findings) != 1 || problemIDs(v.Findings[0].Result)[0] != "partial-key" {
		t.Errorf("a ticket naming Zerodha: %+v", v)
	}
	if v := Ticket("nothing here"); len(v.Findings) != 0 || v.Findings == nil || v.MaskedText != "nothing here" {
		t.Errorf("empty ticket: %+v", v)
	}
}

// TestTopicSteps: the fix steps carry the article's labels as written.
func TestTopicSteps(t *testing.T) {
	tv, ok := TopicByID("edit-and-save")
	if !ok {
		t.Fatal("no topic edit-and-save")
	}
	var steps []string
	for _, b := range tv.Blocks {
		if b.Kind == "step" {
			steps = append(steps, b.Text)
		}
	}
	all := strings.Join(steps, "\n")
	for _, label := range []string{"Accounts -> Trading Accounts", "EDIT icon", "Validate & Save"} {
		if !strings.Contains(all, label) {
			t.Errorf("the steps do not say %q: %q", label, all)
		}
	}
	if _, ok := TopicByID("no-such-topic"); ok {
		t.Error("an unknown topic was found")
	}
}

func TestBrokers(t *testing.T) {
	bs := Brokers()
	if len(bs) < 11 || bs[0].ID != "zerodha" || bs[0].Name != "Zerodha" || bs[0].KeyLength != 32 {
		t.Fatalf("brokers: %+v", bs)
	}
	// Picking a broker makes its checks: a key shorter than Zerodha's.
	r := Check(testKey, "zerodha")
	if got := problemIDs(r.Results[0]); len(got) != 1 || got[0] != "partial-key" || r.Results[0].Broker != "zerodha" || r.Results[0].ExitCode != 4 {
		t.Errorf("a 16-character key at Zerodha: %+v", r.Results[0])
	}
	var topics []string
	for _, tv := range r.Topics {
		topics = append(topics, tv.ID)
	}
	if !slices.Equal(topics, []string{"partial-key", "broker-zerodha"}) {
		t.Errorf("topics %q", topics)
	}
	// Dhan: its note and where it shows the key, after the fix.
	topics = nil
	for _, tv := range Check(testKey, "dhan").Topics {
		topics = append(topics, tv.ID)
	}
	if !slices.Equal(topics, []string{"edit-and-save", "dhan", "broker-dhan"}) {
		t.Errorf("Dhan topics %q", topics)
	}
	// An unknown id is no broker; a link's issuer names one.
	if r := Check(testKey, "nosuchbroker").Results[0]; r.Broker != "" || r.Class != "valid" {
		t.Errorf("unknown broker: %+v", r)
	}
	if r := Check("otpauth://totp/Zerodha:AB1234?secret="+testKey+"&issuer=Zerodha", "").Results[0]; r.Broker != "zerodha" {
		t.Errorf("link issuer: broker %q", r.Broker)
	}
}

// TestViewsMaskTheKey: apart from the value the page keeps in memory, no
// field of a view carries more than 4 characters of the key in a row.
func TestViewsMaskTheKey(t *testing.T) {
	for _, in := range []string{testKey, "jbsw y3dp ehpk 3pxp", testKey + testKey, "Key: " + testKey + " 123456",
		"otpauth://totp/X?secret=" + testKey, "jbsw-y3dp-ehpk-3pxp===", "\u200b" + testKey} {
		resp := Check(in, "")
		if resp.Results[0].Secret == nil {
			t.Fatalf("%q: no key found", in)
		}
		assertMasked(t, in, resp)
	}
}

func assertMasked(t *testing.T, input string, resp Response) {
	t.Helper()
	var keys []string
	for i := range resp.Results {
		r := &resp.Results[i]
		if r.Secret != nil {
			keys = append(keys, r.Secret.Value)
			r.Secret.Value = ""
		}
		if r.CodeCheck != nil && r.CodeCheck.RepairedKey != nil {
			keys = append(keys, r.CodeCheck.RepairedKey.Value)
			r.CodeCheck.RepairedKey.Value = ""
		}
	}
	// With no key found there is nothing to mask: the echo shows the bad
	// characters by design, as the text output does.
	b, _ := json.Marshal(resp)
	s := strings.ToUpper(string(b))
	for _, key := range keys {
		for i := 0; i+5 <= len(key); i++ {
			if run := key[i : i+5]; strings.Trim(run, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") == "" && strings.Contains(s, run) {
				t.Errorf("%q: the view shows %q of the key: %s", input, key[i:i+5], b)
				return
			}
		}
	}
}
