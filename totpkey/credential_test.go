package totpkey

import (
	"strings"
	"testing"
)

// TestOtherCredential covers each credential shape people paste as the
// key. The shapes come from the research notes of issue 12 (brokers.md):
// no value below is a real credential; each was written for this table.
func TestOtherCredential(t *testing.T) {
	tests := []struct {
		name, input string
		credential  string
		lookalikes  bool // the look-alike reading is kept after the credential
	}{
		// Access tokens: a JWT (Angel One, Fyers, Dhan, Groww's "TOTP token").
		{"jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123_-x", CredentialAccessToken, false},
		{"jwt with padding", "eyJhbGciOiJub25lIn0=.eyJzdWIiOiJBQjEyMzQifQ.c2lnbmF0dXJl", CredentialAccessToken, false},
		// API keys and secrets.
		{"uuid lower (Upstox api key)", "6f1c2a9e-3b7d-4e58-9a0c-12d3e4f5a6b7", CredentialAPIKey, false},
		{"uuid upper", "6F1C2A9E-3B7D-4E58-9A0C-12D3E4F5A6B7", CredentialAPIKey, false},
		{"32 hex (Shoonya app key)", "93f57fd14c1604d115cea325a65e19cb", CredentialAPIKey, false},
		{"32 hex upper", "93F57FD14C1604D115CEA325A65E19CB", CredentialAPIKey, false},
		{"kite api_secret: two readings", "k9x2m8p4q7r1s5t3v6w0y2z8a4b1c7d9", CredentialAPISecret, true},
		{"kite api_key: two readings", "q8w2e4r6t1y3u5i0", CredentialAPIKey, true},
		{"quoted api_secret", `"k9x2m8p4q7r1s5t3v6w0y2z8a4b1c7d9"`, CredentialAPISecret, true},
		// Client and app ids.
		{"zerodha client id", "AB1234", CredentialClientID, false},
		{"shoonya user id", "FA123456", CredentialClientID, false},
		{"shoonya vendor code", "FA12345_U", CredentialClientID, false},
		{"fyers id", "XY12345", CredentialClientID, false},
		{"angel client code", "A1234567", CredentialClientID, false},
		{"lower-case client id", "ab1234", CredentialClientID, false},
		{"fyers app id", "XB1234ABCD-100", CredentialAppID, false},
		// PAN and dates of birth.
		{"pan", "ABCPE1234F", CredentialPAN, false},
		{"pan lower case", "abcpe1234f", CredentialPAN, false},
		{"company pan", "AAACZ9999Q", CredentialPAN, false},
		{"dob dashes", "14-08-1987", CredentialDateOfBirth, false},
		{"dob iso", "1987-08-14", CredentialDateOfBirth, false},
		{"dob slashes", "14/08/1987", CredentialDateOfBirth, false},
		{"dob dots", "14.08.1987", CredentialDateOfBirth, false},
		// Labels that name a credential.
		{"password label", "Password: Abc@1234", CredentialPassword, false},
		{"pin label", "PIN: 1234", CredentialPIN, false},
		{"mpin label on a six-digit number", "MPIN: 123456", CredentialPIN, false},
		{"api key label", "API key: 8fh3Kd9s", CredentialAPIKey, false},
		{"api_secret label", "api_secret: zz", CredentialAPISecret, false},
		{"client id label", "client id: AB1234", CredentialClientID, false},
		{"dob label", "DOB: 14-08-1987", CredentialDateOfBirth, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Classify(tt.input)
			if r.Class != ClassMalformed || len(r.Problems) == 0 || r.Problems[0].ID != ReasonOtherCredential {
				t.Fatalf("Classify(%q) = %s %v; want other-credential first", tt.input, r.Class, r.Problems)
			}
			p := r.Problems[0]
			if p.Credential != tt.credential {
				t.Errorf("credential = %q; want %q", p.Credential, tt.credential)
			}
			if r.Topic != string(ReasonOtherCredential) {
				t.Errorf("topic = %q; want other-credential", r.Topic)
			}
			if r.Key != "" {
				t.Errorf("a credential gives no key, got one of %d characters", len(r.Key))
			}
			if r.HasProblem(ReasonHexKey) {
				t.Error("hex-key advice for a credential: converting it gives a key that can never work")
			}
			if got := r.HasProblem(ReasonInvalidCharacter); got != tt.lookalikes {
				t.Errorf("look-alike problems kept = %v; want %v", got, tt.lookalikes)
			}
			if tt.lookalikes && !strings.Contains(p.Message, "--code") {
				t.Errorf("two readings without the check that settles them: %q", p.Message)
			}
			if core := strings.Trim(tt.input, `"`); len(core) >= 5 && strings.Contains(p.Message, core) {
				t.Errorf("the message quotes the input: %q", p.Message)
			}
		})
	}
}

// TestNotACredential: keys, codes and hex secrets keep their own
// readings; a label that names a credential does not hide a valid key.
func TestNotACredential(t *testing.T) {
	tests := []struct {
		name, input string
		class       Class
		problem     ReasonID
	}{
		{"clean key", testKey, ClassValid, ""},
		{"32-character key", testKey32, ClassValid, ""},
		{"lower-case key without 0 1 8 9", "jbswy3dpehpk3pxp", ClassValid, ""},
		{"32 hex of A-F and 2-7 is base32 too", "ABCDEF2345ABCDEF2345ABCDEF234567", ClassValid, ""},
		{"password label on a valid key", "Password: " + testKey, ClassValid, ""},
		{"40 hex digits: an RFC 6238 secret", "3132333435363738393031323334353637383930aa", ClassMalformed, ReasonHexKey},
		{"64 hex digits: SHA256 secret", strings.Repeat("3132333435363738393a", 3) + "3b3c", ClassMalformed, ReasonHexKey},
		{"20 bytes hex", "48656c6c6f21deadbeef48656c6c6f21deadbeef", ClassMalformed, ReasonHexKey},
		{"six digits stay a code", "482913", ClassCode, ReasonOneTimeCode},
		{"eight digits stay a code", "14081987", ClassCode, ReasonOneTimeCode},
		{"an upper-case key with a look-alike", "JBSW0Y3DPEHPK3PX", ClassMalformed, ReasonInvalidCharacter},
		{"an impossible date is eight digits: a code", "34-13-1987", ClassCode, ReasonOneTimeCode},
		{"not a PAN: fourth letter", "ABCDE1234F", ClassMalformed, ""},
		{"no label, a word", "password", ClassMalformed, ReasonNotAKey},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Classify(tt.input)
			if r.Class != tt.class {
				t.Fatalf("Classify(%q) = %s %v; want %s", tt.input, r.Class, r.Problems, tt.class)
			}
			if r.HasProblem(ReasonOtherCredential) {
				t.Fatalf("Classify(%q) calls it a credential: %v", tt.input, r.Problems)
			}
			if tt.problem != "" && !r.HasProblem(tt.problem) {
				t.Errorf("problems %v; want %s", r.Problems, tt.problem)
			}
		})
	}
}
