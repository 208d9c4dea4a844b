package totpkey

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaskText returns text with everything in it that may be a TOTP Key, or a
// part of one, masked by the rule of Mask, and the rest as it is, so that
// prose stays readable. It is what every output that quotes text the user
// gave uses: error messages and hints, the columns a table keeps, file
// names, account names and issuers, replies.
//
// What may be a key is decided by Classify, the one judge of what a key is:
//
//   - the values of the secret and data parameters of otpauth and export
//     links, in any case;
//   - a run of words joined the way keys are grouped (white space, dashes
//     or dots between them, groups of any size, any case) that Classify
//     reads as a key or a broken one;
//   - inside a sentence, the runs of such words between the words of the
//     sentence, each read the same way;
//   - a single word that Classify reads as a key, or that is shaped like a
//     secret: 8 characters or more mixing letters and digits, 16 digits or
//     more, or letters whose case changes as no word's does.
//
// A run of 4 characters or fewer is never masked: it cannot show more than
// the rule allows. Within one run of words only the first masked part shows
// its first characters, so that a key cut in two by a word that happens to
// read as English never shows more than four of its characters in a row.
// Text with nothing to mask comes back as it is, uncopied.
func MaskText(text string) string {
	spans, ok := maskSpans(text)
	if !ok {
		return text
	}
	b := make([]byte, 0, len(text)+2*len(text)/3)
	return string(appendSpans(b, text, spans))
}

// AppendMaskText appends text masked as MaskText masks it to dst, without
// building the string: what the JSON of --lines writes for a link.
func AppendMaskText(dst []byte, text string) []byte {
	spans, ok := maskSpans(text)
	if !ok {
		return append(dst, text...)
	}
	return appendSpans(dst, text, spans)
}

// maskSpans returns the parts of text to mask, in order, and false when
// there are none.
func maskSpans(text string) ([]maskSpan, bool) {
	if !hasWordRun(text, MaskedPrefix+1) {
		return nil, false // the common case: no five word characters in a row
	}
	if n, ok := asciiWord(text); ok && !secretWord(text, n) {
		return nil, false // one word, not a secret: an issuer, an account name
	}
	spans := appendLinkSecrets(make([]maskSpan, 0, 8), text) // room for the common case: one allocation
	spans = appendKeyRuns(spans, text)
	if len(spans) == 0 {
		return nil, false
	}
	// Spans come from two passes; put them in order.
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].start < spans[j-1].start; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	return spans, true
}

// maskSpan is a part of a text to mask: bytes [start, end). reveal says
// whether it may show its first characters (Mask) or none.
type maskSpan struct {
	start, end int
	reveal     bool
	// keep marks text that is not masked and not read as words either:
	// the scheme of a link.
	keep bool
}

// hasWordRun reports whether s has n word characters in a row, counting
// across the gaps keys are grouped with (see groupGap).
func hasWordRun(s string, n int) bool {
	count, gap := 0, 0
	for _, r := range s {
		switch {
		case maskWordRune(r):
			if count++; count >= n {
				return true
			}
			gap = 0
		case groupSeparator(r) && gap < 3 && count > 0:
			gap++
		default:
			count, gap = 0, 0
		}
	}
	return false
}

// maskWordRune is a character of a word that could be part of a key:
// letters (any script, full width too), digits, and the invisible
// characters that ride along in pasted keys.
func maskWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || Invisible(r))
}

// groupSeparator is a character keys are grouped with: white space
// (no-break and other Unicode spaces too), a dash, a dot or an underscore.
func groupSeparator(r rune) bool {
	return Space(r) || r == '-' || r == '.' || r == '_'
}

// appendLinkSecrets appends the values of the secret and data parameters
// of every otpauth and otpauth-migration link in text: a link's secret is
// masked whatever it looks like (an export's data is base64, which no
// word rule would catch).
func appendLinkSecrets(spans []maskSpan, text string) []maskSpan {
	for from := 0; ; {
		i := indexFold(text[from:], "otpauth")
		if i < 0 {
			return spans
		}
		start := from + i
		end := start + linkLength(text[start:])
		// The scheme is no secret, whatever Classify makes of
		// "otpauth-migration"; the word scan leaves it alone.
		scheme := start + strings.IndexByte(text[start:end], ':')
		if scheme > start {
			spans = append(spans, maskSpan{start, scheme, false, true})
		}
		spans = appendParamValues(spans, text, start, lineEnd(text, start))
		from = max(end, start+len("otpauth"))
	}
}

// lineEnd is the end of the line that byte start of text is on.
func lineEnd(text string, start int) int {
	if i := strings.IndexByte(text[start:], '\n'); i >= 0 {
		return start + i
	}
	return len(text)
}

// linkEnd is a character that ends a link written in text.
func linkEnd(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune("\"'<>()[]{}`", r)
}

// linkEndBytes marks the ASCII bytes that end a link (linkEnd).
var linkEndBytes = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = linkEnd(rune(c))
	}
	return t
}()

// linkLength is the length in bytes of the link s starts with: up to the
// first character that ends a link, or all of s.
func linkLength(s string) int {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if linkEndBytes[c] {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if linkEnd(r) {
			return i
		}
		i += size
	}
	return len(s)
}

// appendParamValues appends the values of the parameters named secret or
// data (in any case) of the link that starts at text[start], read to end,
// the end of its line: a value with a space typed into it is still the
// secret up to the next parameter.
func appendParamValues(spans []maskSpan, text string, start, end int) []maskSpan {
	q := strings.IndexByte(text[start:end], '?')
	if q < 0 {
		return spans
	}
	for at := start + q + 1; at < end; {
		next := strings.IndexAny(text[at:end], "&#")
		if next < 0 {
			next = end - at
		}
		param := text[at : at+next]
		if name, _, ok := strings.Cut(param, "="); ok && (strings.EqualFold(name, "secret") || strings.EqualFold(name, "data")) {
			spans = append(spans, maskSpan{start: at + len(name) + 1, end: at + next, reveal: true})
		}
		at += next + 1
	}
	return spans
}

// maskWord is one word of a text: bytes [start, end), n characters.
type maskWord struct {
	start, end, n int
}

// appendKeyRuns appends the runs of words and the single words of text
// that may be a key (see MaskText), leaving out what spans already hold.
func appendKeyRuns(spans []maskSpan, text string) []maskSpan {
	links := len(spans)
	var buf [16]maskWord
	chain := buf[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && !alnumBytes[c] && c != '%' && c != '\\' {
			i++ // the common case: ASCII between words, no escape
			continue
		}
		if n := escapeLen(text, i); n > 0 {
			i += n
			continue
		}
		if end := spanEnd(spans[:links], i); end > i {
			i = end // a link's secret, masked whole already
			continue
		}
		r, size := nextRune(text, i)
		if !maskWordRune(r) {
			i += size
			continue
		}
		w := maskWord{start: i}
		for i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				if !alnumBytes[c] {
					break
				}
				i++
			} else {
				r, size := utf8.DecodeRuneInString(text[i:])
				if !maskWordRune(r) {
					break
				}
				i += size
			}
			w.n++
			if i < len(text) && (text[i] == '%' || text[i] == '\\') && escapeLen(text, i) > 0 {
				break // "%20" in a link, "\t" in a quoted value: a separator written out
			}
		}
		w.end = i
		if len(chain) > 0 && !groupGap(text[chain[len(chain)-1].end:w.start]) {
			spans = appendChainSpans(spans, text, chain)
			chain = chain[:0]
		}
		chain = append(chain, w)
	}
	return appendChainSpans(spans, text, chain)
}

// asciiWord reports whether s is one word of ASCII letters and digits, and
// its length.
func asciiWord(s string) (int, bool) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return 0, false
		}
	}
	return len(s), true
}

// nextRune is utf8.DecodeRuneInString(s[i:]), ASCII first.
func nextRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// groupGap reports whether gap, the text between two words, is how a key's
// groups are written apart: one to three separators (an escape, see
// escapeLen, counts as one).
func groupGap(gap string) bool {
	n := 0
	for i := 0; i < len(gap); {
		if k := escapeLen(gap, i); k > 0 {
			i += k // a separator written out ("%20", "%C2%A0", "\t", "\u00a0")
			n++
			continue
		}
		r, size := utf8.DecodeRuneInString(gap[i:])
		if !groupSeparator(r) {
			return false
		}
		i += size
		n++
	}
	return n >= 1 && n <= 3
}

// escapeLen is the length of an escape at byte i of s, 0 when there is
// none: a percent escape of a link ("%20"), or a backslash escape of a
// quoted value ("\t", "\u00a0", "\xa0"), as error messages quote what the
// user typed.
func escapeLen(s string, i int) int {
	if i >= len(s) || s[i] != '%' && s[i] != '\\' {
		return 0 // the common case, told by one byte
	}
	hex := func(from, n int) bool {
		if from+n > len(s) {
			return false
		}
		for k := from; k < from+n; k++ {
			if !hexDigit(s[k]) {
				return false
			}
		}
		return true
	}
	switch {
	case i+1 >= len(s):
		return 0
	case s[i] == '%' && hex(i+1, 2):
		return 3
	case s[i] != '\\':
		return 0
	}
	switch s[i+1] {
	case 't', 'n', 'r', 'v', 'f':
		return 2
	case 'u':
		if hex(i+2, 4) {
			return 6
		}
	case 'x':
		if hex(i+2, 2) {
			return 4
		}
	}
	return 0
}

// spanEnd returns the end of the span byte i of the text is inside, or -1
// when it is inside none.
func spanEnd(spans []maskSpan, i int) int {
	for _, s := range spans {
		if i >= s.start && i < s.end {
			return s.end
		}
	}
	return -1
}

// appendChainSpans appends what to mask of one run of words joined by
// group separators: the whole run when it reads as a key (runKeyish);
// otherwise, from each word on, the longest run of words that reads as a
// key, with the groups of its length before it, and the single words
// shaped like a secret. When it cannot be told which word around a key is
// the sentence's, both go: masking a word too many is safe, one too few
// is not. Only the first part of a run may show its first characters, and
// not when the word before it, in the same case, may be its first group
// ("IN Q2RU …").
func appendChainSpans(spans []maskSpan, text string, chain []maskWord) []maskSpan {
	total := 0
	for _, w := range chain {
		total += w.n
	}
	if total <= MaskedPrefix {
		return spans
	}
	if len(chain) > 1 && runKeyish(text, chain) {
		return append(spans, maskSpan{start: chain[0].start, end: chain[len(chain)-1].end, reveal: true})
	}
	reveal, done := true, 0 // done: the words before it are masked or judged
	for k := 0; k < len(chain); {
		if end := longestKeyRun(text, chain[k:]); end > 1 {
			// A word of the sentence before a key can make a shorter run
			// with its first groups ("old ekb tus … upm" of "old ekb … dt");
			// the run from the next word may reach further. Which word is
			// the sentence's cannot always be told ("defas … tivqq since"):
			// both runs go.
			if k+1 < len(chain) {
				if next := longestKeyRun(text, chain[k+1:]); next > 1 && k+1+next > k+end {
					end = next + 1
				}
			}
			// Groups before it of its length and case, common words too:
			// the first groups of the key ("are-are-gx3-…").
			for k > done && chain[k-1].n == chain[k].n && sameCase(text, chain[k-1], chain[k]) && latinWord(text, chain[k-1]) {
				k--
				end++
			}
			show := reveal && (k == 0 || !sameCase(text, chain[k-1], chain[k]))
			spans = append(spans, maskSpan{start: chain[k].start, end: chain[k+end-1].end, reveal: show})
			reveal = false
			k += end
			done = k
			continue
		}
		if w := chain[k]; w.n > MaskedPrefix && secretWord(text[w.start:w.end], w.n) {
			spans = append(spans, maskSpan{start: w.start, end: w.end, reveal: reveal})
			reveal, done = false, k+1
		}
		k++
	}
	return spans
}

// longestKeyRun returns how many of the words, from the first on, make the
// longest run (two words or more) that reads as a key; 0 when none does.
// A run stops before it would be longer than any key.
func longestKeyRun(text string, words []maskWord) int {
	limit, n := 0, 0
	for limit < len(words) {
		if n += words[limit].n; n > maxKeyChars {
			break
		}
		limit++
	}
	for end := limit; end >= 2; end-- {
		if runKeyish(text, words[:end]) {
			return end
		}
	}
	return 0
}

// maxKeyChars is longer than any key written in base32 or hex (a 512-bit
// key is 103 base32 characters, 128 hex digits).
const maxKeyChars = 130

// runKeyish reports whether a run of two words or more, as written, reads
// as a key: eight characters or more, written the way keys are grouped —
// groups of one length but the last, which may be shorter, in one case
// ("jbsw y3dp ehpk 3p", "JBSW-Y3DP") — that are not the words of a
// sentence (a common word, or lower-case words with English letters and
// vowels), and that Classify reads as a key or a broken one, as written
// or put together (a key in groups of one or two, which it reads as a row
// of words; lower-case groups with dots, which it reads as a web address).
// A run that starts or ends with a code, a date or a time ("482913 did")
// is none.
func runKeyish(text string, words []maskWord) bool {
	n := 0
	for _, w := range words {
		n += w.n
	}
	if n < 8 || !evenGroups(words) || codeNumber(text, words[0]) || codeNumber(text, words[len(words)-1]) {
		return false
	}
	s := text[words[0].start:words[len(words)-1].end]
	lower, upper := false, false // the words', not the gaps' ("%C2%A0")
	for _, w := range words {
		lower = lower || strings.ContainsFunc(text[w.start:w.end], unicode.IsLower)
		upper = upper || strings.ContainsFunc(text[w.start:w.end], unicode.IsUpper)
	}
	if lower && upper {
		return false
	}
	if lower {
		// A common word at an end is the sentence's ("authenticator app");
		// one inside, between groups, is a group that reads as a word
		// ("… i32 yes i5f …").
		for _, w := range [2]maskWord{words[0], words[len(words)-1]} {
			if w.n > 2 && sentenceWord(text, w) {
				return false
			}
		}
		// Letters alone, or English words with numbers between them ("more
		// than 4"), must be a whole valid key (not "such file").
		if (len(words) == 2 || hasSentenceWord(text, words)) && englishWords(text, words) {
			return false // English words ("graphical session", "address already in")
		}
		if !hasDigit(text, words) || englishWords(text, words) {
			return validLetters(text, words)
		}
	}
	if keyish(s) {
		return true
	}
	var b strings.Builder
	for _, w := range words {
		b.WriteString(text[w.start:w.end])
	}
	return keyish(b.String())
}

// latinWord reports whether a word is Latin letters and digits alone.
func latinWord(text string, w maskWord) bool {
	for _, r := range text[w.start:w.end] {
		if r >= utf8.RuneSelf || !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// hasSentenceWord reports whether any of the words is a common word of a
// sentence.
func hasSentenceWord(text string, words []maskWord) bool {
	for _, w := range words {
		if sentenceWord(text, w) {
			return true
		}
	}
	return false
}

// hasDigit reports whether any of the words has a digit.
func hasDigit(text string, words []maskWord) bool {
	for _, w := range words {
		if strings.ContainsFunc(text[w.start:w.end], unicode.IsDigit) {
			return true
		}
	}
	return false
}

// validLetters reports whether a run of lower-case words is a whole valid
// key: as written, or put together (Classify reads groups of one or two as
// a row of words).
func validLetters(text string, words []maskWord) bool {
	if Classify(text[words[0].start:words[len(words)-1].end]).Class == ClassValid {
		return true
	}
	var b strings.Builder
	for _, w := range words {
		b.WriteString(text[w.start:w.end])
	}
	return Classify(b.String()).Class == ClassValid
}

// evenGroups reports whether words are all of one length but the last,
// which may be shorter: how keys are grouped.
func evenGroups(words []maskWord) bool {
	size := words[0].n
	for i, w := range words {
		if w.n > size || w.n < size && i < len(words)-1 {
			return false
		}
	}
	return true
}

// englishLetters reports whether s reads as words of English (or
// Hinglish) letters: letters alone, in any case, and the separators
// between them; each word with a vowel, one letter in five a vowel or
// more, and no two letters in a row that English words do not spell
// (rarePairs: "xg", "qt", "vk"), of which a random key has many.
func englishLetters(s string) bool {
	letters, vowels := 0, 0
	wordVowel, inWord := false, false
	var prev byte // the letter before, lower case; 0 at a word's start
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		switch {
		case c >= 'a' && c <= 'z' && s[i] >= 'A':
			letters++
			inWord = true
			if strings.IndexByte("aeiouy", c) >= 0 {
				vowels++
				wordVowel = true
			}
			if prev != 0 && strings.Contains(rarePairs, string([]byte{prev, c})) {
				return false
			}
			prev = c
		case s[i] < utf8.RuneSelf && groupSeparator(rune(s[i])):
			if inWord && !wordVowel {
				return false
			}
			inWord, wordVowel, prev = false, false, 0
		default:
			return false
		}
	}
	if inWord && !wordVowel {
		return false
	}
	return letters > 0 && 5*vowels >= letters
}

// rarePairs are pairs of letters that English and Hinglish words all but
// never spell, space-separated.
const rarePairs = "bx bz cb cf cg cj cp cv cw cx cz db dq dx dz fb fc fd fg fh fj fk fm fn fp fq fv fw fx fz " +
	"gb gc gf gj gk gp gq gv gx gz hb hc hd hf hg hh hj hk hq hv hx hz jb jc jd jf jg jj jk jl jm jn jp jq " +
	"jr js jt jv jw jx jz kb kc kd kf kg kj kp kq kv kx kz lq lx lz mg mj mq mx mz pg pj pk pq pv px pz " +
	"qa qb qc qd qe qf qg qh qi qj qk ql qm qn qo qp qq qr qs qt qv qw qx qy qz rq rx sx sz tq tx " +
	"vb vc vd vf vg vh vj vk vl vm vn vp vq vt vv vw vx vz wc wd wf wg wj wk wm wp wq wt wv wx wz " +
	"xb xd xf xg xj xk xl xm xn xq xr xs xv xw xx xz yq yy zb zc zd zf zg zh zj zk zm zn zp zq zr zs zt zv zw zx"

// englishWords reports whether a run of words reads as a sentence: its
// words of letters read as English (englishLetters), with numbers between
// them ("column 76", "more than 4").
func englishWords(text string, words []maskWord) bool {
	var b strings.Builder
	for _, w := range words {
		s := text[w.start:w.end]
		switch {
		case !strings.ContainsFunc(s, unicode.IsLetter):
			continue // a number
		case strings.ContainsFunc(s, unicode.IsDigit):
			return false // letters and digits in one word, as in a key's groups
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.Len() > 0 && englishLetters(b.String())
}

// codeNumber reports whether a word is digits alone, one of them a digit
// no key has (0, 1, 8 or 9): a one-time code, a date or a time, where a
// group of a key has only the digits 2 to 7.
func codeNumber(text string, w maskWord) bool {
	other := false
	for _, r := range text[w.start:w.end] {
		switch {
		case r < '0' || r > '9':
			return false
		case r < '2' || r > '7':
			other = true
		}
	}
	return other
}

// secretWord reports whether one word of n characters may be a key or a
// part of one on its own: a valid key, or shaped like a secret (16 digits
// or more; 8 characters or more mixing letters and digits, or whose case
// changes as no word's does; capitals, or letters and digits, that
// Classify reads as a broken key). A word of lower-case letters alone
// counts only when it is a whole key: the words of a sentence stay.
func secretWord(w string, n int) bool {
	if n < 8 {
		return false // none of the shapes below is shorter
	}
	letters, digits, upper, changes := 0, 0, 0, 0
	prevUpper, first := false, true
	for i := 0; i < len(w); {
		var isUpper bool
		if c := w[i]; c < utf8.RuneSelf {
			i++
			switch {
			case c >= '0' && c <= '9':
				digits++
				continue
			case c >= 'A' && c <= 'Z':
				isUpper = true
			case c < 'a' || c > 'z':
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(w[i:])
			i += size
			switch {
			case unicode.IsDigit(r):
				digits++
				continue
			case !unicode.IsLetter(r):
				continue
			}
			isUpper = unicode.IsUpper(r)
		}
		letters++
		if isUpper {
			upper++
		}
		if !first && isUpper != prevUpper {
			changes++
		}
		prevUpper, first = isUpper, false
	}
	switch {
	case digits == n:
		return n >= 16 // a hex secret; codes, dates and times are shorter
	case n >= 8 && letters > 0 && digits > 0, n >= 8 && changes >= 4:
		return true // mixed, or a case no word has (PowerShell changes three times)
	case n >= 8 && upper == letters && !commonWord(w):
		return keyish(w) // capitals, a part of a key ("JBSWY3DP"), not "README"
	}
	return n >= MinKeyChars && keyish(w) // a whole key ("wwww…" pasted twice too), not a word
}

// keyish reports whether Classify reads s as a key, or as a key with
// something wrong with it, rather than as words, a number or an address.
func keyish(s string) bool {
	r := Classify(s)
	return resultKeyish(&r)
}

// resultKeyish reports whether a result is about a key, valid or broken.
func resultKeyish(r *Result) bool {
	switch {
	case r.Class == ClassValid, r.Key != "":
		return true
	case r.Class == ClassCode:
		return false
	}
	return r.Format == FormatBase32 || r.Format == FormatHex
}

// appendSpans appends text to b with each span (in order) masked: by Mask
// when it may show its first characters, all of it otherwise.
func appendSpans(b []byte, text string, spans []maskSpan) []byte {
	at := 0
	for _, s := range spans {
		if s.start < at || s.keep {
			continue
		}
		b = append(b, text[at:s.start]...)
		b = appendMaskWritten(b, text[s.start:s.end], s.reveal, false)
		at = s.end
	}
	return append(b, text[at:]...)
}

// indexFold is strings.Index for an ASCII lower-case substr, ignoring the
// case of s.
func indexFold(s, substr string) int {
	for i := 0; i+len(substr) <= len(s); i++ {
		if s[i]|0x20 == substr[0] && strings.EqualFold(s[i:i+len(substr)], substr) {
			return i
		}
	}
	return -1
}

// sameCase reports whether two words are written in the same case: both
// without lower-case letters, or both without capitals.
func sameCase(text string, v, w maskWord) bool {
	vs, ws := text[v.start:v.end], text[w.start:w.end]
	hasLower := func(s string) bool { return strings.ContainsFunc(s, unicode.IsLower) }
	hasUpper := func(s string) bool { return strings.ContainsFunc(s, unicode.IsUpper) }
	return !hasLower(vs) && !hasLower(ws) || !hasUpper(vs) && !hasUpper(ws)
}

// sentenceWord reports whether a word is one of the common words of a
// sentence. A single letter ("a", "I") is not: it is as likely a group of
// a key written one character at a time.
func sentenceWord(text string, w maskWord) bool {
	return w.n > 1 && commonWord(text[w.start:w.end])
}
