package totpkey

// pastedTwiceSuspicion is the message of the warning that goes with codes
// made from a key whose two halves are the same.
const pastedTwiceSuspicion = "the two halves of this key are the same: it may have been pasted twice, " +
	"or be a key made so (the RFC 6238 test key is); `totpkey validate --code CODE` with the code your app shows settles which"

// WholeKey returns, for a result whose only problem is pasted-twice, the
// key as given, both halves, and the warning that goes with the codes
// made from it: the halves may be one key pasted twice, or a key that is
// so by design (the SHA1 test key of RFC 6238 is "12345678901234567890",
// GEZDGNBVGY3TQOJQ twice). ok is false for any other result.
func (r *Result) WholeKey() (key string, w Warning, ok bool) {
	if len(r.Problems) != 1 || r.Problems[0].ID != ReasonPastedTwice || r.Key == "" {
		return "", Warning{}, false
	}
	return r.Key + r.Key, Warning{ID: WarningPastedTwiceSuspected, Message: pastedTwiceSuspicion}, true
}

// SettlePastedTwice records what a code check found about a key suspected
// of being pasted twice (see WholeKey): when the whole key makes the code
// and its half does not, the suspicion is withdrawn and the result is the
// valid whole key; when the half makes it and the whole does not, the
// problem is confirmed. Anything else leaves the result as it is.
func (r *Result) SettlePastedTwice(wholeMatched, halfMatched bool) {
	whole, _, ok := r.WholeKey()
	switch {
	case !ok:
	case wholeMatched && !halfMatched:
		r.Class, r.Format, r.Key, r.Problems = ClassValid, FormatBase32, whole, nil
		r.Topic = "edit-and-save"
		if r.Changes != 0 {
			r.Topic = "cleaned-key"
		}
	case halfMatched && !wholeMatched:
		r.Problems[0].Confirmed = true
	}
}
