package scan

import (
	"sync"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
)

// scanWordFlags says what a word of a scanned line tells about what is near it.
type scanWordFlags uint8

const (
	// scanWordCode speaks for a one-time code nearby: "code", "OTP", "entered".
	scanWordCode scanWordFlags = 1 << iota
	// scanWordKey speaks for a key nearby: "key", "secret", "seed".
	scanWordKey
	// scanWordNotCode speaks for another kind of number: "order", "phone", "id".
	scanWordNotCode
	// scanWordCommon is an ordinary word: never a group of a key.
	scanWordCommon
	// scanWordErrorStart may start a known error message.
	scanWordErrorStart
	// scanWordKnown is set once the word was looked up.
	scanWordKnown
)

// How many tokens before and after a number the scanner looks for words
// that tell what the number is.
const (
	scanContextBefore = 4
	scanContextAfter  = 3
)

// scanMaxWord is the longest word in scanWords.
const scanMaxWord = 13

// scanWords are the words that tell the scanner what is near them.
var scanWords = [...]scanWordEntry{
	{"code", scanWordCode | scanWordCommon}, {"codes", scanWordCode | scanWordCommon}, {"otp", scanWordCode | scanWordCommon},
	{"otps", scanWordCode | scanWordCommon}, {"totp", scanWordCode | scanWordKey | scanWordCommon}, {"2fa", scanWordCode | scanWordCommon},
	{"mfa", scanWordCode | scanWordCommon}, {"entered", scanWordCode | scanWordCommon}, {"enter", scanWordCode | scanWordCommon},
	{"entering", scanWordCode | scanWordCommon}, {"pasted", scanWordCode | scanWordCommon}, {"paste", scanWordCode | scanWordCommon},
	{"typed", scanWordCode | scanWordCommon}, {"authenticator", scanWordCode | scanWordCommon}, {"token", scanWordCode | scanWordCommon},
	{"passcode", scanWordCode | scanWordCommon}, {"verification", scanWordCode | scanWordCommon},
	{"key", scanWordCode | scanWordKey | scanWordCommon}, {"keys", scanWordKey | scanWordCommon}, {"secret", scanWordKey | scanWordCommon},
	{"seed", scanWordKey | scanWordCommon}, {"base32", scanWordKey}, {"setup", scanWordKey | scanWordCommon},

	{"order", scanWordNotCode | scanWordCommon}, {"ticket", scanWordNotCode | scanWordCommon}, {"invoice", scanWordNotCode | scanWordCommon},
	{"phone", scanWordNotCode | scanWordCommon}, {"mobile", scanWordNotCode | scanWordCommon}, {"mob", scanWordNotCode | scanWordCommon},
	{"tel", scanWordNotCode | scanWordCommon}, {"call", scanWordNotCode | scanWordCommon}, {"whatsapp", scanWordNotCode | scanWordCommon},
	{"contact", scanWordNotCode | scanWordCommon}, {"account", scanWordNotCode | scanWordCommon}, {"acct", scanWordNotCode | scanWordCommon},
	{"client", scanWordNotCode | scanWordCommon}, {"id", scanWordNotCode | scanWordCommon}, {"ref", scanWordNotCode | scanWordCommon},
	{"reference", scanWordNotCode | scanWordCommon}, {"pin", scanWordNotCode | scanWordCommon}, {"pincode", scanWordNotCode | scanWordCommon},
	{"zip", scanWordNotCode | scanWordCommon}, {"amount", scanWordNotCode | scanWordCommon}, {"rs", scanWordNotCode | scanWordCommon},
	{"inr", scanWordNotCode | scanWordCommon}, {"usd", scanWordNotCode | scanWordCommon}, {"txn", scanWordNotCode | scanWordCommon},
	{"transaction", scanWordNotCode | scanWordCommon}, {"date", scanWordNotCode | scanWordCommon}, {"dob", scanWordNotCode | scanWordCommon},
	{"tracking", scanWordNotCode | scanWordCommon}, {"policy", scanWordNotCode | scanWordCommon}, {"serial", scanWordNotCode | scanWordCommon},
	{"aadhaar", scanWordNotCode | scanWordCommon}, {"pan", scanWordNotCode | scanWordCommon}, {"upi", scanWordNotCode | scanWordCommon},

	{"failed", scanWordErrorStart | scanWordCommon}, {"invalid", scanWordErrorStart | scanWordCommon},

	{"a", scanWordCommon}, {"an", scanWordCommon}, {"and", scanWordCommon}, {"are", scanWordCommon}, {"as", scanWordCommon}, {"at", scanWordCommon},
	{"be", scanWordCommon}, {"but", scanWordCommon}, {"by", scanWordCommon}, {"can", scanWordCommon}, {"do", scanWordCommon}, {"for", scanWordCommon},
	{"from", scanWordCommon}, {"have", scanWordCommon}, {"has", scanWordCommon}, {"he", scanWordCommon}, {"i", scanWordCommon}, {"if", scanWordCommon},
	{"in", scanWordCommon}, {"is", scanWordCommon}, {"it", scanWordCommon}, {"me", scanWordCommon}, {"my", scanWordCommon}, {"no", scanWordCommon},
	{"not", scanWordCommon}, {"of", scanWordCommon}, {"on", scanWordCommon}, {"or", scanWordCommon}, {"our", scanWordCommon}, {"she", scanWordCommon},
	{"so", scanWordCommon}, {"that", scanWordCommon}, {"the", scanWordCommon}, {"this", scanWordCommon}, {"to", scanWordCommon}, {"was", scanWordCommon},
	{"we", scanWordCommon}, {"what", scanWordCommon}, {"when", scanWordCommon}, {"why", scanWordCommon}, {"with", scanWordCommon},
	{"you", scanWordCommon}, {"your", scanWordCommon}, {"how", scanWordCommon}, {"please", scanWordCommon}, {"help", scanWordCommon},
	{"hi", scanWordCommon}, {"hello", scanWordCommon}, {"thanks", scanWordCommon}, {"thank", scanWordCommon}, {"dear", scanWordCommon},
	{"team", scanWordCommon}, {"sir", scanWordCommon}, {"error", scanWordCommon}, {"fail", scanWordCommon}, {"generate", scanWordCommon},
	{"password", scanWordCommon}, {"login", scanWordCommon}, {"broker", scanWordCommon}, {"app", scanWordCommon}, {"google", scanWordCommon},
	{"copy", scanWordCommon}, {"copied", scanWordCommon}, {"still", scanWordCommon}, {"again", scanWordCommon}, {"working", scanWordCommon},
	{"work", scanWordCommon}, {"does", scanWordCommon}, {"did", scanWordCommon}, {"shows", scanWordCommon}, {"show", scanWordCommon},
	{"says", scanWordCommon}, {"said", scanWordCommon}, {"unable", scanWordCommon}, {"cannot", scanWordCommon}, {"wrong", scanWordCommon},
	{"test", scanWordCommon}, {"user", scanWordCommon}, {"yes", scanWordCommon}, {"box", scanWordCommon}, {"field", scanWordCommon},
	{"here", scanWordCommon}, {"there", scanWordCommon}, {"then", scanWordCommon}, {"than", scanWordCommon}, {"they", scanWordCommon},
	{"them", scanWordCommon}, {"will", scanWordCommon}, {"would", scanWordCommon}, {"could", scanWordCommon}, {"should", scanWordCommon},
	{"just", scanWordCommon}, {"also", scanWordCommon}, {"only", scanWordCommon}, {"into", scanWordCommon}, {"get", scanWordCommon},
	{"got", scanWordCommon}, {"gets", scanWordCommon}, {"new", scanWordCommon}, {"now", scanWordCommon}, {"one", scanWordCommon},
	{"all", scanWordCommon}, {"any", scanWordCommon}, {"use", scanWordCommon}, {"used", scanWordCommon}, {"using", scanWordCommon},
	{"see", scanWordCommon}, {"its", scanWordCommon}, {"been", scanWordCommon}, {"were", scanWordCommon}, {"which", scanWordCommon},
	{"trading", scanWordCommon}, {"save", scanWordCommon}, {"edit", scanWordCommon}, {"kindly", scanWordCommon},
	{"regards", scanWordCommon}, {"issue", scanWordCommon}, {"problem", scanWordCommon}, {"same", scanWordCommon}, {"time", scanWordCommon},
}

// flags returns the flags of a token of the line being scanned, looking the
// word up on first use: most words never need it.
func (s *Scanner) flags(t *scanToken) scanWordFlags {
	if t.flags == 0 {
		t.flags = scanWordKnown
		if t.kind == scanTokWord {
			t.flags |= scanLookupWord(s.line[t.start:t.end], t)
		}
	}
	return t.flags
}

// scanLookupWord returns the flags of a short plain word, without allocating.
func scanLookupWord(b []byte, t *scanToken) scanWordFlags {
	if len(b) > scanMaxWord || t.invisible || t.foreign > 0 {
		return 0
	}
	var buf [scanMaxWord]byte
	h := uint32(0)
	for i, c := range b {
		c |= 0x20 // lower case for letters; digits are unchanged
		buf[i] = c
		h = h*31 + uint32(c)
	}
	w := buf[:len(b)]
	table := scanWordTable()
	const mask = uint32(len(table) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		e := &table[i]
		if e.flags == 0 {
			return 0
		}
		if e.word == string(w) {
			return e.flags
		}
	}
}

// scanWordTable is scanWords as an open-addressing hash table keyed by
// scanLookupWord's hash: a lookup costs a few comparisons and no map
// overhead, which matters at tens of megabytes a second. It is built on
// first use, not when every command starts.
var scanWordTable = sync.OnceValue(func() *[1024]scanWordEntry {
	t := new([1024]scanWordEntry)
	for _, e := range scanWords {
		w, f := e.word, e.flags
		h := uint32(0)
		for i := 0; i < len(w); i++ {
			h = h*31 + uint32(w[i]|0x20)
		}
		i := h & (uint32(len(t)) - 1)
		for t[i].flags != 0 {
			i = (i + 1) & (uint32(len(t)) - 1)
		}
		t[i].word, t[i].flags = w, f|scanWordKnown
	}
	return t
})

// scanWordEntry is a slot of scanWordTable: a word and its flags; no flags
// for an empty slot.
type scanWordEntry struct {
	word  string
	flags scanWordFlags
}

// context is what the words around a candidate say.
type scanContext struct {
	code, notCode, key int // distance in tokens to the nearest such word; 0 for none
}

// codeLike reports whether the words around a number say it is a one-time
// code: a code word is nearer than any word that says otherwise.
func (c scanContext) codeLike() bool {
	return c.code > 0 && (c.notCode == 0 || c.code < c.notCode)
}

// scanContextAround looks at up to scanContextBefore tokens before toks[i] and at
// the end of the previous line, and with after also at up to scanContextAfter
// tokens after toks[j-1].
func (s *Scanner) scanContextAround(toks []scanToken, i, j int, after bool) scanContext {
	var c scanContext
	near := func(d *int, dist int) {
		if *d == 0 || dist < *d {
			*d = dist
		}
	}
	look := func(t *scanToken, dist int) {
		f := s.flags(t)
		if f&scanWordCode != 0 {
			near(&c.code, dist)
		}
		if f&scanWordNotCode != 0 {
			near(&c.notCode, dist)
		}
		if f&scanWordKey != 0 {
			near(&c.key, dist)
		}
	}
	for d := 1; d <= scanContextBefore; d++ {
		if i-d < 0 {
			// The end of the previous line continues the count.
			if s.prevCode > 0 && i+s.prevCode <= scanContextBefore {
				near(&c.code, i+s.prevCode)
			}
			if s.prevNeg > 0 && i+s.prevNeg <= scanContextBefore {
				near(&c.notCode, i+s.prevNeg)
			}
			if s.prevKey > 0 && i+s.prevKey <= scanContextBefore {
				near(&c.key, i+s.prevKey)
			}
			break
		}
		look(&toks[i-d], d)
	}
	for d := 1; after && d <= scanContextAfter && j-1+d < len(toks); d++ {
		look(&toks[j-1+d], d)
	}
	return c
}

// codeAt returns how many tokens a one-time code starting at toks[i] spans
// ("482913" is one, "482 913" two), or 0 when there is none: 6 to 8 digits
// standing alone (not part of a date, an amount, a phone number or a longer
// number) with a code word near them.
func (s *Scanner) codeAt(line []byte, toks []scanToken, i int) int {
	t := &toks[i]
	if !t.onlyDigits() || t.padEnd != t.end {
		return 0
	}
	n := 0
	switch {
	case t.chars >= 6 && t.chars <= 8:
		n = 1
	case t.chars == 3 && i+1 < len(toks) && toks[i+1].onlyDigits() && toks[i+1].chars == 3 &&
		scanSingleSeparator(line, t.end, toks[i+1].start, true):
		n = 2
	default:
		return 0
	}
	last := &toks[i+n-1]
	// Another group of digits right before or after: a phone number or an
	// account number written in groups.
	if i > 0 && toks[i-1].onlyDigits() && scanSingleSeparator(line, toks[i-1].end, t.start, true) ||
		i+n < len(toks) && toks[i+n].onlyDigits() && scanSingleSeparator(line, last.end, toks[i+n].start, true) {
		return 0
	}
	if !scanStandsAlone(line, int(t.start), int(last.end)) {
		return 0
	}
	if !s.scanContextAround(toks, i, i+n, true).codeLike() {
		return 0
	}
	return n
}

// scanStandsAlone reports whether the digits line[start:end] are a number of
// their own: not part of a decimal, a date, a time, an amount, a percentage,
// an order number ("#48291377") or a phone number ("+91...").
func scanStandsAlone(line []byte, start, end int) bool {
	if start > 0 {
		c := line[start-1]
		switch c {
		case '+', '#', '$', '/', '\\', '@', '&', '*':
			return false
		case '.', ',', ':', '-':
			if start > 1 && line[start-2] >= '0' && line[start-2] <= '9' {
				return false
			}
		}
		if c >= utf8.RuneSelf {
			switch r, _ := utf8.DecodeLastRune(line[:start]); r {
			case '₹', '€', '£', '¥', '№':
				return false
			}
		}
	}
	if end < len(line) {
		switch line[end] {
		case '%', '/', '\\':
			return false
		case '.', ',', ':', '-':
			if end+1 < len(line) && line[end+1] >= '0' && line[end+1] <= '9' {
				return false
			}
		}
	}
	return true
}

// scanSingleSeparator reports whether line[from:to] is exactly one space, one
// no-break space or, when dash is set, one dash: what stands between the
// groups of a key or a code as apps and brokers show them.
func scanSingleSeparator(line []byte, from, to int32, dash bool) bool {
	switch to - from {
	case 1:
		c := line[from]
		return c == ' ' || dash && c == '-'
	case 2:
		return line[from] == 0xC2 && line[from+1] == 0xA0 // U+00A0
	case 3:
		r, _ := utf8.DecodeRune(line[from:to])
		return r == '\u202F' || r == '\u2009'
	}
	return false
}

// Key candidates: sizes.
const (
	minScanGroup       = 3  // shortest group of a key written in groups
	maxScanGroup       = 8  // longest
	minGroupedKeyChars = 12 // a key in three or more groups may be a partial copy
	minShortKeyChars   = 10 // right after the word "key": a partial copy
	minHexKeyChars     = 32 // 128 bits written in hexadecimal
	// maxScanGroups bounds a key in groups (16 groups of 8 hold 128
	// characters, more than any key), and with it the work per token on a
	// long line of look-alike groups.
	maxScanGroups = 16
)

// keyAt returns how many tokens a key candidate starting at toks[i] spans
// and whether its "=" padding belongs to it; 0 when there is none.
func (s *Scanner) keyAt(line []byte, toks []scanToken, i int) (n int, padded bool) {
	t := &toks[i]
	if t.kind != scanTokWord || t.chars < minScanGroup || i < s.noKeyBefore {
		return 0, false
	}
	if n := s.groupedKeyAt(line, toks, i); n > 0 {
		last := &toks[i+n-1]
		return n, last.padEnd > last.end
	}
	st := &t.runStats
	if st.chars < minShortKeyChars {
		return 0, false
	}
	padded = t.padEnd > t.end
	if st.chars >= totpkey.MinKeyChars && scanLooksLikeKey(st, s.keyContext(toks, i, i+1), false) {
		return 1, padded
	}
	ctx := s.scanContextAround(toks, i, i+1, false)
	switch {
	case ctx.key == 0:
		return 0, false
	case st.chars < totpkey.MinKeyChars && ctx.key <= 2 && scanShortKeyLike(st):
		return 1, padded
	case st.chars >= minHexKeyChars && st.chars%2 == 0 && scanHexRun(line[t.start:t.end]):
		return 1, false
	}
	return 0, false
}

// keyContext reports whether a word that speaks for a key ("key",
// "secret") stands shortly before toks[i].
func (s *Scanner) keyContext(toks []scanToken, i, j int) bool {
	return s.scanContextAround(toks, i, j, false).key > 0
}

// groupedKeyAt returns how many groups a key written in groups starting at
// toks[i] has ("PFYQ RH5L 7EKN 2XQA" has four), or 0. All groups but the
// last have the same length; the last may be shorter; the groups are joined
// by the same single separator, share one letter case and are no ordinary
// words.
func (s *Scanner) groupedKeyAt(line []byte, toks []scanToken, i int) int {
	first := &toks[i]
	size := first.chars
	if size < minScanGroup || size > maxScanGroup || i+1 >= len(toks) || first.padEnd != first.end ||
		!scanSingleSeparator(line, first.end, toks[i+1].start, true) || toks[i+1].chars > size {
		return 0
	}
	sepLen := toks[i+1].start - first.end
	dash := sepLen == 1 && line[first.end] == '-'
	// The groups by their shape alone; words are looked up only for a run
	// long enough to be a key, which ordinary text seldom is.
	groups, chars := 1, first.chars
	upper, lower := first.upper > 0, first.lower > 0
	loneLower := false
	if first.lower == 1 {
		lower, loneLower = false, true
	}
	for j := i + 1; j < len(toks) && groups < maxScanGroups; j++ {
		prev, g := &toks[j-1], &toks[j]
		if g.kind != scanTokWord || g.start-prev.end != sepLen ||
			!scanSingleSeparator(line, prev.end, g.start, dash) || dash != (line[prev.end] == '-') ||
			g.chars > size || prev.padEnd != prev.end {
			break
		}
		if lone := !lower && g.lower == 1 && g.upper+1 < g.chars+1 && !loneLower && (upper || g.upper > 0); lone {
			upper = true
			loneLower = true // one letter typed in the wrong case: still the key
		} else if upper && g.lower > 0 || lower && g.upper > 0 {
			break // another letter case: the text goes on after the key
		} else {
			upper, lower = upper || g.upper > 0, lower || g.lower > 0
		}
		groups++
		chars += g.chars
		if g.chars < size {
			break // a shorter group ends the key
		}
	}
	if last := &toks[i+groups-1]; groups > 2 && last.onlyDigits() && last.chars == 3 && i+groups < len(toks) &&
		toks[i+groups].onlyDigits() && toks[i+groups].chars == 3 && scanSingleSeparator(line, last.end, toks[i+groups].start, true) {
		// "… 3PXP 482 913": the code in two groups after the key.
		groups--
		chars -= last.chars
	}
	if groups < 2 || chars < totpkey.MinKeyChars && (groups < 3 || chars < minGroupedKeyChars) ||
		s.flags(first)&scanWordCommon != 0 {
		return 0
	}
	// An ordinary word in small letters ends the key before it ("… 3pxp
	// and"); in capitals it may be a group of the key.
	sum := first.runStats
	withDigits := min(first.digits(), 1)
	for j := i + 1; j < i+groups; j++ {
		g := &toks[j]
		if g.lower > 0 && s.flags(g)&scanWordCommon != 0 {
			groups = j - i
			break
		}
		sum.add(&g.runStats)
		withDigits += min(g.digits(), 1)
	}
	if groups < 2 || sum.chars < totpkey.MinKeyChars && (groups < 3 || sum.chars < minGroupedKeyChars) {
		return 0
	}
	if sum.digits() == 0 && (sum.chars < totpkey.MinKeyChars || sum.pairs > 0 && sum.common*100/sum.pairs >= 40) {
		return 0 // a few words in capitals, or a run of words of one length
	}
	// Digits in two groups or more: not words with a number after them.
	if !scanLooksLikeKey(&sum, s.keyContext(toks, i, i+groups), withDigits >= 2) {
		// Its tail is no key either: a key is not found in part of a run
		// that as a whole does not look like one.
		s.noKeyBefore = i + groups
		return 0
	}
	return groups
}

// scanLooksLikeKey tells a base32 key (maybe with a few look-alike characters)
// from words, identifiers and numbers, by the mix of its characters. A
// random base32 key has one letter case, about one digit in five, few vowels
// and letters and digits mixed; words have many vowels, identifiers a word
// and a number side by side ("ORDER2024").
func scanLooksLikeKey(st *runStats, keyCtx, spreadDigits bool) bool {
	n := st.chars
	letters := st.letters()
	loneLower := st.lower == 1 && st.upper >= 2 && n >= totpkey.MinKeyChars // a letter typed in the wrong case
	if st.upper > 0 && st.lower > 0 && !loneLower || letters*2 < n {
		return false
	}
	bad := st.lookDigit + st.foreign
	maxBad := max(2, n/8)
	if keyCtx {
		maxBad = max(3, n/4)
	}
	if bad > maxBad {
		return false
	}
	// Vowels per hundred letters: random base32 letters have about 19,
	// words about 40. Letter pairs common in English per hundred: random
	// letters about 22, words mostly over 60.
	if st.b32digit >= 3 && st.trans >= 5 && st.lookDigit == 0 && st.foreign == 0 {
		// Base32 digits all through it ("6OK4G5UI6URIDIDE"): no word or
		// name mixes letters and digits like that, however many vowels
		// its letters have.
		return true
	}
	vowels := st.vowels * 100 / max(letters, 1)
	wordish := st.pairs >= 3 && st.common*100/st.pairs >= 60
	switch {
	case keyCtx:
		return !wordish || vowels <= 30
	case st.digits() == 0, st.trans <= 2 && !spreadDigits:
		// Letters alone, or a word and a number side by side
		// ("AUTHENTICATION2024", "CASTING WETBACK 5235"). Digits spread
		// over several groups of a key are no such thing.
		return !wordish && vowels <= 40
	default:
		return !wordish || vowels <= 30
	}
}

// scanShortKeyLike tells a partial key (10 to 15 characters, right after the
// word key) from a client id or a word: capitals and base32 digits mixed.
func scanShortKeyLike(st *runStats) bool {
	return st.lower == 0 && st.b32digit > 0 && st.upper*2 >= st.chars && st.trans >= 2 &&
		st.lookDigit+st.foreign <= 2
}

// scanHexRun reports whether b is hexadecimal digits in one letter case.
func scanHexRun(b []byte) bool {
	upper, lower := false, false
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
		case c >= 'a' && c <= 'f':
			lower = true
		case c >= 'A' && c <= 'F':
			upper = true
		default:
			return false
		}
	}
	return !(upper && lower)
}
