package scan

import (
	"bytes"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
)

// scanTokKind tells what a token of a scanned line is.
type scanTokKind uint8

const (
	// scanTokWord is a run of letters and digits (a word, a number, a key or a
	// group of one).
	scanTokWord scanTokKind = iota
	// scanTokLink is a whole otpauth:// or otpauth-migration:// link.
	scanTokLink
	// scanTokSkip is a web or e-mail address: not looked into.
	scanTokSkip
)

// token is one run of letters and digits in a scanned line, with the counts
// the candidate rules need.
type scanToken struct {
	start, end int32 // byte offsets of the span
	padEnd     int32 // end including "=" padding right after the run
	kind       scanTokKind
	export     bool          // scanTokLink: an otpauth-migration:// link
	invisible  bool          // zero-width characters inside the run
	flags      scanWordFlags // looked up on first use: see Scanner.flags
	runStats
}

// runStats counts the characters of a run (or of several, for a key in
// groups).
type runStats struct {
	chars     int32 // letters, digits and look-alike letters (not invisibles)
	upper     int32 // ASCII capitals
	lower     int32 // ASCII small letters
	b32digit  int32 // digits 2 to 7
	lookDigit int32 // digits 0, 1, 8, 9
	foreign   int32 // Cyrillic or Greek look-alikes of Latin letters
	vowels    int32 // A, E, I, O, U in either case
	trans     int32 // changes between letters and digits
	pairs     int32 // pairs of adjacent ASCII letters
	common    int32 // of which common in English (see scanEnglishPairs)
}

func (s *runStats) add(o *runStats) {
	s.chars += o.chars
	s.upper += o.upper
	s.lower += o.lower
	s.b32digit += o.b32digit
	s.lookDigit += o.lookDigit
	s.foreign += o.foreign
	s.vowels += o.vowels
	s.trans += o.trans
	s.pairs += o.pairs
	s.common += o.common
}

func (s *runStats) letters() int32 { return s.upper + s.lower + s.foreign }
func (s *runStats) digits() int32  { return s.b32digit + s.lookDigit }

// onlyDigits reports whether the run is ASCII digits and nothing else.
func (t *scanToken) onlyDigits() bool {
	return t.kind == scanTokWord && !t.invisible && t.chars == t.digits()
}

// Character classes of ASCII bytes for the tokenizer.
const (
	scanClsOther = iota
	scanClsUpper
	scanClsLower
	scanClsDigit32 // 2-7: base32 digits
	scanClsDigitX  // 0, 1, 8, 9: not base32
)

var scanClass = func() (t [utf8.RuneSelf]byte) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = scanClsUpper
		t[c+'a'-'A'] = scanClsLower
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = scanClsDigitX
	}
	for c := '2'; c <= '7'; c++ {
		t[c] = scanClsDigit32
	}
	return t
}()

// scanTokenize splits a line into runs of letters and digits. otpauth links
// become one token each; web and e-mail addresses one skipped token each.
func scanTokenize(line []byte, toks []scanToken) []scanToken {
	var cur scanToken
	open := false
	prevDigit := false // the last character of cur was a digit
	prevLetter := 0    // the last character of cur as a letter 1-26, or 0
	fieldTok := 0      // first token of the current white-space-separated field
	fieldByte := 0     // its first byte
	for i := 0; i < len(line); {
		c := line[i]
		p := scanProps[c] // 0 for bytes of non-ASCII characters
		size := 1
		var r rune
		if p == 0 && c >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(line[i:])
			if len(totpkey.LookalikeCandidates(r)) > 0 {
				p = propForeign
			}
		}
		if cls := p & propClass; cls != scanClsOther {
			if !open {
				cur = scanToken{start: int32(i)}
				open, prevDigit, prevLetter = true, false, 0
			} else if int(cur.end) != i {
				cur.invisible = true // invisibles between this and the last character
			}
			digit := cls >= scanClsDigit32
			if digit != prevDigit && cur.chars > 0 {
				cur.trans++
			}
			prevDigit = digit
			cur.chars++
			switch cls {
			case scanClsUpper:
				cur.upper++
			case scanClsLower:
				cur.lower++
			case scanClsDigit32:
				cur.b32digit++
			case scanClsDigitX:
				cur.lookDigit++
			default:
				cur.foreign++
			}
			cur.vowels += int32(p >> propVowelShift & 1)
			letter := int(p >> propLetterShift)
			if letter != 0 && prevLetter != 0 {
				cur.pairs++
				if scanEnglishPairs[(prevLetter-1)*26+letter-1] {
					cur.common++
				}
			}
			prevLetter = letter
			i += size
			cur.end = int32(i)
			continue
		}
		if c >= utf8.RuneSelf && open && totpkey.Invisible(r) {
			i += size // may continue the run
			prevLetter = 0
			continue
		}
		if open {
			open = false
			var skipTo int
			toks, skipTo = scanCloseToken(line, toks, &cur, fieldTok, fieldByte)
			if skipTo > 0 {
				i = skipTo
				fieldTok, fieldByte = len(toks), i
				continue
			}
		}
		switch {
		case c <= ' ' || c >= utf8.RuneSelf && totpkey.Space(r):
			fieldTok, fieldByte = len(toks), i+size
		case c == '@':
			// An e-mail address: nothing in it is a key or a code.
			end := scanFieldEnd(line, i)
			toks = append(toks[:fieldTok], scanToken{start: int32(fieldByte), end: int32(end), padEnd: int32(end), kind: scanTokSkip})
			i = end
			fieldTok, fieldByte = len(toks), i
			continue
		}
		i += size
	}
	if open {
		toks, _ = scanCloseToken(line, toks, &cur, fieldTok, fieldByte)
	}
	return toks
}

// Bits of scanProps.
const (
	propClass       = 7 // one of the scanCls constants
	propVowelShift  = 3 // 1 for a, e, i, o, u in either case
	propLetterShift = 8 // the letter 1-26 for ASCII letters, else 0
	propForeign     = 5 // class of a Cyrillic or Greek look-alike letter
)

// scanProps holds what the tokenizer needs to know of each ASCII byte; 0
// for the others.
var scanProps = func() (t [256]uint16) {
	for c := 0; c < utf8.RuneSelf; c++ {
		p := uint16(scanClass[c])
		if scanVowel(byte(c)) {
			p |= 1 << propVowelShift
		}
		if p&propClass == scanClsUpper || p&propClass == scanClsLower {
			p |= uint16(c|0x20-'a'+1) << propLetterShift
		}
		t[c] = p
	}
	return t
}()

func scanVowel(c byte) bool {
	switch c | 0x20 {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// scanCloseToken ends the run cur and appends it, or the link or address it
// begins, to toks. A positive skipTo is where tokenizing goes on after a link
// or an address.
func scanCloseToken(line []byte, toks []scanToken, cur *scanToken, fieldTok, fieldByte int) (_ []scanToken, skipTo int) {
	end := int(cur.end)
	rest := line[end:]
	cur.padEnd = cur.end
	if len(rest) == 0 {
		return append(toks, *cur), 0
	}
	switch rest[0] {
	case ':':
		isOTPAuth := cur.chars == 7 && scanEqualFold(line[cur.start:end], "otpauth")
		switch {
		case isOTPAuth:
			return scanAppendLink(line, toks, cur, false)
		case scanHasPrefixFold(rest, "://"):
			// A web address: skip the whole field.
			fe := scanFieldEnd(line, end)
			return append(toks[:fieldTok], scanToken{start: int32(fieldByte), end: int32(fe), padEnd: int32(fe), kind: scanTokSkip}), fe
		}
	case '-':
		if cur.chars == 7 && scanHasPrefixFold(rest, "-migration:") && scanEqualFold(line[cur.start:end], "otpauth") {
			return scanAppendLink(line, toks, cur, true)
		}
	case '=':
		j := end
		for j < len(line) && line[j] == '=' {
			j++
		}
		if j == len(line) || line[j] >= utf8.RuneSelf || scanClass[line[j]] == scanClsOther {
			cur.padEnd = int32(j)
		}
	}
	return append(toks, *cur), 0
}

// scanAppendLink appends the otpauth link starting at cur and returns where it
// ends. A link ends at white space, a quote or an angle bracket; sentence
// punctuation and an unmatched closing bracket at its end are not part of it.
func scanAppendLink(line []byte, toks []scanToken, cur *scanToken, export bool) ([]scanToken, int) {
	end := int(cur.end)
	for end < len(line) {
		c := line[end]
		if c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' || c == '`' {
			break
		}
		if c >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRune(line[end:]); totpkey.Space(r) || r == '“' || r == '”' || r == '»' {
				break
			}
		}
		end++
	}
	skipTo := end
	for end > int(cur.end) {
		c := line[end-1]
		if bytes.IndexByte([]byte(".,;:!?"), c) >= 0 ||
			c == ')' && bytes.Count(line[cur.start:end], []byte("(")) < bytes.Count(line[cur.start:end], []byte(")")) ||
			c == ']' && bytes.IndexByte(line[cur.start:end], '[') < 0 ||
			c == '}' && bytes.IndexByte(line[cur.start:end], '{') < 0 {
			end--
			continue
		}
		break
	}
	t := scanToken{start: cur.start, end: int32(end), padEnd: int32(end), kind: scanTokLink, export: export}
	return append(toks, t), skipTo
}

// scanFieldEnd returns the offset of the first white space at or after i.
func scanFieldEnd(line []byte, i int) int {
	for i < len(line) {
		c := line[i]
		if c <= ' ' {
			return i
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(line[i:])
		if totpkey.Space(r) {
			return i
		}
		i += size
	}
	return i
}

// scanBlankBetween reports whether line[from:to] is white space only.
func scanBlankBetween(line []byte, from, to int32) bool {
	if from >= to {
		return false
	}
	for i := from; i < to; {
		c := line[i]
		if c == ' ' || c == '\t' {
			i++
			continue
		}
		r, size := utf8.DecodeRune(line[i:to])
		if !totpkey.Space(r) {
			return false
		}
		i += int32(size)
	}
	return true
}

// scanEqualFold reports whether b equals the lower-case ASCII word w, ignoring
// ASCII case.
func scanEqualFold(b []byte, w string) bool {
	if len(b) != len(w) {
		return false
	}
	for i := range len(b) {
		c := b[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

func scanHasPrefixFold(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && scanEqualFold(b[:len(prefix)], prefix)
}

// scanEnglishPairs marks the 150 letter pairs most common in English text. A
// word has mostly such pairs; random base32 letters about one pair in five.
var scanEnglishPairs = func() (t [26 * 26]bool) {
	const pairs = "TH HE IN ER AN RE ON AT EN ND TI ES OR TE OF ED IS IT AL AR ST TO NT NG SE " +
		"HA AS OU IO LE VE CO ME DE HI RI RO IC NE EA RA CE LI CH LL BE MA SI OM UR CA EL TA LA " +
		"NS DI FO HO PE EC PR NO CT US AC OT IL TR LY NC ET UT SS SO RS UN LO WA GE IE WH EE WI " +
		"EM AD OL RT PO WE NA UL NI TS MO OW PA IM MI AI SH IR SU ID OS IV IA AM FI CI VI PL IG " +
		"TU EV LD RY MP FE BL AB GH TY OP WO SA AY EX KE FR OO AV AG IF AP GR OD BO SP RD DO UC " +
		"BU EI OV BY RM EP TT OC FA EF CU RN SC GI DA YO CR CL DU GA QU UE FF BA EY LS VA UM PP"
	for i := 0; i+1 < len(pairs); i += 3 {
		t[int(pairs[i]-'A')*26+int(pairs[i+1]-'A')] = true
	}
	return t
}()
