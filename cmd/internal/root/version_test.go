package root

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionString(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	info := func(version string, settings ...debug.BuildSetting) *debug.BuildInfo {
		return &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: version}, Settings: settings}
	}
	rev := debug.BuildSetting{Key: "vcs.revision", Value: "0123456789abcdef0123"}
	dirty := debug.BuildSetting{Key: "vcs.modified", Value: "true"}
	tests := []struct {
		name           string
		linked, commit string
		info           *debug.BuildInfo
		want           string
	}{
		{"go install module@version", "", "", info("v1.2.3"), "v1.2.3 (go1.26.8, " + platform + ")"},
		{"local build with VCS", "", "", info("(devel)", rev), "devel (commit 0123456789ab, go1.26.8, " + platform + ")"},
		{"modified tree", "", "", info("(devel)", rev, dirty), "devel (commit 0123456789ab, modified, go1.26.8, " + platform + ")"},
		{"pseudo-version names the commit already", "", "", info("v0.0.0-20260624000000-0123456789ab", rev),
			"v0.0.0-20260624000000-0123456789ab (go1.26.8, " + platform + ")"},
		{"release build stamps version and commit", "1.4.0", "abc1234", info("(devel)"), "1.4.0 (commit abc1234, go1.26.8, " + platform + ")"},
		{"release version wins over build info", "1.4.0", "", info("v9.9.9", rev), "1.4.0 (commit 0123456789ab, go1.26.8, " + platform + ")"},
		{"no build info", "", "", nil, "devel (" + runtime.Version() + ", " + platform + ")"},
	}
	for _, tt := range tests {
		if got := versionString(tt.linked, tt.commit, tt.info); got != tt.want {
			t.Errorf("%s: versionString = %q; want %q", tt.name, got, tt.want)
		}
	}
}

// versionPackage is where the version and commit that release builds set
// with -X live.
const versionPackage = "github.com/totpkey/totpkey/cmd/internal/root"

// TestVersionLinkFlags builds the command the way release builds do and
// checks that -X …/root.version and …/root.commit reach --version.
func TestVersionLinkFlags(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	bin := filepath.Join(t.TempDir(), "totpkey")
	build := exec.Command("go", "build", "-o", bin,
		"-ldflags", "-X "+versionPackage+".version=9.8.7 -X "+versionPackage+".commit=feedbee", "../../totpkey")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := string(out); !strings.HasPrefix(got, "totpkey version 9.8.7 (commit feedbee, go") {
		t.Errorf("--version = %q", got)
	}
}
