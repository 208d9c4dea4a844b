package root

import (
	"runtime"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Set by release builds with -ldflags "-X …/cmd/internal/root.version=v1.2.3 -X
// …/cmd/internal/root.commit=abc1234"; empty otherwise, and the build info is used.
var (
	version = ""
	commit  = ""
)

// setVersion gives the root command its --version flag.
func setVersion(root *cobra.Command) {
	info, _ := debug.ReadBuildInfo()
	root.Version = versionString(version, commit, info)
	root.SetVersionTemplate("{{.Name}} version {{.Version}}\n")
}

// versionString is the version to print: the release version stamped at
// link time; else the module version (go install …@v1.2.3); else "devel"
// with the VCS revision the binary was built from. The Go version and
// platform follow in parentheses.
func versionString(linked, linkedCommit string, info *debug.BuildInfo) string {
	v, rev, modified := linked, linkedCommit, false
	goVersion := runtime.Version()
	if info != nil {
		goVersion = info.GoVersion
		if v == "" && info.Main.Version != "" && info.Main.Version != "(devel)" {
			v = info.Main.Version
		}
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				if rev == "" {
					rev = s.Value
				}
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if v == "" {
		v = "devel"
	}
	var details []string
	if rev != "" && !strings.Contains(v, shortRevision(rev)) {
		r := "commit " + shortRevision(rev)
		if modified {
			r += ", modified"
		}
		details = append(details, r)
	}
	details = append(details, goVersion, runtime.GOOS+"/"+runtime.GOARCH)
	return v + " (" + strings.Join(details, ", ") + ")"
}

// shortRevision is the first 12 characters of a commit hash, as Go's
// pseudo-versions write it.
func shortRevision(rev string) string {
	return rev[:min(12, len(rev))]
}
