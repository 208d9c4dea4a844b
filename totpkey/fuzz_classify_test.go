package totpkey

import (
	"encoding/base32"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzClassify checks the classifier's invariants on any input: it never
// panics; a valid result's key decodes, has at least 16 characters and is
// valid again with no cleaning (cleaning is idempotent); positions point
// into the input; and the exit code matches the class.
func FuzzClassify(f *testing.F) {
	for _, seed := range []string{
		"", " ", testKey, testKey32, "jbsw y3dp ehpk 3pxp", "JBSW-Y3DP-EHPK-3PXP==", "482 913",
		"JBSW0Y3DPEHPK3PX", "JBSW\u200bY3DPEHPK3PXP", "Key: \"" + testKey + "\"", "JBSW=Y3DP",
		"otpauth://totp/X:Y?secret=" + testKey + "&issuer=X&digits=8", "otpauth://hotp/X?secret=" + testKey,
		"otpauth://totp/X?secret=%3D%3D", "0x48656c6c6f21deadbeef", testKey + testKey, "Failed to generate TOTP",
		"+91 98765 43210", "trader@example.com", "aGVsbG8gd29ybGQhIHRoaXMgaXM", "ЈВSWY3DPEHPK3PXP", "\xff\x00\r\n",
		"otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SBFRlc3QaBFRlc3QgASgBMAJCEwoHdGVzdGluZxIIZXhhbXBsZQ%3D%3D",
	} {
		f.Add(seed)
	}
	enc := base32.StdEncoding.WithPadding(base32.NoPadding)
	f.Fuzz(func(t *testing.T, input string) {
		r := Classify(input)
		if r.Topic == "" {
			t.Errorf("no topic for %q", input)
		}
		switch r.Class {
		case ClassValid:
			if len(r.Problems) != 0 {
				t.Fatalf("valid with problems: %v", r.Problems)
			}
			if len(r.Key) < MinKeyChars {
				t.Fatalf("valid key of %d characters", len(r.Key))
			}
			if _, err := enc.DecodeString(r.Key); err != nil {
				t.Fatalf("valid key does not decode: %v", err)
			}
			again := Classify(r.Key)
			if again.Class != ClassValid || again.Changes != 0 || again.Key != r.Key {
				t.Fatalf("cleaning is not idempotent: %s %v %v", again.Class, again.Changes.List(), again.Problems)
			}
		case ClassCode:
			if !r.HasProblem(ReasonOneTimeCode) {
				t.Fatalf("code with problems %v", r.Problems)
			}
		case ClassMalformed:
			if len(r.Problems) == 0 {
				t.Fatalf("malformed with no problems")
			}
		default:
			t.Fatalf("unknown class %q", r.Class)
		}
		n := utf8.RuneCountInString(input)
		for _, p := range r.Problems {
			if p.Position < 0 || p.Position > n {
				t.Fatalf("position %d outside an input of %d characters", p.Position, n)
			}
			if p.Position > 0 && p.Char != 0 && p.Char != utf8.RuneError {
				if got := []rune(input)[p.Position-1]; got != p.Char {
					t.Fatalf("position %d holds %q, the problem says %q", p.Position, got, p.Char)
				}
			}
			if p.Message == "" || strings.ToLower(p.Message[:1]) != p.Message[:1] {
				t.Fatalf("message %q is empty or capitalised", p.Message)
			}
		}
		if r.Key != "" {
			if _, err := enc.DecodeString(r.Key); err != nil && r.Class != ClassMalformed {
				t.Fatalf("key does not decode: %v", err)
			}
		}
	})
}
