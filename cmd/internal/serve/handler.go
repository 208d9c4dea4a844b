package serve

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// ContentSecurityPolicy is the policy every response carries. Scripts come
// only from the page's own files ('wasm-unsafe-eval' lets them compile the
// WebAssembly module); connect-src 'self' is there for the one fetch of
// that module, and the page tightens it to 'none' once the module is
// loaded. Nothing else may load, frame the page or submit a form.
const ContentSecurityPolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// securityHeaders are sent with every response, refusals included.
var securityHeaders = map[string]string{
	"Content-Security-Policy":      ContentSecurityPolicy,
	"X-Content-Type-Options":       "nosniff",
	"Referrer-Policy":              "no-referrer",
	"X-Frame-Options":              "DENY",
	"Cross-Origin-Opener-Policy":   "same-origin",
	"Cross-Origin-Resource-Policy": "same-origin",
	"Permissions-Policy":           "camera=(), microphone=(), geolocation=()",
}

// HostCheck decides whether a request's Host header names this server.
// A DNS rebinding attack reaches a loopback server under the attacker's
// own domain name, so only "localhost" and IP addresses with the server's
// port pass, and the names given with --addr.
type HostCheck struct {
	// Port is the port the server listens on.
	Port string
	// Names are host names besides localhost that the server answers to.
	Names []string
}

// Allows reports whether host (a Host header) names this server.
func (c HostCheck) Allows(host string) bool {
	name, port, err := net.SplitHostPort(host)
	if err != nil || port != c.Port {
		return false
	}
	name = strings.ToLower(name)
	if name == "localhost" || net.ParseIP(name) != nil {
		return true
	}
	for _, n := range c.Names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

// maxShownHost is the most of a refused Host header the refusal quotes.
const maxShownHost = 64

// Handler serves the page's files from assets to requests whose Host
// header passes hosts, with the security headers on every response.
// url is the page's address, named in refusals.
func Handler(assets fs.FS, hosts HostCheck, url string) http.Handler {
	files := &fileServer{assets: assets}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		for k, v := range securityHeaders {
			h.Set(k, v)
		}
		if !hosts.Allows(r.Host) {
			shown := r.Host
			if len(shown) > maxShownHost {
				shown = shown[:maxShownHost] + "..."
			}
			refuse(w, http.StatusMisdirectedRequest, fmt.Sprintf(
				"totpkey serve refused this request: it was addressed to host %q, not to this server.\n"+
					"Open %s instead. (A page under another name could be a DNS rebinding attack.)\n", shown, url))
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			refuse(w, http.StatusMethodNotAllowed, "totpkey serve only serves its page: GET or HEAD\n")
			return
		}
		files.serve(w, r)
	})
}

// refuse writes a plain-text refusal.
func refuse(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprint(w, body)
}

// fileServer serves the embedded assets. A file kept compressed (NAME.gz)
// is served as NAME: as it is to clients that take gzip (all browsers),
// decompressed for others. Each response has an ETag, the hash of the file,
// so that a browser revalidates instead of loading again, and keeps the
// code it compiled from the module.
type fileServer struct {
	assets fs.FS
	etags  sync.Map // file name -> ETag
}

// etag is the ETag of the file name with contents data.
func (s *fileServer) etag(name string, data []byte) string {
	if e, ok := s.etags.Load(name); ok {
		return e.(string)
	}
	sum := sha256.Sum256(data)
	e := `"` + hex.EncodeToString(sum[:12]) + `"`
	s.etags.Store(name, e)
	return e
}

func (s *fileServer) serve(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if name == "" {
		name = "index.html"
	}
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, ".gz") {
		refuse(w, http.StatusNotFound, "not found\n")
		return
	}
	h := w.Header()
	data, err := fs.ReadFile(s.assets, name)
	if err != nil {
		data, err = fs.ReadFile(s.assets, name+".gz")
		if err != nil {
			refuse(w, http.StatusNotFound, "not found\n")
			return
		}
		h.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			h.Set("Content-Encoding", "gzip")
			name += ".gz" // its own ETag: other bytes
		} else if data, err = gunzip(data); err != nil {
			refuse(w, http.StatusInternalServerError, "the page's files are damaged\n")
			return
		}
	}
	ctype := mime.TypeByExtension(path.Ext(strings.TrimSuffix(name, ".gz")))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("ETag", s.etag(name, data))
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// acceptsGzip reports whether the request's Accept-Encoding takes gzip.
func acceptsGzip(r *http.Request) bool {
	for _, enc := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		enc, q, _ := strings.Cut(strings.TrimSpace(enc), ";")
		if strings.EqualFold(strings.TrimSpace(enc), "gzip") && strings.ReplaceAll(q, " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// gunzip is data decompressed.
func gunzip(data []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}
