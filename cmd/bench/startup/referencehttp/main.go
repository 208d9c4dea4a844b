// Command referencehttp is the reference (../reference) linking net/http as
// well, which `totpkey serve` needs and the reference predates: it shows
// how much of totpkey's start-up the page's server costs before any of
// totpkey's own code runs. See ../run.sh.
package main

import (
	"os"

	_ "net/http"

	_ "github.com/fatih/color"
	_ "github.com/makiuchi-d/gozxing/qrcode"
	_ "github.com/pquerna/otp/totp"
	"github.com/spf13/cobra"
	_ "golang.org/x/term"
	_ "google.golang.org/protobuf/encoding/protowire"
)

func main() {
	root := &cobra.Command{Use: "referencehttp", SilenceUsage: true}
	for _, name := range []string{"validate", "generate", "explain"} {
		root.AddCommand(&cobra.Command{Use: name, RunE: func(*cobra.Command, []string) error { return nil }})
	}
	if root.Execute() != nil {
		os.Exit(1)
	}
}
