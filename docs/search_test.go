package docs

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		query  string
		want   string
		wantOK bool
	}{
		{"invalid-character", "invalid-character", true},
		{"Invalid Character", "invalid-character", true},
		{"INVALID_CHARACTER", "invalid-character", true},
		{"  one-time-code\n", "one-time-code", true},
		{"whitespace", "cleaned-key", true},
		{"uri", "cleaned-key", true},
		{"six-digit-code", "one-time-code", true},
		{"hotp", "not-totp", true},
		{"Dhan", "dhan", true},
		{"invalid-charcter", "", false},
		{"", "", false},
		{"failed to generate totp", "failed-to-generate-totp", true},
		{"-----", "", false},
	}
	for _, tt := range tests {
		got, ok := Lookup(tt.query)
		if ok != tt.wantOK || got.ID != tt.want {
			t.Errorf("Lookup(%q) = %q, %v; want %q, %v", tt.query, got.ID, ok, tt.want, tt.wantOK)
		}
	}
}

func TestResolveMatches(t *testing.T) {
	tests := []struct {
		query string
		want  string
		by    MatchedBy
	}{
		// ids and reason ids
		{"hex-key", "hex-key", ByID},
		{"Too Short", "too-short", ByID},
		{"lowercase", "cleaned-key", ByAlias},
		{"key", "key-vs-code", ByAlias},
		// pasted error messages
		{"Failed to generate TOTP", "failed-to-generate-totp", ByID}, // the id is the message
		{"Error: failed to generate totp.", "failed-to-generate-totp", ByError},
		{"Wrong TOTP", "invalid-totp", ByError},
		{"Login error: Invalid TOTP (code 401)", "invalid-totp", ByError},
		{"illegal base32 data at input byte 12", "invalid-character", ByError},
		{"binascii.Error: Incorrect padding", "bad-length", ByError},
		// sentences
		{"my broker doesn't show the key any more", "broker-hides-key", ByWords},
		{"My broker doesn’t show the key anymore!", "broker-hides-key", ByWords},
		{"I lost my key", "broker-hides-key", ByWords},
		{"I pasted the 6 digit code from my app", "one-time-code", ByWords},
		{"the broker rejected the code", "invalid-totp", ByWords},
		{"what is the difference between the key and the code", "key-vs-code", ByWords},
		{"my key has a zero in it", "invalid-character", ByWords},
		{"the key is too short", "too-short", ByWords},
		{"QR code won't scan", "no-qr", ByWords},
		{"dhan login fails every day", "dhan", ByWords},
		{"how do I fix this", "edit-and-save", ByWords},
		{"is my phone clock wrong", "invalid-totp", ByWords},
		{"spaces in the key", "cleaned-key", ByWords},
	}
	for _, tt := range tests {
		r := Resolve(tt.query)
		if !r.Found() {
			t.Errorf("Resolve(%q) found nothing; want %s", tt.query, tt.want)
			continue
		}
		if got := r.Matches[0]; got.Topic.ID != tt.want || got.By != tt.by {
			t.Errorf("Resolve(%q) = %s by %s; want %s by %s", tt.query, got.Topic.ID, got.By, tt.want, tt.by)
		}
		if len(r.DidYouMean) != 0 || len(r.Closest) != 0 {
			t.Errorf("Resolve(%q) found a topic and also suggests %v %v", tt.query, r.DidYouMean, r.Closest)
		}
	}
}

func TestResolveMatchesAreRanked(t *testing.T) {
	r := Resolve("the broker rejected the code")
	if len(r.Matches) < 2 {
		t.Fatalf("want several word matches, got %d", len(r.Matches))
	}
	for i := 1; i < len(r.Matches); i++ {
		if r.Matches[i].Score > r.Matches[i-1].Score {
			t.Errorf("match %d (%s %.2f) ranks below a lower score (%s %.2f)", i,
				r.Matches[i].Topic.ID, r.Matches[i].Score, r.Matches[i-1].Topic.ID, r.Matches[i-1].Score)
		}
		if r.Matches[i].Score < minWordsScore {
			t.Errorf("match %s scores %.2f, below the threshold", r.Matches[i].Topic.ID, r.Matches[i].Score)
		}
	}
}

func TestResolveDidYouMean(t *testing.T) {
	tests := []struct {
		query string
		want  string
	}{
		{"invalid-charcter", "invalid-character"},
		{"emtpy", "empty"},
		{"dahn", "dhan"},
		{"hexkey", "hex-key"},
		{"pasted-twcie", "pasted-twice"},
		{"bad-lenght", "bad-length"},
		{"whitspace", "cleaned-key"},
		// Names typed as words, with a typo: not a guess by the words.
		{"invalid charcter", "invalid-character"},
		{"Pasted twcie", "pasted-twice"},
		{"failed to generate totpp", "failed-to-generate-totp"},
	}
	for _, tt := range tests {
		r := Resolve(tt.query)
		if r.Found() {
			t.Errorf("Resolve(%q) found %s; a typo should ask, not guess", tt.query, r.Best().ID)
			continue
		}
		if len(r.DidYouMean) == 0 || r.DidYouMean[0].ID != tt.want {
			t.Errorf("Resolve(%q).DidYouMean = %v; want %s first", tt.query, ids(r.DidYouMean), tt.want)
		}
	}
}

func TestResolveNoMatch(t *testing.T) {
	for _, q := range []string{"banana", "xyzzy plugh", "the", "???", "", strings.Repeat("q", 100000)} {
		r := Resolve(q)
		if r.Found() {
			t.Errorf("Resolve(%.20q) found %s; want nothing", q, r.Best().ID)
		}
		if len(r.Closest) == 0 || len(r.Closest) > maxClosest {
			t.Errorf("Resolve(%.20q).Closest has %d topics; want 1 to %d", q, len(r.Closest), maxClosest)
		}
	}
	// A query close to a title ranks that topic first among the closest.
	r := Resolve("Dhan rejects")
	if r.Found() {
		// "dhan" is a word of the dhan topic: this is a match, not a miss.
		if r.Best().ID != "dhan" {
			t.Errorf("Resolve(\"Dhan rejects\") = %s; want dhan", r.Best().ID)
		}
	}
}

func TestResolveCommonWordsAloneDoNotMatch(t *testing.T) {
	// "key" and "totp" are aliases; "totp key broker" is all common words
	// apart from "broker", which alone is enough. A query of nothing but
	// words every topic uses must not pick a topic at random.
	for _, q := range []string{"the key please", "totp code key totp"} {
		r := Resolve(q)
		if r.Found() && r.Matches[0].By == ByWords && r.Matches[0].Score < 2*minWordsScore && len(r.Matches) > 3 {
			t.Errorf("Resolve(%q) = %s with a weak score %.2f among %d matches", q, r.Best().ID, r.Matches[0].Score, len(r.Matches))
		}
	}
}

func TestSearchIsResolveMatches(t *testing.T) {
	if got := Search("banana"); got != nil {
		t.Errorf("Search(banana) = %v; want nil", got)
	}
	got := Search("Broker says: Incorrect TOTP")
	if len(got) != 1 || got[0].Topic.ID != "invalid-totp" || got[0].By != ByError {
		t.Errorf("Search(Incorrect TOTP) = %d matches; want invalid-totp alone, by error", len(got))
	}
}

func ids(topics []Topic) []string {
	out := make([]string, len(topics))
	for i, t := range topics {
		out[i] = t.ID
	}
	return out
}

func TestValidTopicID(t *testing.T) {
	for id, want := range map[string]bool{
		"key-vs-code": true, "dhan": true, "6-digit": true,
		"": false, "-a": false, "a-": false, "a--b": false, "A": false, "a_b": false, "é": false,
	} {
		if got := validTopicID(id); got != want {
			t.Errorf("validTopicID(%q) = %v; want %v", id, got, want)
		}
	}
}

// BenchmarkResolve measures the queries explain answers, the parse of the
// topics aside (it happens once per process).
func BenchmarkResolve(b *testing.B) {
	load()
	long := strings.Repeat("lorem ipsum dolor ", MaxQueryBytes/18+1) // a pasted ticket
	for _, q := range []string{"invalid-character", "Error: Failed to generate TOTP!", "my broker doesn't show the key any more", "banana", long} {
		name := q
		if len(name) > 40 {
			name = "4KiB-ticket"
		}
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				Resolve(q)
			}
		})
	}
}

// BenchmarkLoad measures the first use of the topics: parsing every file
// and building the keyword index.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		buildCatalogue(topicFiles, "topics")
	}
}
