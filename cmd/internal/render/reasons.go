package render

import (
	"sync"

	"github.com/totpkey/totpkey/docs"
	"github.com/totpkey/totpkey/totpkey"
)

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
