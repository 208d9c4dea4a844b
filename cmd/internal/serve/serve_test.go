package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is an output both the server and the test use.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// startServer runs serve with opts until the test ends, and returns the
// page's address, read from the first line of its output.
func startServer(t *testing.T, opts *Options) string {
	t.Helper()
	pr, pw := io.Pipe()
	opts.Out = pw
	if opts.ErrOut == nil {
		opts.ErrOut = io.Discard
	}
	if opts.Addr == "" {
		opts.Addr = DefaultAddr
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Run(ctx, opts); pw.Close() }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve ended with %v after the interrupt, want nil (exit 0)", err)
		}
	})
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the first line: %v", err)
	}
	go io.Copy(io.Discard, pr)
	return strings.TrimSuffix(line, "\n")
}

func TestRunPrintsURLFirstAndServes(t *testing.T) {
	url := startServer(t, &Options{})
	if !regexp.MustCompile(`^http://127\.0\.0\.1:[0-9]+/$`).MatchString(url) {
		t.Fatalf("first line %q, want http://127.0.0.1:PORT/", url)
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Content-Security-Policy") != ContentSecurityPolicy {
		t.Errorf("GET %s: %d, CSP %q", url, resp.StatusCode, resp.Header.Get("Content-Security-Policy"))
	}
	// A request under another name, as a DNS rebinding page makes it.
	req, _ := http.NewRequest("GET", url, nil)
	req.Host = "rebind.example" + strings.TrimPrefix(strings.TrimSuffix(url, "/"), "http://127.0.0.1")
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host: status %d, want 421", resp.StatusCode)
	}
}

func TestRunAddr(t *testing.T) {
	errUsage := errors.New("usage")
	usage := func(hint, format string, args ...any) error { return errUsage }
	tests := []struct {
		addr   string
		remote bool
		want   error
	}{
		{"0.0.0.0:0", false, errUsage},
		{"192.0.2.1:0", false, errUsage},
		{"example.com:0", false, errUsage},
		{"127.0.0.1", false, errUsage}, // no port
	}
	for _, tt := range tests {
		opts := &Options{Addr: tt.addr, AllowRemote: tt.remote, Out: io.Discard, ErrOut: io.Discard, UsageError: usage}
		if err := Run(context.Background(), opts); !errors.Is(err, tt.want) {
			t.Errorf("--addr %s: %v, want %v", tt.addr, err, tt.want)
		}
	}
	// With --allow-remote, all addresses; the page's address names loopback.
	url := startServer(t, &Options{Addr: "0.0.0.0:0", AllowRemote: true})
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Errorf("--addr 0.0.0.0:0 --allow-remote: first line %q", url)
	}
	// localhost is loopback.
	url = startServer(t, &Options{Addr: "localhost:0"})
	if !strings.HasPrefix(url, "http://localhost:") {
		t.Errorf("--addr localhost:0: first line %q", url)
	}
}

func TestRunListenError(t *testing.T) {
	opts := &Options{Addr: DefaultAddr, Out: io.Discard, ErrOut: io.Discard,
		Listen: func(string, string) (net.Listener, error) { return nil, errors.New("address in use") }}
	err := Run(context.Background(), opts)
	if err == nil || !strings.Contains(err.Error(), "cannot listen on 127.0.0.1:0: address in use") {
		t.Errorf("Run = %v", err)
	}
}

func TestRunOpen(t *testing.T) {
	opened := make(chan string, 1)
	var errOut lockedBuffer
	url := startServer(t, &Options{Open: true, ErrOut: &errOut, OpenBrowser: func(u string) error {
		opened <- u
		return nil
	}})
	select {
	case u := <-opened:
		if u != url {
			t.Errorf("opened %q, want %s", u, url)
		}
	case <-time.After(5 * time.Second):
		t.Error("--open opened nothing")
	}
	url = startServer(t, &Options{Open: true, ErrOut: &errOut, OpenBrowser: func(string) error {
		return ErrNoBrowser
	}})
	want := "totpkey: warning: cannot open a browser; open " + url + " yourself\n"
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(errOut.String(), want) && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if !strings.Contains(errOut.String(), want) {
		t.Errorf("standard error %q, want %q", errOut.String(), want)
	}
}

func TestBrowserCommand(t *testing.T) {
	for goos, want := range map[string]string{
		"linux":   "xdg-open [u]",
		"freebsd": "xdg-open [u]",
		"darwin":  "open [u]",
		"windows": "rundll32 [url.dll,FileProtocolHandler u]",
	} {
		name, args := browserCommand(goos, "u")
		if got := name + " " + strings.Join(strings.Fields("["+strings.Join(args, " ")+"]"), " "); got != want {
			t.Errorf("%s: %q, want %q", goos, got, want)
		}
	}
}

func TestOpenBrowserWithoutTool(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if err := OpenBrowser("http://127.0.0.1:1/"); !errors.Is(err, ErrNoBrowser) {
		t.Errorf("OpenBrowser with no tool on PATH = %v, want ErrNoBrowser", err)
	}
}

func TestExport(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "page")
	if err := Run(context.Background(), &Options{Export: dir, Out: io.Discard, ErrOut: io.Discard}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "app.js", "app.css", "wasm_exec.js", "totpkey.wasm"} {
		wantData, err := fs.ReadFile(Assets(), name)
		if name == "totpkey.wasm" { // kept compressed, exported as it is served
			var gz []byte
			if gz, err = fs.ReadFile(Assets(), name+".gz"); err == nil {
				wantData, err = gunzip(gz)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != string(wantData) {
			t.Errorf("%s: exported %d bytes (%v), want %d", name, len(got), err, len(wantData))
		}
	}
	// Into a file's place: an error, not a panic.
	file := filepath.Join(t.TempDir(), "f")
	os.WriteFile(file, nil, 0o644)
	if err := Export(Assets(), file); err == nil {
		t.Error("Export into a file: no error")
	}
}
