package cmdutil

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/totpkey/scan"

	"github.com/totpkey/totpkey/totpkey"
)

// ExitError carries the exit code of an outcome out of a command's RunE.
// With a nil err it only sets the exit code: the command has printed its
// result already (a malformed key is not an error of the program).
type ExitError struct {
	Code  int
	err   error
	Hints []string
}

func (e *ExitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit code %d", e.Code)
	}
	return e.err.Error()
}

func (e *ExitError) Unwrap() error { return e.err }

// ExitWith ends a command with a code and nothing more to print.
func ExitWith(code int) error {
	if code == 0 {
		return nil
	}
	return &ExitError{Code: code}
}

// UsageErrorf is a usage error (exit 2): a bad flag value, a wrong
// combination of flags, an unknown topic.
func UsageErrorf(hint string, format string, args ...any) error {
	e := &ExitError{Code: ExitUsage, err: fmt.Errorf(format, args...)}
	if hint != "" {
		e.Hints = append(e.Hints, hint)
	}
	return e
}

// Failure is an error that is not about the input's class (exit 1), with
// optional hints.
func Failure(err error, hints ...string) error {
	return &ExitError{Code: ExitFailure, err: err, Hints: hints}
}

// Report prints an error the way age does, "totpkey: error: …" then
// "totpkey: hint: …", and returns its exit code. Errors that carry no
// message print nothing. Whatever in the message or the hints could be a
// key, or part of one, is masked (maskSecretsIn): error messages quote what
// the user typed, and users type keys where a command or a file belongs.
func Report(w io.Writer, err error) int {
	if err == nil {
		return 0
	}
	code := ExitFailure
	var hints []string
	var se *iostreams.SignalledError
	if errors.As(err, &se) {
		return se.Code
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		code = ee.Code
		hints = ee.Hints
		if ee.err == nil {
			return code
		}
		err = ee.err
	}
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		// Several errors (files that could not be read): a line each.
		for _, e := range joined.Unwrap() {
			fmt.Fprintf(w, "totpkey: error: %s\n", maskSecretsIn(e.Error()))
		}
	} else {
		fmt.Fprintf(w, "totpkey: error: %s\n", maskSecretsIn(err.Error()))
	}
	for _, h := range hints {
		fmt.Fprintf(w, "totpkey: hint: %s\n", maskSecretsIn(h))
	}
	return code
}

// KeyInsteadOfCommand is the hint for a key typed where a command or a flag
// belongs.
const KeyInsteadOfCommand = "that looks like a TOTP Key: run 'totpkey validate' and paste it at the hidden prompt " +
	"(a key typed as an argument stays in your shell history)"

// maskSecretsIn returns msg with everything in it that could be a TOTP Key
// or a part of one masked: the keys and links scan.Scan finds (grouped
// keys included), then every word of 8 characters or more that
// looksLikeKeyWord, through totpkey.Mask. Words of the project's messages
// (lower-case English) and file names such as nope.txt stay as they are.
// It is meant for error messages and short values, not for bulk text.
func maskSecretsIn(msg string) string {
	if !hasLongWord(msg) {
		return msg // the common case: nothing 8 letters or digits long
	}
	var b strings.Builder
	// Each line is scanned on its own, so that a finding's column is a
	// column of that line.
	for _, line := range strings.SplitAfter(msg, "\n") {
		b.WriteString(maskWords(maskFindings(line)))
	}
	return b.String()
}

// hasLongWord reports whether s has 8 letters or digits in a row, counting
// across single spaces and dashes (a key in groups).
func hasLongWord(s string) bool {
	n, sep := 0, false
	for _, r := range s {
		switch {
		case wordRune(r):
			if n++; n >= 8 {
				return true
			}
			sep = false
		case (r == ' ' || r == '-') && !sep:
			sep = true
		default:
			n, sep = 0, false
		}
	}
	return false
}

// wordRune is a character of a word that could be part of a key: letters,
// digits, and the invisible characters that ride along in pasted keys.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || totpkey.Invisible(r)
}

// maskFindings masks the keys, otpauth and export links scan.Scan finds
// in one line.
func maskFindings(line string) string {
	findings := scan.Scan(line)
	if len(findings) == 0 {
		return line
	}
	var b strings.Builder
	at := 0 // bytes of line written
	for _, f := range findings {
		if f.Kind != scan.FindingKey && f.Kind != scan.FindingLink && f.Kind != scan.FindingExportLink {
			continue
		}
		start := byteOffset(line, f.Column-1)
		if start < at || !strings.HasPrefix(line[start:], f.Text) {
			k := strings.Index(line[at:], f.Text)
			if k < 0 {
				continue
			}
			start = at + k
		}
		b.WriteString(line[at:start])
		if f.Kind == scan.FindingKey {
			b.WriteString(MaskInput(f.Text, 1<<20))
		} else {
			b.WriteString(MaskLink(f.Text, 1<<20))
		}
		at = start + len(f.Text)
	}
	b.WriteString(line[at:])
	return b.String()
}

// byteOffset is the byte offset of the n-th character of s (an invalid
// UTF-8 byte counting as one character, as in scan.Finding).
func byteOffset(s string, n int) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// maskWords masks each word of s (a run of wordRune) that looksLikeKeyWord.
// Text with no such word, most prose, comes back as it is, uncopied.
func maskWords(s string) string {
	var b strings.Builder
	written := 0 // bytes of s in b
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if w := s[start:end]; looksLikeKeyWord(w) {
				b.WriteString(s[written:start])
				b.WriteString(totpkey.Mask(w))
				written = end
			}
		}
		start = -1
	}
	for i, r := range s {
		if wordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

// looksLikeKeyWord reports whether one word (letters and digits) could be a
// key or a part of one worth hiding: 8 characters or more, and
//   - letters and digits mixed (JBSWY3DP, jbswy3dpehpk, a hex secret);
//   - digits only, 16 or more (a hex secret; codes, dates and Unix times
//     are shorter);
//   - capitals only (JBSWYXDPEHPK), or letters in a case no word has
//     (JbSwYxDp), or non-Latin look-alike letters among capitals;
//   - a lower-case or capitalised word only when it is a whole valid key
//     (jbswxdpehpkxpxpa): English words of the messages stay readable.
func looksLikeKeyWord(w string) bool {
	n, digits, upper, lower, other, changes := 0, 0, 0, 0, 0, 0
	prevUpper, first := false, true
	for _, r := range w {
		n++
		switch {
		case r >= '0' && r <= '9', unicode.IsDigit(r):
			digits++
			continue
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		default:
			other++
			continue
		}
		isUpper := r <= 'Z'
		if !first && isUpper != prevUpper {
			changes++
		}
		prevUpper, first = isUpper, false
	}
	switch {
	case n < 8:
		return false
	case digits == n:
		return n >= 16
	case digits > 0:
		return true
	case other > 0:
		return upper >= lower
	case upper == n:
		return true
	case changes >= 4:
		return true // JbSwYxDp; PowerShell and AutoTrader change case three times
	}
	return totpkey.Classify(w).Class == totpkey.ClassValid
}

// KeyLike reports whether a whole argument could be a key or part of one:
// something maskSecretsIn would mask, groups of letters and digits that
// together look like a key ("JBSW Y3DP EH"), or a valid key.
func KeyLike(s string) bool {
	return MaskArg(s) != s // maskArg masks exactly these
}

// groupedKeyLike reports whether s is written the way authenticators and
// brokers group a key: groups of 3 to 8 letters and digits, all of one
// length but the last, which may be shorter, separated by single spaces or
// dashes, that put together look like a key word ("JBSW Y3DP EH").
// Prose ("Failed to generate TOTP since 24 June") has groups of all
// lengths.
func groupedKeyLike(s string) bool {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, " -") {
		return false
	}
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
	if len(groups) < 2 {
		return false
	}
	size := utf8.RuneCountInString(groups[0])
	if size < 3 || size > 8 {
		return false
	}
	var joined strings.Builder
	for i, g := range groups {
		n := utf8.RuneCountInString(g)
		if n > size || n < size && i < len(groups)-1 {
			return false
		}
		for _, r := range g {
			if !wordRune(r) {
				return false
			}
		}
		joined.WriteString(g)
	}
	return looksLikeKeyWord(joined.String())
}

// MaskArg masks an argument, a flag value or a kept CSV value for an error
// message or a table: the whole of it, groups kept, when it is keyLike
// as a whole ("JBSW •••• ••"), else each key-like part of it
// (maskSecretsIn). Text that is no key comes back unchanged.
func MaskArg(s string) string {
	if m := maskSecretsIn(s); m != s {
		return m
	}
	if groupedKeyLike(s) || len(s) <= 1<<10 && totpkey.Classify(s).Class == totpkey.ClassValid {
		return MaskInput(s, 1<<20)
	}
	return s
}

// MaskKeyLike is what tables, JSON, CSV and replies show of a value that is
// not itself the input but may hold a key (a --keep column, a CSV header
// name): maskArg, unless the user asked to see secrets.
func MaskKeyLike(s string, showSecret bool) string {
	if showSecret {
		return s
	}
	return MaskArg(s)
}
