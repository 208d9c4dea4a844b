package docs

import (
	"slices"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey/broker"
)

// TestBrokersAgreeWithLibrary: the library's broker table (what the
// classifier uses) says what brokers.yaml says, so that the catalogue is
// the one source of the facts.
func TestBrokersAgreeWithLibrary(t *testing.T) {
	docs, err := embeddedBrokers()
	if err != nil {
		t.Fatal(err)
	}
	lib := broker.All()
	if len(docs) != len(lib) {
		t.Fatalf("brokers.yaml has %d brokers, the library %d", len(docs), len(lib))
	}
	for i, d := range docs {
		l := lib[i]
		if d.ID != l.ID || d.Name != l.Name || !slices.Equal(nonNil(d.Aliases), nonNil(l.Aliases)) {
			t.Errorf("broker %d: brokers.yaml has %s %q %q, the library %s %q %q", i, d.ID, d.Name, d.Aliases, l.ID, l.Name, l.Aliases)
		}
		if d.KeyLength.Value != l.KeyLength {
			t.Errorf("%s: key length %d in brokers.yaml, %d in the library", d.ID, d.KeyLength.Value, l.KeyLength)
		}
		if d.ClientIDDigits != l.ClientIDDigits || d.NoteTopic != l.NoteTopic {
			t.Errorf("%s: client id digits or note topic differ", d.ID)
		}
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// TestBrokerFacts: every broker the issue names is there, each fact has a
// source and a date, a key length is given only where it is established or
// likely, and the credentials are ids the classifier reports.
func TestBrokerFacts(t *testing.T) {
	bs, err := embeddedBrokers()
	if err != nil {
		t.Fatal(err)
	}
	ids := make(map[string]bool)
	for _, b := range bs {
		ids[b.ID] = true
		facts := map[string][2]string{
			"key_length": {b.KeyLength.Source, b.KeyLength.Date},
			"shown":      {b.Shown.Source, b.Shown.Date},
			"where":      {b.Where.Source, b.Where.Date},
		}
		for i, c := range b.Credentials {
			facts["credential "+c.ID+string(rune('0'+i))] = [2]string{c.Source, c.Date}
		}
		for i, n := range b.Notes {
			facts["note"+string(rune('0'+i))] = [2]string{n.Source, n.Date}
		}
		for name, f := range facts {
			if strings.TrimSpace(f[0]) == "" || !datePattern(f[1]) {
				t.Errorf("%s %s: source %q, date %q; want both", b.ID, name, f[0], f[1])
			}
		}
		switch c := b.KeyLength.Confidence; {
		case b.KeyLength.Value != 0 && c != "established" && c != "likely":
			t.Errorf("%s: key length %d is %q; only an established or likely length is given", b.ID, b.KeyLength.Value, c)
		case b.KeyLength.Value == 0 && c != "unknown":
			t.Errorf("%s: no key length, but confidence %q", b.ID, c)
		}
		if !slices.Contains([]string{"copy-link", "text", "qr", "unknown"}, b.Shown.How) {
			t.Errorf("%s: shown.how %q", b.ID, b.Shown.How)
		}
		if len(b.Where.Steps) == 0 {
			t.Errorf("%s: no steps to the key", b.ID)
		}
		for _, c := range b.Credentials {
			if credentialTitle(c.ID) == c.ID {
				t.Errorf("%s: credential %q is not one of the classifier's ids", b.ID, c.ID)
			}
		}
	}
	for _, id := range []string{"zerodha", "upstox", "angelone", "dhan", "fyers", "shoonya", "aliceblue",
		"kotakneo", "5paisa", "icicidirect", "flattrade"} {
		if !ids[id] {
			t.Errorf("broker %s is missing", id)
		}
	}
}

// datePattern reports whether s is a date written YYYY-MM-DD.
func datePattern(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	return strings.Trim(s[:4]+s[5:7]+s[8:], "0123456789") == ""
}

// TestBrokerTopics: explain finds each broker by its id, its names and
// aliases, in any case, and shows where the key is; Dhan's own topic
// keeps its name, and its broker topic says the article's note.
func TestBrokerTopics(t *testing.T) {
	for _, b := range broker.All() {
		for _, name := range append(b.Names(), strings.ToUpper(b.Name)) {
			if name == "dhan" || name == "Dhan" || name == "DHAN" {
				continue
			}
			r := Resolve(name)
			if !r.Found() || r.Best().ID != BrokerTopicID(b.ID) {
				t.Errorf("Resolve(%q) = %q; want %s", name, r.Best().ID, BrokerTopicID(b.ID))
			}
		}
	}
	if top, ok := Lookup("dhan"); !ok || top.ID != "dhan" {
		t.Errorf("Lookup(dhan) = %q; the Dhan note keeps its name", top.ID)
	}
	z, ok := Lookup("Zerodha")
	if !ok || !strings.Contains(z.Body, "Can't Scan? Copy the Key") || !strings.Contains(z.Body, "32 characters") ||
		!strings.Contains(z.Body, "Validate & Save") {
		t.Errorf("Zerodha's topic does not say where the key is:\n%s", z.Body)
	}
	d, _ := Lookup("broker-dhan")
	if !strings.Contains(d.Body, "passing problem on Dhan's side") || !strings.Contains(d.Body, "not known") {
		t.Errorf("Dhan's broker topic misses the note or claims a length:\n%s", d.Body)
	}
	if r := Resolve("zerodah"); r.Found() || !slices.ContainsFunc(r.DidYouMean, func(t Topic) bool { return t.ID == "broker-zerodha" }) {
		t.Errorf("Resolve(zerodah): found %v, did you mean %v; want broker-zerodha suggested", r.Found(), topicIDsOf(r.DidYouMean))
	}
}

func topicIDsOf(ts []Topic) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.ID)
	}
	return out
}

// TestParseBrokersRejects: a catalogue with an unknown key or a bad id is
// an error, not a silent gap.
func TestParseBrokersRejects(t *testing.T) {
	for _, in := range []string{
		"brokers:\n  - id: x\n    name: X\n    lenght: 3\n",
		"brokers:\n  - id: Bad Id\n    name: X\n",
		"brokers: [",
	} {
		if _, err := parseBrokers([]byte(in)); err == nil {
			t.Errorf("parseBrokers(%q) = nil error", in)
		}
	}
}
