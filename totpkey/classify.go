package totpkey

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MinKeyChars is the fewest base32 characters a TOTP Key can have: 16
// characters carry 80 bits, the least RFC 4226 allows.
const MinKeyChars = 16

// MaxInputBytes is the longest input Classify reads character by character.
// Anything longer is reported as not-a-key at once, so that a gigabyte on
// one line costs nothing.
const MaxInputBytes = 4096

// Classify looks at one input, as pasted into a "TOTP Key" field, and tells
// what it is.
//
// The order of the checks is part of the contract and goes from the most
// specific to the least:
//
//  1. nothing but white space is empty;
//  2. quotes, a leading label ("Key:") and a full stop or comma at either
//     end are taken off, each reported;
//  3. an otpauth:// link is read and its secret checked like a bare key;
//     an otpauth-migration:// export link is read by ClassifyAll;
//  4. web and e-mail addresses and phone numbers are not keys;
//  5. digits alone are a one-time code when there are 6 to 8 of them
//     (also written "123 456" or "123-456"), and not a key otherwise;
//  6. a hexadecimal secret is found and converted (hex-key);
//  7. words, sentences, passwords and mixed-case base64 are not keys;
//     words holding one of AutoTrader Web's error messages ("Failed to
//     generate TOTP") get that error's topic instead of not-a-key's;
//  8. what is left is read as base32: white space, separators, lower case,
//     invisible characters and end padding are cleaned (each reported);
//     look-alike and other invalid characters, misplaced padding, impossible
//     lengths, keys shorter than 16 characters and keys pasted twice are
//     problems; a valid key with a one-time code before or after it is a
//     key-with-code problem (class malformed), with the key found.
//
// A valid key read out of an otpauth or export link whose account makes
// other codes than AutoTrader Web makes from the key alone (not 6 digits,
// 30 seconds and SHA1) stays valid and gets Result.Warnings.
//
// Classify never changes a letter behind the user's back: a look-alike digit
// is a problem with a suggestion, not a silent fix.
//
// Binary data (an image, random bytes, UTF-16 text) is not-a-key with the
// format FormatBinary, whatever stage meets it. A code and anything that
// is not a key report no changes: there is no key the cleaning made.
func Classify(input string) Result {
	if len(input) > MaxInputBytes {
		if message, ok := binaryData(input[:MaxInputBytes]); ok {
			return notAKey(FormatBinary, message)
		}
		return notAKey(FormatText, fmt.Sprintf("the input is more than %d bytes long, far longer than any TOTP Key", MaxInputBytes))
	}
	signs := normSignsOf(input)
	if signs == 0 {
		return classifyText(input) // the common case: nothing to undo
	}
	return classifySigned(input, signs)
}

// classifySigned is Classify of an input that has signs of what mail, web
// pages or chat apps do to text (see normSignsOf).
func classifySigned(input string, signs int) Result {
	r := classifyNormalized(input)
	if signs&signEq3D != 0 {
		// One quoted-printable escape alone is no sign of a mail's
		// encoding (a key may start with 3D). When only the decoded
		// reading is a key, that is the reading; when both are, the key
		// as written stands, with a warning that names the other.
		alt := classifyNormalized(strings.Replace(input, "=3D", "=", 1))
		switch {
		case alt.Class != ClassValid:
		case r.Class != ClassValid:
			alt.Changes |= changeQuotedPrintable
			alt.Topic = "cleaned-key"
			return alt
		case alt.Key != r.Key && !r.Changes.Has(ChangeQuotedPrintable):
			r.Warnings = append(r.Warnings, Warning{ID: WarningQuotedPrintableSuspected, Message: quotedPrintableSuspicion})
		}
	}
	return r
}

// classifyNormalized is Classify of an input not too long to read,
// normalised first.
func classifyNormalized(input string) Result {
	if n := Normalize(input); n.Changes != 0 && !isBinary(input) {
		return n.classify(input)
	}
	return classifyText(input)
}

// classifyText is Classify of text that needs no normalising.
func classifyText(input string) Result {
	t, base, changes := trimEnds(input, 0)
	if t == "" {
		return Result{
			Class:  ClassMalformed,
			Format: FormatEmpty,
			Problems: []Problem{{
				ID:      ReasonEmpty,
				Message: "there is nothing here but white space",
			}},
			Topic: string(ReasonEmpty),
		}
	}
	withLabel := t
	whole, wholeBase := t, base
	t, base, changes = unwrap(t, base, changes)
	label := "" // credential.go: the credential a label names, "Password:"
	if changes&changeLabel != 0 {
		label = credentialLabel(withLabel)
	}
	switch {
	case hasPrefixFold(t, "otpauth-migration:"):
		return worstOf(classifyMigration(t), changes)
	case hasPrefixFold(t, "otpauth:"):
		r := classifyOTPAuth(t, base)
		r.Changes |= changes
		return r
	}
	if format, message := nonKey(t); format != "" {
		if binary, ok := binaryData(t); ok {
			return notAKey(FormatBinary, binary)
		}
		return notAKey(format, message)
	}
	if label != "" || mayBeCredential(t) { // credential.go
		if r := otherCredential(t, base, label); r != nil {
			return *r
		}
	}
	r := classifyBody(t, base)
	if keysInWords(whole, wholeBase, &r) {
		return r
	}
	if r.Class == ClassCode || r.HasProblem(ReasonNotAKey) {
		// A code, words, a number or binary data: there is no key for
		// the cleaning to have made, so none is reported.
		r.Changes = 0
	} else {
		r.Changes |= changes
	}
	switch {
	case r.Class == ClassValid && r.Changes != 0:
		r.Topic = "cleaned-key"
	case r.Format == FormatText && r.HasProblem(ReasonNotAKey):
		// Words pasted as the key, not inside a link: the error itself?
		if er, ok := pastedErrorMessage(t); ok {
			er.Changes = r.Changes
			return er
		}
	}
	return r
}

// worstOf returns the result that needs attention most of an export
// link's accounts, with the outer changes added: the first of those with
// the highest exit code, so that one result (Classify, a --lines row) never
// calls an export valid when one of its accounts is not. ClassifyAll
// reports every account.
func worstOf(rs []Result, changes Changes) Result {
	worst := 0
	for i := range rs {
		if rs[i].attention() > rs[worst].attention() {
			worst = i
		}
	}
	r := rs[worst]
	r.Changes |= changes
	return r
}

// trimEnds takes white space and invisible characters off both ends of s.
// base is the rune position of s in the original input; it returns the
// trimmed text, its rune position and the changes made.
func trimEnds(s string, base int) (string, int, Changes) {
	var changes Changes
	start := 0
	for start < len(s) {
		r, size := utf8.DecodeRuneInString(s[start:])
		switch {
		case Space(r):
			changes |= changeSpaceAround
		case Invisible(r):
			changes |= changeInvisible
		default:
			goto trimmedStart
		}
		start += size
		base++
	}
trimmedStart:
	end := len(s)
	for end > start {
		r, size := utf8.DecodeLastRuneInString(s[start:end])
		switch {
		case Space(r):
			changes |= changeSpaceAround
		case Invisible(r):
			changes |= changeInvisible
		default:
			return s[start:end], base, changes
		}
		end -= size
	}
	return s[start:end], base, changes
}

// unwrap takes off quotes, a label and sentence punctuation (a full stop
// or comma at either end) around a key, in any order, and the white space
// inside them. The white space after a label belongs to the label and is
// not reported as a change of its own.
func unwrap(t string, base int, changes Changes) (string, int, Changes) {
	for range 4 {
		if inner, ok := unquote(t); ok {
			var c Changes
			t, base, c = trimEnds(inner, base+1)
			changes |= c | changeQuotes
			continue
		}
		if n := labelLen(t); n > 0 && !notALabel(t) {
			var c Changes
			base += utf8.RuneCountInString(t[:n])
			t, base, c = trimEnds(t[n:], base)
			changes |= c&^changeSpaceAround | changeLabel
			continue
		}
		if len(t) >= 2 && (sentencePunct(t[0]) || sentencePunct(t[len(t)-1])) {
			inner, skipped, c := endPunctuation(t)
			if c == 0 {
				break
			}
			var more Changes
			t, base, more = trimEnds(inner, base+skipped)
			changes |= c | more
			continue
		}
		break
	}
	return t, base, changes
}

// sentencePunct reports whether c is a full stop or a comma.
func sentencePunct(c byte) bool { return c == '.' || c == ',' }

// endPunctuation takes a full stop or a comma off either end of t: the
// punctuation of the sentence the key was copied from. It returns what is
// left, how many characters it took off the start, and the changes, or
// zero changes when there is nothing to take off. An ellipsis ("...")
// stays: it says that something was left out.
func endPunctuation(t string) (string, int, Changes) {
	if len(t) < 2 {
		return t, 0, 0
	}
	var c Changes
	start, end := 0, len(t)
	switch t[0] {
	case '.':
		if t[1] != '.' {
			c, start = changeStopStart, 1
		}
	case ',':
		c, start = changeCommaStart, 1
	}
	switch t[end-1] {
	case '.':
		if t[end-2] != '.' && end-1 > start {
			c, end = c|changeStopEnd, end-1
		}
	case ',':
		if end-1 > start {
			c, end = c|changeCommaEnd, end-1
		}
	}
	if c == 0 || start >= end {
		return t, 0, 0
	}
	return t[start:end], start, c
}

// notALabel reports whether t, which starts like a label ("Key:"), is
// something else: an otpauth link written with too few slashes
// ("otpauth:totp/...") or a hexadecimal secret written in pairs with
// colons ("de:ad:be:ef:...").
func notALabel(t string) bool {
	return hasPrefixFold(t, "otpauth") || colonHex(t)
}

// colonHex reports whether t is bytes written in hexadecimal, in pairs
// separated by colons ("de:ad:be:ef"), at least four of them.
func colonHex(t string) bool {
	pairs := 0
	for i := 0; i < len(t); i += 3 {
		if i+2 > len(t) || !hexDigit(t[i]) || !hexDigit(t[i+1]) || i+2 < len(t) && t[i+2] != ':' {
			return false
		}
		pairs++
	}
	return pairs >= 4
}

// hexDigit reports whether c is 0-9, a-f or A-F.
func hexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c|0x20 >= 'a' && c|0x20 <= 'f'
}

var quotePairs = [...][2]string{
	{`"`, `"`}, {`'`, `'`}, {"`", "`"}, {"“", "”"}, {"‘", "’"},
	{"«", "»"}, {"„", "“"}, {"<", ">"}, {"(", ")"}, {"[", "]"},
}

// unquote returns what stands between a matching pair of quotes (or
// brackets) around the whole of t.
func unquote(t string) (string, bool) {
	if t == "" || !quoteStart(t[0]) {
		return "", false // the common case: a key starts with a letter or digit
	}
	for _, q := range quotePairs {
		if len(t) > len(q[0])+len(q[1]) && strings.HasPrefix(t, q[0]) && strings.HasSuffix(t, q[1]) {
			return t[len(q[0]) : len(t)-len(q[1])], true
		}
	}
	return "", false
}

// quoteStart reports whether c is the first byte of an opening quote or
// bracket of quotePairs.
func quoteStart(c byte) bool {
	switch c {
	case '"', '\'', '`', '<', '(', '[',
		0xE2, // “ ‘ „
		0xC2: // «
		return true
	}
	return false
}

// labelLen returns the length of a leading label such as "Key:",
// "Secret key:" or "TOTP = ", or 0 when t has none. A label is one to four
// words of letters followed by a colon (or an equals sign after a word that
// names a key), and something must follow it.
func labelLen(t string) int {
	words, inWord := 0, false
	for i := 0; i < len(t) && i < 40; i++ {
		c := t[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			if !inWord {
				words++
				inWord = true
			}
		case c == ' ' || c == '-' || c == '_':
			inWord = false
		case c == ':' || c == '=':
			if words == 0 || words > 4 || i+1 >= len(t) || t[i+1] == '/' {
				return 0
			}
			if c == '=' && !keyWord(strings.TrimSpace(t[:i])) {
				return 0
			}
			return i + 1
		default:
			return 0
		}
	}
	return 0
}

// keyWord reports whether a label word names a key ("key", "secret"...).
func keyWord(s string) bool {
	switch strings.ToLower(s) {
	case "key", "secret", "totp", "seed", "totp key", "secret key", "totp secret", "setup key":
		return true
	}
	return false
}

// hasPrefixFold is strings.HasPrefix, ignoring ASCII case. The prefixes
// are ASCII, so the first bytes must be the same letter in either case (or
// the same byte) before the whole is compared.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && s[0]|0x20 == prefix[0]|0x20 && strings.EqualFold(s[:len(prefix)], prefix)
}

// notAKey builds the result for an input that is not a key at all.
func notAKey(format Format, message string) Result {
	return Result{
		Class:    ClassMalformed,
		Format:   format,
		Problems: []Problem{{ID: ReasonNotAKey, Message: message}},
		Topic:    string(ReasonNotAKey),
	}
}
