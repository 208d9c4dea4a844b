// Package bare is the command of the start-up references: a Cobra root
// with three empty subcommands, what every Cobra program builds before it
// does anything, linking the libraries totpkey links.
package bare

import (
	"os"

	// The libraries totpkey is built on, linked as they are in totpkey:
	// their initialisers run before main, as in totpkey.
	_ "github.com/fatih/color"
	_ "github.com/makiuchi-d/gozxing/qrcode"
	_ "github.com/pquerna/otp/totp"
	"github.com/spf13/cobra"
	_ "golang.org/x/term"
	_ "google.golang.org/protobuf/encoding/protowire"
)

// Run builds the command tree named name, runs it on the program's
// arguments and exits 1 if it fails.
func Run(name string) {
	root := &cobra.Command{Use: name, SilenceUsage: true}
	for _, sub := range []string{"validate", "generate", "explain"} {
		root.AddCommand(&cobra.Command{Use: sub, RunE: func(*cobra.Command, []string) error { return nil }})
	}
	if root.Execute() != nil {
		os.Exit(1)
	}
}
