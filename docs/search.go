package docs

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"
)

// MatchedBy says how a query found a topic.
type MatchedBy string

// The ways a query can match a topic, strongest first.
const (
	ByID    MatchedBy = "id"    // the query is the topic's id (or a reason id that is one)
	ByAlias MatchedBy = "alias" // the query is one of the topic's aliases
	ByError MatchedBy = "error" // the query is, or contains, an error message the topic explains
	ByWords MatchedBy = "words" // the query's words match the topic's words
)

// Match is a topic that answers a query.
type Match struct {
	Topic Topic
	By    MatchedBy
	// Score ranks matches of the same kind; higher is better.
	Score float64
}

// Resolution is everything a query resolves to. Exactly one of Matches and
// the pair (DidYouMean, Closest) is set.
type Resolution struct {
	// Matches are the topics that answer the query, best first. A match by
	// id, alias or error text comes alone (or with other error matches);
	// word matches may be several.
	Matches []Match
	// DidYouMean are topics whose id or alias the query looks like a typo
	// of ("invalid-charcter"), closest first. Set only when Matches is empty.
	DidYouMean []Topic
	// Closest are the topics nearest to a query that matched nothing, for
	// the error message; up to three.
	Closest []Topic
}

// Found reports whether the query matched a topic.
func (r Resolution) Found() bool { return len(r.Matches) > 0 }

// Best is the best matching topic; the zero Topic when nothing matched.
func (r Resolution) Best() Topic {
	if len(r.Matches) == 0 {
		return Topic{}
	}
	return r.Matches[0].Topic
}

// The knobs of the keyword search.
const (
	// minWordsScore is the score a sentence needs to count as a match: a
	// single common word ("key", "totp") is not enough; one specific word
	// ("broker", "hex") or two common ones are.
	minWordsScore = 2.5
	// maxQueryTerms is how many distinct words of a query are compared.
	maxQueryTerms = 64
	// maxClosest is how many closest topics a failed query lists.
	maxClosest = 3
	// prefixFactor is what a word is worth when it only shares a prefix
	// with the topic's word ("disabled" and "disable").
	prefixFactor = 0.6
	// minPrefixRunes is the shortest common prefix that counts.
	minPrefixRunes = 4
)

// Field weights: a word in a topic's names says more than one in its body.
const (
	weightName    = 4.0
	weightTitle   = 3.0
	weightError   = 3.0
	weightHeading = 2.0
	weightBody    = 1.0
)

// Resolve answers a query: a topic id, an alias, a reason id, a pasted error
// message (case and punctuation do not matter) or a plain sentence. It
// tries them in that order; a query that matches nothing gets "did you
// mean" suggestions for typos and the closest topics.
func Resolve(query string) Resolution {
	c := load()
	nq := normalize(query)
	if nq == "" {
		return Resolution{Closest: c.closest(nq, nil)}
	}
	if i, ok := c.byName[nq]; ok {
		by := ByAlias
		if normalize(c.topics[i].ID) == nq {
			by = ByID
		}
		return Resolution{Matches: []Match{{Topic: c.topics[i], By: by, Score: math.Inf(1)}}}
	}
	if m := c.errorMatches(nq); len(m) > 0 {
		return Resolution{Matches: m}
	}
	near := c.nearMisses(nq)
	qterms := terms(nq)
	if len(qterms) > maxQueryTerms {
		qterms = qterms[:maxQueryTerms]
	}
	// A name-like query (a few words, such as "invalid charcter") with a
	// word that is in no topic, spelled like a topic name, is a typo of
	// that name: say so instead of guessing by the other words.
	if len(near) > 0 && isNameLike(query) && !c.words().knowsAll(qterms) {
		return Resolution{DidYouMean: near}
	}
	scores, strong := c.words().scores(qterms)
	var matches []Match
	for i, s := range scores {
		if s >= minWordsScore && strong[i] {
			matches = append(matches, Match{Topic: c.topics[i], By: ByWords, Score: s})
		}
	}
	if len(matches) > 0 {
		sort.SliceStable(matches, func(a, b int) bool {
			if matches[a].Score != matches[b].Score {
				return matches[a].Score > matches[b].Score
			}
			return matches[a].Topic.ID < matches[b].Topic.ID
		})
		return Resolution{Matches: matches}
	}
	return Resolution{DidYouMean: near, Closest: c.closest(nq, scores)}
}

// Search returns the topics that answer query, best first; nil when none
// does. It is Resolve without the suggestions.
func Search(query string) []Match {
	return Resolve(query).Matches
}

// maxNameWords is the most words a query can have and still be a topic
// name typed with spaces: "failed to generate totp".
const maxNameWords = 4

// isNameLike reports whether the query, as typed, could be a topic name: an
// id, or up to maxNameWords words.
func isNameLike(query string) bool {
	n := len(strings.Fields(query))
	return n > 0 && n <= maxNameWords
}

// errorMatches finds the topics whose error messages the query is or
// contains. An exact match ranks first, then longer (more specific)
// messages.
func (c *catalogue) errorMatches(nq string) []Match {
	padded := " " + nq + " "
	var out []Match
	for _, t := range c.topics {
		best := 0.0
		for _, e := range t.Errors {
			ne := normalize(e)
			if ne == "" {
				continue
			}
			var s float64
			switch {
			case ne == nq:
				s = 1000 + float64(len(ne))
			case strings.Contains(padded, " "+ne+" "):
				s = float64(len(ne))
			}
			best = max(best, s)
		}
		if best > 0 {
			out = append(out, Match{Topic: t, By: ByError, Score: best})
		}
	}
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Score != out[b].Score {
			return out[a].Score > out[b].Score
		}
		return out[a].Topic.ID < out[b].Topic.ID
	})
	return out
}

// nearMisses are the topics with an id or alias within typo distance of the
// query, closest first.
func (c *catalogue) nearMisses(nq string) []Topic {
	limit := nearMissDistance(utf8.RuneCountInString(nq))
	type near struct{ topic, dist int }
	best := make(map[int]int)
	for name, i := range c.byName {
		d := editDistance(nq, name)
		if d == 0 || d > limit {
			continue
		}
		if old, ok := best[i]; !ok || d < old {
			best[i] = d
		}
	}
	list := make([]near, 0, len(best))
	for i, d := range best {
		list = append(list, near{i, d})
	}
	sort.Slice(list, func(a, b int) bool {
		if list[a].dist != list[b].dist {
			return list[a].dist < list[b].dist
		}
		return c.topics[list[a].topic].ID < c.topics[list[b].topic].ID
	})
	out := make([]Topic, len(list))
	for k, n := range list {
		out[k] = c.topics[n.topic]
	}
	return out
}

// closest ranks every topic for a query that matched nothing: first by the
// (too low) word score, then by how close the query is to a name or the
// title, and returns the first maxClosest.
func (c *catalogue) closest(nq string, scores []float64) []Topic {
	type ranked struct {
		i     int
		score float64
		dist  int
	}
	list := make([]ranked, len(c.topics))
	for i, t := range c.topics {
		r := ranked{i: i, dist: editDistance(nq, normalize(t.Title))}
		if scores != nil {
			r.score = scores[i]
		}
		list[i] = r
	}
	for name, i := range c.byName {
		list[i].dist = min(list[i].dist, editDistance(nq, name))
	}
	sort.Slice(list, func(a, b int) bool {
		if list[a].score != list[b].score {
			return list[a].score > list[b].score
		}
		if list[a].dist != list[b].dist {
			return list[a].dist < list[b].dist
		}
		return c.topics[list[a].i].ID < c.topics[list[b].i].ID
	})
	n := min(maxClosest, len(list))
	out := make([]Topic, n)
	for k := range n {
		out[k] = c.topics[list[k].i]
	}
	return out
}
