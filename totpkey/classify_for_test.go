package totpkey

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey/broker"
)

func mustBroker(t *testing.T, name string) broker.Broker {
	t.Helper()
	b, ok := broker.Lookup(name)
	if !ok {
		t.Fatalf("no broker %q", name)
	}
	return b
}

// TestClassifyForPartialKey: at a broker whose key length is known, a key
// shorter than it is partial-key, with both lengths in the message; at a
// broker whose length is unknown, and with no broker, nothing changes.
func TestClassifyForPartialKey(t *testing.T) {
	const abc31 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456" // issue 12: a Zerodha key missing its last character
	tests := []struct {
		name, broker, input string
		want                ReasonID // "" for valid
		lengths             string   // "32 … 31" in the message
	}{
		{"zerodha 31", "zerodha", abc31, ReasonPartialKey, "32-character TOTP Key; this has 31"},
		{"zerodha 24", "zerodha", testKey32[:24], ReasonPartialKey, "this has 24"},
		{"zerodha 16", "zerodha", "2MWUFXBV54BYVSEH", ReasonPartialKey, "this has 16"},
		{"zerodha 10: too short, and partial", "zerodha", testKey32[:10], ReasonPartialKey, "this has 10"},
		{"zerodha 25: impossible length, and partial", "zerodha", testKey32[:25], ReasonPartialKey, "this has 25"},
		{"zerodha grouped lower case 28", "zerodha", "krug kidr ovuw g2za mjzg 653o ebtg", ReasonPartialKey, "this has 28"},
		{"zerodha 32", "zerodha", testKey32, "", ""},
		{"zerodha 32 in groups", "Kite", "KRUG KIDR OVUW G2ZA MJZG 653O EBTG 66BA", "", ""},
		{"zerodha: a code stays a code", "zerodha", "482913", ReasonOneTimeCode, ""},
		{"zerodha: a look-alike stays a look-alike", "zerodha", "JBSW0Y3DPEHPK3PX", ReasonInvalidCharacter, ""},
		{"angel one 26", "Angel One", testKey32[:26], "", ""},
		{"angel one 16", "angel", testKey, ReasonPartialKey, "26-character TOTP Key; this has 16"},
		{"fyers 31", "fyers", abc31, ReasonPartialKey, "Fyers shows a 32"},
		{"shoonya 24", "finvasia", testKey32[:24], ReasonPartialKey, "Shoonya shows a 32"},
		{"motilal 16", "motilal", testKey, ReasonPartialKey, "this has 16"},
		{"groww 16", "groww", testKey, ReasonPartialKey, "this has 16"},
		// Unknown lengths: nothing changes.
		{"upstox 16", "upstox", testKey, "", ""},
		{"dhan 16", "dhan", testKey, "", ""},
		{"aliceblue 16", "aliceblue", testKey, "", ""},
		{"kotak neo 16", "kotakneo", testKey, "", ""},
		{"5paisa 16", "5paisa", testKey, "", ""},
		{"icici direct 16", "icicidirect", testKey, "", ""},
		{"flattrade 16", "flattrade", testKey, "", ""},
		{"upstox 10 stays too short", "upstox", testKey32[:10], ReasonTooShort, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mustBroker(t, tt.broker)
			r := ClassifyFor(tt.input, b)
			if r.Broker != b.ID {
				t.Errorf("Broker = %q; want %q", r.Broker, b.ID)
			}
			if tt.want == "" {
				if r.Class != ClassValid {
					t.Fatalf("ClassifyFor(%q, %s) = %s %v; want valid", tt.input, b.ID, r.Class, r.Problems)
				}
				return
			}
			if len(r.Problems) == 0 || r.Problems[0].ID != tt.want {
				t.Fatalf("ClassifyFor(%q, %s) = %s %v; want %s", tt.input, b.ID, r.Class, r.Problems, tt.want)
			}
			if tt.want == ReasonPartialKey {
				if r.Class != ClassMalformed || r.Topic != string(ReasonPartialKey) || len(r.Problems) != 1 {
					t.Errorf("partial key: class %s, topic %s, problems %v", r.Class, r.Topic, r.Problems)
				}
				if !strings.Contains(r.Problems[0].Message, tt.lengths) {
					t.Errorf("message %q; want it to say %q", r.Problems[0].Message, tt.lengths)
				}
			}
			if plain := Classify(tt.input); tt.want == ReasonPartialKey && plain.HasProblem(ReasonPartialKey) {
				t.Error("Classify without a broker found a partial key")
			}
		})
	}
}

// TestClassifyForNoBroker: the zero Broker changes nothing but what a
// link's issuer says.
func TestClassifyForNoBroker(t *testing.T) {
	for _, in := range []string{testKey, "ABCDEFGHIJKLMNOPQRSTUVWXYZ23456", "2505178942", "AB1234", ""} {
		plain, for0 := Classify(in), ClassifyFor(in, broker.Broker{})
		if plain.Class != for0.Class || plain.Topic != for0.Topic || for0.Broker != "" {
			t.Errorf("ClassifyFor(%q, none) = %s %s %q; Classify gives %s %s", in, for0.Class, for0.Topic, for0.Broker, plain.Class, plain.Topic)
		}
	}
	r := ClassifyFor("otpauth://totp/Zerodha:AB1234?secret="+testKey+"&issuer=Zerodha", broker.Broker{})
	if r.Broker != "zerodha" {
		t.Errorf("a link's issuer: Broker = %q; want zerodha", r.Broker)
	}
	if r.Class != ClassValid {
		t.Errorf("a link's secret is not cut short by copying: got %s %v", r.Class, r.Problems)
	}
	if r := ClassifyFor("otpauth://totp/Acme:x?secret="+testKey+"&issuer=Acme", broker.Broker{}); r.Broker != "" {
		t.Errorf("issuer Acme: Broker = %q; want none", r.Broker)
	}
	given := ClassifyFor("otpauth://totp/Zerodha:AB1234?secret="+testKey+"&issuer=Zerodha", mustBroker(t, "fyers"))
	if given.Broker != "fyers" {
		t.Errorf("--broker wins over the issuer: Broker = %q", given.Broker)
	}
}

// TestClassifyForClientID: a number of the length of a broker's numeric
// client ids is one at that broker, and a plain number elsewhere.
func TestClassifyForClientID(t *testing.T) {
	r := ClassifyFor("2505178942", mustBroker(t, "dhan"))
	if len(r.Problems) != 1 || r.Problems[0].ID != ReasonOtherCredential || r.Problems[0].Credential != CredentialClientID {
		t.Fatalf("Dhan, 10 digits: %v; want other-credential client-id", r.Problems)
	}
	if !strings.Contains(r.Problems[0].Message, "Dhan client id") {
		t.Errorf("message %q does not name Dhan", r.Problems[0].Message)
	}
	for _, name := range []string{"zerodha", "upstox"} {
		if r := ClassifyFor("2505178942", mustBroker(t, name)); r.HasProblem(ReasonOtherCredential) {
			t.Errorf("%s, 10 digits: %v; want a plain number (it may be a phone number)", name, r.Problems)
		}
	}
	if r := ClassifyFor("250517894", mustBroker(t, "dhan")); r.HasProblem(ReasonOtherCredential) {
		t.Errorf("Dhan, 9 digits: %v; want a plain number", r.Problems)
	}
}

// TestPartialKeyProperty: for every broker whose key length L is known,
// every cut of a random key of L characters to 1..L-1 characters is
// partial-key and names both lengths, the whole key is valid, and with no
// broker the cut keeps its old reading.
func TestPartialKeyProperty(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 2026))
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
	for _, b := range broker.All() {
		if b.KeyLength == 0 {
			continue
		}
		for range 20 {
			key := make([]byte, b.KeyLength)
			for i := range key {
				key[i] = alphabet[rng.IntN(len(alphabet))]
			}
			if r := ClassifyFor(string(key), b); r.Class != ClassValid {
				t.Fatalf("%s: a whole key is %s %v", b.ID, r.Class, r.Problems)
			}
			n := 1 + rng.IntN(b.KeyLength-1)
			cut := string(key[:n])
			if strings.Repeat(cut[:n/2], 2) == cut {
				continue // pasted-twice comes first
			}
			r := ClassifyFor(cut, b)
			want := strconv.Itoa(b.KeyLength) + "-character TOTP Key; this has " + strconv.Itoa(n)
			if len(r.Problems) != 1 || r.Problems[0].ID != ReasonPartialKey || !strings.Contains(r.Problems[0].Message, want) {
				t.Fatalf("%s, %d of %d characters: %v; want partial-key saying %q", b.ID, n, b.KeyLength, r.Problems, want)
			}
			if plain := Classify(cut); plain.HasProblem(ReasonPartialKey) || plain.Broker != "" {
				t.Fatalf("%s: Classify alone says partial-key", b.ID)
			}
		}
	}
}
