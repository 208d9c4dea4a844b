package code

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/totpkey/totpkey/totpkey"

	"github.com/totpkey/totpkey/totpkey/link"
)

// DefaultWindow is how many time steps either side of now a code may be
// from and still match: one period, as most servers allow.
const DefaultWindow = 1

// MaxWindow is the widest window Check accepts: five minutes either
// side at 30 seconds a step. Wider windows match a wrong code too often.
const MaxWindow = 10

// Sentinel errors of Check and Parse.
var (
	ErrBadCode   = errors.New("a code is 6 to 8 digits, such as 123456 or 123 456")
	ErrBadWindow = errors.New("the window must be a number of time steps from 0 to 10")
)

// maxCodeInput bounds the text Parse reads: a code with generous
// spacing is far shorter.
const maxCodeInput = 64

// Parse reads a one-time code as a person types it: 6 to 8 digits,
// possibly grouped with spaces or dashes ("123 456", "123-456"), with white
// space around it. It returns the digits alone. The error wraps ErrBadCode.
func Parse(s string) (string, error) {
	if len(s) > maxCodeInput {
		return "", fmt.Errorf("%w: the code given is %d bytes long", ErrBadCode, len(s))
	}
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || totpkey.Invisible(r) })
	if strings.HasPrefix(s, "-") || strings.HasSuffix(s, "-") {
		return "", fmt.Errorf("%w: a dash can only stand between digits", ErrBadCode)
	}
	var digits [maxCodeInput]byte
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits[n] = byte(r)
			n++
		case unicode.IsSpace(r) || r == '-' || totpkey.Invisible(r):
		default:
			return "", fmt.Errorf("%w: it contains %s", ErrBadCode, describeCodeChar(r))
		}
	}
	if n < link.MinDigits || n > link.MaxDigits {
		return "", fmt.Errorf("%w: the code given has %d digits", ErrBadCode, n)
	}
	return string(digits[:n]), nil
}

// describeCodeChar names a character that has no place in a code, without
// echoing anything that could be part of a secret beyond that one character.
func describeCodeChar(r rune) string {
	switch {
	case r == '\uFFFD':
		return "a character that is not valid text"
	case unicode.IsLetter(r):
		return "a letter: a code is digits only (is this the key rather than the code?)"
	case unicode.IsPrint(r):
		return fmt.Sprintf("the character %q", r)
	default:
		return fmt.Sprintf("the control character %U", r)
	}
}

// Match reports whether code is the Generator's code at time t or at up to
// window time steps before or after it. offset is the step it matched at:
// 0 for t's own period, -1 for the one before, +1 for the one after; when
// several match, the one nearest to t wins. Every step of the window is
// compared in constant time, so the time taken does not depend on where or
// whether the code matched. code must be digits alone (see Parse); a
// code of another length never matches.
func (g *Generator) Match(code string, t time.Time, window int) (offset int, ok bool) {
	return g.match([]byte(code), g.Counter(t), window)
}

// match is Match for a counter, with the code as bytes.
func (g *Generator) match(code []byte, counter uint64, window int) (offset int, ok bool) {
	var buf [link.MaxDigits]byte
	best := window + 1
	for d := -window; d <= window; d++ {
		if d < 0 && uint64(-d) > counter {
			continue // before the epoch
		}
		got := g.appendCode(buf[:0], counter+uint64(d))
		if subtle.ConstantTimeCompare(got, code) == 1 && abs(d) < abs(best) {
			best = d
		}
	}
	if best > window {
		return 0, false
	}
	return best, true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Check checks whether the key in r produces code, the code an
// authenticator app shows at time at, within window time steps either side
// (DefaultWindow is usual), and records the outcome in r.CodeCheck.
//
// The key is used with r's parameters (Result.Params); when the input did
// not say how many digits its codes have, the length of code decides.
//
//   - For a valid key, r.CodeCheck says whether the code matched and at
//     which step; a code that does not match makes r.ExitCode() ExitMismatch
//     and sets r.Topic to "code-mismatch".
//   - For a key whose only problems are look-alike characters (0 for O, 1
//     for I or L, 8 for B, Cyrillic or Greek letters), Check tries the
//     letters they may stand for. When exactly one choice makes the key
//     produce code, those problems get that letter as Suggestion and
//     Confirmed set, and r.CodeCheck.RepairedKey holds the repaired key. The
//     class stays ClassMalformed: the key as given is still wrong.
//   - For a key suspected of being pasted twice (Result.WholeKey), Check
//     tries the whole key and its half: the whole key alone making the code
//     withdraws the suspicion (the result becomes the valid whole key), the
//     half alone confirms it (the problem's Confirmed is set and
//     r.CodeCheck.RepairedKey holds the half).
//   - Otherwise (a one-time code, a key with other problems) there is no key
//     to check and r.CodeCheck stays nil.
//
// The error wraps ErrBadCode, ErrBadWindow or, for an otpauth link with
// parameters that cannot be used, ErrBadDigits, ErrBadPeriod or
// ErrBadAlgorithm; r is then unchanged.
func Check(r *totpkey.Result, code string, at time.Time, window int) error {
	digits, err := Parse(code)
	if err != nil {
		return err
	}
	if window < 0 || window > MaxWindow {
		return fmt.Errorf("%w (got %d)", ErrBadWindow, window)
	}
	p, err := ParamsOf(r.Account)
	if err != nil {
		return err
	}
	if r.Account.Digits == 0 {
		p.Digits = len(digits)
	}
	switch {
	case r.Class == totpkey.ClassValid && r.Key != "":
		g, err := NewGenerator(r.Key, p)
		if err != nil {
			return fmt.Errorf("checking the code: %w", err)
		}
		offset, ok := g.Match(digits, at, window)
		r.CodeCheck = &totpkey.CodeCheck{Matched: ok, OffsetSteps: offset, Period: p.Period, Window: window}
		if !ok {
			r.Topic = string(totpkey.ReasonCodeMismatch)
		}
	case r.HasProblem(totpkey.ReasonPastedTwice):
		return checkPastedTwice(r, p, digits, at, window)
	case r.Class == totpkey.ClassMalformed:
		plan, ok := planRepair(r)
		if !ok {
			return nil
		}
		r.CodeCheck = plan.run(r, p, []byte(digits), at, window)
	}
	return nil
}

// checkPastedTwice is Check of a key whose two halves are the same.
func checkPastedTwice(r *totpkey.Result, p Params, digits string, at time.Time, window int) error {
	whole, _, ok := r.WholeKey()
	if !ok {
		return nil
	}
	half := r.Key
	match := func(key string) (int, bool, error) {
		g, err := NewGenerator(key, p)
		if err != nil {
			return 0, false, fmt.Errorf("checking the code: %w", err)
		}
		offset, ok := g.Match(digits, at, window)
		return offset, ok, nil
	}
	wholeOffset, wholeOK, err := match(whole)
	if err != nil {
		return err
	}
	halfOffset, halfOK, err := match(half)
	if err != nil {
		return err
	}
	r.SettlePastedTwice(wholeOK, halfOK)
	switch {
	case wholeOK && !halfOK:
		r.CodeCheck = &totpkey.CodeCheck{Matched: true, OffsetSteps: wholeOffset, Period: p.Period, Window: window}
	case halfOK && !wholeOK:
		r.CodeCheck = &totpkey.CodeCheck{Matched: true, OffsetSteps: halfOffset, Period: p.Period, Window: window,
			RepairedKey: half, RepairsTried: 1, RepairMatches: 1, PastedTwice: true}
	default:
		r.CodeCheck = &totpkey.CodeCheck{Period: p.Period, Window: window}
	}
	return nil
}
