package serve

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

func TestHostCheck(t *testing.T) {
	check := HostCheck{Port: "8080", Names: []string{"myhost.lan"}}
	tests := []struct {
		host string
		want bool
	}{
		{"127.0.0.1:8080", true},
		{"localhost:8080", true},
		{"LOCALHOST:8080", true},
		{"[::1]:8080", true},
		{"192.168.1.5:8080", true}, // an IP address cannot be rebound
		{"myhost.lan:8080", true},  // named with --addr
		{"127.0.0.1:8081", false},  // another port: another server
		{"127.0.0.1", false},       // no port
		{"localhost", false},
		{"evil.example:8080", false}, // DNS rebinding: the attacker's name
		{"localhost.evil.example:8080", false},
		{"127.0.0.1.nip.io:8080", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := check.Allows(tt.host); got != tt.want {
			t.Errorf("Allows(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
}

var testAssets = fstest.MapFS{
	"index.html":      {Data: []byte("<!doctype html><title>t</title>")},
	"app.js":          {Data: []byte("'use strict';")},
	"totpkey.wasm.gz": {Data: gzipped(strings.Repeat("\x00asm", 1000))},
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func get(t *testing.T, h http.Handler, method, host, path string, header map[string]string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, "http://"+host+path, nil)
	req.Host = host
	for k, v := range header {
		req.Header.Set(k, v)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func TestHandlerHeadersAndFiles(t *testing.T) {
	h := Handler(testAssets, HostCheck{Port: "8080"}, "http://127.0.0.1:8080/")
	tests := []struct {
		name, method, host, path string
		status                   int
		ctype, body              string
	}{
		{"page", "GET", "127.0.0.1:8080", "/", 200, "text/html; charset=utf-8", "<title>t</title>"},
		{"script", "GET", "localhost:8080", "/app.js", 200, "text/javascript; charset=utf-8", "use strict"},
		{"module, decompressed", "GET", "127.0.0.1:8080", "/totpkey.wasm", 200, "application/wasm", "\x00asm"},
		{"no .gz by name", "GET", "127.0.0.1:8080", "/totpkey.wasm.gz", 404, "text/plain; charset=utf-8", "not found"},
		{"missing", "GET", "127.0.0.1:8080", "/nope.js", 404, "text/plain; charset=utf-8", "not found"},
		{"escape", "GET", "127.0.0.1:8080", "/../../etc/passwd", 404, "text/plain; charset=utf-8", "not found"},
		{"post", "POST", "127.0.0.1:8080", "/", 405, "text/plain; charset=utf-8", "GET or HEAD"},
		{"foreign host", "GET", "evil.example:8080", "/", 421, "text/plain; charset=utf-8", "DNS rebinding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := get(t, h, tt.method, tt.host, tt.path, nil)
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.ctype {
				t.Errorf("Content-Type %q, want %q", got, tt.ctype)
			}
			if !strings.Contains(string(body), tt.body) {
				t.Errorf("body %q does not contain %q", body, tt.body)
			}
			for k, v := range securityHeaders {
				if got := resp.Header.Get(k); got != v {
					t.Errorf("%s = %q, want %q", k, got, v)
				}
			}
		})
	}
}

func TestHandlerRefusalNamesThePage(t *testing.T) {
	h := Handler(testAssets, HostCheck{Port: "8080"}, "http://127.0.0.1:8080/")
	resp := get(t, h, "GET", strings.Repeat("x", 300)+".example:8080", "/", nil)
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusMisdirectedRequest {
		t.Fatalf("status %d, want 421", resp.StatusCode)
	}
	if !strings.Contains(string(body), "Open http://127.0.0.1:8080/ instead") {
		t.Errorf("refusal does not name the page: %q", body)
	}
	if len(body) > 400 {
		t.Errorf("refusal quotes the whole host: %d bytes", len(body))
	}
}

func TestHandlerGzip(t *testing.T) {
	h := Handler(testAssets, HostCheck{Port: "8080"}, "http://127.0.0.1:8080/")
	want := strings.Repeat("\x00asm", 1000)
	for _, accept := range []string{"gzip, deflate, br", "br;q=1.0, gzip;q=0.8", "", "br", "gzip;q=0"} {
		resp := get(t, h, "GET", "127.0.0.1:8080", "/totpkey.wasm", map[string]string{"Accept-Encoding": accept})
		body, _ := io.ReadAll(resp.Body)
		wantGzip := strings.Contains(accept, "gzip") && !strings.Contains(accept, "q=0,") && !strings.HasSuffix(accept, "q=0")
		if got := resp.Header.Get("Content-Encoding") == "gzip"; got != wantGzip {
			t.Errorf("Accept-Encoding %q: gzip %v, want %v", accept, got, wantGzip)
		}
		if wantGzip {
			zr, err := gzip.NewReader(bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			body, _ = io.ReadAll(zr)
		}
		if string(body) != want {
			t.Errorf("Accept-Encoding %q: the module is %d bytes, want %d", accept, len(body), len(want))
		}
	}
}

func TestHandlerETag(t *testing.T) {
	h := Handler(testAssets, HostCheck{Port: "8080"}, "http://127.0.0.1:8080/")
	for _, accept := range []string{"gzip", ""} {
		first := get(t, h, "GET", "127.0.0.1:8080", "/totpkey.wasm", map[string]string{"Accept-Encoding": accept})
		etag := first.Header.Get("ETag")
		if first.StatusCode != 200 || len(etag) < 10 {
			t.Fatalf("status %d, ETag %q", first.StatusCode, etag)
		}
		again := get(t, h, "GET", "127.0.0.1:8080", "/totpkey.wasm", map[string]string{"Accept-Encoding": accept, "If-None-Match": etag})
		if again.StatusCode != http.StatusNotModified {
			t.Errorf("Accept-Encoding %q: revalidation gave %d, want 304", accept, again.StatusCode)
		}
	}
	gz := get(t, h, "GET", "127.0.0.1:8080", "/totpkey.wasm", map[string]string{"Accept-Encoding": "gzip"}).Header.Get("ETag")
	plain := get(t, h, "GET", "127.0.0.1:8080", "/totpkey.wasm", nil).Header.Get("ETag")
	if gz == plain {
		t.Error("the compressed and plain module have the same ETag")
	}
}

// TestCSPMatchesPage holds the page's meta policy to the header's: an
// exported page, served without the header, is as strict.
func TestCSPMatchesPage(t *testing.T) {
	page, err := Assets().Open("index.html")
	if err != nil {
		t.Fatal(err)
	}
	html, _ := io.ReadAll(page)
	meta := strings.TrimSuffix(ContentSecurityPolicy, "; frame-ancestors 'none'") // not allowed in a meta element
	if !strings.Contains(string(html), `content="`+meta+`"`) {
		t.Errorf("index.html's Content-Security-Policy meta element is not %q", meta)
	}
	for _, banned := range []string{"<script>", "onclick=", "onload=", "http://", "https://", "style="} {
		if strings.Contains(string(html), banned) {
			t.Errorf("index.html has %q: inline script, a handler, an outside address or an inline style", banned)
		}
	}
}
