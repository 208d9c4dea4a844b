package reply

import (
	"strings"

	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/scan"
)

// describeCredentialOrPart says in a reply what an other-credential or a
// partial-key item is; empty for any other item.
func describeCredentialOrPart(it Item) string {
	r := it.Result
	if len(r.Problems) == 0 || it.kind == scan.FindingLink || it.kind == scan.FindingExportLink {
		return ""
	}
	what := "What you sent"
	if it.Shown != "" {
		what += " (" + it.Shown + ")"
	}
	p := r.Problems[0]
	switch p.ID {
	case totpkey.ReasonPartialKey:
		return sentence(strings.Replace(what, "What you sent", "The TOTP Key you sent", 1) +
			" is only part of the key: " + strings.TrimRight(p.Message, ".") +
			". Please copy the whole key from your broker, to the last character")
	case totpkey.ReasonOtherCredential:
	default:
		return ""
	}
	s := what + " has the form of " + outcome.CredentialName(p.Credential) + ", not the TOTP Key."
	if r.HasProblem(totpkey.ReasonInvalidCharacter) {
		// Two readings: a credential, or a key typed by hand.
		s += " If it is your TOTP Key typed by hand, some of its digits (0, 1, 8 or 9) stand for letters: " +
			"please copy the key from your broker instead of typing it."
	}
	switch p.Credential {
	case totpkey.CredentialClientID, totpkey.CredentialAppID:
		s += " It goes in its own field, not in the TOTP Key field."
	default:
		s += " It is private: please do not send it by e-mail or chat."
	}
	return s + " The TOTP Key is the secret your broker shows beside the QR code when you set up TOTP, " +
		"in capital letters A to Z and digits 2 to 7."
}
