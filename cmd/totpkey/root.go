package main

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"
)

// run runs the command line args with the given streams and returns the
// exit code. It is the one place where errors are printed and mapped to
// exit codes.
func run(args []string, streams *ioStreams) int {
	// Standard output is buffered, so that a result is one write and not
	// one per line; commands that draw live (generate --watch) flush.
	out := bufio.NewWriter(streams.Out)
	streams.Out = out
	defer out.Flush()
	root := newRootCmd(streams)
	root.SetArgs(args)
	err := root.Execute()
	if ferr := out.Flush(); ferr != nil && err == nil {
		err = failure(fmt.Errorf("writing standard output: %w", ferr))
	}
	return report(streams.ErrOut, err)
}

// newRootCmd builds the command tree.
func newRootCmd(streams *ioStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "totpkey",
		Short: "Check a TOTP Key before you paste it",
		Long: `totpkey tells whether what you are about to paste into a "TOTP Key" field
really is a TOTP secret (the base32 key behind an authenticator app), and if
not, exactly what it is and how to fix it.

A TOTP Key is a password: totpkey never prints more than 4 of its characters
unless you pass --show-secret, and it reads keys from a hidden prompt or
standard input as well as from arguments.`,
		Example: `  totpkey validate                      # type the key at a hidden prompt
  totpkey validate 'JBSW Y3DP EHPK 3PXP'
  pbpaste | totpkey validate -o json
  totpkey generate                      # the code a key gives now
  totpkey explain 'Failed to generate TOTP'`,
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: true},
	}
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usageErrorf("run '"+c.CommandPath()+" --help' for usage", "%s", err)
	})
	root.AddCommand(newValidateCmd(streams))
	root.AddCommand(newGenerateCmd(streams))
	root.AddCommand(newExplainCmd(streams), newCompletionCmd(streams))
	root.AddCommand(devCommands()...)
	setVersion(root)
	return root
}
