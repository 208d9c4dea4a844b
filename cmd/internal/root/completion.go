package root

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"
	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
)

// completionShells are the shells completion writes scripts for.
var completionShells = []string{"bash", "zsh", "fish", "powershell"}

func newCompletionCmd(streams *iostreams.IOStreams) *cobra.Command {
	var noDescriptions bool
	cmd := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the shell completion script for bash, zsh, fish or PowerShell",
		Long: `Completion prints a script that makes your shell complete totpkey's
commands, flags, flag values and help topic ids when you press Tab. Load it
in the current session, or install it as below to have it always.

Bash, with the bash-completion package installed:

    totpkey completion bash > ~/.local/share/bash-completion/completions/totpkey

Zsh, with compinit in ~/.zshrc (any directory of $fpath will do):

    totpkey completion zsh > "${fpath[1]}/_totpkey"

Fish:

    totpkey completion fish > ~/.config/fish/completions/totpkey.fish

PowerShell (add the line to your profile, $PROFILE, to keep it):

    totpkey completion powershell | Out-String | Invoke-Expression

Release archives carry these scripts ready-made in completions/.`,
		Example: `  # Try it in the current bash session
  source <(totpkey completion bash)

  # Install for zsh
  totpkey completion zsh > "${fpath[1]}/_totpkey"`,
		ValidArgs:             completionShells,
		Args:                  cmdutil.MaximumArgs(1),
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			hint := "run 'totpkey completion --help' for how to install it"
			if len(args) == 0 {
				return cmdutil.UsageErrorf(hint, "name a shell: bash, zsh, fish or powershell")
			}
			if !slices.Contains(completionShells, args[0]) {
				return cmdutil.UsageErrorf(hint, "no completion for shell %q: use bash, zsh, fish or powershell", args[0])
			}
			return writeCompletion(cmd.Root(), streams, args[0], !noDescriptions)
		},
	}
	cmd.Flags().BoolVar(&noDescriptions, "no-descriptions", false, "leave out the descriptions of commands, flags and topics")
	return cmd
}

// writeCompletion writes the completion script for one shell.
func writeCompletion(root *cobra.Command, streams *iostreams.IOStreams, shell string, descriptions bool) error {
	w := streams.Out
	var err error
	switch shell {
	case "bash":
		err = root.GenBashCompletionV2(w, descriptions)
	case "zsh":
		if descriptions {
			err = root.GenZshCompletion(w)
		} else {
			err = root.GenZshCompletionNoDesc(w)
		}
	case "fish":
		err = root.GenFishCompletion(w, descriptions)
	case "powershell":
		if descriptions {
			err = root.GenPowerShellCompletionWithDesc(w)
		} else {
			err = root.GenPowerShellCompletion(w)
		}
	}
	if err != nil {
		return cmdutil.Failure(fmt.Errorf("writing the %s completion script: %w", shell, err))
	}
	return nil
}
