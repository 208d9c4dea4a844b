package docs

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Tuning of the index.
const (
	repeatBonus      = 0.05 // added to a word's weight per further use in the topic
	maxRepeats       = 10   // uses beyond this add nothing
	commonWordRarity = 0.05 // rarity of a word that half the topics are about
)

// wordIndex is a small keyword index over the topics: for each topic the
// words it contains with the weight of the strongest field they appear in,
// and for each word how rare it is across topics.
type wordIndex struct {
	weights []map[string]float64 // per topic: word -> field weight
	idf     map[string]float64   // word -> inverse document frequency
}

func newWordIndex(topics []Topic) *wordIndex {
	ix := &wordIndex{
		weights: make([]map[string]float64, len(topics)),
		idf:     make(map[string]float64),
	}
	strong := make(map[string]float64) // word -> topics with it in a strong field
	n := 0.0
	for i, t := range topics {
		w := make(map[string]float64)
		if t.Broker != "" {
			// A broker's topic is found by the broker's names (Lookup,
			// did you mean), never by words: its steps, sources and
			// numbers would draw sentences about other things.
			ix.weights[i] = w
			continue
		}
		n++
		count := make(map[string]int)
		add := func(text string, weight float64) {
			for _, term := range terms(normalize(text)) {
				w[term] = max(w[term], weight)
				count[term]++
			}
		}
		add(t.ID, weightName)
		for _, a := range t.Aliases {
			add(a, weightName)
		}
		add(t.Title, weightTitle)
		for _, e := range t.Errors {
			add(e, weightError)
		}
		for _, b := range t.Blocks() {
			if b.Kind == Heading {
				add(b.Text, weightHeading)
			} else {
				add(b.Text, weightBody)
			}
		}
		// A word the topic uses again and again is a little more its own.
		for term, c := range count {
			w[term] += repeatBonus * float64(min(c-1, maxRepeats))
		}
		ix.weights[i] = w
		for term, weight := range w {
			if weight >= weightHeading {
				strong[term]++
			} else if _, ok := strong[term]; !ok {
				strong[term] = 0
			}
		}
	}
	// Rarity counts only the topics where a word stands in a name, title,
	// error or heading: "broker" is in nearly every body, but only a few
	// topics are about the broker. A word that is in no such place, only in
	// bodies, is as rare as can be.
	// A word that half the topics are about ("key", "totp") only breaks
	// ties: on its own it says nothing about which topic is meant.
	for term, df := range strong {
		if df >= n/2 {
			ix.idf[term] = commonWordRarity
		} else {
			ix.idf[term] = math.Log(1 + n/(1+df))
		}
	}
	return ix
}

// knowsAll reports whether every query word occurs in some topic.
func (ix *wordIndex) knowsAll(qterms []string) bool {
	for _, q := range qterms {
		if _, ok := ix.idf[q]; !ok {
			return false
		}
	}
	return true
}

// scores gives every topic its score for the query words: for each word,
// the best of the topic's words it meets (the same word, or one sharing a
// long prefix), weighted by field and rarity.
//
// strong reports, for each topic, whether the match is more than a single
// weak word: two query words or more meet the topic, or the one that does
// is the same word in a name, the title, an error message or a heading. A
// single word met only in the body or by its prefix ("such", "topic") is
// chance, not an answer.
func (ix *wordIndex) scores(qterms []string) (out []float64, strong []bool) {
	out = make([]float64, len(ix.weights))
	strong = make([]bool, len(ix.weights))
	for i, w := range ix.weights {
		total, met, named := 0.0, 0, false
		for _, q := range qterms {
			if weight, ok := w[q]; ok {
				total += weight * ix.idf[q]
				met++
				named = named || weight >= weightHeading
				continue
			}
			best := 0.0
			for term, weight := range w {
				if sharesPrefix(q, term) {
					best = max(best, prefixFactor*weight*ix.idf[term])
				}
			}
			if best > 0 {
				met++
			}
			total += best
		}
		out[i] = total
		strong[i] = met >= 2 || met == 1 && named
	}
	return out, strong
}

// sharesPrefix reports whether one word starts with the other and the
// shorter has at least minPrefixRunes runes: "disabled" and "disable",
// "shown" and "show".
func sharesPrefix(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return utf8.RuneCountInString(a) >= minPrefixRunes && strings.HasPrefix(b, a)
}
