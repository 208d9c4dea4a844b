package totpkey

// ReasonID is a stable identifier of a problem or a change. The ids are part
// of the product contract: scripts and tests outside the project use them.
type ReasonID string

// Problems: why an input is not a usable key.
const (
	ReasonEmpty            ReasonID = "empty"
	ReasonOneTimeCode      ReasonID = "one-time-code"
	ReasonInvalidCharacter ReasonID = "invalid-character"
	ReasonBadLength        ReasonID = "bad-length"
	ReasonTooShort         ReasonID = "too-short"
	ReasonBadPadding       ReasonID = "bad-padding"
	ReasonHexKey           ReasonID = "hex-key"
	ReasonNotTOTP          ReasonID = "not-totp"
	ReasonBadURI           ReasonID = "bad-uri"
	ReasonPastedTwice      ReasonID = "pasted-twice"
	ReasonNoQR             ReasonID = "no-qr"
	ReasonNotAKey          ReasonID = "not-a-key"
	// ReasonCodeMismatch is not a problem of the input's class but of a
	// --code check: the key is valid and does not produce the code.
	ReasonCodeMismatch ReasonID = "code-mismatch"
)

// Changes: cleaning that turns the input into the key to paste.
const (
	ChangeWhitespace ReasonID = "whitespace"
	ChangeSeparators ReasonID = "separators"
	ChangeLowercase  ReasonID = "lowercase"
	ChangeInvisible  ReasonID = "invisible"
	ChangePadding    ReasonID = "padding"
	ChangeQuotes     ReasonID = "quotes"
	ChangeLabel      ReasonID = "label"
	ChangeURI        ReasonID = "uri"
)

// ProblemIDs lists every problem reason id of the contract, in the
// contract's order.
func ProblemIDs() []ReasonID {
	return []ReasonID{
		ReasonEmpty, ReasonOneTimeCode, ReasonInvalidCharacter, ReasonBadLength,
		ReasonTooShort, ReasonBadPadding, ReasonHexKey, ReasonNotTOTP,
		ReasonBadURI, ReasonPastedTwice, ReasonNoQR, ReasonNotAKey,
	}
}

// ChangeIDs lists every change reason id of the contract, in the order
// Changes.List reports them.
func ChangeIDs() []ReasonID {
	return []ReasonID{
		ChangeWhitespace, ChangeSeparators, ChangeLowercase, ChangeInvisible,
		ChangePadding, ChangeQuotes, ChangeLabel, ChangeURI,
	}
}

// Changes is the set of cleaning steps applied to an input. It is a bit set
// so that classifying a clean key allocates nothing.
type Changes uint16

const (
	changeWhitespace Changes = 1 << iota
	changeSeparators
	changeLowercase
	changeInvisible
	changePadding
	changeQuotes
	changeLabel
	changeURI
)

var changeIDs = [...]ReasonID{
	ChangeWhitespace, ChangeSeparators, ChangeLowercase, ChangeInvisible,
	ChangePadding, ChangeQuotes, ChangeLabel, ChangeURI,
}

var changeMessages = [...]string{
	"removed spaces, tabs or line breaks inside the key",
	"removed the dashes or dots between groups",
	"changed lower-case letters to upper case",
	"removed invisible characters (zero-width spaces, byte order marks or soft hyphens)",
	"removed the = padding at the end",
	"removed the quotes around the key",
	"removed the label in front of the key",
	"took the key out of the otpauth link",
}

// Has reports whether the change with the given id is in the set.
func (c Changes) Has(id ReasonID) bool {
	for i, cid := range changeIDs {
		if cid == id {
			return c&(1<<i) != 0
		}
	}
	return false
}

// List returns the ids in the set, in a fixed order.
func (c Changes) List() []ReasonID {
	var ids []ReasonID
	for i, id := range changeIDs {
		if c&(1<<i) != 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

// ChangeMessage describes a change id in a sentence; empty for an id that is
// not a change.
func ChangeMessage(id ReasonID) string {
	for i, cid := range changeIDs {
		if cid == id {
			return changeMessages[i]
		}
	}
	return ""
}

// migrationURIMessage is the uri change of an account from a Google
// Authenticator export: its key came out of the export link, which is not
// an otpauth link.
const migrationURIMessage = "took the key out of the Google Authenticator export link"

// ChangeMessage describes one of the result's changes in a sentence, in
// the words of where the key came from: the uri change of an export
// account names the export link. Empty for an id that is not a change.
func (r *Result) ChangeMessage(id ReasonID) string {
	if id == ChangeURI && r.Format == FormatMigration {
		return migrationURIMessage
	}
	return ChangeMessage(id)
}
