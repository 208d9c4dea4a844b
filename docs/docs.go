// Package docs holds the help topics of totpkey: the fixes the tool prints,
// written for traders and support staff, with the help article's UI labels
// exactly as the article has them.
//
// Topics are Markdown files under topics/, embedded in the binary and parsed
// the first time they are needed (never at start-up). Each file starts with a
// small front matter:
//
//	---
//	id: key-vs-code
//	title: TOTP and TOTP Key are not the same
//	aliases: [code, six-digit-code]
//	errors: ["Failed to generate TOTP"]
//	---
//	Markdown body: paragraphs, "## " headings, numbered steps "1. ".
//
// [Lookup] finds a topic by id or alias, [All] lists them, and [Resolve]
// answers a free query: an id, an alias, a reason id, a pasted error message
// or a plain sentence, with "did you mean" suggestions for near misses.
package docs

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed topics/*.md
var topicFiles embed.FS

// Topic is one help topic.
type Topic struct {
	// ID is the stable topic id, also the file name without ".md". Every
	// problem reason id of the product contract is a topic id.
	ID string
	// Title is a one-line summary.
	Title string
	// Verdict is the reason's few words in the verdict line of the text
	// output ("this is a one-time code, not the key"), for the topics of
	// problem reason ids: the one place a reason is worded for it. It
	// has no colon: the verdict puts it after one.
	Verdict string
	// Aliases are other names the topic answers to: change reason ids,
	// short words a user might type.
	Aliases []string
	// Errors are error messages the topic explains, as the user sees them.
	Errors []string
	// Body is the Markdown text of the topic, without the front matter.
	Body string
	// Broker is the broker id of a topic made from the broker catalogue
	// (brokers.yaml); empty for the other topics.
	Broker string
}

// catalogue is the parsed set of topics.
type catalogue struct {
	topics  []Topic        // sorted by id
	byName  map[string]int // normalised id or alias -> index in topics
	invalid []error        // topic files that could not be parsed

	indexOnce sync.Once
	index     *wordIndex // keyword index for sentence queries; see words
}

// words returns the keyword index, built the first time a sentence query
// needs it: looking topics up by name never pays for it.
func (c *catalogue) words() *wordIndex {
	c.indexOnce.Do(func() { c.index = newWordIndex(c.topics) })
	return c.index
}

var (
	loadOnce sync.Once
	loaded   *catalogue
)

// load parses the embedded topics once.
func load() *catalogue {
	loadOnce.Do(func() {
		brokers, err := embeddedBrokers()
		loaded = buildCatalogue(topicFiles, "topics", brokers...)
		if err != nil {
			loaded.invalid = append(loaded.invalid, err)
		}
	})
	return loaded
}

// buildCatalogue parses every *.md file in dir of fsys, and adds a topic
// for each of brokers. Files that cannot be parsed are left out and
// reported in the catalogue's invalid list, so that one broken topic does
// not take the others down.
func buildCatalogue(fsys fs.FS, dir string, brokers ...Broker) *catalogue {
	c := &catalogue{byName: make(map[string]int)}
	names, err := fs.Glob(fsys, path.Join(dir, "*.md"))
	if err != nil {
		c.invalid = append(c.invalid, fmt.Errorf("list topics: %w", err))
	}
	sort.Strings(names)
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			c.invalid = append(c.invalid, fmt.Errorf("read %s: %w", name, err))
			continue
		}
		t, err := parseTopic(data)
		if err != nil {
			c.invalid = append(c.invalid, fmt.Errorf("%s: %w", name, err))
			continue
		}
		if want := strings.TrimSuffix(path.Base(name), ".md"); t.ID != want {
			c.invalid = append(c.invalid, fmt.Errorf("%s: id %q does not match the file name", name, t.ID))
			continue
		}
		c.topics = append(c.topics, t)
	}
	for _, b := range brokers {
		c.topics = append(c.topics, brokerTopic(b))
	}
	sort.Slice(c.topics, func(i, j int) bool { return c.topics[i].ID < c.topics[j].ID })
	// Ids first, then aliases, so an alias can never hide an id.
	for i, t := range c.topics {
		c.byName[normalize(t.ID)] = i
	}
	for i, t := range c.topics {
		for _, a := range t.Aliases {
			key := normalize(a)
			if j, taken := c.byName[key]; taken {
				if j != i && t.Broker != "" && c.topics[j].Broker == "" {
					continue // a broker's name that is a topic of its own ("dhan"): the topic keeps it
				}
				if j != i {
					c.invalid = append(c.invalid, fmt.Errorf("topic %s: alias %q is already a name of topic %s", t.ID, a, c.topics[j].ID))
				}
				continue
			}
			c.byName[key] = i
		}
	}
	return c
}

// ErrInvalidTopics is wrapped by the error Check returns.
var ErrInvalidTopics = errors.New("invalid help topics")

// Check reports the topic files that could not be parsed or that clash with
// another topic (an alias that is already another topic's name). The command
// works without them; tests call Check so that none ships.
func Check() error {
	c := load()
	if len(c.invalid) == 0 {
		return nil
	}
	return fmt.Errorf("%w: %w", ErrInvalidTopics, errors.Join(c.invalid...))
}

// All returns every topic, sorted by id. The slice is a copy; the caller may
// change it.
func All() []Topic {
	c := load()
	out := make([]Topic, len(c.topics))
	copy(out, c.topics)
	return out
}

// Lookup finds a topic by its id or one of its aliases. The match ignores
// case and punctuation, so "Invalid Character" finds "invalid-character".
//
// An exact id, the common case of a command printing the topic of a
// result, reads just that topic's file; anything else parses the catalogue.
func Lookup(idOrAlias string) (Topic, bool) {
	if t, ok := lookupFile(topicFiles, "topics", idOrAlias); ok {
		return t, true
	}
	c := load()
	i, ok := c.byName[normalize(idOrAlias)]
	if !ok {
		return Topic{}, false
	}
	return c.topics[i], true
}

// lookupFile is Lookup's fast path: when id is a well-formed topic id with a
// file of its own that parses and names itself, that file is the answer
// (ids take precedence over aliases, so the catalogue would agree).
func lookupFile(fsys fs.FS, dir, id string) (Topic, bool) {
	if !validTopicID(id) {
		return Topic{}, false
	}
	data, err := fs.ReadFile(fsys, path.Join(dir, id+".md"))
	if err != nil {
		return Topic{}, false
	}
	t, err := parseTopic(data)
	if err != nil || t.ID != id {
		return Topic{}, false
	}
	return t, true
}
