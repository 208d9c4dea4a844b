package main

import (
	"bufio"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
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
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(newValidateCmd(streams))
	root.AddCommand(newGenerateCmd(streams))
	root.AddCommand(newExplainCmd(streams), newCompletionCmd(streams))
	root.AddCommand(devCommands()...)
	setVersion(root)
	guardHelpCommand(root)
	return root
}

// flagError words the errors of the flag parser in the project's words,
// with the value the user gave masked when it could be a key: a key pasted
// after the wrong flag, or with dashes in front, must not be echoed back.
func flagError(c *cobra.Command, err error) error {
	usage := "run '" + c.CommandPath() + " --help' for usage"
	var (
		invalid  *pflag.InvalidValueError
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
	)
	switch {
	case errors.As(err, &invalid):
		f, value := invalid.GetFlag(), maskArg(clipValue(invalid.GetValue()))
		switch t := f.Value.Type(); {
		case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
			return usageErrorf(usage, "invalid argument %q for \"--%s\": it wants a whole number", value, f.Name)
		case t == "bool":
			return usageErrorf("give --"+f.Name+" alone, without a value",
				"invalid argument %q for \"--%s\": it is a switch and takes no value", value, f.Name)
		case t == "duration":
			return usageErrorf(usage, "invalid argument %q for \"--%s\": it wants a duration such as 30s or 2m", value, f.Name)
		}
		return usageErrorf(usage, "invalid argument %q for \"--%s\"", value, f.Name)
	case errors.As(err, &notExist):
		name, group := notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()
		if group != "" {
			e := usageErrorf(usage, "unknown flag: -%s in %s", maskArg(name[:1]), maskArg("-"+group))
			if keyLike(group) {
				e.(*exitError).hints = []string{keyInsteadOfCommand}
			}
			return e
		}
		if keyLike(name) {
			return usageErrorf(keyInsteadOfCommand, "unknown flag: --%s", maskArg(name))
		}
		return usageErrorf(usage, "unknown flag: --%s", name)
	case errors.As(err, &required):
		if required.GetSpecifiedShortnames() != "" {
			return usageErrorf(usage, "-%s needs a value", required.GetFlag().Shorthand)
		}
		return usageErrorf(usage, "--%s needs a value", required.GetFlag().Name)
	}
	return usageErrorf(usage, "%s", err) // report masks what could be a key
}

// guardHelpCommand makes "totpkey help X" for an unknown X a usage error
// on standard error, like "totpkey X", instead of Cobra's message on
// standard output that repeats X (a key, as often as not).
func guardHelpCommand(root *cobra.Command) {
	root.InitDefaultHelpCmd()
	for _, help := range root.Commands() {
		if help.Name() != "help" || help.Run == nil {
			continue
		}
		show := help.Run
		help.Run = nil
		help.RunE = func(c *cobra.Command, args []string) error {
			if cmd, _, err := c.Root().Find(args); cmd == nil || err != nil {
				name := strings.Join(args, " ")
				if keyLike(name) {
					return usageErrorf(keyInsteadOfCommand, "no help for %q", maskArg(name))
				}
				return usageErrorf("run 'totpkey help' for the commands", "no help for %q", name)
			}
			show(c, args)
			return nil
		}
	}
}

// clipValue shortens a flag value for an error message to 40 characters.
func clipValue(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}
