package totpkey

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxReportedChars caps the invalid-character problems listed for one
// input; an input with more is not a key but text.
const maxReportedChars = 16

// badChar is one character of a key body outside the base32 alphabet.
type badChar struct {
	pos   int32 // 1-based rune position in the input; 0 when unknown
	r     rune  // the character (utf8.RuneError for a byte that is not UTF-8)
	index int32 // rune index in the draft body
}

// bodyScan is what one pass over a key body found. It keeps the body and
// the invalid characters in arrays of its own, so that classifying a
// typical key allocates nothing but the cleaned key.
type bodyScan struct {
	buf        [128]byte // the upper-cased body while it fits: any key does
	n          int       // bytes of buf in use
	long       []byte    // the body, once it outgrew buf
	badArr     [maxReportedChars]badChar
	nbad       int
	runes      int // characters in body
	letters    int // A-Z and a-z
	lower      int // a-z
	upper      int // A-Z
	digits     int // 0-9
	hexLetters int // a-f and A-F
	lookalike  int // invalid characters with a suggested letter
	other      int // invalid characters without one (punctuation, ...), 9 aside
	symbols    int // ASCII symbols that passwords use: ! @ # $ % ...
	control    int // control characters and bytes that are not UTF-8: signs of binary data
	hexDigits  int // 0, 1, 8 and 9: digits that hex has and base32 lacks
	badCount   int
	padding    int  // '=' characters
	padFirst   int  // position of the first '='; 0 when unknown or none
	padInside  bool // an '=' has key characters after it
	tokens     tokenStats
	changes    Changes
}

// body is the upper-cased body read so far; invalid characters are kept
// as they are.
func (s *bodyScan) body() []byte {
	if s.long != nil {
		return s.long
	}
	return s.buf[:s.n]
}

// appendByte adds one byte to the body: the common case, kept cheap.
func (s *bodyScan) appendByte(c byte) {
	if s.long == nil && s.n < len(s.buf) {
		s.buf[s.n] = c
		s.n++
		return
	}
	s.appendBody(c)
}

// appendBody adds bytes to the body.
func (s *bodyScan) appendBody(b ...byte) {
	if s.long == nil && s.n+len(b) <= len(s.buf) {
		s.n += copy(s.buf[s.n:], b)
		return
	}
	if s.long == nil {
		s.long = append(make([]byte, 0, 2*len(s.buf)), s.buf[:s.n]...)
	}
	s.long = append(s.long, b...)
}

// bad is the invalid characters recorded, at most maxReportedChars.
func (s *bodyScan) bad() []badChar { return s.badArr[:s.nbad] }

// scan reads t once, cleaning as it goes. base is the rune position of t in
// the input, or -1 when positions cannot be mapped back (a percent-encoded
// otpauth secret).
func (s *bodyScan) scan(t string, base int) {
	pos := max(base, 0) // stays 0 (unknown) when base is -1
	tok := tokenScan{start: -1}
	for i := 0; i < len(t); {
		if j := s.scanRun(t, i, &tok); j > i {
			if base >= 0 {
				pos += j - i
			}
			if i = j; i == len(t) {
				break
			}
		}
		r, size := utf8.DecodeRuneInString(t[i:])
		if base >= 0 {
			pos++
		}
		switch {
		case r >= '0' && r <= '9': // 0, 1, 8 and 9: scanRun took 2 to 7
			s.padInside = s.padInside || s.padding > 0
			s.digits++
			s.addBad(pos, r)
			s.appendByte(byte(r))
			tok.add(t, i, r)
		case r == '=':
			if s.padding == 0 {
				s.padFirst = pos
			}
			s.padding++
			tok.add(t, i, r)
		case Space(r):
			s.changes |= changeWhitespace
			s.tokens.end(&tok, t, i)
		case separator(r):
			s.changes |= changeSeparators
			s.tokens.end(&tok, t, i)
		case Invisible(r):
			s.changes |= changeInvisible
		default:
			s.padInside = s.padInside || s.padding > 0
			s.addBad(pos, r)
			var enc [utf8.UTFMax]byte
			s.appendBody(enc[:utf8.EncodeRune(enc[:], r)]...)
			tok.add(t, i, r)
		}
		i += size
	}
	s.tokens.end(&tok, t, len(t))
}

// addBad records an invalid character.
func (s *bodyScan) addBad(pos int, r rune) {
	switch _, ok := lookalike(r); {
	case r >= '0' && r <= '9':
		s.hexDigits++
		if ok {
			s.lookalike++
		}
	case ok:
		s.lookalike++
	default:
		s.other++
		if r < 0x7F && r > ' ' {
			s.symbols++
		} else if r < ' ' || r == 0x7F || r == utf8.RuneError {
			s.control++
		}
	}
	if s.nbad < len(s.badArr) {
		s.badArr[s.nbad] = badChar{pos: int32(pos), r: r, index: int32(s.runes)} // positions of an input of at most MaxInputBytes
		s.nbad++
	}
	s.badCount++
	s.runes++
}

// classifyBody reads what is left of an input once it is known not to be a
// link, an address or digits alone: a key, a broken key, or text.
func classifyBody(t string, base int) Result {
	var s bodyScan
	s.scan(t, base)
	if s.runes == 0 {
		if s.padding > 0 {
			return notAKey(FormatText, "there is only padding (=) here, no key")
		}
		return notAKey(FormatText, "there are no letters or digits here")
	}
	// Each judge below is asked only when it may apply, and the text
	// judge answers with a format and a message: a key, the common case,
	// goes through without a Result being built and thrown away.
	if s.control >= 2 {
		if message, ok := binaryData(t); ok {
			return notAKey(FormatBinary, message)
		}
	}
	if s.digits == s.runes && s.padding == 0 {
		if hexSeedDigits(s.digits) {
			// The RFC 4226 and 6238 test seeds in hexadecimal are
			// digits alone ("3132333435..."), as oathtool takes them.
			if r, ok := s.hexKey(t); ok {
				return r
			}
		}
		return s.digitsOnly()
	}
	if s.mayBeHex(t) {
		if r, ok := s.hexKey(t); ok {
			return r
		}
	}
	if format, message := s.text(); format != "" {
		if s.digits >= 6 && s.changes&changeWhitespace != 0 {
			// Groups that read like words, but maybe a key and its code
			// ("… DZF6 MY 482 913").
			if kc, ok := keyAndCode(t, base); ok {
				return kc
			}
		}
		return notAKey(format, message)
	}
	return s.base32(t, base)
}

// keyAndCode recognises a valid key with a one-time code (6 to 8 digits)
// before or after it, apart from it by white space: "JBSW... 482913", what
// a person copies from an app that shows both. The result is malformed,
// with the key-with-code problem and the key found; its position is the
// code's first digit. It reports false for anything else.
func keyAndCode(t string, base int) (Result, bool) {
	if i := strings.LastIndexFunc(t, Space); i > 0 {
		_, size := utf8.DecodeRuneInString(t[i:])
		code := t[i+size:]
		if half, ok := groupedCodeStart(t[:i], code); ok {
			// The code in two groups ("482 913"), as apps show it.
			i, size, code = half, 1, t[half+1:i]+code
		}
		if codeDigits(code) {
			key := strings.TrimRightFunc(t[:i], Space)
			at := 0
			if base >= 0 {
				at = base + utf8.RuneCountInString(t[:i+size]) + 1
			}
			return keyWithCode(key, base, len(code), at, "followed by")
		}
	}
	if j := strings.IndexFunc(t, Space); j > 0 {
		code := t[:j]
		if len(code) == 3 && j+4 < len(t) && t[j] == ' ' && t[j+4] == ' ' && codeDigits(code+t[j+1:j+4]) {
			code, j = code+t[j+1:j+4], j+4
		}
		if codeDigits(code) {
			key := strings.TrimLeftFunc(t[j:], Space)
			keyBase, at := -1, 0
			if base >= 0 {
				keyBase, at = base+utf8.RuneCountInString(t[:len(t)-len(key)]), base+1
			}
			return keyWithCode(key, keyBase, len(code), at, "preceded by")
		}
	}
	return Result{}, false
}

// groupedCodeStart reports whether last, three digits, is the second
// group of a code written "482 913" at the end of before+" "+last, and
// returns the byte offset of the space before the first group.
func groupedCodeStart(before, last string) (int, bool) {
	if len(last) != 3 || len(before) < 5 || before[len(before)-4] != ' ' {
		return 0, false
	}
	first := before[len(before)-3:]
	return len(before) - 4, codeDigits(first + last)
}

// keyWithCode builds the result of keyAndCode when key is a valid key on
// its own; at is the position of the code in the input (0 when unknown).
func keyWithCode(key string, base, digits, at int, where string) (Result, bool) {
	k := classifyBody(key, base)
	if k.Class != ClassValid {
		return Result{}, false
	}
	article := "a "
	if digits == 8 {
		article = "an "
	}
	r := Result{
		Format:  FormatBase32,
		Key:     k.Key,
		Changes: k.Changes,
		Problems: []Problem{{
			ID:       ReasonKeyWithCode,
			Position: at,
			Message: "this is a TOTP Key " + where + " " + article + strconv.Itoa(digits) +
				"-digit one-time code: paste only the key, without the code",
		}},
	}
	return r.malformed(), true
}

// codeDigits reports whether s is a one-time code: 6 to 8 ASCII digits.
func codeDigits(s string) bool {
	if len(s) < 6 || len(s) > 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// base32 judges a body that reads as base32; base is as for scan.
func (s *bodyScan) base32(t string, base int) Result {
	r := Result{Format: FormatBase32, Changes: s.changes, chars: s.runes}
	if s.padding > 0 && !s.padInside {
		r.Changes |= changePadding
	}
	n, body := s.runes, s.body()
	if half := n / 2; n >= 2*8 && n%2 == 0 && string(body[:len(body)/2]) == string(body[len(body)/2:]) && s.badCount == 0 {
		r.Key = string(body[:len(body)/2])
		r.Problems = append(r.Problems, Problem{
			ID:      ReasonPastedTwice,
			Message: "the same " + strconv.Itoa(half) + " characters appear twice in a row: the key was pasted twice; paste it once",
		})
		return r.malformed()
	}
	switch {
	case n < MinKeyChars:
		carry := "characters carry"
		if n == 1 {
			carry = "character carries"
		}
		r.Problems = append(r.Problems, Problem{
			ID: ReasonTooShort,
			Message: strconv.Itoa(n) + " " + carry + " only " + strconv.Itoa(n*5) +
				" bits; a TOTP Key has at least " + strconv.Itoa(MinKeyChars) + " characters (80 bits): this looks like part of a key",
		})
	case n%8 == 1 || n%8 == 3 || n%8 == 6:
		r.Problems = append(r.Problems, Problem{
			ID:      ReasonBadLength,
			Message: "no base32 key is " + strconv.Itoa(n) + " characters long: a character is missing or one too many",
		})
	}
	if s.padInside {
		p := Problem{
			ID:      ReasonBadPadding,
			Message: "padding (=) can only stand at the end of a key, but here key characters follow it",
			Char:    '=',
		}
		if s.padFirst > 0 {
			p.Position = s.padFirst
			p.Message = "character " + strconv.Itoa(s.padFirst) + " is =, which can only stand at the end of a key"
		}
		r.Problems = append(r.Problems, p)
	}
	for _, b := range s.bad() {
		r.Problems = append(r.Problems, invalidCharacter(b))
	}
	if s.badCount > s.nbad {
		r.Problems = append(r.Problems, Problem{
			ID:      ReasonInvalidCharacter,
			Message: "and " + strconv.Itoa(s.badCount-s.nbad) + " more characters that a TOTP Key never contains",
		})
	}
	if len(r.Problems) > 0 {
		if s.digits >= 6 && s.changes&changeWhitespace != 0 {
			// Not a key as a whole, but maybe a key and the code it
			// gives, copied together.
			if kc, ok := keyAndCode(t, base); ok {
				return kc
			}
		}
		if s.badCount > 0 {
			r.draft = string(body)
		}
		return r.malformed()
	}
	r.Class = ClassValid
	r.Topic = "edit-and-save"
	if r.Changes == 0 && len(t) == len(body) {
		r.Key = t // already clean: no copy
	} else {
		r.Key = string(body)
	}
	return r
}

// malformed finishes a result that has problems.
func (r Result) malformed() Result {
	r.Class = ClassMalformed
	r.Topic = string(r.Problems[0].ID)
	return r
}

// invalidCharacter describes one character outside the base32 alphabet.
// Its messages are joined with + rather than fmt.Sprintf: a look-alike
// digit in a key is common, and this way its message is one allocation.
func invalidCharacter(b badChar) Problem {
	p := Problem{ID: ReasonInvalidCharacter, Position: int(b.pos), Char: b.r, draftIndex: int(b.index)}
	p.Suggestion, _ = lookalike(b.r)
	where := "a character"
	if b.pos > 0 {
		where = "character " + strconv.Itoa(int(b.pos))
	}
	switch {
	case b.r == utf8.RuneError:
		p.Message = where + " is not valid text (a broken byte or U+FFFD REPLACEMENT CHARACTER)"
	case b.r >= '0' && b.r <= '9' && p.Suggestion != "":
		p.Message = where + " is the digit " + digitString(b.r) + ", which a TOTP Key never contains: did you mean the letter " + p.Suggestion + "?"
	case b.r >= '0' && b.r <= '9':
		p.Message = where + " is the digit " + digitString(b.r) + "; a TOTP Key has only the digits 2 to 7"
	case p.Suggestion != "":
		p.Message = where + " is " + CharName(b.r) + ", which looks like the Latin letter " + p.Suggestion + ": type " + p.Suggestion + " instead"
	case b.r < 0x20 || b.r == 0x7F || (b.r >= 0x80 && b.r < 0xA0):
		p.Message = where + " is the control character " + CharName(b.r) + ", which a TOTP Key never contains"
	default:
		p.Message = where + " is " + strconv.QuoteRune(b.r) + ", which a TOTP Key never contains (only letters A to Z and digits 2 to 7)"
	}
	return p
}

// digitString is the ASCII digit d as a string, without allocating.
func digitString(d rune) string {
	const digits = "0123456789"
	return digits[d-'0' : d-'0'+1]
}
