package reply

import (
	"fmt"
	"strings"
	"sync"

	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/scan"
)

// replyWidth is the column a reply's lines wrap at.
const replyWidth = 72

// BuildReply writes the reply to one input (or one line of --lines): what
// was found and the fix.
func BuildReply(items []Item) string {
	return BuildTicketReply(items, nil)
}

// BuildTicketReply writes a short, neutral reply to a ticket: it answers
// what the ticket says (facts: the broker, what the customer already did,
// which accounts, the credentials sent; nil for a single input) as well as
// what was found in it. Each point is made once, in the words of the help
// topics, with the article's labels; secrets are masked and credentials
// never repeated; no names are made up.
func BuildTicketReply(items []Item, facts *TicketFacts) string {
	if facts == nil {
		facts = &TicketFacts{}
	}
	items = dropCredentialValues(items, facts)
	s := classifySituation(items, facts)
	var b strings.Builder
	b.Grow(1200) // a typical reply, written once
	b.WriteString("Hello,\n\n")
	para(&b, opening(facts))
	if len(facts.Credentials) > 0 {
		writeCredentials(&b, facts.Credentials, s.hasKey)
	}
	writeFindings(&b, items, facts, s)
	writeTail(&b, items, facts, s)
	return b.String()
}

// writeTail writes what follows the findings: the answer to the ticket's
// situation, or the steps of the fix; the word of care about a key sent;
// the closing.
func writeTail(b *strings.Builder, items []Item, facts *TicketFacts, s situation) {
	newKeySaid := false
	switch {
	case s.dhan:
		writeDhan(b, facts)
	case s.alreadyDone != "":
		writeStillRejected(b, s.alreadyDone, facts.Did.Has(DidReset) || facts.Did.Has(DidNewKey))
	case s.rejected && !s.broken:
		writeRejected(b)
	case s.onlyQR:
		writeOnlyQR(b)
	case len(items) == 0 && len(facts.Credentials) > 0:
		writeNotTheKey(b, len(facts.Credentials))
	case len(items) == 0:
		writeAskWhatToSend(b, facts.Broker() != "")
	default:
		writeSteps(b, s.topic)
		if !s.usable && mayNeedNewKey(s.topic) && !facts.Did.Has(DidReset) && !facts.Did.Has(DidNewKey) {
			para(b, "If your broker no longer shows the TOTP Key, disable TOTP at your broker and enable it "+
				"again: the broker then shows a new TOTP Key. Copy it and enter it as above.")
			newKeySaid = true
		}
	}
	if s.hasKey && len(facts.Credentials) == 0 {
		b.WriteString(keyCareParagraphs()[newKeySaid])
	}
	b.WriteString("Kind regards,\nSupport\n")
}

// AppendLineReply appends the reply to one input with no ticket around it
// (a line of --lines) to dst: what buildReply writes, with the part after
// the finding taken from a cache, since a million lines have only a few
// kinds of fix.
func AppendLineReply(dst []byte, it Item) []byte {
	items := []Item{it}
	var none TicketFacts
	s := classifySituation(items, &none)
	dst = append(dst, "Hello,\n\nThank you for your message.\n\n"...)
	dst = appendWrapped(dst, describeForReply(it), replyWidth, "")
	dst = append(dst, "\n\n"...)
	key := lineTailKey{s.topic, s.hasKey, s.usable, s.broken}
	tail, ok := lineTails.Load(key)
	if !ok {
		var b strings.Builder
		writeTail(&b, items, &none, s)
		tail, _ = lineTails.LoadOrStore(key, b.String())
	}
	return append(dst, tail.(string)...)
}

// lineTailKey is what the tail of a reply to one input depends on.
type lineTailKey struct {
	topic                  string
	hasKey, usable, broken bool
}

// lineTails caches the tails of replies to one input, by lineTailKey.
var lineTails sync.Map

// keyCareParagraphs are the word of care about a TOTP Key sent in a
// message, wrapped: [false] with the topic's advice to get a new key,
// [true] when the reply said how just above (once is enough).
var keyCareParagraphs = sync.OnceValue(func() map[bool]string {
	care := "Your message contained your TOTP Key. It works like a password, so please do not send it by e-mail or chat. "
	return map[bool]string{
		false: wrapText(care+credentialAdvice(keyAdvice), replyWidth, "") + "\n\n",
		true:  wrapText(care+"If someone else may have seen it, get a new key that way.", replyWidth, "") + "\n\n",
	}
})

// mayNeedNewKey reports whether the fix of a topic needs the key from the
// broker again, which the broker may no longer show: not when the key
// sent only needs a character or its form fixed.
func mayNeedNewKey(topic string) bool {
	switch topic {
	case "one-time-code", "too-short", "bad-length", "empty", "not-a-key", "failed-to-generate-totp", "bad-uri", "not-totp":
		return true
	}
	return false
}

// situation is what a reply answers, worked out from the findings and the
// ticket.
type situation struct {
	topic       string // the help topic of the fix, from the findings
	hasKey      bool   // a key (even a broken one) was in the message
	usable      bool   // a usable key was found
	broken      bool   // a key, link or code that is not a usable key was found
	rejected    bool   // the broker refused the TOTP ("Invalid TOTP")
	dhan        bool   // the broker is Dhan and nothing found says the key is wrong
	onlyQR      bool   // the broker shows only a QR code, and no usable key was found
	alreadyDone string // what the customer already did, when the TOTP is still refused
}

// classifySituation works out the situation of a reply.
func classifySituation(items []Item, facts *TicketFacts) situation {
	var s situation
	s.topic, s.hasKey, s.usable = replyTopic(items)
	for _, it := range items {
		if it.kind == scan.FindingErrorMessage {
			if it.Result.Topic == "invalid-totp" {
				s.rejected = true
			}
			continue
		}
		if it.Result.Class != totpkey.ClassValid {
			s.broken = true
		}
	}
	s.rejected = s.rejected || facts.rejected
	s.dhan = facts.Broker() == "dhan" && !s.broken && (s.rejected || facts.wasWorking)
	s.onlyQR = facts.Did.Has(SawOnlyQR) && !s.usable
	if s.rejected && !s.broken {
		s.alreadyDone = alreadyDone(facts.Did)
	}
	return s
}

// alreadyDone says what the customer did that the usual fix would ask for
// again: "disabled and enabled TOTP".
func alreadyDone(did ActionSet) string {
	var done []string
	if did.Has(DidReset) {
		done = append(done, "disabled and enabled TOTP")
	}
	if did.Has(DidNewKey) && !did.Has(DidReset) {
		done = append(done, "got a new TOTP Key")
	}
	if did.Has(DidSave) {
		done = append(done, "saved the key")
	}
	if len(done) == 0 {
		return ""
	}
	return andList(done)
}

// opening thanks the customer and names what the ticket is about: the
// broker, and the account when it names one.
func opening(facts *TicketFacts) string {
	s := "Thank you for your message"
	name := brokerDisplayName(facts.Broker())
	accounts := facts.DistinctAccounts()
	switch {
	case name != "" && len(accounts) == 1:
		s += " about your " + name + " account (" + accounts[0] + ")"
	case name != "" && len(accounts) > 1:
		s += " about your " + name + " accounts"
	case name != "":
		s += " about your " + name + " account"
	case len(accounts) == 1:
		s += " about " + accounts[0]
	}
	return s + "."
}

// DistinctAccounts are the accounts the ticket names, each once.
func (facts *TicketFacts) DistinctAccounts() []string {
	var out []string
	for _, a := range facts.accounts {
		if !containsString(out, a.label) {
			out = append(out, a.label)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// dropCredentialValues leaves out findings that are a credential the
// ticket gave a value for: a 6-digit PIN is not a TOTP to explain.
func dropCredentialValues(items []Item, facts *TicketFacts) []Item {
	if len(facts.CredentialValues) == 0 {
		return items
	}
	var kept []Item
	for _, it := range items {
		if it.kind != scan.FindingErrorMessage && facts.CredentialValues[strings.TrimSpace(it.text)] {
			continue
		}
		kept = append(kept, it)
	}
	return kept
}

// writeFindings writes the points about what was found. An "Invalid TOTP"
// is left to the paragraph that answers it when there is one; with two
// accounts or more each point names its account.
func writeFindings(b *strings.Builder, items []Item, facts *TicketFacts, s situation) {
	var shown []Item
	for _, it := range items {
		answered := s.dhan || s.alreadyDone != "" || s.rejected && !s.broken
		if it.kind == scan.FindingErrorMessage && it.Result.Topic == "invalid-totp" && answered {
			continue
		}
		shown = append(shown, it)
	}
	if len(shown) == 0 {
		return
	}
	labelled := len(facts.accounts) > 1 && len(accountsOfItems(shown, facts)) > 1
	var groups [][]Item
	switch {
	case len(shown) == 1:
		groups = [][]Item{shown} // one input, one line of --lines
	case labelled:
		groups = groupByAccount(shown, facts)
	default:
		groups = groupReplyItems(shown)
	}
	rest := []Item(nil)
	if len(groups) > maxReplyItems {
		for _, g := range groups[maxReplyItems-1:] {
			rest = append(rest, g...)
		}
		groups = groups[:maxReplyItems-1]
	}
	prefix := ""
	if len(groups) > 1 {
		prefix = "- "
	}
	indent := strings.Repeat(" ", len(prefix))
	for _, g := range groups {
		text := describeGroup(g)
		if labelled && g[0].kind != scan.FindingErrorMessage {
			if label := facts.accountFor(g[0].line); label != "" {
				text = capitalize(label) + ": " + lowerFirst(text)
			}
		}
		b.WriteString(wrapText(prefix+text, replyWidth, indent))
		b.WriteString("\n")
	}
	if len(rest) > 0 {
		b.WriteString(wrapText(prefix+"…and "+outcome.Plural(len(rest), "more item")+" from your message ("+leftKinds(rest)+
			"), left out here to keep this reply short.", replyWidth, indent))
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// accountsOfItems are the distinct accounts the findings belong to.
func accountsOfItems(items []Item, facts *TicketFacts) []string {
	var out []string
	for _, it := range items {
		if it.kind == scan.FindingErrorMessage {
			continue
		}
		if l := facts.accountFor(it.line); l != "" && !containsString(out, l) {
			out = append(out, l)
		}
	}
	return out
}

// groupByAccount keeps every finding its own point, in the order of the
// ticket, so that each names its account; error messages come last.
func groupByAccount(items []Item, facts *TicketFacts) [][]Item {
	var groups, errs [][]Item
	for _, it := range items {
		if it.kind == scan.FindingErrorMessage {
			errs = append(errs, []Item{it})
			continue
		}
		groups = append(groups, []Item{it})
	}
	return append(groups, errs...)
}

// writeDhan answers a ticket about Dhan where nothing found says the key
// is wrong: the Dhan topic, not the change-key steps.
func writeDhan(b *strings.Builder, facts *TicketFacts) {
	intro := topicParagraph("dhan", 0)
	if facts.wasWorking {
		intro += " That it worked before with the same key points the same way."
	}
	para(b, intro)
	writeNumbered(b, "What to do:", topicSteps("dhan", true))
}

// writeStillRejected answers "I already did what the article says and the
// broker still refuses the TOTP": the other causes, and the check that
// proves the key.
//
// The old entry in the app is a cause only after a reset.
func writeStillRejected(b *strings.Builder, done string, afterReset bool) {
	para(b, "You have already "+done+", so doing that again is unlikely to help. "+
		"When the broker still refuses the TOTP, the cause is usually one of these:")
	causes := []string{causeSetupUnfinished, causeClock}
	if afterReset {
		causes = []string{causeSetupUnfinished, causeOldEntry, causeClock}
	}
	for _, cause := range causes {
		b.WriteString(wrapText("- "+topicBullet("invalid-totp", cause), replyWidth, "  "))
		b.WriteString("\n")
	}
	b.WriteString("\n")
	steps := topicSteps("invalid-totp", true)
	writeNumbered(b, "What to do:", []string{steps[0], steps[len(steps)-1]})
}

// writeRejected answers an "Invalid TOTP": what it means and the steps of
// the invalid-totp topic.
func writeRejected(b *strings.Builder) {
	para(b, topicParagraph("invalid-totp", 0))
	writeNumbered(b, "What to do:", topicSteps("invalid-totp", true))
}

// writeOnlyQR answers "my broker shows only a QR code".
func writeOnlyQR(b *strings.Builder) {
	para(b, "You wrote that your broker shows only a QR code. "+topicParagraph("qr-only", 0))
	writeNumbered(b, "How to get the key:", topicSteps("qr-only", true))
	para(b, topicParagraph("qr-only", 1))
}

// writeNotTheKey answers a ticket that sent other credentials and no key:
// none of them is the TOTP Key, what the key is, and where it goes.
func writeNotTheKey(b *strings.Builder, sent int) {
	what := "It is not the TOTP Key. "
	if sent > 1 {
		what = "None of them is the TOTP Key. "
	}
	para(b, what+firstSentences(topicParagraph("key-vs-code", 1), 2))
	writeSteps(b, "edit-and-save")
}

// writeAskWhatToSend answers a ticket in which nothing was found: what to
// send so that support can help, never the key itself; not the broker's
// name when the ticket gave it.
func writeAskWhatToSend(b *strings.Builder, brokerKnown bool) {
	para(b, "We could not tell from your message what is going wrong with TOTP. So that we can help, "+
		"please reply with these, but never with the TOTP Key itself: it works like a password.")
	for _, item := range topicBullets("send-to-support") {
		if brokerKnown && strings.Contains(item, "name of your broker") {
			continue
		}
		b.WriteString(wrapText("- "+item, replyWidth, "  "))
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// writeSteps writes the steps of the fix for a topic.
func writeSteps(b *strings.Builder, topic string) {
	b.WriteString(cachedSteps(topic))
}

// writeNumbered writes steps under a heading.
func writeNumbered(b *strings.Builder, heading string, steps []string) {
	if len(steps) == 0 {
		return
	}
	b.WriteString(heading + "\n\n")
	for i, s := range steps {
		b.WriteString(wrapText(fmt.Sprintf("%d. %s", i+1, s), replyWidth, "   "))
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// firstSentences returns the first n sentences of text.
func firstSentences(text string, n int) string {
	for i := 0; i+1 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' {
			if n--; n == 0 {
				return text[:i+1]
			}
		}
	}
	return text
}

// para writes a wrapped paragraph and a blank line.
func para(b *strings.Builder, text string) {
	b.WriteString(wrapCached(text))
	b.WriteString("\n\n")
}

// wrapCache holds wrapped paragraphs: a reply's paragraphs are mostly the
// same few texts, and --lines --reply writes a million replies. It is
// bounded; past the bound paragraphs are wrapped each time.
var wrapCache struct {
	sync.Mutex
	m map[string]string // made on first use: no work when a command starts
}

const maxWrapCache = 512

func wrapCached(text string) string {
	wrapCache.Lock()
	w, ok := wrapCache.m[text]
	wrapCache.Unlock()
	if ok {
		return w
	}
	w = wrapText(text, replyWidth, "")
	wrapCache.Lock()
	if wrapCache.m == nil {
		wrapCache.m = make(map[string]string)
	}
	if len(wrapCache.m) < maxWrapCache {
		wrapCache.m[text] = w
	}
	wrapCache.Unlock()
	return w
}

// capitalize makes the first letter upper case; lowerFirst lower case,
// unless the word is an acronym or a name ("TOTP", "AutoTrader").
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func lowerFirst(s string) string {
	if len(s) < 2 || s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// brokerDisplayName is how a reply names a broker id.
func brokerDisplayName(id string) string {
	switch id {
	case "":
		return ""
	case "angelone":
		return "Angel One"
	case "aliceblue":
		return "Alice Blue"
	case "kotakneo":
		return "Kotak Neo"
	case "icicidirect":
		return "ICICI Direct"
	case "5paisa":
		return "5paisa"
	}
	return strings.ToUpper(id[:1]) + id[1:]
}
