package totpkey

import "github.com/totpkey/totpkey/totpkey/link"

// Class is what an input is, as far as a "TOTP Key" field is concerned.
type Class string

// The classes an input can have.
const (
	// ClassValid is a usable TOTP Key (possibly after the cleaning listed in
	// Result.Changes).
	ClassValid Class = "valid"
	// ClassCode is a 6 to 8 digit one-time code: what the authenticator app
	// shows, not the key behind it.
	ClassCode Class = "code"
	// ClassMalformed is anything else: a broken key, or something that is not
	// a key at all.
	ClassMalformed Class = "malformed"
)

// Format is what an input was written as.
type Format string

// The formats Classify recognises.
const (
	FormatEmpty     Format = "empty"
	FormatBase32    Format = "base32"
	FormatOTPAuth   Format = "otpauth"
	FormatMigration Format = "otpauth-migration"
	FormatHex       Format = "hex"
	FormatBase64    Format = "base64"
	FormatDigits    Format = "digits"
	FormatURL       Format = "url"
	FormatEmail     Format = "email"
	FormatPhone     Format = "phone"
	FormatText      Format = "text"
	FormatQR        Format = "qr"
	// FormatBinary is data that is not text: an image, random bytes, or
	// text saved as UTF-16.
	FormatBinary Format = "binary"
)

// Result is what Classify found out about one input.
type Result struct {
	// Class is what the input is.
	Class Class
	// Format is what the input was written as.
	Format Format
	// Problems says why the input is not a usable key; empty when Class is
	// ClassValid.
	Problems []Problem
	// Changes is the cleaning that turned the input into Key.
	Changes Changes
	// Warnings are what the user should know about a key that is valid:
	// an otpauth or export link whose account uses other codes than
	// AutoTrader Web makes from the key alone (8 digits, 60 seconds,
	// SHA256). They never change Class or the exit code. Nil when there
	// is nothing to warn about.
	Warnings []Warning
	// Key is the cleaned base32 key (upper case, no padding) when one was
	// found, even if the input as given is not usable (a hex key converted
	// to base32, the first half of a key pasted twice, an otpauth secret).
	// It is a secret: show it only through Mask unless the user asked.
	Key string
	// Topic is the id of the help topic that holds the fix.
	Topic string
	// Account holds what an otpauth or export link said about the account
	// and its TOTP parameters; zero for a bare key.
	Account link.Account
	// Batch is the position of an export QR code in a multi-code export;
	// zero outside export links.
	Batch link.Batch
	// CodeCheck is set by CheckCode; nil when no code was checked.
	CodeCheck *CodeCheck
	// Broker is the id of the broker the checks were made for (see
	// ApplyBroker); empty when none is known.
	Broker string

	// draft is the cleaned, upper-cased body of a key that has invalid
	// characters, each kept as it is, so that a --code check can try the
	// letters they stand for. Empty otherwise.
	draft string
	// chars is how many characters of a key body (base32 or digits) the
	// classifier read; ApplyBroker compares it with the broker's lengths.
	chars int
}

// Warning is something to know about a key that does not make it
// unusable: the key is valid, but the codes made from it may not be the
// ones the authenticator app shows.
type Warning struct {
	// ID is a stable warning id such as "non-default-digits".
	ID ReasonID
	// Message says what to know in a sentence, without quoting the secret.
	Message string
}

// CodeCheck is the outcome of checking a key against the code the
// authenticator app shows.
type CodeCheck struct {
	// Matched is true when the key produced the code within the window.
	Matched bool
	// OffsetSteps is the time step the code matched at: 0 now, -1 the
	// previous period, +1 the next. Zero when not matched.
	OffsetSteps int
	// Period is the length of a time step in seconds.
	Period int
	// Window is how many time steps either side of the time were checked.
	Window int
	// RepairedKey is the key with the look-alike characters replaced by the
	// letters that made it produce the code; empty when no repair was tried
	// or none matched. It is a secret.
	RepairedKey string
	// RepairsTried is how many readings of the look-alike characters
	// CheckCode tried (two for each 1, one for each other look-alike,
	// multiplied); zero when no repair was tried.
	RepairsTried int
	// PastedTwice is set when the half of a key of two equal halves gave
	// the code and the whole did not: the key was pasted twice, and
	// RepairedKey is the half.
	PastedTwice bool
	// RepairMatches is how many of those readings produce the code. One
	// means the repair is confirmed; more means the code cannot tell them
	// apart, and nothing is confirmed.
	RepairMatches int
}

// Problem is one reason why an input is not a usable TOTP Key.
type Problem struct {
	// ID is a stable reason id such as "invalid-character".
	ID ReasonID
	// Message says what is wrong in a sentence, without quoting the secret.
	Message string
	// Position is the 1-based character (not byte) position of the problem
	// in the input as given; 0 when the problem has no single position.
	Position int
	// Char is the offending character; 0 when there is none.
	Char rune
	// Suggestion is what to put instead: the Latin letter for a look-alike
	// ("O" for the digit 0, "I or L" for 1). Empty when there is none.
	Suggestion string
	// Confirmed is true when CheckCode proved the suggestion right.
	Confirmed bool
	// Credential names the credential an other-credential problem found
	// ("api-key", "pan": the Credential… constants); empty otherwise.
	Credential string

	// draftIndex is the rune index of Char in Result.draft; -1 or unused
	// when the problem has no character.
	draftIndex int
}

// attention orders results by how much they need the user's attention:
// a valid key least, then a code, then anything malformed, and most a key
// that does not make the code the user gave. The command's exit codes
// follow the same order.
func (r *Result) attention() int {
	switch {
	case r.Class == ClassValid && r.CodeCheck != nil && !r.CodeCheck.Matched:
		return 3
	case r.Class == ClassValid:
		return 0
	case r.Class == ClassCode:
		return 1
	}
	return 2
}

// Bits is the number of secret bits the key carries: whole bytes after
// base32 decoding. Zero when no key was found.
func (r *Result) Bits() int {
	return len(r.Key) * 5 / 8 * 8
}

// HasProblem reports whether the result has a problem with the given id.
func (r *Result) HasProblem(id ReasonID) bool {
	for i := range r.Problems {
		if r.Problems[i].ID == id {
			return true
		}
	}
	return false
}

// LookalikeDraft returns what a code check needs to try the letters that
// look-alike characters may stand for: the cleaned, upper-case body of the
// key with each invalid character kept as it is, and for each of r.Problems
// the rune index of its character in that body, or -1. The body is a
// secret. It is empty, and the indexes nil, when the result has no such
// body.
func (r *Result) LookalikeDraft() (string, []int) {
	if r.draft == "" {
		return "", nil
	}
	index := make([]int, len(r.Problems))
	for i := range r.Problems {
		index[i] = -1
		if r.Problems[i].Char != 0 {
			index[i] = r.Problems[i].draftIndex
		}
	}
	return r.draft, index
}
