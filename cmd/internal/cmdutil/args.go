package cmdutil

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
)

// The argument checks of the command tree. Cobra's own (cobra.ExactArgs,
// and the unknown-command check it makes when a command has no Args) word
// their errors in English sentences that can only be recognised by their
// text; these return usage errors (exit 2) in the project's words, with the
// argument masked when it could be a key.

// RootArgs is the root command's argument check: the root takes commands
// only, so an argument that reaches it names a command that does not
// exist. A key typed where the command belongs is masked and gets the hint
// to use the hidden prompt.
func RootArgs(c *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	name, path := args[0], c.CommandPath()
	if outcome.KeyLike(name) {
		return UsageErrorf(KeyInsteadOfCommand, "unknown command %q for %q", outcome.MaskArg(name), path)
	}
	if suggestions := c.SuggestionsFor(name); len(suggestions) > 0 {
		names := make([]string, len(suggestions))
		for i, s := range suggestions {
			names[i] = "'" + path + " " + s + "'"
		}
		return UsageErrorf("did you mean "+strings.Join(names, " or ")+"?", "unknown command %q for %q", name, path)
	}
	return UsageErrorf("run '"+path+" --help' for the commands", "unknown command %q for %q", name, path)
}

// MaximumArgs is cobra.MaximumNArgs as a usage error.
func MaximumArgs(n int) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) <= n {
			return nil
		}
		return UsageErrorf("run '"+c.CommandPath()+" --help' for usage",
			"%s takes at most %s, got %d", c.CommandPath(), plural(n, "argument"), len(args))
	}
}

// plural writes a count with its noun: "1 argument", "2 arguments".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// CheckEmptyFlags rejects flags given an empty value (--at "", from an
// unset shell variable, say): it would otherwise mean the flag was not
// given at all, and the run would quietly do something else. The pairs
// are a flag name and its value; given reports whether a flag was set
// (nil: none was).
func CheckEmptyFlags(given func(name string) bool, pairs ...string) error {
	if given == nil {
		return nil
	}
	for i := 0; i+1 < len(pairs); i += 2 {
		if given(pairs[i]) && strings.TrimSpace(pairs[i+1]) == "" {
			return UsageErrorf("give it a value, or leave the flag out", "--%s is empty", pairs[i])
		}
	}
	return nil
}
