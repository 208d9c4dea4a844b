package docs

import "testing"

// TestHindiAndHinglishPhrasings: the questions traders ask in Hindi or in
// Hinglish (phrasings from the research dossier, section 4.3 of
// realworld.md: constructed, as no real posts were found) reach the topic
// that answers them, also with a word more than the alias has.
func TestHindiAndHinglishPhrasings(t *testing.T) {
	for _, tc := range []struct{ query, topic string }{
		{"broker pe key nahi dikh raha", "broker-hides-key"},
		{"broker pe key nahi dikh raha hai", "broker-hides-key"},
		{"TOTP key kaha milega?", "broker-hides-key"},
		{"टीओटीपी की कहाँ मिलेगी", "broker-hides-key"},
		{"OTP galat aa raha hai", "invalid-totp"},
		{"invalid TOTP aa raha hai subah se", "invalid-totp"},
		{"6 digit wala daalna hai ya lamba wala code?", "key-vs-code"},
		{"की कैसे डालें", "edit-and-save"},
		{"purani aur nayi dono key aa gayi", "two-keys"},
		{"key do baar paste ho gayi", "pasted-twice"},
	} {
		r := Resolve(tc.query)
		if !r.Found() || r.Best().ID != tc.topic {
			t.Errorf("Resolve(%q) = %q; want %q", tc.query, r.Best().ID, tc.topic)
		}
	}
}

// TestSingleWeakWordIsNoMatch: a query whose only link to a topic is one
// word of its body ("such") matches nothing, and names the closest topics
// instead.
func TestSingleWeakWordIsNoMatch(t *testing.T) {
	for _, q := range []string{"zzz-no-such-topic", "such", "qqq topic"} {
		r := Resolve(q)
		if r.Found() {
			t.Errorf("Resolve(%q) = %q by %s; want no match", q, r.Best().ID, r.Matches[0].By)
		}
		if len(r.Closest) == 0 && len(r.DidYouMean) == 0 {
			t.Errorf("Resolve(%q) gives no closest topics", q)
		}
	}
	// One specific word in a topic's name still is a match.
	if r := Resolve("hexadecimal"); !r.Found() || r.Best().ID != "hex-key" {
		t.Errorf("Resolve(hexadecimal) = %q; want hex-key", r.Best().ID)
	}
}

// TestHinglishQROnly: only a QR code at the broker has a topic of its own.
func TestHinglishQROnly(t *testing.T) {
	for q, want := range map[string]string{
		"broker sirf qr dikhata hai key nahi": "qr-only",
		"support ko kya bheju":                "send-to-support",
		"key adhuri copy hui":                 "partial-key",
	} {
		if r := Resolve(q); !r.Found() || r.Best().ID != want {
			t.Errorf("Resolve(%q) = %q; want %q", q, r.Best().ID, want)
		}
	}
}
