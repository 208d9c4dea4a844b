package cmdutil

import (
	"fmt"

	"github.com/totpkey/totpkey/totpkey"
)

// Exit codes, as fixed by the product contract.
const (
	ExitValid     = 0 // a valid key, or success
	ExitFailure   = 1 // not about the input's class: unreadable file, I/O error
	ExitUsage     = 2 // unknown flag, bad flag value, unknown topic
	ExitCode      = 3 // the input is a one-time code, not a key
	ExitMalformed = 4 // the input is not a usable TOTP key
	ExitMismatch  = 5 // the key is valid but does not produce the code given
)

// ExitCodeOf is the exit code one result alone gives, per the contract.
func ExitCodeOf(r *totpkey.Result) int {
	switch r.Class {
	case totpkey.ClassValid:
		if r.CodeCheck != nil && !r.CodeCheck.Matched {
			return ExitMismatch
		}
		return ExitValid
	case totpkey.ClassCode:
		return ExitCode
	}
	return ExitMalformed
}

// TooLongResult is the result for a line longer than a line reader keeps:
// nothing that long is a key, and its text was not read.
func TooLongResult(length int64) totpkey.Result {
	return totpkey.Result{
		Class:  totpkey.ClassMalformed,
		Format: totpkey.FormatText,
		Problems: []totpkey.Problem{{
			ID:      totpkey.ReasonNotAKey,
			Message: fmt.Sprintf("the line is %d bytes long, far longer than any TOTP Key; it was skipped unread", length),
		}},
		Topic: string(totpkey.ReasonNotAKey),
	}
}
