package validate

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/clipboard"
	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/render"
	"github.com/totpkey/totpkey/cmd/internal/reply"
	"github.com/totpkey/totpkey/totpkey/broker"
	"github.com/totpkey/totpkey/totpkey/code"

	"github.com/spf13/cobra"
	"github.com/totpkey/totpkey/totpkey"
)

// MaxStdinBytes bounds what validate reads from standard input for one
// input: anything longer is not a key, and is not kept in memory.
const MaxStdinBytes = totpkey.MaxInputBytes

// ValidateOptions are the inputs of one run of validate.
type ValidateOptions struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Args       []string // the input, or with --lines/--scan the files to read
	QR         string
	Code       string
	Window     int
	At         string // with --code: the time the code was shown, instead of now
	Lines      bool
	Scan       bool
	ShowSecret bool
	Reply      bool
	Output     string
	Column     string
	Keep       []string
	Broker     string // --broker as given
	// Given reports whether a flag was set on the command line, even to
	// "" (nil: none was).
	Given func(name string) bool
	// Copy puts the key to paste on Clipboard instead of the screen.
	Copy      bool
	Clipboard clipboard.Copier

	broker broker.Broker // --broker resolved by check
}

// NewValidateCmd builds the validate command, reading and writing streams.
func NewValidateCmd(streams *iostreams.IOStreams) *cobra.Command {
	opts := &ValidateOptions{IO: streams, Now: time.Now, Clipboard: clipboard.NewSystem()}
	cmd := &cobra.Command{
		Use:   "validate [INPUT | - | FILE...]",
		Short: "Tell whether an input is a usable TOTP Key, and how to fix it",
		Long: `Validate classifies one input as a valid TOTP Key, a one-time code, or a
malformed secret, says where it is wrong and what to paste instead, and
prints the fix from the help article.

The input comes from the argument; with no argument or - from standard
input; and with no argument or - on a terminal from a prompt that does not
echo, which keeps the key out of your shell history. At the prompt, Enter
or Ctrl-D ends the key and Ctrl-C cancels (exit 130).

Cleaning that makes a key pasteable (spaces, dashes, lower case, invisible
characters, padding, quotes, a "Key:" label, an otpauth link around it;
what mail, web pages and chat apps do to text: full-width characters, HTML
entities and tags, quoted-printable line breaks, *emphasis*, emoji; the
words or code around a key) is reported and the key stays valid. Two
different keys in one input are two-keys. Letters are never changed behind your
back: a look-alike digit (0 for O, 1 for I or L, 8 for B) is a problem with
a suggestion.

Exit codes: 0 valid key, 1 I/O error, 2 usage error, 3 a one-time code,
4 not a usable key, 5 valid key that does not give the --code.`,
		Example: `  # Type the key at a hidden prompt
  totpkey validate

  # Check a key as the broker shows it
  totpkey validate 'jbsw y3dp ehpk 3pxp'

  # From the clipboard, as JSON for a script; - also reads standard input
  pbpaste | totpkey validate -o json
  pbpaste | totpkey validate -o json -

  # Print the cleaned key in full, or put it on the clipboard
  totpkey validate --show-secret 'JBSW-Y3DP-EHPK-3PXP'
  totpkey validate --copy

  # Prove it is the key in your app: give the code the app shows now
  totpkey validate --code 482913

  # The key in a setup screenshot or a Google Authenticator export code
  totpkey validate --qr screenshot.png

  # Support: every line of a file, a pasted ticket, a reply to send
  totpkey validate --lines keys.txt -o csv
  totpkey validate --scan ticket.txt
  totpkey validate --scan --reply ticket.txt

  # At a broker whose key length is known, a key cut short is found
  totpkey validate --broker zerodha`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			opts.Given = func(name string) bool { return cmd.Flags().Changed(name) }
			return runValidate(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.QR, "qr", "", "read the input from a QR code `image` (PNG, JPEG, GIF, WebP; - for standard input)")
	f.StringVar(&opts.Code, "code", "", "also check that the key produces `CODE`, the code the authenticator app shows now")
	f.IntVar(&opts.Window, "window", 1, "with --code, how many time `steps` either side of now to accept")
	f.StringVar(&opts.At, "at", "", "with --code, the `TIME` the code was shown (RFC 3339 or Unix seconds) instead of now")
	f.BoolVar(&opts.Lines, "lines", false, "treat every line of the files (or standard input) as its own input")
	f.BoolVar(&opts.Scan, "scan", false, "find keys, codes and otpauth links inside free text, such as a support ticket")
	f.BoolVar(&opts.ShowSecret, "show-secret", false, "print the cleaned key in full (it is a password: mind who is watching)")
	f.BoolVar(&opts.Copy, "copy", false, "put the cleaned key on the clipboard instead of printing it")
	f.BoolVar(&opts.Reply, "reply", false, "print a ready-to-send reply to the customer, secrets masked")
	f.StringVarP(&opts.Output, "output", "o", "text", "output `format`: text or json (--lines and --scan also take csv)")
	f.StringVar(&opts.Column, "column", "", "with --lines on CSV input, classify the column with this `name`")
	f.StringSliceVar(&opts.Keep, "keep", nil, "with --lines on CSV input, carry these `columns` into the output")
	f.StringVar(&opts.Broker, "broker", "", BrokerFlagUsage)
	return cmd
}

// check rejects flag values and combinations that make no sense.
func (o *ValidateOptions) check() error {
	hint := "run 'totpkey validate --help' for usage"
	switch o.Output {
	case "text", "json":
	case "csv":
		if !o.Lines && !o.Scan {
			return cmdutil.UsageErrorf("use -o json for a single input, or add --lines or --scan", "-o csv goes with --lines or --scan")
		}
	default:
		return cmdutil.UsageErrorf(hint, "unknown output format %q: use text or json (csv with --lines or --scan)", outcome.ShownArg(o.Output))
	}
	if err := cmdutil.CheckEmptyFlags(o.Given, "at", o.At, "column", o.Column); err != nil {
		return err
	}
	switch {
	case o.Lines && o.Scan:
		return cmdutil.UsageErrorf(hint, "--lines and --scan cannot be used together")
	case (o.Column != "" || len(o.Keep) > 0) && !o.Lines:
		return cmdutil.UsageErrorf(hint, "--column and --keep go with --lines")
	case o.Code != "" && (o.Lines || o.Scan):
		return cmdutil.UsageErrorf(hint, "--code checks one key; it cannot be used with --lines or --scan")
	case o.QR != "" && (o.Lines || o.Scan):
		return cmdutil.UsageErrorf(hint, "--qr reads one image; it cannot be used with --lines or --scan")
	case o.QR != "" && len(o.Args) > 0:
		return cmdutil.UsageErrorf(hint, "give either an input or --qr, not both")
	case !o.Lines && !o.Scan && len(o.Args) > 1:
		return cmdutil.UsageErrorf("quote a key that has spaces: totpkey validate 'JBSW Y3DP …'", "validate takes one input, got %d arguments", len(o.Args))
	case o.Window < 0 || o.Window > code.MaxWindow:
		return cmdutil.UsageErrorf(hint, "--window must be from 0 to %d time steps, got %d", code.MaxWindow, o.Window)
	case o.Reply && o.Output != "text":
		return cmdutil.UsageErrorf(hint, "--reply prints a text reply; it cannot be used with -o %s", o.Output)
	}
	b, err := ParseBroker(o.Broker)
	if err != nil {
		return err
	}
	o.broker = b
	if err := checkCopyFlags(o); err != nil {
		return err
	}
	return checkCodeFlags(o)
}

func runValidate(o *ValidateOptions) error {
	if err := o.check(); err != nil {
		return err
	}
	switch {
	case o.Lines:
		return RunLines(o)
	case o.Scan:
		return runScan(o)
	}
	var results []totpkey.Result
	var input string
	if o.QR != "" {
		var err error
		if results, err = ResultsFromQR(o); err != nil {
			return err
		}
	} else {
		var err error
		if input, err = ReadInput(o.IO, o.Args, "validate"); err != nil {
			return err
		}
		results = ClassifyInput(input)
	}
	if o.Code != "" {
		if err := checkCodes(o, results); err != nil {
			return err
		}
	}
	// After the code check: a key that gives the code is whole, whatever
	// length its broker's keys have.
	ApplyBroker(results, o.broker)
	if err := writeResults(o, input, results); err != nil {
		return err
	}
	if o.Copy {
		if err := copyKey(o, results); err != nil {
			return err
		}
	}
	return cmdutil.ExitWith(HighestExitCode(results))
}

// ClassifyInput classifies one input into its results: one, or one per
// account of an export link.
func ClassifyInput(input string) []totpkey.Result {
	return totpkey.ClassifyAll(input)
}

// HighestExitCode is the exit code of several results: the highest of
// theirs.
func HighestExitCode(results []totpkey.Result) int {
	code := 0
	for i := range results {
		code = max(code, outcome.ExitCodeOf(&results[i]))
	}
	return code
}

// writeResults prints results in the chosen output format.
func writeResults(o *ValidateOptions, input string, results []totpkey.Result) error {
	w := o.IO.Out
	if o.Output == "json" {
		return render.WriteJSONResults(w, results, o.ShowSecret)
	}
	if o.Reply {
		return reply.WriteReply(w, input, results)
	}
	return render.WriteResultsText(w, o.IO, results, input, o.ShowSecret)
}

// ReadInput gets one input: from the argument, else standard input, else
// (standard input a terminal) a prompt that does not echo. The argument "-"
// means standard input, as no argument does: on a terminal that is the
// hidden prompt too, so that the key never shows on the screen.
func ReadInput(streams *iostreams.IOStreams, args []string, command string) (string, error) {
	if len(args) == 1 && args[0] != "-" {
		if streams.InTTY && streams.ErrTTY {
			fmt.Fprintf(streams.ErrOut, "totpkey: hint: arguments stay in your shell history; run 'totpkey %s' with no argument to type the key at a hidden prompt\n", command)
		}
		return args[0], nil
	}
	if streams.InTTY {
		return streams.PromptSecret("TOTP Key (typing is hidden): ")
	}
	b, err := io.ReadAll(io.LimitReader(streams.In, MaxStdinBytes+1))
	if err != nil {
		return "", cmdutil.Failure(fmt.Errorf("reading standard input: %w", err))
	}
	// The line break that ends what echo or a file gives is not part of the
	// input; any other white space is reported.
	s := string(b)
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	return s, nil
}
