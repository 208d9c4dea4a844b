package totpkey

import (
	"math/bits"
	"strings"
)

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
	// ReasonKeyWithCode is a valid key with a one-time code beside it,
	// copied together ("JBSW... 482913"). Added to the contract's ids,
	// which keep one-time-code for class code alone.
	ReasonKeyWithCode ReasonID = "key-with-code"
	// ReasonPartialKey is a well-formed key shorter than the one its
	// broker shows: part of it was not copied (see ClassifyFor).
	ReasonPartialKey ReasonID = "partial-key"
	// ReasonOtherCredential is another credential of a trading account
	// pasted as the key; Problem.Credential names it.
	ReasonOtherCredential ReasonID = "other-credential"
	// ReasonTwoKeys is two different keys in one input ("old: … new: …"):
	// which one to paste is the user's to say.
	ReasonTwoKeys ReasonID = "two-keys"
)

// Warnings: what to know about a valid key whose link sets other codes
// than AutoTrader Web makes from the key alone (see Result.Warnings).
const (
	// WarningNonDefaultDigits is an account whose codes have 7 or 8
	// digits, not 6.
	WarningNonDefaultDigits ReasonID = "non-default-digits"
	// WarningNonDefaultPeriod is an account whose code changes at another
	// period than every 30 seconds.
	WarningNonDefaultPeriod ReasonID = "non-default-period"
	// WarningNonDefaultAlgorithm is an account that uses SHA256 or SHA512,
	// not SHA1.
	WarningNonDefaultAlgorithm ReasonID = "non-default-algorithm"
	// WarningPastedTwiceSuspected is a key whose two halves are the same:
	// pasted twice, or a key that is so by design (the RFC 6238 test
	// seed). A code check settles which (see the code package).
	WarningPastedTwiceSuspected ReasonID = "pasted-twice-suspected"
	// WarningQuotedPrintableSuspected is a key after "=3D": the key with
	// 3D in front, or, in a mail's raw source, the key after an encoded
	// "=". A code check settles which.
	WarningQuotedPrintableSuspected ReasonID = "quoted-printable-suspected"
)

// quotedPrintableSuspicion is the message of WarningQuotedPrintableSuspected.
const quotedPrintableSuspicion = "the key follows \"=3D\", which is how a mail's raw source writes \"=\": if you copied it " +
	"from a mail's source, the key is the part after 3D; `totpkey validate --code CODE` with each settles which"

// WarningIDs lists every warning id, in the order Result.Warnings has
// them.
func WarningIDs() []ReasonID {
	return []ReasonID{WarningNonDefaultDigits, WarningNonDefaultPeriod, WarningNonDefaultAlgorithm, WarningPastedTwiceSuspected,
		WarningQuotedPrintableSuspected}
}

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
	// The changes of what mail, web pages and chat apps do to text (see
	// Normalize), and of a key taken out of the words around it.
	ChangeFullwidth       ReasonID = "fullwidth"
	ChangeHTML            ReasonID = "html"
	ChangeQuotedPrintable ReasonID = "quoted-printable"
	ChangeEmphasis        ReasonID = "emphasis"
	ChangeSymbols         ReasonID = "symbols"
	ChangeText            ReasonID = "text"
)

// ProblemIDs lists every problem reason id of the contract, in the
// contract's order.
func ProblemIDs() []ReasonID {
	return []ReasonID{
		ReasonEmpty, ReasonOneTimeCode, ReasonInvalidCharacter, ReasonBadLength,
		ReasonTooShort, ReasonBadPadding, ReasonHexKey, ReasonNotTOTP,
		ReasonBadURI, ReasonPastedTwice, ReasonNoQR, ReasonNotAKey,
		ReasonKeyWithCode, ReasonPartialKey, ReasonOtherCredential, ReasonTwoKeys,
	}
}

// ChangeIDs lists every change reason id of the contract, in the order
// Changes.List reports them.
func ChangeIDs() []ReasonID {
	return []ReasonID{
		ChangeWhitespace, ChangeSeparators, ChangeLowercase, ChangeInvisible,
		ChangePadding, ChangeQuotes, ChangeLabel, ChangeURI,
		ChangeFullwidth, ChangeHTML, ChangeQuotedPrintable, ChangeEmphasis,
		ChangeSymbols, ChangeText,
	}
}

// Changes is the set of cleaning steps applied to an input. It is a bit set
// so that classifying a clean key allocates nothing.
type Changes uint32

const (
	changeWhitespace Changes = 1 << iota
	changeSeparators
	changeLowercase
	changeInvisible
	changePadding
	changeQuotes
	changeLabel
	changeURI
	changeFullwidth
	changeHTML
	changeQuotedPrintable
	changeEmphasis
	changeSymbols
	changeText

	// The bits below say more about a change than its id: each is
	// reported under the id of changeIDsOf, with a message of its own, so
	// that what the change says is what was done.

	// changeSpaceAround is white space before or after the key (none
	// inside it): reported as whitespace.
	changeSpaceAround
	// changeStopEnd, changeCommaEnd, changeStopStart and changeCommaStart
	// are a full stop or a comma at the end or the start of the input,
	// sentence punctuation rather than a separator between groups:
	// reported as separators.
	changeStopEnd
	changeCommaEnd
	changeStopStart
	changeCommaStart
)

// changePunctuation is the detail bits reported as separators.
const changePunctuation = changeStopEnd | changeCommaEnd | changeStopStart | changeCommaStart

// ids is the set of change ids c reports: the bits of changeIDs, with each
// detail bit folded into the id it is reported under.
func (c Changes) ids() Changes {
	if c&changeSpaceAround != 0 {
		c |= changeWhitespace
	}
	if c&changePunctuation != 0 {
		c |= changeSeparators
	}
	return c & (changeText<<1 - 1)
}

var changeIDs = [...]ReasonID{
	ChangeWhitespace, ChangeSeparators, ChangeLowercase, ChangeInvisible,
	ChangePadding, ChangeQuotes, ChangeLabel, ChangeURI,
	ChangeFullwidth, ChangeHTML, ChangeQuotedPrintable, ChangeEmphasis,
	ChangeSymbols, ChangeText,
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
	"changed full-width or other compatibility forms of letters and digits (from East Asian keyboards or styled text) to plain ones",
	"decoded HTML entities (&nbsp;, &#8203;, &amp;) and removed HTML tags (<b>, <code>)",
	"undid the mail's quoted-printable encoding (an = at a line end, =3D)",
	"removed Markdown or chat-app emphasis around the key (*bold*, _italic_, ~strike~, ``` code fences)",
	"removed the emoji or symbols before or after the key",
	"took the key out of the words or code around it",
}

// With returns the set with the change of the given id added; an id that
// is not a change adds nothing. The scanner uses it for a key it joined
// over a line break.
func (c Changes) With(id ReasonID) Changes {
	for i, cid := range changeIDs {
		if cid == id {
			return c | 1<<i
		}
	}
	return c
}

// Has reports whether the change with the given id is in the set.
func (c Changes) Has(id ReasonID) bool {
	c = c.ids()
	for i, cid := range changeIDs {
		if cid == id {
			return c&(1<<i) != 0
		}
	}
	return false
}

// List returns the ids in the set, in a fixed order.
func (c Changes) List() []ReasonID {
	c = c.ids()
	var ids []ReasonID
	for i, id := range changeIDs {
		if c&(1<<i) != 0 {
			ids = append(ids, id)
		}
	}
	return ids
}

// ChangeMessage describes a change id in a sentence; empty for an id that is
// not a change. Result.ChangeMessage says what was done to one input.
func ChangeMessage(id ReasonID) string {
	for i, cid := range changeIDs {
		if cid == id {
			return changeMessages[i]
		}
	}
	return ""
}

// spaceAroundMessage is the whitespace change of an input whose only white
// space was before or after the key.
const spaceAroundMessage = "removed the spaces or line breaks around the key"

// punctuationMessage says which sentence punctuation was taken off the
// ends of the input: "the full stop at the end".
func (c Changes) punctuationMessage() string {
	var parts []string
	for _, p := range [...]struct {
		bit  Changes
		text string
	}{
		{changeStopStart, "the full stop at the start"},
		{changeCommaStart, "the comma at the start"},
		{changeStopEnd, "the full stop at the end"},
		{changeCommaEnd, "the comma at the end"},
	} {
		if c&p.bit != 0 {
			parts = append(parts, p.text)
		}
	}
	return strings.Join(parts, " and ")
}

// migrationURIMessage is the uri change of an account from a Google
// Authenticator export: its key came out of the export link, which is not
// an otpauth link.
const migrationURIMessage = "took the key out of the Google Authenticator export link"

// ChangeMessage describes one of the result's changes in a sentence, in
// the words of what was done to this input: white space only around the
// key is named as such, a full stop or comma at an end as sentence
// punctuation, and the uri change of an export account names the export
// link. Empty for an id that is not a change.
func (r *Result) ChangeMessage(id ReasonID) string {
	for i, cid := range changeIDs {
		if cid == id {
			if r.Changes.ids()&(1<<i) == 0 {
				return changeMessages[i]
			}
			return r.changeMessageAt(i)
		}
	}
	return ""
}

// changeMessageAt is ChangeMessage of changeIDs[i], a change r has.
func (r *Result) changeMessageAt(i int) string {
	c := r.Changes
	switch id := changeIDs[i]; {
	case id == ChangeURI && r.Format == FormatMigration:
		return migrationURIMessage
	case id == ChangeWhitespace && c&changeWhitespace == 0:
		return spaceAroundMessage
	case id == ChangeSeparators && c&changePunctuation != 0:
		if c&changeSeparators == 0 {
			return "removed " + c.punctuationMessage() + ", which is not part of the key"
		}
		return "removed the dashes or dots between groups, and " + c.punctuationMessage()
	}
	return changeMessages[i]
}

// EachChange calls yield with each change of r, in the fixed order of
// ChangeIDs, and its message (ChangeMessage), until yield returns false:
// one pass over the set's bits, for writers of many results.
func (r *Result) EachChange(yield func(id ReasonID, message string) bool) {
	ids := r.Changes.ids()
	for ids != 0 {
		i := bits.TrailingZeros32(uint32(ids))
		ids &^= 1 << i
		if !yield(changeIDs[i], r.changeMessageAt(i)) {
			return
		}
	}
}
