package totpkey

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

// Exit codes, as fixed by the product contract. The command maps results to
// these; they live here so that Result.ExitCode and the command agree.
const (
	ExitValid     = 0 // a valid key, or success
	ExitFailure   = 1 // not about the input's class: unreadable file, I/O error
	ExitUsage     = 2 // unknown flag, bad flag value, unknown topic
	ExitCode      = 3 // the input is a one-time code, not a key
	ExitMalformed = 4 // the input is not a usable TOTP Key
	ExitMismatch  = 5 // the key is valid but does not produce the code given
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
	Account Account
	// Batch is the position of an export QR code in a multi-code export;
	// zero outside export links.
	Batch Batch
	// CodeCheck is set by CheckCode; nil when no code was checked.
	CodeCheck *CodeCheck

	// draft is the cleaned, upper-cased body of a key that has invalid
	// characters, each kept as it is, so that a --code check can try the
	// letters they stand for. Empty otherwise.
	draft string
}

// Account is what an otpauth:// or otpauth-migration:// link says about the
// account. None of it is secret.
type Account struct {
	Type      string // "totp" or "hotp"; empty for a bare key
	Issuer    string
	Name      string
	Algorithm string // "SHA1", "SHA256", "SHA512"; empty when not given
	Digits    int    // 0 when not given
	Period    int    // seconds; 0 when not given
	Counter   uint64 // HOTP counter
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

// Batch is the position of one QR code in a Google Authenticator export
// that spans several codes.
//
// Index counts from 0, as the export itself numbers its codes (the
// batch_index field of the payload): the second of three codes has Index
// 1 and Size 3, and Describe writes it the way people count, "QR 2 of 3".
// The JSON output of the command carries Index as it is here, 0-based.
type Batch struct {
	// Index is the 0-based position of this code in the export: 0 for the
	// first code.
	Index int
	// Size is the number of codes in the export; 0 or 1 when it is not
	// split.
	Size int
	// ID is the export's batch id, the same for every code of one export.
	ID int32
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

	// draftIndex is the rune index of Char in Result.draft; -1 or unused
	// when the problem has no character.
	draftIndex int
}

// ExitCode is the exit code this result alone gives, per the contract.
func (r *Result) ExitCode() int {
	switch r.Class {
	case ClassValid:
		if r.CodeCheck != nil && !r.CodeCheck.Matched {
			return ExitMismatch
		}
		return ExitValid
	case ClassCode:
		return ExitCode
	default:
		return ExitMalformed
	}
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
