package totpkey

import (
	"encoding/base32"
	"encoding/hex"
	"strconv"
)

// minHexChars is the shortest hexadecimal secret recognised: 80 bits.
const minHexChars = 20

// hexSeedDigits reports whether n digits are as many as a hexadecimal
// HMAC key of SHA1, SHA256 or SHA512 has (20, 32 or 64 bytes): a number
// that long is a secret written in hexadecimal, not an account number.
func hexSeedDigits(n int) bool { return n == 40 || n == 64 || n == 128 }

// mayBeHex reports whether what the scan counted allows a hexadecimal
// secret: "0x" before it, bytes in pairs with colons ("de:ad:be:ef"), or
// digits that hex has and base32 lacks with nothing outside the two
// alphabets; and one case.
func (s *bodyScan) mayBeHex(t string) bool {
	prefixed := hasPrefixFold(t, "0x")
	if !prefixed && (s.hexDigits == 0 || s.other > 0) && (s.other == 0 || !colonHex(t)) {
		return false
	}
	return s.lower == 0 || s.upper == 0 || prefixed && s.lower == 1 && t[1] == 'x'
}

// maxHexKeyBytes is the longest key hexKey decodes without allocating:
// 64 bytes, a 512-bit secret.
const maxHexKeyBytes = 64

// base32NoPadding writes keys as the TOTP Key field takes them: base32
// without padding.
var base32NoPadding = base32.StdEncoding.WithPadding(base32.NoPadding)

// hexKey recognises a secret written in hexadecimal (as some services and
// password managers show it, with or without "0x" and colons), which the
// TOTP Key field cannot take. The result carries the same secret converted
// to base32 as its Key. Call it when mayBeHex holds.
func (s *bodyScan) hexKey(t string) (Result, bool) {
	prefixed := hasPrefixFold(t, "0x")
	// The digits go into a small buffer on the stack, so that a body that
	// turns out not to be hex (a key with a look-alike digit) costs no
	// allocation: any key fits it. A buffer of MaxInputBytes would be
	// cleared for every input, at a cost of its own.
	var buf [2 * maxHexKeyBytes]byte
	digits := buf[:0]
	if len(t) > len(buf) {
		digits = make([]byte, 0, len(t))
	}
	n := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case prefixed && i < 2:
		case c >= '0' && c <= '9', c >= 'a' && c <= 'f', c >= 'A' && c <= 'F':
			digits = append(digits, c)
			n++
		case c == ' ' || c == ':' || c == '-' || c == '\t':
		default:
			return Result{}, false
		}
	}
	if n < minHexChars && n%2 == 0 && colonHex(t) {
		// Bytes in pairs with colons are hexadecimal beyond doubt, but
		// too few for a secret.
		return notAKey(FormatHex, "this is "+strconv.Itoa(n/2)+" bytes written in hexadecimal ("+strconv.Itoa(n/2*8)+
			" bits), too few for a TOTP secret, which has at least 80 bits"), true
	}
	if n < minHexChars || n%2 != 0 {
		return Result{}, false
	}
	var rawBuf [maxHexKeyBytes]byte
	raw := rawBuf[:]
	if n/2 > len(raw) {
		raw = make([]byte, n/2)
	}
	if _, err := hex.Decode(raw[:n/2], digits[:n]); err != nil {
		return Result{}, false
	}
	r := Result{
		Format: FormatHex,
		Key:    base32NoPadding.EncodeToString(raw[:n/2]),
		Problems: []Problem{{
			ID: ReasonHexKey,
			Message: "this is a hexadecimal secret (" + strconv.Itoa(n/2*8) + " bits); the TOTP Key field takes the same secret " +
				"written in base32, which is the key shown here",
		}},
	}
	return r.malformed(), true
}
