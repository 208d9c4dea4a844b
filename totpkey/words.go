package totpkey

import (
	"maps"
	"strings"
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
func StopWord(w string) bool { return stopWordSet[w] }

// stopWordSet is stopWords as a set.
var stopWordSet = func() map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(stopWords) {
		set[w] = true
	}
	return set
}()

// commonWords are words that turn up in what people paste instead of a key:
// support messages, error texts and guesses at a password; the stop words
// and these. A key written in groups of four could contain one of the
// short ones by chance, so a single word only counts against groups of
// uneven length (see text).
var commonWords = func() map[string]bool {
	set := maps.Clone(stopWordSet)
	for w := range domainWords {
		set[w] = true
	}
	return set
}()

// domainWords are the common words of the trading and authenticator world,
// of this project's messages and of Hinglish tickets.
var domainWords = map[string]bool{
	"dear": true, "team": true, "sir": true,
	"error": true, "failed": true, "fail": true, "generate": true, "invalid": true,
	"totp": true, "otp": true, "key": true, "code": true, "secret": true,
	"password": true, "passcode": true, "pin": true, "login": true, "broker": true,
	"account": true, "app": true, "authenticator": true, "google": true,
	"microsoft": true, "enter": true, "entered": true, "paste": true,
	"pasted": true, "copy": true, "copied": true, "still": true, "again": true,
	"working": true, "work": true, "does": true, "did": true, "shows": true,
	"show": true, "says": true, "unable": true, "cannot": true, "wrong": true,
	"test": true, "user": true, "admin": true, "qwerty": true, "letmein": true,
	"welcome": true, "none": true, "null": true, "undefined": true, "yes": true,
	// The names in this project's own messages.
	"totpkey": true, "autotrader": true, "validate": true, "explain": true,
	"usage": true, "command": true, "unknown": true, "flag": true,
	// Hinglish, as traders write tickets: "TOTP kaam nahi kar raha hai".
	"hai": true, "hain": true, "nahi": true, "nahin": true, "kar": true,
	"raha": true, "rahi": true, "kaam": true, "mera": true, "meri": true,
	"mere": true, "kya": true, "kyu": true, "kyon": true, "kaise": true,
	"kahan": true, "kaha": true, "par": true, "pe": true, "mein": true,
	"se": true, "ka": true, "ki": true, "ke": true, "ko": true, "ho": true,
	"hua": true, "gaya": true, "diya": true, "liya": true, "bhi": true,
	"aur": true, "abhi": true, "phir": true, "karo": true, "kijiye": true,
	"bhai": true, "sahi": true, "galat": true, "dikh": true, "milega": true,
}

// wordStarts has bit c-'a' of entry n set when a common word of n letters
// starts with the letter c: most groups of a key are turned away by it
// before the map is asked.
var wordStarts = func() (t [maxWordLen + 1]uint32) {
	for w := range commonWords {
		t[len(w)] |= 1 << (w[0] - 'a')
	}
	return t
}()

// commonWord reports whether s, in any case, is one of commonWords. It does
// not allocate.
func commonWord(s string) bool {
	if len(s) == 0 || len(s) > maxWordLen {
		return false
	}
	if first := s[0] | 0x20; first < 'a' || first > 'z' || wordStarts[len(s)]&(1<<(first-'a')) == 0 {
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
	return commonWords[string(buf[:len(s)])]
}
