package totpkey

import (
	"strings"
	"testing"
)

// FuzzCredential checks the credential recogniser on any text: it never
// panics; it never takes a valid key for a credential (a key stays a key,
// whatever its shape); what it names is one of the credential ids; and its
// message never quotes the text.
func FuzzCredential(f *testing.F) {
	for _, seed := range []string{
		testKey, testKey32, "6f1c2a9e-3b7d-4e58-9a0c-12d3e4f5a6b7", "93f57fd14c1604d115cea325a65e19cb",
		"k9x2m8p4q7r1s5t3v6w0y2z8a4b1c7d9", "ABCPE1234F", "AB1234", "FA12345_U", "XB1234ABCD-100", "14-08-1987",
		"1987/08/14", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123_-x", "Password: x", "api_secret=", "eyJ..",
		"ABCDEF2345ABCDEF2345ABCDEF234567", "\xff\xfe-\x00", "Z_U", "A_U1234",
	} {
		f.Add(seed)
	}
	known := make(map[string]bool)
	for id := range credentialNames() {
		known[id] = true
	}
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > MaxInputBytes {
			return
		}
		if label := credentialLabel(text); label != "" && !known[label] {
			t.Fatalf("credentialLabel(%q) = %q, not a credential id", text, label)
		}
		shape, ok := credentialShapeOf(text)
		if !ok {
			return
		}
		if !known[shape.id] || shape.message == "" {
			t.Fatalf("credentialShapeOf(%q) = %+v", text, shape)
		}
		if body := classifyBody(text, 0); body.Class == ClassValid {
			t.Fatalf("credentialShapeOf(%q) = %s, but it is a valid key", text, shape.id)
		}
		if len(text) >= 5 && strings.Contains(shape.message, text) {
			t.Fatalf("the message quotes the text: %q", shape.message)
		}
		r := Classify(text)
		if r.Class == ClassValid {
			t.Fatalf("Classify(%q) is valid, yet the text has the form of %s", text, shape.id)
		}
	})
}
