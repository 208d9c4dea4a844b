// Package clipboard puts text on the system clipboard through the
// platform's own tool: pbcopy on macOS, clip.exe on Windows, wl-copy on
// Wayland and xclip or xsel on X11. The text goes to the tool on its
// standard input, never in its arguments, where other users could read it
// (ps, /proc). No library is used: the one that fits without cgo
// (atotto/clipboard) does the same with less care for the cases below.
package clipboard

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
)

// ErrNoClipboard is the error where there is no clipboard to put text on:
// no graphical session, or no tool to reach it.
var ErrNoClipboard = errors.New("no clipboard")

// Copier puts text on a clipboard.
type Copier interface {
	Copy(text string) error
}

// tool is a program that copies its standard input to the clipboard.
type tool struct {
	name string
	args []string
}

// System is the clipboard of the machine the command runs on.
type System struct {
	// GOOS is the operating system (runtime.GOOS unless a test sets another).
	GOOS string
	// Getenv reads the environment (os.Getenv when nil).
	Getenv func(string) string
	// LookPath finds a program (exec.LookPath when nil).
	LookPath func(string) (string, error)
	// Run runs path with args and stdin as its standard input (run when
	// nil).
	Run func(path string, args []string, stdin io.Reader) error
}

// NewSystem is the clipboard of this machine.
func NewSystem() *System {
	return &System{GOOS: runtime.GOOS}
}

// candidates are the tools to try on goos, in order, and why there are
// none (no graphical session) when the list is empty.
func candidates(goos string, getenv func(string) string) ([]tool, string) {
	switch goos {
	case "darwin":
		return []tool{{"pbcopy", nil}}, ""
	case "windows":
		return []tool{{"clip.exe", nil}}, ""
	}
	var tools []tool
	if getenv("WAYLAND_DISPLAY") != "" {
		tools = append(tools, tool{"wl-copy", nil})
	}
	if getenv("DISPLAY") != "" {
		tools = append(tools, tool{"xclip", []string{"-selection", "clipboard", "-in"}}, tool{"xsel", []string{"--clipboard", "--input"}})
	}
	if len(tools) == 0 {
		// WAYLAND_DISPLAY and DISPLAY are both unset. (Not named in the
		// message: error output masks what looks like a key, and that name
		// does.)
		return nil, "no desktop session was found (no Wayland or X display is set), as over ssh or in a container"
	}
	return tools, ""
}

// Copy puts text on the clipboard with the first tool of the platform that
// is installed. The error wraps ErrNoClipboard when there is no clipboard
// or no tool; it never quotes text.
func (s *System) Copy(text string) error {
	getenv, lookPath, runTool := s.Getenv, s.LookPath, s.Run
	if getenv == nil {
		getenv = os.Getenv
	}
	if lookPath == nil {
		lookPath = exec.LookPath
	}
	if runTool == nil {
		runTool = run
	}
	tools, why := candidates(s.GOOS, getenv)
	if len(tools) == 0 {
		return fmt.Errorf("%w: %s", ErrNoClipboard, why)
	}
	var names []string
	for _, t := range tools {
		path, err := lookPath(t.name)
		if err != nil {
			names = append(names, t.name)
			continue
		}
		if err := runTool(path, t.args, strings.NewReader(text)); err != nil {
			return fmt.Errorf("copying to the clipboard with %s: %w", t.name, err)
		}
		return nil
	}
	if hint := packageHint(names); hint != "" {
		return fmt.Errorf("%w: %s not found; install %s", ErrNoClipboard, orList(names), hint)
	}
	return fmt.Errorf("%w: %s not found", ErrNoClipboard, orList(names))
}

// run runs the tool. Its output is not read: xclip and wl-copy leave a
// process behind that keeps serving the clipboard, and a pipe to read
// would wait for that process to end.
func run(path string, args []string, stdin io.Reader) error {
	cmd := exec.Command(path, args...)
	cmd.Stdin = stdin
	return cmd.Run()
}

func orList(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " or " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// packageHint says which package to install for the tools not found, ""
// for the tools that come with the system (pbcopy, clip.exe).
func packageHint(names []string) string {
	var pkgs []string
	for _, n := range names {
		switch n {
		case "wl-copy":
			pkgs = append(pkgs, "wl-clipboard")
		case "xclip", "xsel":
			if !strings.Contains(strings.Join(pkgs, " "), "xclip") {
				pkgs = append(pkgs, "xclip")
			}
		}
	}
	if len(pkgs) == 0 {
		return ""
	}
	return orList(pkgs)
}

// Fake is a clipboard for tests: Copy keeps the text, or fails with Err.
type Fake struct {
	Text string
	// Copied is true once Copy succeeded.
	Copied bool
	Err    error
}

// Copy keeps text in f, or returns f.Err.
func (f *Fake) Copy(text string) error {
	if f.Err != nil {
		return f.Err
	}
	f.Text, f.Copied = text, true
	return nil
}
