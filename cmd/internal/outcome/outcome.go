// Package outcome names a result to a person and to a shell, the same way
// wherever it is shown (the command's text, tables and replies, the page
// of totpkey serve): its exit code, its verdict line, the words for the
// account of a link and for a code check. It prints nothing and pulls in
// no terminal or command-line code, so that the page can use it too.
package outcome

import (
	"fmt"
	"sync"

	"github.com/totpkey/totpkey/docs"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/link"
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

// credentialNames name the credentials of other-credential problems for a
// person: "your PAN".
var credentialNames = map[string]string{
	totpkey.CredentialAPIKey:      "an API key",
	totpkey.CredentialAPISecret:   "an API secret",
	totpkey.CredentialAccessToken: "an access token",
	totpkey.CredentialClientID:    "a client id",
	totpkey.CredentialAppID:       "an app id",
	totpkey.CredentialPAN:         "a PAN",
	totpkey.CredentialDateOfBirth: "a date, such as a date of birth",
	totpkey.CredentialPassword:    "a password",
	totpkey.CredentialPIN:         "a PIN",
}

// CredentialName names the credential of an other-credential problem with
// its article ("a PAN"); "another credential" for an id it does not know.
func CredentialName(id string) string {
	if n, ok := credentialNames[id]; ok {
		return n
	}
	return "another credential"
}

// Verdict is the one-line summary of a result. A problem is worded by the
// verdict of its topic (docs/topics/ID.md), where its fix is too.
func Verdict(r *totpkey.Result) string {
	switch {
	case r.Class == totpkey.ClassValid && r.CodeCheck != nil && !r.CodeCheck.Matched:
		return "Valid TOTP Key, but it does not give the code you entered"
	case r.Class == totpkey.ClassValid && r.Changes != 0:
		return "Valid TOTP Key, once cleaned"
	case r.Class == totpkey.ClassValid:
		return "Valid TOTP Key"
	case r.Class == totpkey.ClassCode:
		return "Not a TOTP Key: " + reasonVerdict(totpkey.ReasonOneTimeCode)
	case r.Format == totpkey.FormatBinary:
		return "Not a usable TOTP Key: binary data, not text"
	case len(r.Problems) > 0 && r.Problems[0].ID == totpkey.ReasonOtherCredential && r.HasProblem(totpkey.ReasonInvalidCharacter):
		// Two readings, both said: the credential, or a key typed by hand.
		return "Not a usable TOTP Key: " + CredentialName(r.Problems[0].Credential) + ", or a key typed with look-alike digits"
	case len(r.Problems) > 0 && r.Problems[0].ID == totpkey.ReasonOtherCredential:
		return "Not the TOTP Key: this has the form of " + CredentialName(r.Problems[0].Credential)
	case len(r.Problems) > 0:
		if v := reasonVerdict(r.Problems[0].ID); v != "" {
			return "Not a usable TOTP Key: " + v
		}
	}
	return "Not a usable TOTP Key"
}

// verdicts caches reasonVerdict: --lines writes a verdict on every row,
// and each topic is read once.
var verdicts sync.Map // totpkey.ReasonID -> string

// reasonVerdict is the verdict of a reason's topic; empty for a reason
// without one.
func reasonVerdict(id totpkey.ReasonID) string {
	if v, ok := verdicts.Load(id); ok {
		return v.(string)
	}
	v := ""
	if t, ok := docs.Lookup(string(id)); ok && t.ID == string(id) {
		v = t.Verdict
	}
	verdicts.Store(id, v)
	return v
}

// AccountLabel names an account from a link: "Zerodha (AB1234)", with its
// place in a multi-code export. An issuer or a name that may be a key (a
// link with the key in its path) is masked.
func AccountLabel(a link.Account, b link.Batch) string {
	s := totpkey.MaskText(a.Issuer)
	switch {
	case s == "":
		s = totpkey.MaskText(a.Name)
	case a.Name != "":
		s += " (" + totpkey.MaskText(a.Name) + ")"
	}
	if b.Size > 1 {
		s += fmt.Sprintf(", QR %d of %d of your export", b.Index+1, b.Size)
	}
	return s
}

// CodeCheckWords says in a sentence what a code check found: whether the
// key gives the code, how far off a clock is, whether the look-alike
// characters were settled.
func CodeCheckWords(c *totpkey.CodeCheck) string {
	switch {
	case c.RepairsTried == 0 && c.Matched && c.OffsetSteps == 0:
		return "match: the key gives this code now, so it is the key in your app"
	case c.RepairsTried == 0 && c.Matched:
		return "match, " + OffsetWords(c)
	case c.RepairsTried == 0:
		return "no match: the key does not give the code you entered, " + WindowWords(c)
	case c.PastedTwice && c.Matched && c.OffsetSteps != 0:
		return "match, with the key once: its first half gives this code, so the key was pasted twice; " + OffsetWords(c)
	case c.PastedTwice && c.Matched:
		return "match, with the key once: its first half gives this code, so the key was pasted twice"
	case c.Matched && c.OffsetSteps != 0:
		return "match, once the look-alike characters are read as the letters the code confirmed above; " + OffsetWords(c)
	case c.Matched:
		return "match, once the look-alike characters are read as the letters the code confirmed above"
	case c.RepairMatches > 1:
		return fmt.Sprintf("%d of the %d ways to read the look-alike characters give the code you entered, so it cannot tell which is right: check again with the app's next code",
			c.RepairMatches, c.RepairsTried)
	}
	return fmt.Sprintf("no match: none of the %s to read the look-alike characters gives the code you entered, %s; other characters may be wrong too, or this is not the key in your app",
		CountWords(c.RepairsTried, "way", "ways"), WindowWords(c))
}

// OffsetWords says which code matched when it is not the current one, and
// what that says about the clocks.
func OffsetWords(c *totpkey.CodeCheck) string {
	off := c.OffsetSteps
	secs := max(off, -off) * c.Period
	switch {
	case off == -1:
		return fmt.Sprintf("with the code of the previous %d seconds: the code changed while you typed it, or your phone's clock is about %s behind",
			c.Period, DurationWords(secs))
	case off < 0:
		return fmt.Sprintf("with the code of %s ago: your phone's clock is about %s behind", DurationWords(secs), DurationWords(secs))
	default:
		return fmt.Sprintf("with the code of %s from now: your phone's clock is about %s ahead", DurationWords(secs), DurationWords(secs))
	}
}

// WindowWords says which times were checked.
func WindowWords(c *totpkey.CodeCheck) string {
	if c.Window == 0 {
		return "at this time (--window 0)"
	}
	return fmt.Sprintf("now or within %s either side", DurationWords(c.Window*c.Period))
}

// DurationWords writes seconds as a person says them: "30 seconds",
// "1 minute", "about 3 minutes".
func DurationWords(secs int) string {
	switch {
	case secs > 0 && secs%60 == 0:
		return CountWords(secs/60, "minute", "minutes")
	case secs < 120:
		return CountWords(secs, "second", "seconds")
	default:
		return fmt.Sprintf("%d minutes", (secs+30)/60)
	}
}

// CountWords writes a count with its noun in the right number.
func CountWords(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
