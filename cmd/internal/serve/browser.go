package serve

import (
	"errors"
	"fmt"
	"os/exec"
	"runtime"
)

// ErrNoBrowser is the error of OpenBrowser where no tool to open a browser
// is installed.
var ErrNoBrowser = errors.New("cannot open a browser")

// browserCommand is the program and arguments that open url in the default
// browser on goos.
func browserCommand(goos, url string) (string, []string) {
	switch goos {
	case "darwin":
		return "open", []string{url}
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", url}
	}
	return "xdg-open", []string{url}
}

// OpenBrowser opens url in the default browser: open on macOS, rundll32 on
// Windows, xdg-open elsewhere. The error wraps ErrNoBrowser when that tool
// is not installed.
func OpenBrowser(url string) error {
	name, args := browserCommand(runtime.GOOS, url)
	path, err := exec.LookPath(name)
	if err != nil {
		return fmt.Errorf("%w: %s was not found", ErrNoBrowser, name)
	}
	cmd := exec.Command(path, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("%w: %s: %v", ErrNoBrowser, name, err)
	}
	go cmd.Wait() // xdg-open returns at once; reap it
	return nil
}
