package scan

import "github.com/totpkey/totpkey/totpkey"

// lineNeedsNormalizing is the scanner's cheap pre-check before
// totpkey.Normalize: a byte beyond ASCII, an emphasis marker, "&" or "<"
// before a letter (an entity or a tag), or "=3D" (a quoted-printable
// escape). Ordinary ticket text has none of them and is scanned as it is.
func lineNeedsNormalizing(line []byte) bool {
	for i := 0; i < len(line); i++ {
		if !lineSigns[line[i]] {
			continue // most bytes: one table look-up
		}
		switch c := line[i]; {
		case c >= 0x80, c == '*', c == '~', c == '`', c == '|':
			return true
		case c == '_':
			if i == 0 || line[i-1] == ' ' {
				return true
			}
		case c == '&':
			if entityAt(line, i) {
				return true
			}
		case c == '<':
			if i+1 < len(line) && (line[i+1]|0x20 >= 'a' && line[i+1]|0x20 <= 'z' || line[i+1] == '/') {
				return true
			}
		case c == '=':
			if i+2 < len(line) && line[i+1] >= '0' && line[i+1] <= 'F' && line[i+2] >= '0' && line[i+2] <= 'F' {
				return true // maybe an escape: Normalize asks for two
			}
		}
	}
	return false
}

// lineSigns marks the bytes lineNeedsNormalizing looks at more closely.
var lineSigns = func() (t [256]bool) {
	for c := 0x80; c < 0x100; c++ {
		t[c] = true
	}
	for _, c := range "*~`|_&<=" {
		t[c] = true
	}
	return t
}()

// givenSpan maps the span [start, end) of a normalised line back to the
// line as given: from the character the span starts with to the one after
// it, widened over the emphasis markers and tags just before it, which
// normalising removed, so that Classify of the span reports them.
func givenSpan(n *totpkey.Normalized, given []byte, start, end int) (int, int) {
	gs, ge := n.Origin(start), n.Origin(end)
	// Only what normalising removed: nothing at or before the origin of
	// the character before the span.
	limit := 0
	if start > 0 {
		limit = n.Origin(start-1) + 1
	}
	for gs > limit {
		switch c := given[gs-1]; {
		case c == '*' || c == '_' || c == '~' || c == '`' || c == '|':
			gs--
			continue
		case c == '>':
			if lt := lastIndexByte(given[:gs-1], '<'); lt >= limit && lt+1 < gs-1 && (given[lt+1] == '/' || given[lt+1]|0x20 >= 'a' && given[lt+1]|0x20 <= 'z') {
				gs = lt
				continue
			}
		}
		break
	}
	// What normalising removed right after the span (a closing marker, a
	// tag, an emoji) belongs to it; the white space after that does not.
	for ge > gs && (given[ge-1] == ' ' || given[ge-1] == '\t') {
		ge--
	}
	return gs, max(ge, gs)
}

// entityAt reports whether an HTML entity ("&nbsp;", "&#8203;") may start
// at line[i]: letters, or "#" and digits, then ";" within a few bytes. The
// "&issuer=" of a link is none.
func entityAt(line []byte, i int) bool {
	for j := i + 1; j < len(line) && j-i <= 12; j++ {
		switch c := line[j]; {
		case c == ';':
			return j > i+1
		case c|0x20 >= 'a' && c|0x20 <= 'z', c >= '0' && c <= '9', c == '#' && j == i+1:
		default:
			return false
		}
	}
	return false
}

// lastIndexByte is bytes.LastIndexByte.
func lastIndexByte(b []byte, c byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == c {
			return i
		}
	}
	return -1
}
