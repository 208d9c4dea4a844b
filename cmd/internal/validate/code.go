package validate

import (
	"errors"
	"fmt"
	"slices"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/totpkey/code"

	"github.com/totpkey/totpkey/totpkey"
)

// checkCodeFlags checks --code and --at before any input is read, so that a
// mistyped code fails before the hidden prompt.
func checkCodeFlags(o *ValidateOptions) error {
	hint := "give the 6 to 8 digits your authenticator app shows now, as in --code 482913"
	if o.At != "" && o.Code == "" {
		return cmdutil.UsageErrorf("for the code a key gives at a time, run 'totpkey generate --at TIME'",
			"--at goes with --code: it is the time the code was shown")
	}
	if o.Code == "" {
		return nil
	}
	if _, err := code.Parse(o.Code); err != nil {
		return cmdutil.UsageErrorf(hint, "--code: %s", err)
	}
	if o.At != "" {
		if _, err := code.ParseTime(o.At); err != nil {
			return cmdutil.UsageErrorf("as in --at 2026-06-24T09:15:00Z or --at 1782292500", "--at: %s", err)
		}
	}
	return nil
}

// checkCodes is validate --code over the results of one input. An export
// link holds several accounts and the code comes from one of them: when
// some account gives the code, the others are left unchecked rather than
// reported as not matching it. When none does, every account reports the
// mismatch.
func checkCodes(o *ValidateOptions, results []totpkey.Result) error {
	before := make([]totpkey.Result, len(results))
	for i := range results {
		before[i] = results[i]
		before[i].Problems = slices.Clone(results[i].Problems)
		if err := checkCode(o, &results[i]); err != nil {
			return err
		}
	}
	if len(results) < 2 || !slices.ContainsFunc(results, codeFound) {
		return nil
	}
	for i := range results {
		if !codeFound(results[i]) {
			results[i] = before[i]
		}
	}
	return nil
}

// codeFound reports whether the code check of r found the code: the key
// gives it, or a repair of its look-alike characters does.
func codeFound(r totpkey.Result) bool {
	c := r.CodeCheck
	return c != nil && (c.Matched || c.RepairedKey != "")
}

// checkCode is validate --code: it checks that the key gives the code the
// app shows, and for a key whose only problems are look-alike characters,
// which letters make it give the code.
func checkCode(o *ValidateOptions, r *totpkey.Result) error {
	at := o.Now()
	if o.At != "" {
		t, err := code.ParseTime(o.At)
		if err != nil {
			return cmdutil.UsageErrorf("", "--at: %s", err)
		}
		at = t
	}
	err := code.Check(r, o.Code, at, o.Window)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, code.ErrBadCode), errors.Is(err, code.ErrBadWindow):
		return cmdutil.UsageErrorf("run 'totpkey validate --help' for usage", "%s", err)
	default:
		return cmdutil.Failure(fmt.Errorf("checking the code: %w", err))
	}
}
