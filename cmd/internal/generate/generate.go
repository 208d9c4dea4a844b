package generate

import (
	"context"
	"fmt"
	"os"
	"syscall"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/render"
	"github.com/totpkey/totpkey/cmd/internal/validate"
	"github.com/totpkey/totpkey/totpkey/broker"
	"github.com/totpkey/totpkey/totpkey/code"
	"github.com/totpkey/totpkey/totpkey/link"

	"github.com/spf13/cobra"
	"github.com/totpkey/totpkey/totpkey"
)

// generateOptions are the inputs of one run of generate.
type generateOptions struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Args      []string
	QR        string
	At        string
	Digits    int
	Period    int
	Algorithm string
	Quiet     bool
	Watch     bool
	Output    string
	Broker    string // --broker as given

	broker broker.Broker // --broker resolved by check
	// given reports whether a flag was set on the command line: explicit
	// flags override what an otpauth link says.
	given func(name string) bool
	// watchContext is the context a --watch ends with: Ctrl-C. Tests
	// replace it.
	watchContext func() (context.Context, context.CancelFunc)
	// ticks gives the redraw ticks of --watch and a function to stop them.
	// Tests replace it.
	ticks func() (<-chan time.Time, func())
}

// generateSettings are the checked flag values.
type generateSettings struct {
	at       time.Time
	atGiven  bool
	override code.Params // explicit --digits/--period/--algorithm; zero fields not given
}

// NewGenerateCmd builds the generate command, reading and writing streams.
func NewGenerateCmd(streams *iostreams.IOStreams) *cobra.Command {
	return generateCommand(&generateOptions{
		IO:  streams,
		Now: time.Now,
		watchContext: func() (context.Context, context.CancelFunc) {
			return signalContext(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
		},
		ticks: func() (<-chan time.Time, func()) {
			t := time.NewTicker(watchTick)
			return t.C, t.Stop
		},
	})
}

// generateCommand builds the generate command around its options, which
// tests fill with a fake clock and fake ticks.
func generateCommand(opts *generateOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "generate [KEY | -]",
		Short: "Print the TOTP code a key gives now",
		Long: `Generate prints the TOTP code a key gives, how many seconds it stays valid
and the code that follows. Compare it with your authenticator app: the same
code means the app and the key agree.

The key comes from the argument; with no argument or - from standard input;
and with no argument or - on a terminal from a prompt that does not echo
(Enter or Ctrl-D ends the key, Ctrl-C cancels with exit 130). An otpauth
link sets the digits, period and algorithm; --digits, --period and
--algorithm override it.

A key that is not valid is diagnosed on standard error as validate would
diagnose it, with validate's exit code, and nothing goes to standard output.`,
		Example: `  # Type the key at a hidden prompt
  totpkey generate

  # The code alone, for a script; - reads the key from standard input
  totpkey generate -q < key.txt
  pbpaste | totpkey generate -q -

  # A live countdown on the terminal (Ctrl-C to stop)
  totpkey generate --watch

  # The code at a given time, as JSON
  totpkey generate --at 2026-06-24T09:15:00Z -o json 'JBSW Y3DP EHPK 3PXP'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Args = args
			opts.given = func(name string) bool { return cmd.Flags().Changed(name) }
			return runGenerate(opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.At, "at", "", "the `TIME` to give the code for (RFC 3339 or Unix seconds) instead of now")
	f.IntVar(&opts.Digits, "digits", link.DefaultDigits, "`digits` in a code: 6, 7 or 8")
	f.IntVar(&opts.Period, "period", link.DefaultPeriod, "`seconds` a code lasts")
	f.StringVar(&opts.Algorithm, "algorithm", string(link.DefaultAlgorithm), "HMAC `hash`: SHA1, SHA256 or SHA512")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print the code alone")
	f.BoolVar(&opts.Watch, "watch", false, "keep a live countdown on the terminal until Ctrl-C")
	f.StringVarP(&opts.Output, "output", "o", "text", "output `format`: text or json")
	f.StringVar(&opts.QR, "qr", "", "read the key from a QR code `image` (PNG, JPEG, GIF, WebP; - for standard input)")
	f.StringVar(&opts.Broker, "broker", "", validate.BrokerFlagUsage)
	return cmd
}

// check checks the flags before any key is read, so that a mistake fails
// before the hidden prompt.
func (o *generateOptions) check() (generateSettings, error) {
	hint := "run 'totpkey generate --help' for usage"
	var s generateSettings
	if err := cmdutil.CheckEmptyFlags(o.given, "at", o.At); err != nil {
		return s, err
	}
	switch {
	case o.Output != "text" && o.Output != "json":
		return s, cmdutil.UsageErrorf(hint, "unknown output format %q: use text or json", outcome.ShownArg(o.Output))
	case len(o.Args) > 1:
		return s, cmdutil.UsageErrorf("quote a key that has spaces: totpkey generate 'JBSW Y3DP …'", "generate takes one key, got %d arguments", len(o.Args))
	case o.QR != "" && len(o.Args) > 0:
		return s, cmdutil.UsageErrorf(hint, "give either a key or --qr, not both")
	case o.Quiet && o.Output == "json":
		return s, cmdutil.UsageErrorf(hint, "-q prints the code alone; it cannot be used with -o json")
	case o.Watch && (o.Quiet || o.Output == "json"):
		return s, cmdutil.UsageErrorf(hint, "--watch draws a countdown for a person; it cannot be used with -q or -o json")
	case o.Watch && o.At != "":
		return s, cmdutil.UsageErrorf(hint, "--watch counts down from now; it cannot be used with --at")
	case o.Watch && !o.IO.OutTTY:
		return s, cmdutil.UsageErrorf("use -q or -o json in scripts", "--watch needs a terminal, and standard output is not one")
	}
	b, err := validate.ParseBroker(o.Broker)
	if err != nil {
		return s, err
	}
	o.broker = b
	if o.At != "" {
		t, err := code.ParseTime(o.At)
		if err != nil {
			return s, cmdutil.UsageErrorf("as in --at 2026-06-24T09:15:00Z or --at 1782292500", "--at: %s", err)
		}
		s.at, s.atGiven = t, true
	}
	if o.given("digits") {
		if o.Digits < link.MinDigits || o.Digits > link.MaxDigits {
			return s, cmdutil.UsageErrorf(hint, "--digits: %s (got %d)", link.ErrBadDigits, o.Digits)
		}
		s.override.Digits = o.Digits
	}
	if o.given("period") {
		if o.Period < 1 || o.Period > link.MaxPeriod {
			return s, cmdutil.UsageErrorf(hint, "--period: %s (got %d)", link.ErrBadPeriod, o.Period)
		}
		s.override.Period = o.Period
	}
	if o.given("algorithm") {
		a, err := link.ParseAlgorithm(o.Algorithm)
		if err != nil {
			return s, cmdutil.UsageErrorf(hint, "--algorithm: %s (got %q)", err, outcome.ShownArg(o.Algorithm))
		}
		s.override.Algorithm = a
	}
	return s, nil
}

func runGenerate(o *generateOptions) error {
	s, err := o.check()
	if err != nil {
		return err
	}
	results, input, err := o.keyResults()
	if err != nil {
		return err
	}
	validate.ApplyBroker(results, o.broker)
	var entries []codeEntry
	var bad []totpkey.Result
	for i := range results {
		r := &results[i]
		if whole, w, ok := r.WholeKey(); ok {
			// Two equal halves: pasted twice, or a key made so (the RFC
			// 6238 SHA1 seed). The code of the key as given, with the
			// suspicion as a warning; validate --code settles it.
			k := *r
			k.Key = whole
			e, err := newCodeEntry(&k, s.override)
			if err != nil {
				return cmdutil.Failure(err)
			}
			e.warnings = append(e.warnings, w)
			fmt.Fprintf(o.IO.ErrOut, "totpkey: warning: %s\n", w.Message)
			entries = append(entries, e)
			continue
		}
		if r.Class != totpkey.ClassValid {
			bad = append(bad, *r)
			continue
		}
		e, err := newCodeEntry(r, s.override)
		if err != nil {
			return cmdutil.Failure(err)
		}
		entries = append(entries, e)
	}
	if len(bad) > 0 {
		if len(results) > 1 {
			input = "" // an export link: positions are in the decoded payload
		}
		if err := o.diagnose(bad, input); err != nil {
			return err
		}
	}
	exit := validate.HighestExitCode(bad)
	if len(entries) > 0 {
		at := o.Now()
		if s.atGiven {
			at = s.at
		}
		if err := o.print(entries, at, s.atGiven); err != nil {
			return err
		}
	}
	return cmdutil.ExitWith(exit)
}

// keyResults reads and classifies the key: from --qr (the QR helper's
// resultsFromQR), or as validate reads its input. An export link gives one
// result per account.
func (o *generateOptions) keyResults() ([]totpkey.Result, string, error) {
	if o.QR != "" {
		results, err := validate.ResultsFromQR(&validate.ValidateOptions{IO: o.IO, Now: o.Now, QR: o.QR, Output: o.Output})
		return results, "", err
	}
	input, err := validate.ReadInput(o.IO, o.Args, "generate")
	if err != nil {
		return nil, "", err
	}
	return validate.ClassifyInput(input), input, nil
}

// diagnose prints what is wrong with keys on standard error, exactly as
// validate prints it on standard output.
func (o *generateOptions) diagnose(bad []totpkey.Result, input string) error {
	if o.Output == "json" {
		return render.WriteJSONResults(o.IO.ErrOut, bad, false)
	}
	errStreams := *o.IO
	errStreams.OutTTY = o.IO.ErrTTY
	errStreams.Color = o.IO.ErrTTY && o.IO.Env != nil && iostreams.ColorAllowed(o.IO.Env)
	return render.WriteResultsText(o.IO.ErrOut, &errStreams, bad, input, false)
}

// print writes the codes in the chosen form.
func (o *generateOptions) print(entries []codeEntry, at time.Time, atGiven bool) error {
	w := o.IO.Out
	switch {
	case o.Watch:
		return o.watch(entries)
	case o.Quiet:
		for _, e := range entries {
			fmt.Fprintln(w, e.gen.Code(at))
		}
		return nil
	case o.Output == "json":
		return writeCodesJSON(w, entries, at)
	}
	f := codeFrame{entries: entries, p: render.NewPalette(o.IO.Color), tty: o.IO.OutTTY && o.IO.TerminalWidth() >= minBarColumns, atGiven: atGiven}
	for _, line := range f.lines(at) {
		fmt.Fprintln(w, line)
	}
	return nil
}
