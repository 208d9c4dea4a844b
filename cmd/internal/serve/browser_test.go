package serve

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/totpkey/totpkey/totpkey/code"
	"github.com/totpkey/totpkey/totpkey/qr/qrdraw"
)

// The browser test drives the page in a real Chromium (Debian's chromium
// package; .ci/run installs it). It skips without one unless
// TOTPKEY_REQUIRE_CHROMIUM=1. With TOTPKEY_UPDATE_SCREENSHOT=1 it writes
// the page's picture in the README, docs/serve.png.

const (
	testKey     = "JBSWY3DPEHPK3PXP"
	groupedKey  = "jbsw y3dp ehpk 3pxp"
	lookalike   = "JBSWY3DPEHPK3PX0"
	screenshotQ = "otpauth://totp/Zerodha:AB1234?secret=" + testKey + "&issuer=Zerodha"
)

func chromiumPath(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("TOTPKEY_REQUIRE_CHROMIUM") == "1" {
		t.Fatal("no chromium on PATH, and TOTPKEY_REQUIRE_CHROMIUM=1: apt-get install chromium")
	}
	t.Skip("no chromium on PATH (apt-get install chromium); TOTPKEY_REQUIRE_CHROMIUM=1 makes this a failure")
	return ""
}

// requestLog records every request the page sends.
type requestLog struct {
	mu       sync.Mutex
	requests []string // each as JSON: URL, headers, body
	document http.Header
}

func (l *requestLog) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.requests...)
}

func TestBrowserPage(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test is not short")
	}
	chromium := chromiumPath(t)
	pageURL := startServer(t, &Options{})

	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("no-default-browser-check", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true), // containers have a small /dev/shm
		chromedp.UserDataDir(t.TempDir()),
	)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(alloc)
	defer cancel()
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelTimeout()

	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(expr string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return s
	}
	// waitFor waits until the JavaScript condition holds, and fails the
	// test with what the page says when it does not.
	waitFor := func(what, cond string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Fatalf("%s: %v; the page says: %s", what, err, eval(`document.body.innerText`))
		}
	}
	text := func(id string) string { return eval(`document.getElementById(` + jsString(id) + `).textContent`) }
	typeKey := func(s string) {
		t.Helper()
		do("typing", clearField("key"), chromedp.SendKeys(chromedp.ID("key"), s))
	}

	do("starting chromium", chromedp.EmulateViewport(360, 800))
	log := &requestLog{}
	err := chromedp.Listen(ctx, func(ev any) {
		log.mu.Lock()
		defer log.mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventRequestWillBeSent:
			b, _ := json.Marshal(ev.Request)
			log.requests = append(log.requests, string(b))
		case *network.EventResponseReceived:
			if ev.Type == network.ResourceTypeDocument {
				log.document = http.Header{}
				for k, v := range ev.Response.Headers {
					log.document.Set(k, fmt.Sprint(v))
				}
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}

	do("loading the page", chromedp.Navigate(pageURL))
	waitFor("the checker starts", `performance.getEntriesByName('totpkey-ready').length > 0`)
	loaded := len(log.all())
	t.Logf("first load: the checker was ready %s ms after the navigation started",
		eval(`String(Math.round(performance.getEntriesByName('totpkey-ready')[0].startTime))`))

	// A grouped, lower-case key: valid once cleaned; masked until Show.
	typeKey(groupedKey)
	waitFor("a verdict for the grouped key", `document.getElementById('verdict').textContent.startsWith('Valid TOTP Key')`)
	if got := text("verdict"); got != "Valid TOTP Key, once cleaned" {
		t.Errorf("grouped key: verdict %q", got)
	}
	if got := eval(`document.getElementById('verdict').getAttribute('role')`); got != "status" {
		t.Errorf("the verdict's role is %q, want status", got)
	}
	assertMasked(t, "before Show", eval(`document.body.innerText`), eval(`document.getElementById('key').type`))
	if got := text("cleaned"); got != "JBSW••••••••••••" {
		t.Errorf("cleaned key shown as %q, want JBSW••••••••••••", got)
	}
	if !strings.Contains(text("topics"), "Validate & Save") {
		t.Errorf("the fix steps do not name Validate & Save: %q", text("topics"))
	}
	do("pressing Show", chromedp.Click(chromedp.ID("show")))
	if got := text("cleaned"); got != testKey {
		t.Errorf("after Show: cleaned key %q, want %s", got, testKey)
	}
	do("pressing Hide", chromedp.Click(chromedp.ID("show")))
	// Copy cleaned key: the whole key on the clipboard, none on the page.
	origin := strings.TrimSuffix(pageURL, "/")
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		if _, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name}, Setting: browser.PermissionSettingGranted, Origin: origin}); err != nil {
			t.Fatal(err)
		}
	}
	do("pressing Copy cleaned key", chromedp.Click(chromedp.ID("copy")))
	waitFor("the copy", `document.getElementById('copy-status').textContent !== ''`)
	if got := text("copy-status"); got != "Copied the cleaned key." {
		t.Errorf("Copy cleaned key: %q", got)
	}
	copied, err := chromedp.Run(ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil || copied != testKey {
		t.Errorf("the clipboard holds %q (%v), want the cleaned key", copied, err)
	}
	assertMasked(t, "after Hide", eval(`document.body.innerText`), eval(`document.getElementById('key').type`))
	if w := eval(`document.documentElement.scrollWidth + ' of ' + document.documentElement.clientWidth`); w != "345 of 345" && w != "360 of 360" {
		t.Errorf("at 360 pixels wide the page's width is %s (it scrolls sideways)", w)
	}

	// The code from the app.
	gen, err := code.NewGenerator(testKey, code.DefaultParams())
	if err != nil {
		t.Fatal(err)
	}
	otp := gen.Code(time.Now())
	do("checking the code", clearField("otp"), chromedp.SendKeys(chromedp.ID("otp"), otp), chromedp.Click(chromedp.ID("check-code")))
	waitFor("the code check", `document.getElementById('code-result').textContent !== ''`)
	if got := text("code-result"); !strings.HasPrefix(got, "Code: match") {
		t.Errorf("code check: %q", got)
	}

	// A one-time code instead of the key.
	typeKey("123 456")
	waitFor("a verdict for a code", `document.getElementById('verdict').textContent.startsWith('Not a TOTP Key')`)
	if got := text("verdict"); got != "Not a TOTP Key: this is a one-time code, not the key" {
		t.Errorf("code: verdict %q", got)
	}

	// A look-alike: the caret under the 16th character.
	typeKey(lookalike)
	waitFor("a verdict for the look-alike", `document.getElementById('verdict').textContent.startsWith('Not a usable')`)
	echo := strings.Split(text("echo"), "\n")
	if len(echo) != 2 || echo[0] != strings.Repeat("•", 15)+"0" || echo[1] != strings.Repeat(" ", 15)+"^" {
		t.Errorf("look-alike: echo %q, want the 0 with a caret under it", echo)
	}
	if !strings.Contains(text("problems"), "did you mean the letter O?") {
		t.Errorf("look-alike: problems %q", text("problems"))
	}
	assertMasked(t, "look-alike", eval(`document.body.innerText`), eval(`document.getElementById('key').type`))

	// The broker picker: Zerodha's keys are 32 characters, so this one is
	// part of a key; the page says where Zerodha shows it.
	typeKey(testKey)
	do("picking Zerodha", chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('broker'); s.value = 'zerodha'; s.dispatchEvent(new Event('change')); })()`))
	waitFor("the verdict for Zerodha", `document.getElementById('verdict').textContent.startsWith('Not a usable')`)
	if !strings.Contains(text("topics"), "Where Zerodha shows the TOTP Key") || !strings.Contains(text("problems"), "Zerodha") {
		t.Errorf("Zerodha picked: problems %q, topics %q", text("problems"), text("topics"))
	}
	do("unpicking", chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('broker'); s.value = ''; s.dispatchEvent(new Event('change')); })()`))

	// A screenshot pasted: the account.
	shot := screenshotPNG(t)
	do("pasting a screenshot", chromedp.Evaluate[chromedp.Void](`(() => {
		const b = Uint8Array.from(atob(`+jsString(base64.StdEncoding.EncodeToString(shot))+`), (c) => c.charCodeAt(0));
		const dt = new DataTransfer();
		dt.items.add(new File([b], 'screenshot.png', { type: 'image/png' }));
		document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true }));
	})()`))
	waitFor("the QR code read", `document.getElementById('account').textContent !== ''`)
	if got := text("account"); got != "Account: Zerodha (AB1234)" {
		t.Errorf("screenshot: account %q", got)
	}
	if got := text("verdict"); got != "Valid TOTP Key, once cleaned" {
		t.Errorf("screenshot: verdict %q", got)
	}
	assertMasked(t, "screenshot", eval(`document.body.innerText`), eval(`document.getElementById('key').type`))

	// The Ticket tab, opened with the keyboard (arrow keys move between
	// tabs): findings, keys masked.
	do("opening the Ticket tab", chromedp.Focus(chromedp.ID("tab-key")), chromedp.KeyEvent(kb.ArrowRight))
	if got := eval(`[document.activeElement.id, document.getElementById('panel-ticket').hidden, document.getElementById('panel-key').hidden].join()`); got != "tab-ticket,false,true" {
		t.Errorf("ArrowRight on the first tab: focus, ticket hidden, key hidden = %s; want tab-ticket,false,true", got)
	}
	do("pasting a ticket", chromedp.Evaluate[chromedp.Void](`document.getElementById('ticket').value = `+
		jsString("Hello, I get Failed to generate TOTP.\nMy key is "+lookalike+" and the code was 123456.\n")),
		chromedp.Click(`#ticket-form button[type=submit]`))
	waitFor("the ticket's findings", `document.getElementById('findings').children.length > 0`)
	findings := text("findings")
	for _, want := range []string{"JBSW", "Not a usable TOTP Key: it has characters a key never contains", "error-message"} {
		if !strings.Contains(findings, want) {
			t.Errorf("ticket findings %q do not say %q", findings, want)
		}
	}
	if reply := text("reply"); !strings.HasPrefix(reply, "Hello,") || !strings.Contains(reply, "Validate & Save") {
		t.Errorf("the ticket's reply %q: want the reply validate --scan --reply writes", reply)
	}
	assertMasked(t, "ticket", eval(`document.body.innerText + document.getElementById('ticket').value`), "password")

	// The network: the module was the last thing loaded; no request, at
	// any time, carries the key or any 5 characters of what was typed.
	requests := log.all()
	for _, r := range requests[loaded:] {
		if !strings.Contains(r, `"url":"`+strings.TrimSuffix(pageURL, "/")) {
			t.Errorf("a request after load left the page's server: %s", r)
		}
	}
	for _, r := range requests {
		for _, typed := range []string{groupedKey, testKey, lookalike} {
			if leaked := sharesRun(r, typed, 5); leaked != "" {
				t.Errorf("a request carries %q of a key typed: %s", leaked, r)
			}
		}
	}
	t.Logf("%d requests in all, %d after the module loaded", len(requests), len(requests)-loaded)
	log.mu.Lock()
	csp := log.document.Get("Content-Security-Policy")
	log.mu.Unlock()
	if csp != ContentSecurityPolicy {
		t.Errorf("the page came with Content-Security-Policy %q", csp)
	}

	// A request with another Host header, as a rebound name sends it.
	req, _ := http.NewRequest("GET", pageURL, nil)
	req.Host = "attacker.example:" + must(url.Parse(pageURL)).Port()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host header: status %d, want 421", resp.StatusCode)
	}

	// Once loaded, the page forbids itself any request.
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch('/probe').then(() => 'fetched', () => 'refused')`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	if got != "refused" {
		t.Errorf("a fetch after load was %s, want refused by the page's policy", got)
	}

	// How fast the first verdict comes: a fresh load, the key typed as soon
	// as the field is there.
	do("reloading", chromedp.Navigate("about:blank"), chromedp.Navigate(pageURL))
	typeKey(testKey)
	waitFor("the first verdict", `performance.getEntriesByName('totpkey-first-verdict').length > 0`)
	ms := eval(`['totpkey-ready', 'totpkey-first-verdict'].map((n) => Math.round(performance.getEntriesByName(n)[0].startTime) + ' ms').join(', ')`)
	t.Logf("reload (module cached): after the navigation started, checker ready, first verdict: %s (target: the first verdict within 1 s)", ms)

	if os.Getenv("TOTPKEY_UPDATE_SCREENSHOT") == "1" {
		writeScreenshot(t, ctx, do, typeKey, waitFor)
	}
}

// writeScreenshot takes the README's picture of the page: a key with a
// look-alike character, at a phone's width.
func writeScreenshot(t *testing.T, ctx context.Context, do func(string, ...chromedp.Action[chromedp.Void]),
	typeKey func(string), waitFor func(string, string)) {
	do("sizing for the screenshot", chromedp.EmulateViewport(480, 900))
	typeKey("JBSW Y3DP EHPK 3PX0")
	waitFor("the verdict for the screenshot", `document.getElementById('verdict').textContent.startsWith('Not a usable')`)
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "..", "..", "docs", "serve.png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", path, len(png))
}

// assertMasked fails when text shows more than 4 characters in a row of a
// key typed, or when the key field is not a password field.
func assertMasked(t *testing.T, when, text, fieldType string) {
	t.Helper()
	for _, typed := range []string{groupedKey, testKey, lookalike} {
		if leaked := sharesRun(text, typed, 5); leaked != "" {
			t.Errorf("%s: the page shows %q of a key", when, leaked)
			break
		}
	}
	if fieldType != "password" {
		t.Errorf("%s: the key field is %q, want password (masked)", when, fieldType)
	}
}

// sharesRun returns a run of n characters of secret (upper or lower case,
// spaces ignored) that s contains, or "".
func sharesRun(s, secret string, n int) string {
	secret = strings.ReplaceAll(secret, " ", "")
	for _, sec := range []string{strings.ToUpper(secret), strings.ToLower(secret)} {
		for i := 0; i+n <= len(sec); i++ {
			if strings.Contains(s, sec[i:i+n]) {
				return sec[i : i+n]
			}
		}
	}
	return ""
}

// screenshotPNG is a phone screenshot of a broker's setup page with the
// QR code of screenshotQ.
func screenshotPNG(t *testing.T) []byte {
	t.Helper()
	qrc, err := qrdraw.Code(screenshotQ, 400)
	if err != nil {
		t.Fatal(err)
	}
	codes := []*image.Gray{qrc}
	img := qrdraw.Screenshot(codes, qrdraw.Column(codes, 700))
	data, err := qrdraw.Encode(img, ".png", 0)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// clearField empties the field with the given id.
func clearField(id string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`document.getElementById(` + jsString(id) + `).value = ''`)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
