package view

import (
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/totpkey/totpkey/cmd/internal/outcome"
)

// AppendJSON is the one JSON encoder of results: it appends v as
// encoding/json with SetEscapeHTML(false) would write it, followed by a
// line break, without reflection or allocation. Every mode writes through
// it (validate -o json, --lines, --scan, generate's diagnosis);
// --lines -o json writes a million results a second. The tests hold it to
// encoding/json field by field, on real and on fuzzed results.
func AppendJSON(dst []byte, v *Result) []byte {
	return AppendJSONInput(dst, v, "", false)
}

// AppendJSONInput is AppendJSON with the "input" field the raw
// input masked (outcome.MaskInput); v.Input is not used then. --lines
// writes every result through it.
func AppendJSONInput(dst []byte, v *Result, raw string, hasRaw bool) []byte {
	dst = append(dst, `{"class":`...)
	dst = appendJSONString(dst, v.Class)
	dst = append(dst, `,"format":`...)
	dst = appendJSONString(dst, v.Format)
	dst = append(dst, `,"problems":`...)
	if v.Problems == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i := range v.Problems {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendProblemJSON(dst, &v.Problems[i])
		}
		dst = append(dst, ']')
	}
	dst = append(dst, `,"changes":`...)
	if v.Changes == nil {
		dst = append(dst, "null"...)
	} else {
		dst = appendChangeViews(dst, v.Changes)
	}
	if len(v.Warnings) > 0 {
		dst = appendChangeViews(append(dst, `,"warnings":`...), v.Warnings)
	}
	if v.Secret != nil {
		dst = appendSecretJSON(append(dst, `,"secret":`...), v.Secret)
	}
	dst = append(dst, `,"topic":`...)
	dst = appendJSONString(dst, v.Topic)
	dst = appendStringField(dst, -1, "broker", v.Broker)
	dst = append(dst, `,"exit_code":`...)
	dst = appendInt(dst, v.ExitCode)
	if c := v.CodeCheck; c != nil {
		dst = append(dst, `,"code_check":{"matched":`...)
		dst = strconv.AppendBool(dst, c.Matched)
		dst = append(dst, `,"offset_steps":`...)
		dst = appendInt(dst, c.OffsetSteps)
		dst = appendIntField(dst, -1, "period", c.Period)
		if c.RepairedKey != nil {
			dst = appendSecretJSON(append(dst, `,"repaired_key":`...), c.RepairedKey)
		}
		dst = appendIntField(dst, -1, "repairs_tried", c.RepairsTried)
		dst = appendIntField(dst, -1, "repair_matches", c.RepairMatches)
		dst = append(dst, '}')
	}
	if a := v.Account; a != nil {
		dst = append(dst, `,"account":{`...)
		n := len(dst)
		dst = appendStringField(dst, n, "type", a.Type)
		dst = appendStringField(dst, n, "issuer", a.Issuer)
		dst = appendStringField(dst, n, "name", a.Name)
		dst = appendStringField(dst, n, "algorithm", a.Algorithm)
		dst = appendIntField(dst, n, "digits", a.Digits)
		dst = appendIntField(dst, n, "period", a.Period)
		if a.Counter != nil {
			dst = strconv.AppendUint(appendFieldName(dst, n, "counter"), *a.Counter, 10)
		}
		dst = append(dst, '}')
	}
	if b := v.Batch; b != nil {
		dst = append(dst, `,"batch":{"index":`...)
		dst = appendInt(dst, b.Index)
		dst = append(dst, `,"size":`...)
		dst = appendInt(dst, b.Size)
		dst = append(dst, '}')
	}
	dst = appendStringField(dst, -1, "file", v.File)
	dst = appendIntField(dst, -1, "line", v.Line)
	dst = appendIntField(dst, -1, "column", v.Column)
	dst = appendStringField(dst, -1, "kind", v.Kind)
	if hasRaw {
		if v.Secret != nil && v.Secret.plainMask && raw == v.Secret.key {
			// The input is the key as it is: its mask is the secret's.
			dst = append(append(append(dst, `,"input":"`...), v.Secret.Masked...), '"')
		} else {
			dst = appendInputField(dst, raw)
		}
	} else {
		dst = appendStringField(dst, -1, "input", v.Input)
	}
	if len(v.Columns) > 0 {
		dst = append(dst, `,"columns":{`...)
		keys := make([]string, 0, len(v.Columns))
		for k := range v.Columns {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for i, k := range keys {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, k)
			dst = append(dst, ':')
			dst = appendJSONString(dst, v.Columns[k])
		}
		dst = append(dst, '}')
	}
	return append(dst, "}\n"...)
}

// appendInputField appends the "input" field of a raw input, masked as
// outcome.MaskInput masks it: straight into dst, without building the
// string, when nothing in it needs a JSON escape (the common case);
// through outcome.MaskInput and appendJSONString otherwise.
func appendInputField(dst []byte, raw string) []byte {
	const maxRunes = 1 << 20 // MaskInput's cut, which no input of --lines reaches
	if len(raw) <= maxRunes {
		n := len(dst)
		dst = append(dst, `,"input":"`...)
		start := len(dst)
		dst = outcome.AppendMaskInput(dst, raw)
		switch {
		case len(dst) == start:
			return dst[:n] // nothing to show: the field is left out
		case plainASCII(raw), jsonPlainText(dst[start:]):
			// Printable ASCII masks to printable ASCII and bullets, which
			// JSON copies as they are; anything else is checked.
			return append(dst, '"')
		}
		dst = dst[:n]
	}
	return appendStringField(dst, -1, "input", outcome.MaskInput(raw, maxRunes))
}

// plainASCII reports whether s is printable ASCII other than the quote and
// the backslash (spaces allowed, tabs not): what appendJSONString copies as
// it is, eight bytes at a time.
func plainASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if !plainASCII8(load64(s, i)) {
			return false
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || !jsonPlain[c] {
			return false
		}
	}
	return true
}

// jsonPlainText reports whether appendJSONString would copy b as it is:
// valid UTF-8 with no control character, quote, backslash, U+2028 or
// U+2029.
func jsonPlainText(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if !jsonPlain[c] {
				return false
			}
			i++
			continue
		}
		if c == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0xA2 {
			i += 3 // "•", of which masked text is mostly made
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError || r == '\u2028' || r == '\u2029' {
			return false
		}
		i += size
	}
	return true
}

// appendSecretJSON appends a secret object: {masked, length, bits, value?}.
func appendSecretJSON(dst []byte, s *Secret) []byte {
	dst = append(dst, `{"masked":`...)
	if s.plainMask {
		dst = append(append(append(dst, '"'), s.Masked...), '"')
	} else {
		dst = appendJSONString(dst, s.Masked)
	}
	dst = append(dst, `,"length":`...)
	dst = appendInt(dst, s.Length)
	dst = append(dst, `,"bits":`...)
	dst = appendInt(dst, s.Bits)
	if s.Value != "" {
		dst = append(dst, `,"value":`...)
		dst = appendJSONString(dst, s.Value)
	}
	return append(dst, '}')
}

func appendProblemJSON(dst []byte, p *Problem) []byte {
	dst = append(dst, `{"id":`...)
	dst = appendJSONString(dst, p.ID)
	dst = append(dst, `,"message":`...)
	dst = appendJSONString(dst, p.Message)
	dst = appendIntField(dst, -1, "position", p.Position)
	dst = appendStringField(dst, -1, "char", p.Char)
	dst = appendStringField(dst, -1, "suggestion", p.Suggestion)
	if p.Confirmed != nil {
		dst = append(dst, `,"confirmed":`...)
		dst = strconv.AppendBool(dst, *p.Confirmed)
	}
	dst = appendStringField(dst, -1, "credential", p.Credential)
	return append(dst, '}')
}

// appendStringField appends an omitempty string field. objStart is where
// the object's first field starts (no comma before it), or -1 when fields
// come before this one for sure.
func appendStringField(dst []byte, objStart int, name, value string) []byte {
	if value == "" {
		return dst
	}
	return appendJSONString(appendFieldName(dst, objStart, name), value)
}

// appendIntField appends an omitempty number field, as appendStringField.
func appendIntField(dst []byte, objStart int, name string, value int) []byte {
	if value == 0 {
		return dst
	}
	return appendInt(appendFieldName(dst, objStart, name), value)
}

// appendFieldName appends `"name":`, after a comma unless the field is the
// first of its object (dst ends at objStart).
func appendFieldName(dst []byte, objStart int, name string) []byte {
	if len(dst) != objStart {
		dst = append(dst, ',')
	}
	dst = append(dst, '"')
	dst = append(dst, name...)
	return append(dst, `":`...)
}

const jsonHex = "0123456789abcdef"

// jsonPlain marks the bytes appendJSONString copies as they are: printable
// ASCII other than the quote and the backslash.
var jsonPlain = func() (t [256]bool) {
	for b := 0x20; b < utf8.RuneSelf; b++ {
		t[b] = b != '"' && b != '\\'
	}
	return t
}()

// plainASCII8 reports whether the 8 bytes of x are all printable ASCII
// other than '"' and '\\', with word-wide bit tricks: no byte below 0x20,
// none with the high bit, none equal to 0x22 or 0x5C.
func plainASCII8(x uint64) bool {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	below20 := (x - ones*0x20) &^ x & high
	quote := ((x ^ (ones * '"')) - ones) &^ (x ^ (ones * '"')) & high
	backslash := ((x ^ (ones * '\\')) - ones) &^ (x ^ (ones * '\\')) & high
	return (x&high | below20 | quote | backslash) == 0
}

// eightBullets is eight mask characters, compared in one go.
const eightBullets = "••••••••"

// appendJSONString appends s quoted as encoding/json does without HTML
// escaping: control characters escaped, invalid UTF-8 as \ufffd, U+2028
// and U+2029 escaped.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are all plain ASCII: most of
		// what is written is long ASCII messages.
		for i+8 <= len(s) && plainASCII8(load64(s, i)) {
			i += 8
		}
		for i < len(s) && jsonPlain[s[i]] {
			i++ // the last bytes, or up to the one to look at
		}
		if i >= len(s) {
			break
		}
		b := s[i]
		if b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', jsonHex[b>>4], jsonHex[b&0xF])
			}
			i++
			start = i
			continue
		}
		if b == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0xA2 {
			// "•", the mask character: masked keys are runs of them.
			for i+len(eightBullets) <= len(s) && s[i:i+len(eightBullets)] == eightBullets {
				i += len(eightBullets)
			}
			for i+2 < len(s) && s[i] == 0xE2 && s[i+1] == 0x80 && s[i+2] == 0xA2 {
				i += 3
			}
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', jsonHex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendChangeViews appends a list of {id, message} objects: the changes
// or the warnings of a result.
func appendChangeViews(dst []byte, list []Change) []byte {
	dst = append(dst, '[')
	for i, c := range list {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"id":`...)
		dst = appendJSONString(dst, c.ID)
		dst = append(dst, `,"message":`...)
		dst = appendJSONString(dst, c.Message)
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

// appendInt appends n in decimal: the small numbers of a result (an exit
// code, a key's length and bits) without strconv's table.
func appendInt(dst []byte, n int) []byte {
	switch {
	case uint(n) < 10:
		return append(dst, byte('0'+n))
	case uint(n) < 100:
		return append(dst, byte('0'+n/10), byte('0'+n%10))
	case uint(n) < 1000:
		return append(dst, byte('0'+n/100), byte('0'+n/10%10), byte('0'+n%10))
	}
	return strconv.AppendInt(dst, int64(n), 10)
}

// load64 reads the eight bytes of s from i on as a little-endian number:
// the compiler turns the shifts into one load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
