// Package serve is the totpkey serve command: the checks of validate on a
// page in the browser. The page and the library compiled to WebAssembly are
// embedded in the binary; the checking runs inside the page, so a key typed
// there never crosses the network, not even to this server.
package serve

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"
)

//go:generate go run ./genwasm

//go:embed assets
var embedded embed.FS

// Assets are the page's files: index.html, its script and style, the
// WebAssembly module and Go's wasm_exec.js.
func Assets() fs.FS {
	sub, err := fs.Sub(embedded, "assets")
	if err != nil {
		panic(err) // "assets" is a valid path: cannot happen
	}
	return sub
}

// DefaultAddr is where serve listens unless --addr says otherwise: a free
// port on the loopback interface.
const DefaultAddr = "127.0.0.1:0"

// Options are what the serve command was asked.
type Options struct {
	// Out gets the page's address as its first line; ErrOut warnings.
	Out, ErrOut io.Writer
	// Addr is the address to listen on (--addr).
	Addr string
	// AllowRemote allows an address that is not a loopback one.
	AllowRemote bool
	// Open opens the page in the default browser once serving.
	Open bool
	// Export is a directory to write the page to instead of serving it.
	Export string
	// OpenBrowser opens url in the default browser (OpenBrowser when nil).
	OpenBrowser func(url string) error
	// Listen opens the listener (net.Listen when nil).
	Listen func(network, addr string) (net.Listener, error)
	// UsageError makes the error of a bad flag value, exit code 2 (the
	// command's own; a plain error when nil).
	UsageError func(hint, format string, args ...any) error
}

// NewCmdServe builds the serve command. runF, when not nil, is called with
// the parsed options instead of serving (for tests).
func NewCmdServe(opts *Options, runF func(context.Context, *Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Check a key on a page in your browser",
		Long: `serve shows the checks of validate on a page in your browser: a "TOTP Key"
field checked as you type, the fix steps, the check against the code from
your app, and a screenshot's QR code read when you paste or drop it.

The checking runs inside the page (the library compiled to WebAssembly): a key
typed there never crosses the network, not even to this server. serve prints
the page's address as its first line and serves until interrupted (Ctrl-C).
It listens on a free port of 127.0.0.1 and answers only requests addressed to
it by that name, localhost or an IP address.`,
		Example: `  totpkey serve --open            # serve and open the page in your browser
  totpkey serve --addr 127.0.0.1:8080
  totpkey serve --export ./totpkey-page   # write the page as static files`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(c.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if runF != nil {
				return runF(ctx, opts)
			}
			return Run(ctx, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.Addr, "addr", DefaultAddr, "`host:port` to listen on (port 0: a free one)")
	f.BoolVar(&opts.AllowRemote, "allow-remote", false, "allow an --addr that is not a loopback address (others on the network can then load the page)")
	f.BoolVarP(&opts.Open, "open", "", false, "open the page in the default browser")
	f.StringVar(&opts.Export, "export", "", "write the page as static files to `DIR` instead of serving it")
	return cmd
}

// Run serves the page (or exports it) until ctx is cancelled.
func Run(ctx context.Context, opts *Options) error {
	if opts.Export != "" {
		return Export(Assets(), opts.Export)
	}
	host, _, err := net.SplitHostPort(opts.Addr)
	if err != nil {
		return opts.usageError("give --addr as host:port, such as 127.0.0.1:8080", "invalid --addr %q: %v", opts.Addr, err)
	}
	if !opts.AllowRemote && !loopback(host) {
		return opts.usageError("add --allow-remote to let others on the network load the page",
			"--addr %s is not a loopback address", opts.Addr)
	}
	listen, open := opts.Listen, opts.OpenBrowser
	if listen == nil {
		listen = net.Listen
	}
	if open == nil {
		open = OpenBrowser
	}
	ln, err := listen("tcp", opts.Addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", opts.Addr, err)
	}
	defer ln.Close()
	url, check := pageURL(ln.Addr(), host)
	fmt.Fprintln(opts.Out, url)
	if f, ok := opts.Out.(interface{ Flush() error }); ok {
		if err := f.Flush(); err != nil {
			return fmt.Errorf("writing standard output: %w", err)
		}
	}
	srv := &http.Server{
		Handler:           Handler(Assets(), check, url),
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if opts.Open {
		if err := open(url); err != nil {
			fmt.Fprintf(opts.ErrOut, "totpkey: warning: %v; open %s yourself\n", err, url)
		}
	}
	select {
	case err := <-done:
		return fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("stopping: %w", err)
	}
	return nil
}

func (o *Options) usageError(hint, format string, args ...any) error {
	if o.UsageError != nil {
		return o.UsageError(hint, format, args...)
	}
	return fmt.Errorf(format, args...)
}

// loopback reports whether host (from --addr) is a loopback address or
// localhost.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// pageURL is the page's address for a listener on addr (asked for as
// host), and the Host check that goes with it.
func pageURL(addr net.Addr, host string) (string, HostCheck) {
	_, port, _ := net.SplitHostPort(addr.String())
	check := HostCheck{Port: port}
	shown := host
	switch ip := net.ParseIP(host); {
	case host == "" || ip != nil && ip.IsUnspecified():
		shown = "127.0.0.1" // listening on all addresses: loopback is one
	case ip == nil:
		check.Names = []string{host}
	}
	return "http://" + net.JoinHostPort(shown, port) + "/", check
}
