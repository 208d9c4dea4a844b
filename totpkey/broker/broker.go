// Package broker knows the brokers whose trading accounts AutoTrader Web
// connects, as far as a TOTP Key check needs them: each broker's id, the
// names traders call it by, and the length of the key it shows where that
// length is established.
//
// The facts and their public sources live in the broker catalogue of the
// docs package (docs/brokers.yaml); a test there checks that this table
// says the same.
package broker

import (
	"strings"
	"sync"
)

// Broker is one broker. The zero Broker is "no broker known".
type Broker struct {
	// ID is the stable broker id: "zerodha", "angelone".
	ID string
	// Name is the display name: "Zerodha", "Angel One".
	Name string
	// Aliases are other names traders use: products, APIs, old names.
	Aliases []string
	// KeyLength is the number of base32 characters of the TOTP Key the
	// broker shows; 0 when it is not established.
	KeyLength int
	// ClientIDDigits is the number of digits of a client id made of
	// digits alone (Dhan's have 10); 0 when the broker's ids have letters.
	ClientIDDigits int
	// NoteTopic is the help topic to read whenever this broker's TOTP is
	// rejected ("dhan"); empty when there is none.
	NoteTopic string
}

// Known reports whether b is a broker rather than the zero Broker.
func (b Broker) Known() bool { return b.ID != "" }

// brokers is the catalogue, in the order of docs/brokers.yaml.
var brokers = [...]Broker{
	{ID: "zerodha", Name: "Zerodha", Aliases: []string{"Kite", "Kite Connect", "Zerodha Kite"}, KeyLength: 32},
	{ID: "upstox", Name: "Upstox", Aliases: []string{"Upstox Pro", "RKSV"}},
	{ID: "angelone", Name: "Angel One", Aliases: []string{"Angel", "AngelOne", "Angel Broking", "SmartAPI", "Smart API"}, KeyLength: 26},
	{ID: "dhan", Name: "Dhan", Aliases: []string{"DhanHQ", "Dhan HQ"}, ClientIDDigits: 10, NoteTopic: "dhan"},
	{ID: "fyers", Name: "Fyers", KeyLength: 32},
	{ID: "shoonya", Name: "Shoonya", Aliases: []string{"Finvasia", "Shoonya by Finvasia", "Noren"}, KeyLength: 32},
	{ID: "aliceblue", Name: "Alice Blue", Aliases: []string{"AliceBlue", "ANT"}},
	{ID: "kotakneo", Name: "Kotak Neo", Aliases: []string{"Kotak", "Kotak Securities", "Neo"}},
	{ID: "5paisa", Name: "5paisa", Aliases: []string{"Five Paisa", "fivepaisa"}},
	{ID: "icicidirect", Name: "ICICI Direct", Aliases: []string{"ICICI", "ICICIdirect", "Breeze"}},
	{ID: "flattrade", Name: "Flattrade", Aliases: []string{"FlatTrade", "Flat Trade"}},
	{ID: "motilal", Name: "Motilal Oswal", Aliases: []string{"Motilal", "MOFSL", "MO API"}, KeyLength: 32},
	{ID: "groww", Name: "Groww", KeyLength: 32},
}

// All returns every broker, in the catalogue's order. The slice is a
// copy.
func All() []Broker {
	out := make([]Broker, len(brokers))
	copy(out, brokers[:])
	return out
}

// Lookup finds a broker by its id, display name or an alias, ignoring
// case, spaces, dashes and dots: "Angel One", "angelone" and "ANGEL" all
// find angelone.
func Lookup(name string) (Broker, bool) {
	key := fold(name)
	if key == "" {
		return Broker{}, false
	}
	for _, b := range brokers {
		for _, n := range b.names() {
			if fold(n) == key {
				return b, true
			}
		}
	}
	return Broker{}, false
}

// names is every name b answers to, the id first.
func (b Broker) names() []string {
	return append([]string{b.ID, b.Name}, b.Aliases...)
}

// Names returns the id, the display name and the aliases of b.
func (b Broker) Names() []string { return b.names() }

// fold is name in lower case without spaces, dashes, dots and
// underscores, so that names compare as people type them.
func fold(name string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(name) {
		switch r {
		case ' ', '-', '.', '_', '\t':
			continue
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// Find returns the one broker that text names: a support ticket ("my
// Zerodha key ..."), an otpauth link's issuer ("FYERS"). Names are matched
// as whole words, one to three of them ("Angel One", "Shoonya by
// Finvasia"); names shorter than four letters ("ANT", "Neo") are left to
// Lookup, being words of their own. It reports false when text names no
// broker or more than one: a ticket about moving from one broker to
// another does not say which one the key is from.
func Find(text string) (Broker, bool) {
	var t Tally
	for i := 0; i < len(text); {
		if !wordBytes[text[i]] {
			i++
			continue
		}
		start := i
		for i < len(text) && wordBytes[text[i]] {
			i++
		}
		tallyWord(&t, text[start:i])
	}
	return t.Broker()
}

// Tally counts the brokers a text names, fed one word at a time (a
// scanner that has split the text already need not split it again). The
// zero Tally has seen nothing.
type Tally struct {
	words [3][maxFoldLen]byte // the last words, folded, the newest last
	lens  [3]int8             // their lengths; 0 for none
	found int8                // the index of the broker named, plus one; 0 for none
	mixed bool                // more than one broker was named
	ix    *nameIndex          // the index, fetched at the first word
}

// Word adds the next word of the text: a run of letters and digits.
func (t *Tally) Word(w []byte) { tallyWord(t, w) }

// Break tells the tally that something other than a word came (a link, a
// number in brackets): no name runs across it.
func (t *Tally) Break() { t.lens = [3]int8{} }

// Merge adds what another part of the same text named.
func (t *Tally) Merge(o *Tally) {
	t.mixed = t.mixed || o.mixed || t.found != 0 && o.found != 0 && t.found != o.found
	if t.found == 0 {
		t.found = o.found
	}
}

// Broker returns the one broker the text named; false when it named none
// or more than one.
func (t *Tally) Broker() (Broker, bool) {
	if t.mixed || t.found == 0 {
		return Broker{}, false
	}
	return brokers[t.found-1], true
}

func tallyWord[T ~string | ~[]byte](t *Tally, w T) {
	if t.ix == nil {
		t.ix = findIndex()
	}
	ix := t.ix
	n := len(w)
	if n == 0 || n > maxFoldLen {
		t.lens = [3]int8{}
		return
	}
	if first, last := wordClass(w[0]), wordClass(w[n-1]); first < 0 || last < 0 || !ix.words[n][first][last] {
		// Most words of a text: no name has a word of this length,
		// first and last letter, so no name runs through it.
		t.lens = [3]int8{}
		return
	}
	t.words[0], t.words[1] = t.words[1], t.words[2]
	t.lens[0], t.lens[1], t.lens[2] = t.lens[1], t.lens[2], int8(len(w))
	for j := 0; j < len(w); j++ {
		t.words[2][j] = foldByte(w[j])
	}
	// The names ending at this word: of one, two or three words.
	var buf [3 * maxFoldLen]byte
	for k := 2; k >= 0 && t.lens[k] > 0; k-- {
		n := 0
		for m := k; m < 3; m++ {
			n += copy(buf[n:], t.words[m][:t.lens[m]])
		}
		j, ok := ix.names[string(buf[:n])]
		if !ok {
			continue
		}
		if t.found != 0 && int(t.found) != j+1 {
			t.mixed = true
		}
		t.found = int8(j + 1)
	}
}

// maxFoldLen is the longest word Find compares; longer ones name no broker.
const maxFoldLen = 24

// minFindLen is the fewest letters a name needs for Find to match it in
// free text.
const minFindLen = 4

// wordBytes marks the ASCII letters and digits, of which words are made.
var wordBytes = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		b := byte(c)
		t[c] = b|0x20 >= 'a' && b|0x20 <= 'z' || b >= '0' && b <= '9'
	}
	return t
}()

// foldByte is c in lower case.
func foldByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c | 0x20
	}
	return c
}

// nameIndex is what Find looks names up in.
type nameIndex struct {
	// names maps each folded name of at least minFindLen letters to its
	// broker's index.
	names map[string]int
	// words marks the length, first and last character (folded) of every
	// word of every name: a word that is not marked is in no name.
	words [maxFoldLen + 1][36][36]bool
}

// wordClass numbers a letter (either case) or digit 0 to 35; -1 for any
// other byte.
func wordClass(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c-'0') + 26
	case c|0x20 >= 'a' && c|0x20 <= 'z':
		return int(c|0x20) - 'a'
	}
	return -1
}

// findIndex is the index of Find, built the first time it is needed.
var findIndex = sync.OnceValue(func() *nameIndex {
	ix := &nameIndex{names: make(map[string]int)}
	for i, b := range brokers {
		for _, n := range b.names() {
			if key := fold(n); len(key) >= minFindLen {
				ix.names[key] = i
				for _, w := range strings.FieldsFunc(n, func(r rune) bool { return r >= 0x80 || !wordBytes[r] }) {
					if len(w) <= maxFoldLen {
						ix.words[len(w)][wordClass(w[0])][wordClass(w[len(w)-1])] = true
					}
				}
			}
		}
	}
	return ix
})
