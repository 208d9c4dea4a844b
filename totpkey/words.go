package totpkey

import (
	"maps"
	"strings"
	"sync"
)

// maxWordLen is the longest entry in commonWords.
const maxWordLen = 14

// stopWords are the words that carry no meaning of their own, the one
// list of them: the classifier and the masking rule read them as words of
// a sentence (commonWords), and explain's search leaves them out of a
// query (StopWord).
const stopWords = `a an the i im ive me my mine you your we our us it its itll he she
	is are was were be been being am do does did doesnt dont didnt isnt wasnt arent
	cant cannot can could would should will wont shall may might must
	to of in on at for from by with into onto about as than then so if or and but
	not no nor this that these those there here what which who whom whose how why
	when where any some all more most anymore again also just only very too
	have has had having get gets got getting please help hi hello thanks thank
	ok okay one`

// StopWord reports whether w, in lower case, is a word that carries no
// meaning of its own ("the", "please", "dont").
func StopWord(w string) bool { return wordTables().stop[w] }

// wordSets are the word lists as sets, built on first use: every command
// starts faster when its start-up does not build maps it may not need.
type wordSets struct {
	// stop is stopWords as a set.
	stop map[string]bool
	// common are words that turn up in what people paste instead of a
	// key: support messages, error texts and guesses at a password; the
	// stop words and domainWords. A key written in groups of four could
	// contain one of the short ones by chance, so a single word only
	// counts against groups of uneven length (see text).
	common map[string]bool
	// starts has bit c-'a' of entry n set when a common word of n letters
	// starts with the letter c: most groups of a key are turned away by it
	// before the map is asked.
	starts [maxWordLen + 1]uint32
}

// wordTables returns the word sets, building them the first time.
var wordTables = sync.OnceValue(func() *wordSets {
	w := &wordSets{stop: make(map[string]bool)}
	for _, word := range strings.Fields(stopWords) {
		w.stop[word] = true
	}
	w.common = maps.Clone(w.stop)
	for _, word := range strings.Fields(domainWords) {
		w.common[word] = true
	}
	for word := range w.common {
		w.starts[len(word)] |= 1 << (word[0] - 'a')
	}
	return w
})

// domainWords are the common words of the trading and authenticator world,
// then the names in this project's own messages (from "totpkey"), then
// Hinglish as traders write tickets ("TOTP kaam nahi kar raha hai", from
// "hai").
const domainWords = `dear team sir
	error failed fail generate invalid
	totp otp key code secret
	password passcode pin login broker
	account app authenticator google
	microsoft enter entered paste
	pasted copy copied still again
	working work does did shows
	show says unable cannot wrong
	test user admin qwerty letmein
	welcome none null undefined yes
	totpkey autotrader validate explain
	usage command unknown flag
	hai hain nahi nahin kar
	raha rahi kaam mera meri
	mere kya kyu kyon kaise
	kahan kaha par pe mein
	se ka ki ke ko ho
	hua gaya diya liya bhi
	aur abhi phir karo kijiye
	bhai sahi galat dikh milega`

// commonWord reports whether s, in any case, is one of the common words
// (wordSets.common). It does not allocate.
func commonWord(s string) bool {
	if len(s) == 0 || len(s) > maxWordLen {
		return false
	}
	w := wordTables()
	if first := s[0] | 0x20; first < 'a' || first > 'z' || w.starts[len(s)]&(1<<(first-'a')) == 0 {
		return false
	}
	var buf [maxWordLen]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return w.common[string(buf[:len(s)])]
}
