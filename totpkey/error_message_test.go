package totpkey

import (
	"strings"
	"testing"
)

// TestPastedErrorMessage holds that an error message of AutoTrader Web
// pasted into the key field is not-a-key with the topic of that error, in
// any case, with punctuation, a label or words around it, and that other
// words keep the not-a-key topic.
func TestPastedErrorMessage(t *testing.T) {
	for _, tc := range []struct {
		input, topic, quoted string
	}{
		{"Failed to generate TOTP", "failed-to-generate-totp", `"Failed to generate TOTP"`},
		{"failed to generate totp.", "failed-to-generate-totp", `"Failed to generate TOTP"`},
		{"it says Failed-to-generate TOTP!", "failed-to-generate-totp", `"Failed to generate TOTP"`},
		{"Invalid TOTP", "invalid-totp", `"Invalid TOTP"`},
		{"Error: Invalid TOTP.", "invalid-totp", `"Invalid TOTP"`},
		{"“Invalid TOTP”", "invalid-totp", `"Invalid TOTP"`},
		{"hello there friend", "not-a-key", ""},
		{"failed to generate the report", "not-a-key", ""},
		{"TOTP invalid here", "not-a-key", ""},
	} {
		t.Run(tc.input, func(t *testing.T) {
			r := Classify(tc.input)
			if r.Class != ClassMalformed || len(r.Problems) != 1 || r.Problems[0].ID != ReasonNotAKey {
				t.Fatalf("Classify(%q) = %s %+v, want one not-a-key problem", tc.input, r.Class, r.Problems)
			}
			if r.Topic != tc.topic {
				t.Errorf("topic %q, want %q", r.Topic, tc.topic)
			}
			if tc.quoted != "" && !strings.Contains(r.Problems[0].Message, tc.quoted) {
				t.Errorf("message %q does not name the error %s", r.Problems[0].Message, tc.quoted)
			}
		})
	}
}

// TestErrorMessageInsideALink holds that only words pasted as the key are
// taken for the error: inside a link the secret is just not a key.
func TestErrorMessageInsideALink(t *testing.T) {
	r := Classify("otpauth://totp/X?secret=Failed%20to%20generate%20TOTP")
	if r.Topic == "failed-to-generate-totp" || len(r.Problems) == 0 || strings.Contains(r.Problems[0].Message, "error message") {
		t.Errorf("link with words as its secret: topic %q, problems %+v", r.Topic, r.Problems)
	}
}
