package totpkey

import (
	"strconv"

	"github.com/totpkey/totpkey/totpkey/broker"
)

// ClassifyFor is Classify for a trading account at broker b: see
// Result.ApplyBroker. With the zero Broker it is Classify, except that the
// broker named by an otpauth link's issuer counts.
func ClassifyFor(input string, b broker.Broker) Result {
	r := Classify(input)
	r.ApplyBroker(b)
	return r
}

// ApplyBroker makes the checks of r those of broker b, for a result of
// Classify, ClassifyAll or the packages built on them. With the zero
// Broker, the broker named by the issuer of the otpauth or export link r
// came from is used, if any; with none, r is left as it is.
//
// Where the broker's key length is known, a key pasted shorter than the
// key the broker shows (a valid key, one too short, or one of an
// impossible length) is a partial-key problem that gives both lengths,
// unless a code check found that it gives the code. A
// number of the length of the broker's client ids (Dhan: 10 digits) is an
// other-credential client-id problem. Result.Broker names the broker.
func (r *Result) ApplyBroker(b broker.Broker) {
	if b.ID != "" || r.Account.Issuer != "" { // cheap enough to inline: most results have neither
		r.applyBroker(b)
	}
}

// applyBroker is ApplyBroker once there is a broker or an issuer.
func (r *Result) applyBroker(b broker.Broker) {
	if !b.Known() {
		b, _ = broker.Find(r.Account.Issuer)
	}
	if !b.Known() {
		return
	}
	r.Broker = b.ID
	switch {
	case r.partOfKey(b.KeyLength):
		r.Problems = []Problem{{
			ID: ReasonPartialKey,
			Message: b.Name + " shows a " + strconv.Itoa(b.KeyLength) + "-character TOTP Key; this has " +
				strconv.Itoa(r.chars) + ": the rest of it (most often the end) was not copied",
		}}
		*r = r.malformed()
	case b.ClientIDDigits > 0 && r.Format == FormatDigits && r.chars == b.ClientIDDigits:
		r.Problems = []Problem{{
			ID:         ReasonOtherCredential,
			Credential: CredentialClientID,
			Message: "this is a " + strconv.Itoa(r.chars) + "-digit number, the form of a " + b.Name +
				" client id, which goes in the client id field, not the TOTP Key" + whereTheKeyIs,
		}}
		*r = r.malformed()
	}
}

// partOfKey reports whether r is a base32 key, typed or pasted, that is
// shorter than length characters and has no problem but its length.
func (r *Result) partOfKey(length int) bool {
	keyInText := r.Format == FormatText && r.Changes.Has(ChangeText) // inwords.go: a key among words
	if length == 0 || r.Format != FormatBase32 && !keyInText || r.chars == 0 || r.chars >= length {
		return false
	}
	if r.CodeCheck != nil && r.CodeCheck.Matched {
		return false // it gives the code the app shows: it is the whole key
	}
	if r.Class == ClassValid {
		return true
	}
	return len(r.Problems) == 1 && (r.Problems[0].ID == ReasonTooShort || r.Problems[0].ID == ReasonBadLength)
}
