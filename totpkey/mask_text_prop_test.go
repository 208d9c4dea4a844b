package totpkey

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey/totpkeytest"
)

// TestMaskTextHidesEveryGrouping is the property the masking rule must
// hold everywhere: a random key written in any grouping the classifier
// accepts (white space, tabs, no-break spaces, dashes or dots between
// groups of any size, any case), alone, in a sentence, after a label or in
// a link, never shows five of its characters in a row.
func TestMaskTextHidesEveryGrouping(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 3))
	contexts := []string{
		"%s",
		"Key: %s",
		"my key is %s thanks",
		"customer says: %s please",
		"\"%s\".",
		"Failed to generate TOTP with %s since 9:15",
		"old %s\nnew %s",
		"otpauth://totp/Broker:%s?secret=%s&issuer=%s",
		"otpauth://totp/x?algorithm=%s&SECRET=%s",
		"unknown command %q for \"totpkey\"",
	}
	skipped, n := 0, 20000
	for i := range n {
		context := contexts[i%len(contexts)]
		key := totpkeytest.RandomKey(rng)
		for totpkeytest.LongestKeyRun(context, key) > MaskedPrefix {
			key = totpkeytest.RandomKey(rng) // the context's own words would count ("otpau")
		}
		written := totpkeytest.Grouped(rng, key)
		if readsAsWords(written) {
			skipped++ // the documented limit: see readsAsWords
			continue
		}
		text := strings.ReplaceAll(context, "%s", written)
		text = strings.ReplaceAll(text, "%q", `"`+written+`"`)
		got := MaskText(text)
		if n := totpkeytest.LongestKeyRun(got, key); n > MaskedPrefix {
			t.Fatalf("%d characters of the key show:\n key  %s\n text %q\n got  %q", n, key, text, got)
		}
		if appended := string(AppendMaskText([]byte("> "), text)); appended != "> "+got {
			t.Fatalf("AppendMaskText of %q = %q; MaskText gives %q", text, appended, got)
		}
	}
	if skipped > n/200 {
		t.Errorf("%d of %d keys read as words: the limit is not rare", skipped, n)
	}
}

// readsAsWords reports whether a key as written falls under the known limit
// of MaskText (see the README): lower-case letters alone, in two groups, or
// in groups one of which is a common word, that read as English words.
func readsAsWords(written string) bool {
	if strings.ContainsFunc(written, func(r rune) bool { return r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' }) {
		return false
	}
	var words []maskWord
	for i := 0; i < len(written); {
		r, size := utf8.DecodeRuneInString(written[i:])
		if !maskWordRune(r) {
			i += size
			continue
		}
		w := maskWord{start: i}
		for i < len(written) {
			r, size := utf8.DecodeRuneInString(written[i:])
			if !maskWordRune(r) {
				break
			}
			i += size
			w.n++
		}
		w.end = i
		words = append(words, w)
	}
	return (len(words) == 2 || hasSentenceWord(written, words)) && englishWords(written, words)
}
