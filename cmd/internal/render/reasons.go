package render

import "github.com/totpkey/totpkey/totpkey"

// reasonTitles are the few words the text output uses for each problem in
// its verdict line. The verdict puts them after a colon, so none has a
// colon of its own.
var reasonTitles = map[totpkey.ReasonID]string{
	totpkey.ReasonEmpty:            "nothing was entered",
	totpkey.ReasonOneTimeCode:      "this is a one-time code, not the key",
	totpkey.ReasonInvalidCharacter: "it has characters a key never contains",
	totpkey.ReasonBadLength:        "a character is missing or one too many",
	totpkey.ReasonTooShort:         "it is too short, most likely part of a key",
	totpkey.ReasonBadPadding:       "padding (=) in the middle",
	totpkey.ReasonHexKey:           "a hexadecimal secret, the field wants base32",
	totpkey.ReasonNotTOTP:          "an HOTP account (counter-based codes), not TOTP",
	totpkey.ReasonBadURI:           "a link that cannot be read or holds no key",
	totpkey.ReasonPastedTwice:      "the key was pasted twice",
	totpkey.ReasonNoQR:             "no QR code could be read",
	totpkey.ReasonNotAKey:          "this is not a key",
	totpkey.ReasonCodeMismatch:     "the key does not give that code",
	totpkey.ReasonKeyWithCode:      "a key and a one-time code together",
	totpkey.ReasonPartialKey:       "part of the key was not copied",
	totpkey.ReasonOtherCredential:  "another credential, not the TOTP Key",
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

// Verdict is the one-line summary of a result.
func Verdict(r *totpkey.Result) string {
	switch {
	case r.Class == totpkey.ClassValid && r.CodeCheck != nil && !r.CodeCheck.Matched:
		return "Valid TOTP Key, but it does not give the code you entered"
	case r.Class == totpkey.ClassValid && r.Changes != 0:
		return "Valid TOTP Key, once cleaned"
	case r.Class == totpkey.ClassValid:
		return "Valid TOTP Key"
	case r.Class == totpkey.ClassCode:
		return "Not a TOTP Key: " + reasonTitles[totpkey.ReasonOneTimeCode]
	case r.Format == totpkey.FormatBinary:
		return "Not a usable TOTP Key: binary data, not text"
	case len(r.Problems) > 0 && r.Problems[0].ID == totpkey.ReasonOtherCredential && r.HasProblem(totpkey.ReasonInvalidCharacter):
		// Two readings, both said: the credential, or a key typed by hand.
		return "Not a usable TOTP Key: " + CredentialName(r.Problems[0].Credential) + ", or a key typed with look-alike digits"
	case len(r.Problems) > 0 && r.Problems[0].ID == totpkey.ReasonOtherCredential:
		return "Not the TOTP Key: this has the form of " + CredentialName(r.Problems[0].Credential)
	case len(r.Problems) > 0:
		return "Not a usable TOTP Key: " + reasonTitles[r.Problems[0].ID]
	}
	return "Not a usable TOTP Key"
}
