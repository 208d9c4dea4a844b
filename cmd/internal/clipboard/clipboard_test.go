package clipboard

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
)

func TestSystemCopy(t *testing.T) {
	const secret = "JBSWY3DPEHPK3PXP"
	tests := []struct {
		name      string
		goos      string
		env       map[string]string
		installed []string
		want      string // the tool run and its arguments
		wantErr   string
		noClip    bool
	}{
		{"macOS", "darwin", nil, []string{"pbcopy"}, "pbcopy", "", false},
		{"Windows", "windows", nil, []string{"clip.exe"}, "clip.exe", "", false},
		{"Wayland", "linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, []string{"wl-copy", "xclip"}, "wl-copy", "", false},
		{"XWayland without wl-copy", "linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, []string{"xclip"}, "xclip -selection clipboard -in", "", false},
		{"X11 xclip", "linux", map[string]string{"DISPLAY": ":0"}, []string{"xclip", "xsel"}, "xclip -selection clipboard -in", "", false},
		{"X11 xsel", "freebsd", map[string]string{"DISPLAY": ":0"}, []string{"xsel"}, "xsel --clipboard --input", "", false},
		{"no session", "linux", nil, []string{"xclip", "wl-copy"}, "", "no clipboard: no desktop session was found (no Wayland or X display is set)", true},
		{"X11 no tool", "linux", map[string]string{"DISPLAY": ":0"}, nil, "", "no clipboard: xclip or xsel not found; install xclip", true},
		{"Wayland no tool", "linux", map[string]string{"WAYLAND_DISPLAY": "w"}, nil, "", "no clipboard: wl-copy not found; install wl-clipboard", true},
		{"macOS no tool", "darwin", nil, nil, "", "no clipboard: pbcopy not found", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var ran, stdin string
			s := &System{
				GOOS:   tt.goos,
				Getenv: func(k string) string { return tt.env[k] },
				LookPath: func(name string) (string, error) {
					for _, n := range tt.installed {
						if n == name {
							return "/usr/bin/" + name, nil
						}
					}
					return "", exec.ErrNotFound
				},
				Run: func(path string, args []string, in io.Reader) error {
					ran = strings.TrimPrefix(strings.Join(append([]string{path}, args...), " "), "/usr/bin/")
					b, _ := io.ReadAll(in)
					stdin = string(b)
					return nil
				},
			}
			err := s.Copy(secret)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("Copy = %v, want an error with %q", err, tt.wantErr)
				}
				if errors.Is(err, ErrNoClipboard) != tt.noClip {
					t.Errorf("errors.Is(err, ErrNoClipboard) = %v", !tt.noClip)
				}
				if ran != "" {
					t.Errorf("ran %q after all", ran)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ran != tt.want {
				t.Errorf("ran %q, want %q", ran, tt.want)
			}
			if stdin != secret {
				t.Errorf("standard input %q, want the key", stdin)
			}
			if strings.Contains(ran, secret) {
				t.Error("the key is in the tool's arguments")
			}
		})
	}
}

func TestSystemCopyToolFails(t *testing.T) {
	s := &System{GOOS: "darwin",
		LookPath: func(name string) (string, error) { return "/usr/bin/" + name, nil },
		Run:      func(string, []string, io.Reader) error { return errors.New("exit status 1") },
	}
	err := s.Copy("JBSWY3DPEHPK3PXP")
	if err == nil || err.Error() != "copying to the clipboard with pbcopy: exit status 1" {
		t.Errorf("Copy = %v", err)
	}
	if errors.Is(err, ErrNoClipboard) {
		t.Error("a tool that fails is not a missing clipboard")
	}
}

// TestRunPassesStdin runs a real program (cat into a file through sh) to
// show that run gives the text on standard input.
func TestRunPassesStdin(t *testing.T) {
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Skip("no sh")
	}
	out := t.TempDir() + "/out"
	if err := run(sh, []string{"-c", "cat > " + out}, strings.NewReader("KEY")); err != nil {
		t.Fatal(err)
	}
	s := &System{GOOS: "darwin", LookPath: func(string) (string, error) { return sh, nil },
		Run: func(path string, _ []string, in io.Reader) error {
			return run(path, []string{"-c", "cat >> " + out}, in)
		}}
	if err := s.Copy("2"); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "KEY2" {
		t.Errorf("the program read %q, want KEY2", b)
	}
}

func TestFake(t *testing.T) {
	var c Copier = &Fake{}
	if err := c.Copy("x"); err != nil || c.(*Fake).Text != "x" || !c.(*Fake).Copied {
		t.Errorf("Fake.Copy: %v %+v", err, c)
	}
	f := &Fake{Err: ErrNoClipboard}
	if err := f.Copy("x"); !errors.Is(err, ErrNoClipboard) || f.Copied {
		t.Errorf("failing Fake.Copy: %v %+v", err, f)
	}
}
