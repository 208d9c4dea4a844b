package webcheck

import (
	"strings"
	"unicode"

	"github.com/totpkey/totpkey/totpkey"
)

// maxEchoRunes is the longest input echoed with carets (render's).
const maxEchoRunes = 120

// echo is the input with every character masked but the bad ones (shown,
// or "?" when not printable) and invisible ones ("·"), and a line with a
// "^" under each of those. Both are empty when there is nothing to point
// at.
func echo(r *totpkey.Result, input string) (line, carets string) {
	bad := map[int]bool{}
	for _, p := range r.Problems {
		if p.Position > 0 {
			bad[p.Position] = true
		}
	}
	runes := []rune(input)
	if len(runes) > maxEchoRunes {
		return "", ""
	}
	var l, c strings.Builder
	pointed := false
	for i, ch := range runes {
		mark := bad[i+1]
		switch {
		case mark && unicode.IsPrint(ch):
			l.WriteRune(ch)
		case mark:
			l.WriteString("?")
		case totpkey.Invisible(ch):
			mark = true
			l.WriteString("·")
		case ch == '\n' || ch == '\r':
			l.WriteString("⏎")
		case ch == ' ' || ch == '\t':
			l.WriteString(" ")
		default:
			l.WriteString("•")
		}
		if mark {
			c.WriteString("^")
			pointed = true
		} else {
			c.WriteString(" ")
		}
	}
	if !pointed {
		return "", ""
	}
	return l.String(), strings.TrimRight(c.String(), " ")
}
