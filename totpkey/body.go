package totpkey

import (
	"fmt"
	"unicode/utf8"
)

// maxReportedChars caps the invalid-character problems listed for one
// input; an input with more is not a key but text.
const maxReportedChars = 16

// badChar is one character of a key body outside the base32 alphabet.
type badChar struct {
	pos   int  // 1-based rune position in the input; 0 when unknown
	r     rune // the character (utf8.RuneError for a byte that is not UTF-8)
	index int  // rune index in the draft body
}

// bodyScan is what one pass over a key body found. It keeps the body and
// the invalid characters in arrays of its own, so that classifying a
// typical key allocates nothing but the cleaned key.
type bodyScan struct {
	buf        [256]byte // the upper-cased body while it fits
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
	for i, r := range t {
		if base >= 0 {
			pos++
		}
		switch {
		case r >= 'A' && r <= 'Z' || r >= '2' && r <= '7' || r >= 'a' && r <= 'z':
			s.padInside = s.padInside || s.padding > 0
			c := byte(r)
			if c >= 'a' {
				s.lower++
				s.letters++
				s.changes |= changeLowercase
				c -= 'a' - 'A'
			} else if c >= 'A' {
				s.upper++
				s.letters++
			} else {
				s.digits++
			}
			if c >= 'A' && c <= 'F' {
				s.hexLetters++
			}
			s.appendByte(c)
			s.runes++
			tok.add(t, i, r)
		case r >= '0' && r <= '9':
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
		case space(r):
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
	}
	s.tokens.end(&tok, t, len(t))
}

// addBad records an invalid character.
func (s *bodyScan) addBad(pos int, r rune) {
	switch _, ok := lookalikes[r]; {
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
		}
	}
	if s.nbad < len(s.badArr) {
		s.badArr[s.nbad] = badChar{pos: pos, r: r, index: s.runes}
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
	if r, ok := s.digitsOnly(); ok {
		return r
	}
	if r, ok := s.hexKey(t); ok {
		return r
	}
	if r, ok := s.text(); ok {
		return r
	}
	return s.base32(t)
}

// base32 judges a body that reads as base32.
func (s *bodyScan) base32(t string) Result {
	r := Result{Format: FormatBase32, Changes: s.changes}
	if s.padding > 0 && !s.padInside {
		r.Changes |= changePadding
	}
	n, body := s.runes, s.body()
	if half := n / 2; n >= 2*8 && n%2 == 0 && string(body[:len(body)/2]) == string(body[len(body)/2:]) && s.badCount == 0 {
		r.Key = string(body[:len(body)/2])
		r.Problems = append(r.Problems, Problem{
			ID:      ReasonPastedTwice,
			Message: fmt.Sprintf("the same %d characters appear twice in a row: the key was pasted twice; paste it once", half),
		})
		return r.malformed()
	}
	switch {
	case n < MinKeyChars:
		r.Problems = append(r.Problems, Problem{
			ID: ReasonTooShort,
			Message: fmt.Sprintf("%s only %d bits; a TOTP Key has at least %d characters (80 bits): this looks like part of a key",
				plural(n, "character carries", "characters carry"), n*5, MinKeyChars),
		})
	case n%8 == 1 || n%8 == 3 || n%8 == 6:
		r.Problems = append(r.Problems, Problem{
			ID:      ReasonBadLength,
			Message: fmt.Sprintf("no base32 key is %d characters long: a character is missing or one too many", n),
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
			p.Message = fmt.Sprintf("character %d is =, which can only stand at the end of a key", s.padFirst)
		}
		r.Problems = append(r.Problems, p)
	}
	for _, b := range s.bad() {
		r.Problems = append(r.Problems, invalidCharacter(b))
	}
	if s.badCount > s.nbad {
		r.Problems = append(r.Problems, Problem{
			ID:      ReasonInvalidCharacter,
			Message: fmt.Sprintf("and %d more characters that a TOTP Key never contains", s.badCount-s.nbad),
		})
	}
	if len(r.Problems) > 0 {
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
func invalidCharacter(b badChar) Problem {
	p := Problem{ID: ReasonInvalidCharacter, Position: b.pos, Char: b.r, Suggestion: lookalikes[b.r], draftIndex: b.index}
	where := "a character"
	if b.pos > 0 {
		where = fmt.Sprintf("character %d", b.pos)
	}
	switch {
	case b.r == utf8.RuneError:
		p.Message = where + " is not valid text (a broken byte or U+FFFD REPLACEMENT CHARACTER)"
	case b.r >= '0' && b.r <= '9' && p.Suggestion != "":
		p.Message = fmt.Sprintf("%s is the digit %c, which a TOTP Key never contains: did you mean the letter %s?", where, b.r, p.Suggestion)
	case b.r >= '0' && b.r <= '9':
		p.Message = fmt.Sprintf("%s is the digit %c; a TOTP Key has only the digits 2 to 7", where, b.r)
	case p.Suggestion != "":
		p.Message = fmt.Sprintf("%s is %s, which looks like the Latin letter %s: type %s instead", where, CharName(b.r), p.Suggestion, p.Suggestion)
	case b.r < 0x20 || b.r == 0x7F || (b.r >= 0x80 && b.r < 0xA0):
		p.Message = fmt.Sprintf("%s is the control character %s, which a TOTP Key never contains", where, CharName(b.r))
	default:
		p.Message = fmt.Sprintf("%s is %q, which a TOTP Key never contains (only letters A to Z and digits 2 to 7)", where, b.r)
	}
	return p
}

// plural writes a count with the singular or plural of what follows it.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
