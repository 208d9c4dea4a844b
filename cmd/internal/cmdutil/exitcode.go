package cmdutil

import (
	"fmt"

	"github.com/totpkey/totpkey/totpkey"
)

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
