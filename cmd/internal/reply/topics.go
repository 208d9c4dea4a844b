package reply

import (
	"fmt"
	"strings"
	"sync"

	"github.com/totpkey/totpkey/docs"
)

// The causes of a refused TOTP that a reply names, by the start of their
// bullet in the invalid-totp topic.
const (
	causeSetupUnfinished = "TOTP setup at the broker never finished"
	causeOldEntry        = "The authenticator app still has the old entry"
	causeClock           = "A clock is off"
)

// The advice of the credential-sent topic, by the start of its bullet.
const (
	keyAdvice = "TOTP Key:"
)

// credentialBullets maps a credential to the bullet of the credential-sent
// topic that says what to do about it having been sent.
var credentialBullets = map[credentialKind]string{
	credPassword:    "Password:",
	credPIN:         "PIN:",
	credAPIKey:      "API key or API secret:",
	credAPISecret:   "API key or API secret:",
	credAccessToken: "Access token:",
	credPAN:         "PAN or date of birth:",
	credDateOfBirth: "PAN or date of birth:",
}

// credentialNames are how a reply names a credential that was sent.
var credentialNames = map[credentialKind]string{
	credPassword:    "broker password",
	credPIN:         "PIN",
	credAPIKey:      "API key",
	credAPISecret:   "API secret",
	credAccessToken: "access token",
	credPAN:         "PAN",
	credDateOfBirth: "date of birth",
}

// writeCredentials says which credentials the message carried (never
// their values), that support never needs them, and what to do now: the
// credential-sent topic's advice for each.
func writeCredentials(b *strings.Builder, kinds []credentialKind, hasKey bool) {
	var names []string
	if hasKey {
		names = append(names, "TOTP Key")
	}
	for _, k := range kinds {
		names = append(names, credentialNames[k])
	}
	them := "them"
	if len(names) == 1 {
		them = "it"
	}
	para(b, "Your message contained your "+andList(names)+"; we have not repeated "+them+" here. "+topicParagraph("credential-sent", 0))
	var advice []string
	if hasKey {
		advice = append(advice, topicBullet("credential-sent", keyAdvice))
	}
	for _, k := range kinds {
		if a := topicBullet("credential-sent", credentialBullets[k]); !containsString(advice, a) {
			advice = append(advice, a)
		}
	}
	for _, a := range advice {
		b.WriteString(wrapText("- "+a, replyWidth, "  "))
		b.WriteString("\n")
	}
	b.WriteString("\n")
}

// credentialAdvice is the advice of a credential-sent bullet, without its
// "Password:" label, as a sentence.
func credentialAdvice(label string) string {
	text := topicBullet("credential-sent", label)
	text = strings.TrimSpace(strings.TrimPrefix(text, label))
	return capitalize(text)
}

// topicBlocks returns a topic's blocks, parsed once.
var topicBlocks = sync.OnceValue(func() map[string][]docs.Block {
	m := map[string][]docs.Block{}
	for _, t := range docs.All() {
		m[t.ID] = t.Blocks()
	}
	return m
})

// topicParagraph returns the n-th paragraph of a topic (0 for the first)
// as plain text; it panics when there is none, which the reply tests catch.
func topicParagraph(topicID string, n int) string {
	for _, blk := range topicBlocks()[topicID] {
		if blk.Kind != docs.Paragraph {
			continue
		}
		if n == 0 {
			return plainMarkdown(blk.Text)
		}
		n--
	}
	panic(fmt.Sprintf("reply: topic %s has no paragraph %d", topicID, n))
}

// topicBullets returns the first list of bullets of a topic as plain text.
func topicBullets(topicID string) []string {
	var out []string
	for _, blk := range topicBlocks()[topicID] {
		if blk.Kind == docs.Bullet {
			out = append(out, plainMarkdown(blk.Text))
		} else if len(out) > 0 {
			break
		}
	}
	return out
}

// topicBullet returns the bullet of a topic that starts with prefix; it
// panics when there is none, which the reply tests catch.
func topicBullet(topicID, prefix string) string {
	for _, blk := range topicBlocks()[topicID] {
		if blk.Kind == docs.Bullet && strings.HasPrefix(blk.Text, prefix) {
			return plainMarkdown(blk.Text)
		}
	}
	panic(fmt.Sprintf("reply: topic %s has no bullet starting %q", topicID, prefix))
}

// topicSteps returns the first list of numbered steps of a topic, for a
// customer, with Markdown marks removed and "(see totpkey explain …)"
// asides dropped. Steps that need the totpkey tool are left out unless
// withTool is set (the check with totpkey validate --code, say).
func topicSteps(topicID string, withTool bool) []string {
	var steps []string
	started := false
	for _, blk := range topicBlocks()[topicID] {
		if blk.Kind != docs.Step {
			if started {
				break
			}
			continue
		}
		started = true
		text := dropToolReferences(plainMarkdown(blk.Text))
		if text == "" || strings.Contains(text, "totpkey") && !withTool {
			continue
		}
		steps = append(steps, text)
	}
	return steps
}

// replySteps returns the steps of a topic for a customer, ending with the
// article's steps to enter the key (Accounts -> Trading Accounts, the EDIT
// icon, Validate & Save) when the topic's own steps do not lead there.
func replySteps(topicID string) []string {
	steps := topicSteps(topicID, false)
	if topicID == "edit-and-save" || containsStep(steps, "Accounts -> Trading Accounts") {
		if len(steps) > 0 {
			return steps
		}
	}
	var first []string
	for _, s := range steps {
		if !strings.Contains(s, "Validate & Save") {
			first = append(first, s)
		}
	}
	return append(first, topicSteps("edit-and-save", false)...)
}

// stepsCache holds the "To fix it" block of each topic, wrapped: --lines
// --reply writes the same few blocks for a million lines.
var stepsCache sync.Map // topic id -> string

// cachedSteps returns the "To fix it in AutoTrader Web" block of a topic.
func cachedSteps(topicID string) string {
	if v, ok := stepsCache.Load(topicID); ok {
		return v.(string)
	}
	var b strings.Builder
	writeNumbered(&b, "To fix it in AutoTrader Web:", replySteps(topicID))
	stepsCache.Store(topicID, b.String())
	return b.String()
}

func containsStep(steps []string, label string) bool {
	for _, s := range steps {
		if strings.Contains(s, label) {
			return true
		}
	}
	return false
}
