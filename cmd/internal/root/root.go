package root

import (
	"bufio"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/explain"
	"github.com/totpkey/totpkey/cmd/internal/generate"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/serve"
	"github.com/totpkey/totpkey/cmd/internal/validate"
)

// Run runs the command line args with the given streams and returns the
// exit code. It is the one place where errors are printed and mapped to
// exit codes.
func Run(args []string, streams *iostreams.IOStreams) int {
	// Standard output is buffered, so that a result is one write and not
	// one per line; commands that draw live (generate --watch) flush.
	out := bufio.NewWriter(streams.Out)
	streams.Out = out
	defer out.Flush()
	root := NewCmd(streams)
	root.SetArgs(args)
	err := root.Execute()
	if ferr := out.Flush(); ferr != nil && cmdutil.IsVerdict(err) {
		// Output that did not reach its reader is a failure whatever the
		// verdict was: a script must not read exit 4 (or 0) as "checked"
		// when the result was lost. A usage error or a failure of its own
		// is reported as it is.
		err = cmdutil.Failure(fmt.Errorf("writing standard output: %w", ferr))
	}
	return cmdutil.Report(streams.ErrOut, err)
}

// NewCmd builds the command tree.
func NewCmd(streams *iostreams.IOStreams) *cobra.Command {
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
		// The root's only arguments are commands: an argument that reaches
		// it names one that does not exist (cmdutil.RootArgs), and none
		// shows the help.
		Args:                       cmdutil.RootArgs,
		RunE:                       func(c *cobra.Command, _ []string) error { return c.Help() },
		SuggestionsMinimumDistance: 2,
		SilenceErrors:              true,
		SilenceUsage:               true,
		CompletionOptions:          cobra.CompletionOptions{HiddenDefaultCmd: true},
	}
	root.SetIn(streams.In)
	root.SetOut(streams.Out)
	root.SetErr(streams.ErrOut)
	root.SetFlagErrorFunc(flagError)
	root.AddCommand(validate.NewValidateCmd(streams))
	root.AddCommand(generate.NewGenerateCmd(streams))
	root.AddCommand(explain.NewExplainCmd(streams), newCompletionCmd(streams))
	root.AddCommand(serve.NewCmdServe(&serve.Options{Out: streams.Out, ErrOut: streams.ErrOut, UsageError: cmdutil.UsageErrorf}, nil))
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
		f, value := invalid.GetFlag(), outcome.ShownArg(invalid.GetValue())
		switch t := f.Value.Type(); {
		case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint"):
			return cmdutil.UsageErrorf(usage, "invalid argument %q for \"--%s\": it wants a whole number", value, f.Name)
		case t == "bool":
			return cmdutil.UsageErrorf("give --"+f.Name+" alone, without a value",
				"invalid argument %q for \"--%s\": it is a switch and takes no value", value, f.Name)
		case t == "duration":
			return cmdutil.UsageErrorf(usage, "invalid argument %q for \"--%s\": it wants a duration such as 30s or 2m", value, f.Name)
		}
		return cmdutil.UsageErrorf(usage, "invalid argument %q for \"--%s\"", value, f.Name)
	case errors.As(err, &notExist):
		name, group := notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()
		if group != "" {
			e := cmdutil.UsageErrorf(usage, "unknown flag: -%s in %s", outcome.MaskArg(name[:1]), outcome.MaskArg("-"+group))
			if outcome.KeyLike(group) {
				e.(*cmdutil.ExitError).Hints = []string{cmdutil.KeyInsteadOfCommand}
			}
			return e
		}
		if outcome.KeyLike(name) {
			return cmdutil.UsageErrorf(cmdutil.KeyInsteadOfCommand, "unknown flag: --%s", outcome.MaskArg(name))
		}
		return cmdutil.UsageErrorf(usage, "unknown flag: --%s", name)
	case errors.As(err, &required):
		if required.GetSpecifiedShortnames() != "" {
			return cmdutil.UsageErrorf(usage, "-%s needs a value", required.GetFlag().Shorthand)
		}
		return cmdutil.UsageErrorf(usage, "--%s needs a value", required.GetFlag().Name)
	}
	return cmdutil.UsageErrorf(usage, "%s", err) // report masks what could be a key
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
			// The root takes any argument (cmdutil.RootArgs), so a name Find
			// leaves over is one no command has.
			if cmd, rest, err := c.Root().Find(args); cmd == nil || err != nil || len(rest) > 0 {
				name := strings.Join(args, " ")
				if outcome.KeyLike(name) {
					return cmdutil.UsageErrorf(cmdutil.KeyInsteadOfCommand, "no help for %q", outcome.MaskArg(name))
				}
				return cmdutil.UsageErrorf("run 'totpkey help' for the commands", "no help for %q", name)
			}
			show(c, args)
			return nil
		}
	}
}
