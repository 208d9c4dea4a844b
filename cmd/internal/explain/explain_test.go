package explain

import (
	"slices"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/docs"
	"github.com/totpkey/totpkey/totpkey"
)

func TestSafeQuoteMasksSecrets(t *testing.T) {
	tests := []struct {
		query string
		want  string
	}{
		{"banana", `"banana"`},
		{"invalid-charcter", `"invalid-charcter"`},
		{"JBSWY3DPEHPK3PXP", `"JBSW••••••••••••"`},
		{"my key is jbswy3dpehpk3pxp ok", `"my key is jbsw•••••••••••• ok"`},
		{"key: JBSW0Y3DPEHPK3PX!", `"key: JBSW•••••••••••••"`},
		{"authenticator", `"authenticator"`},
		{strings.Repeat("word ", 30), `"` + strings.TrimSpace(strings.Repeat("word ", 12)) + `…"`},
	}
	for _, tt := range tests {
		if got := safeQuote(tt.query); got != tt.want {
			t.Errorf("safeQuote(%q) = %s; want %s", tt.query, got, tt.want)
		}
	}
}

// TestSafeQuoteNeverLeaks feeds keys in every shape a user might paste into
// explain by mistake; at most 4 characters of the key may come back.
func TestSafeQuoteNeverLeaks(t *testing.T) {
	key := "GEZDGNBVGY3TQOJQGEZDGNBV"
	for _, q := range []string{
		key, strings.ToLower(key), "secret=" + key, "otpauth://totp/x?secret=" + key,
		"my key " + key + " fails", "JBSW 0Y3D PEHP K3PX", key[:10] + "0" + key[11:],
	} {
		got := safeQuote(q)
		for i := 0; i+5 <= len(key); i++ {
			if strings.Contains(strings.ToUpper(got), key[i:i+5]) {
				t.Errorf("safeQuote(%q) = %s shows %q of the key", q, got, key[i:i+5])
			}
		}
	}
}

func TestSeeAlsoTopics(t *testing.T) {
	topic := func(id string) docs.Topic { return docs.Topic{ID: id} }
	words := []docs.Match{
		{Topic: topic("a"), By: docs.ByWords, Score: 10},
		{Topic: topic("b"), By: docs.ByWords, Score: 6},
		{Topic: topic("c"), By: docs.ByWords, Score: 5},
		{Topic: topic("d"), By: docs.ByWords, Score: 5},
	}
	if got := seeAlsoTopics(words); !slices.Equal(got, []string{"b", "c"}) {
		t.Errorf("seeAlsoTopics = %q; want b, c (at most %d)", got, maxSeeAlso)
	}
	weak := []docs.Match{words[0], {Topic: topic("e"), By: docs.ByWords, Score: 4.9}}
	if got := seeAlsoTopics(weak); got != nil {
		t.Errorf("seeAlsoTopics = %q; want none below half the best score", got)
	}
	byID := []docs.Match{{Topic: topic("a"), By: docs.ByID}, words[1]}
	if got := seeAlsoTopics(byID); got != nil {
		t.Errorf("seeAlsoTopics after an exact match = %q; want none", got)
	}
}

func TestOrList(t *testing.T) {
	for in, want := range map[string]string{"a": "a", "a b": "a or b", "a b c": "a, b or c"} {
		if got := orList(strings.Fields(in)); got != want {
			t.Errorf("orList(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestInputKind(t *testing.T) {
	tests := []struct{ query, kind, topic string }{
		{"482913", "a one-time code", string(totpkey.ReasonOneTimeCode)},
		{"JBSWY3DPEHPK3PXP", "a TOTP Key", "edit-and-save"},
		{"banana", "", ""},
	}
	for _, tt := range tests {
		kind, topic := inputKind(tt.query)
		if kind != tt.kind || (tt.topic != "" && topic != tt.topic) {
			t.Errorf("inputKind(%q) = %q, %q; want %q, %q", tt.query, kind, topic, tt.kind, tt.topic)
		}
	}
}
