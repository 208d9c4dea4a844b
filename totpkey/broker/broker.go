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
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
	found := -1
	for i := range words {
		for n := 1; n <= 3 && i+n <= len(words); n++ {
			key := fold(strings.Join(words[i:i+n], ""))
			j, ok := findIndex()[key]
			if !ok {
				continue
			}
			if found >= 0 && found != j {
				return Broker{}, false
			}
			found = j
		}
	}
	if found < 0 {
		return Broker{}, false
	}
	return brokers[found], true
}

// minFindLen is the fewest letters a name needs for Find to match it in
// free text.
const minFindLen = 4

// findIndex maps each folded name of at least minFindLen letters to its
// broker's index, built the first time Find needs it.
var findIndex = sync.OnceValue(func() map[string]int {
	m := make(map[string]int)
	for i, b := range brokers {
		for _, n := range b.names() {
			if key := fold(n); len(key) >= minFindLen {
				m[key] = i
			}
		}
	}
	return m
})
