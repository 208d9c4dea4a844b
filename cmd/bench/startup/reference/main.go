// Command reference is the yardstick for totpkey's start-up time: a bare
// Cobra program with three empty subcommands that links the same libraries
// totpkey does, and does nothing else. See ../run.sh.
package main

import (
	"os"

	_ "github.com/fatih/color"
	_ "github.com/makiuchi-d/gozxing/qrcode"
	_ "github.com/pquerna/otp/totp"
	"github.com/spf13/cobra"
	_ "golang.org/x/term"
	_ "google.golang.org/protobuf/encoding/protowire"
)

func main() {
	root := &cobra.Command{Use: "reference", SilenceUsage: true}
	for _, name := range []string{"validate", "generate", "explain"} {
		root.AddCommand(&cobra.Command{Use: name, RunE: func(*cobra.Command, []string) error { return nil }})
	}
	if root.Execute() != nil {
		os.Exit(1)
	}
}
