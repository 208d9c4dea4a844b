package code

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ErrBadTime is wrapped by ParseTime's error.
var ErrBadTime = errors.New("a time is RFC 3339 (2026-06-24T09:15:00Z) or Unix seconds (1782292500), from 1970 to 9999")

// finerUnits are the Unix times counted in finer units than seconds
// (JavaScript's Date.now() and many logs give milliseconds), by the number
// of digits they have in this century, with the digits they add.
var finerUnits = map[int]struct {
	name  string
	extra int
}{13: {"milliseconds", 3}, 16: {"microseconds", 6}, 19: {"nanoseconds", 9}}

// maxUnixSeconds is the last second of the year 9999, the end of RFC 3339.
const maxUnixSeconds = 253402300799

// ParseTime reads a time given on a command line: RFC 3339 with a time zone
// ("2026-06-24T09:15:00Z", "2026-06-24T14:45:00+05:30", fractions of a
// second allowed) or whole Unix seconds ("1782292500", also written
// "@1782292500" as date(1) does). Times before 1970 are errors: no TOTP code
// belongs to them. The error wraps ErrBadTime and never quotes s, in case a
// key was pasted into the wrong place.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if len(s) > 64 {
		return time.Time{}, fmt.Errorf("%w: the time given is %d bytes long", ErrBadTime, len(s))
	}
	if secs, ok := strings.CutPrefix(s, "@"); ok || allDigits(s) {
		if !allDigits(secs) {
			return time.Time{}, fmt.Errorf("%w: the time given is not a whole number of seconds", ErrBadTime)
		}
		n, err := strconv.ParseInt(secs, 10, 64)
		if err != nil || n > maxUnixSeconds {
			if unit, ok := finerUnits[len(strings.TrimLeft(secs, "0"))]; ok {
				return time.Time{}, fmt.Errorf("%w: the time given has %d digits, as Unix %s have: "+
					"give seconds, its first %d digits", ErrBadTime, len(secs), unit.name, len(secs)-unit.extra)
			}
			return time.Time{}, fmt.Errorf("%w: the time given is after 9999", ErrBadTime)
		}
		return time.Unix(n, 0).UTC(), nil
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: the time given is neither", ErrBadTime)
	}
	if t.Unix() < 0 {
		return time.Time{}, fmt.Errorf("%w: the time given is before 1970", ErrBadTime)
	}
	if t.Unix() > maxUnixSeconds {
		return time.Time{}, fmt.Errorf("%w: the time given is after 9999", ErrBadTime)
	}
	return t, nil
}

// allDigits reports whether s is one or more ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
