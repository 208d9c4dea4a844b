package validate

import (
	"errors"
	"fmt"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/totpkey"
)

// checkCopyFlags rejects --copy where there is not one key to copy.
func checkCopyFlags(o *ValidateOptions) error {
	if !o.Copy {
		return nil
	}
	hint := "run 'totpkey validate --help' for usage"
	switch {
	case o.Lines || o.Scan:
		return cmdutil.UsageErrorf(hint, "--copy copies one key; it cannot be used with --lines or --scan")
	case o.ShowSecret:
		return cmdutil.UsageErrorf("leave out --show-secret: with --copy the key goes to the clipboard, not to the screen",
			"--copy and --show-secret cannot be used together")
	case o.Reply:
		return cmdutil.UsageErrorf(hint, "--copy and --reply cannot be used together")
	}
	return nil
}

// keyToCopy is the key to paste that results hold: the cleaned key of a
// valid result, or the key the --code check repaired. The error says why
// there is none, or that there are several (an export link).
func keyToCopy(results []totpkey.Result) (string, error) {
	var keys []string
	for i := range results {
		r := &results[i]
		switch {
		case r.CodeCheck != nil && r.CodeCheck.RepairedKey != "":
			keys = append(keys, r.CodeCheck.RepairedKey)
		case r.Class == totpkey.ClassValid && r.Key != "":
			keys = append(keys, r.Key)
		}
	}
	switch len(keys) {
	case 0:
		return "", errors.New("nothing was copied: the input holds no usable TOTP Key")
	case 1:
		return keys[0], nil
	}
	return "", fmt.Errorf("nothing was copied: the input holds %d keys and --copy copies one; copy the key of the account you need by itself", len(keys))
}

// copyKey puts the key of results on the clipboard and says so on standard
// error, the key masked. With no usable key it copies nothing and says why,
// leaving the exit code to the results; a clipboard that cannot be reached
// is an error (exit 1).
func copyKey(o *ValidateOptions, results []totpkey.Result) error {
	key, err := keyToCopy(results)
	if err != nil {
		fmt.Fprintf(o.IO.ErrOut, "totpkey: %s\n", err)
		return nil
	}
	if err := o.Clipboard.Copy(key); err != nil {
		return cmdutil.Failure(err, "without --copy, add --show-secret to print the key, or use 'totpkey serve' and its Copy button")
	}
	fmt.Fprintf(o.IO.ErrOut, "totpkey: copied the key to paste (%s) to the clipboard\n", totpkey.Mask(key))
	return nil
}
