package docs

import (
	"reflect"
	"testing"
	"testing/fstest"
)

// TestLookupFastPathAgreesWithCatalogue checks that reading one file by id
// gives exactly the topic the full catalogue holds under that id.
func TestLookupFastPathAgreesWithCatalogue(t *testing.T) {
	c := load()
	for _, want := range c.topics {
		if want.Broker != "" {
			continue // made from brokers.yaml, not a file of its own
		}
		got, ok := lookupFile(topicFiles, "topics", want.ID)
		if !ok {
			t.Errorf("lookupFile(%q) found nothing", want.ID)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("lookupFile(%q) = %+v, catalogue has %+v", want.ID, got, want)
		}
	}
}

func TestLookupFile(t *testing.T) {
	fsys := fstest.MapFS{
		"topics/good.md":    {Data: []byte("---\nid: good\ntitle: Good\n---\nBody.\n")},
		"topics/renamed.md": {Data: []byte("---\nid: other\ntitle: Other\n---\nBody.\n")},
		"topics/broken.md":  {Data: []byte("no front matter\n")},
	}
	tests := []struct {
		id     string
		wantOK bool
	}{
		{"good", true},
		{"renamed", false}, // the file names another id: leave it to the catalogue
		{"broken", false},  // does not parse
		{"missing", false}, // no such file
		{"Good", false},    // not a well-formed id: normalised by the catalogue
		{"../good", false}, // never a path
		{"", false},
	}
	for _, tt := range tests {
		got, ok := lookupFile(fsys, "topics", tt.id)
		if ok != tt.wantOK {
			t.Errorf("lookupFile(%q) ok = %v, want %v", tt.id, ok, tt.wantOK)
		}
		if ok && got.ID != tt.id {
			t.Errorf("lookupFile(%q) = topic %q", tt.id, got.ID)
		}
	}
}

// TestLookupByNameDoesNotBuildTheWordIndex guards the start-up cost: a
// command printing one topic must not pay for the search index.
func TestLookupByNameDoesNotBuildTheWordIndex(t *testing.T) {
	c := buildCatalogue(topicFiles, "topics")
	if c.index != nil {
		t.Fatal("buildCatalogue built the word index eagerly")
	}
	if c.words() == nil || c.index == nil {
		t.Fatal("words() did not build the index")
	}
}

func BenchmarkLookupByID(b *testing.B) {
	for b.Loop() {
		if _, ok := Lookup("invalid-character"); !ok {
			b.Fatal("not found")
		}
	}
}
