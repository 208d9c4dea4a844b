package validate

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// ticketFacts is what a ticket says beyond the keys, codes and error
// messages the scanner finds: which broker, what the customer already did,
// which accounts, and which other credentials they sent. --scan --reply
// reads it line by line (addLine) and answers the ticket with it.
//
// The detectors here are small and read the ticket's words only. They are
// the place to plug in the broker catalogue (brokerInLine) and the
// credential recogniser (credentialsInLine) when those exist.
type ticketFacts struct {
	brokers     []string // broker ids, in the order the ticket names them
	did         actionSet
	credentials []credentialKind // in the order first seen
	// credentialValues are the values sent as credentials (a PIN, say),
	// so that the reply does not call a 6-digit PIN a TOTP. Never printed.
	credentialValues map[string]bool
	accounts         []accountMention
	wasWorking       bool // "was working", "till yesterday", "since morning"
	// rejected is set when the ticket says the broker refused the TOTP in
	// words the scanner does not take for an error message ("wrong totp",
	// "totp galat").
	rejected bool
}

// maxTicketAccounts bounds the account mentions a ticket keeps.
const maxTicketAccounts = 8

// action is something the customer says they already did or saw.
type action uint8

const (
	didReset  action = 1 << iota // disabled and enabled TOTP, reset it
	didNewKey                    // made or got a new key
	didSave                      // already entered the key and saved
	sawOnlyQR                    // the broker shows only a QR code
)

// actionSet is a set of actions.
type actionSet uint8

func (s actionSet) has(a action) bool { return s&actionSet(a) != 0 }

// credentialKind is a credential other than the TOTP Key, as the contract
// names them for other-credential.
type credentialKind string

const (
	credPassword    credentialKind = "password"
	credPIN         credentialKind = "pin"
	credPAN         credentialKind = "pan"
	credAPIKey      credentialKind = "api-key"
	credAPISecret   credentialKind = "api-secret"
	credAccessToken credentialKind = "access-token"
	credDateOfBirth credentialKind = "date-of-birth"
)

// accountMention is an account the ticket names on a line: by client id
// ("client id AB1234") or by whose it is ("my wife's account").
type accountMention struct {
	line  int
	label string
}

// brokerNames are the words that name a broker, lower case, with the
// broker id of the contract's --broker list. Longer names come first.
// This is the stand-in for the broker catalogue.
var brokerNames = []struct{ word, id string }{
	{"angel one", "angelone"}, {"angel broking", "angelone"}, {"angelone", "angelone"}, {"smartapi", "angelone"},
	{"alice blue", "aliceblue"}, {"aliceblue", "aliceblue"},
	{"kotak neo", "kotakneo"}, {"kotakneo", "kotakneo"}, {"kotak", "kotakneo"},
	{"icici direct", "icicidirect"}, {"icicidirect", "icicidirect"}, {"breeze", "icicidirect"},
	{"zerodha", "zerodha"}, {"kite", "zerodha"},
	{"upstox", "upstox"}, {"dhanhq", "dhan"}, {"dhan", "dhan"}, {"fyers", "fyers"},
	{"shoonya", "shoonya"}, {"finvasia", "shoonya"}, {"5paisa", "5paisa"}, {"flattrade", "flattrade"},
}

// actionCues are phrases, lower case, that say what the customer did, in
// English and Hinglish.
var actionCues = []struct {
	phrase string
	a      action
}{
	{"disabled and enabled", didReset}, {"disabled and re-enabled", didReset}, {"disabled and reenabled", didReset},
	{"disable and enable", didReset}, {"disabled & enabled", didReset}, {"disable/enable", didReset},
	{"re-enabled", didReset}, {"reenabled", didReset}, {"enabled it again", didReset}, {"enabled again", didReset},
	{"reset the totp", didReset}, {"reset totp", didReset}, {"totp reset", didReset}, {"reset my totp", didReset},
	{"disable karke", didReset}, {"disable kar ke", didReset}, {"dubara enable", didReset}, {"phir se enable", didReset},
	{"new key", didNewKey}, {"new totp key", didNewKey}, {"new secret", didNewKey}, {"fresh key", didNewKey},
	{"naya key", didNewKey}, {"nayi key", didNewKey}, {"new qr", didNewKey},
	{"already saved", didSave}, {"saved it", didSave}, {"saved the key", didSave}, {"validate & save", didSave},
	{"validate and save", didSave}, {"save kar", didSave}, {"save kiya", didSave}, {"already entered", didSave},
	{"only a qr", sawOnlyQR}, {"only qr", sawOnlyQR}, {"only the qr", sawOnlyQR}, {"just a qr", sawOnlyQR},
	{"only shows a qr", sawOnlyQR}, {"only shows qr", sawOnlyQR}, {"only showing qr", sawOnlyQR}, {"sirf qr", sawOnlyQR}, {"सिर्फ qr", sawOnlyQR}, {"केवल qr", sawOnlyQR},
	{"qr code hi", sawOnlyQR}, {"qr hi aa raha", sawOnlyQR}, {"no key shown", sawOnlyQR}, {"key nahi dikh", sawOnlyQR},
	{"don't see any key", sawOnlyQR}, {"dont see any key", sawOnlyQR}, {"no text key", sawOnlyQR},
}

// workingCues say it worked before: an outage at the broker is likelier
// than a wrong key.
var workingCues = []string{"was working", "worked yesterday", "working till", "working fine", "till yesterday",
	"since morning", "since today morning", "since 9", "subah se", "kal tak", "same key as yesterday", "chal raha tha"}

// rejectedCues say the broker refused the TOTP.
var rejectedCues = []string{"invalid totp", "wrong totp", "incorrect totp", "totp is invalid", "totp invalid", "invalid otp",
	"totp galat", "galat totp", "otp galat", "totp rejected", "rejected the totp", "totp is wrong", "totp not accepted"}

// accountIDPattern finds an account named by its client id: a cue, then
// an id of 4 to 12 letters and digits with at least one digit.
var accountIDPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:client\s*(?:id|code)|user\s*id|login\s*id|ucc|a/c(?:\s*no\.?)?|account(?:\s*(?:no\.?|number|id))?|id)\s*[:#=\-]?\s*(?:is\s+)?([A-Za-z]{0,6}[0-9][A-Za-z0-9]{2,11})\b`)
})

// accountOwnerPattern finds an account named by whose it is.
var accountOwnerPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:my\s+)?(wife|husband|father|mother|dad|mom|papa|mummy|son|daughter|brother|sister|huf|second|2nd|other|personal|family|[A-Z][a-z]{2,15}'s)(?:'s)?\s+(?:a/c|account|acc|demat)\b`)
})

// panPattern is the shape of an Indian PAN (compiled when a ticket is
// first read, not at start-up, as the two above): five letters, four digits, a
// letter.
var panPattern = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\b[A-Z]{5}[0-9]{4}[A-Z]\b`) })

// credentialCues are the words in front of a credential's value, lower
// case. A value counts when a separator (":" or "=") stands between, or
// the value has a digit or a symbol (so "password reset" is no password).
var credentialCues = []struct {
	word string
	kind credentialKind
}{
	{"api secret", credAPISecret}, {"api_secret", credAPISecret}, {"app secret", credAPISecret}, {"client secret", credAPISecret},
	{"api key", credAPIKey}, {"api_key", credAPIKey}, {"apikey", credAPIKey},
	{"access token", credAccessToken}, {"access_token", credAccessToken},
	{"trading password", credPassword}, {"login password", credPassword}, {"password", credPassword},
	{"passwd", credPassword}, {"pwd", credPassword}, {"pass", credPassword},
	{"mpin", credPIN}, {"pin", credPIN},
	{"pan", credPAN}, {"date of birth", credDateOfBirth}, {"dob", credDateOfBirth},
}

// addLine reads one line of the ticket.
func (f *ticketFacts) addLine(number int, text []byte) {
	line := string(text)
	lower := strings.ToLower(line)
	for _, id := range brokersInLine(lower) {
		if !slices.Contains(f.brokers, id) {
			f.brokers = append(f.brokers, id)
		}
	}
	for _, c := range actionCues {
		if strings.Contains(lower, c.phrase) {
			f.did |= actionSet(c.a)
		}
	}
	for _, c := range workingCues {
		if strings.Contains(lower, c) {
			f.wasWorking = true
		}
	}
	for _, c := range rejectedCues {
		if strings.Contains(lower, c) {
			f.rejected = true
		}
	}
	for _, c := range credentialsInLine(line, lower) {
		if !slices.Contains(f.credentials, c.kind) {
			f.credentials = append(f.credentials, c.kind)
		}
		if f.credentialValues == nil {
			f.credentialValues = map[string]bool{}
		}
		f.credentialValues[c.value] = true
	}
	for _, label := range accountsInLine(line) {
		if len(f.accounts) < maxTicketAccounts {
			f.accounts = append(f.accounts, accountMention{line: number, label: label})
		}
	}
}

// merge adds the facts of a later part of the same ticket.
func (f *ticketFacts) merge(o *ticketFacts) {
	for _, id := range o.brokers {
		if !slices.Contains(f.brokers, id) {
			f.brokers = append(f.brokers, id)
		}
	}
	f.did |= o.did
	f.wasWorking = f.wasWorking || o.wasWorking
	f.rejected = f.rejected || o.rejected
	for _, c := range o.credentials {
		if !slices.Contains(f.credentials, c) {
			f.credentials = append(f.credentials, c)
		}
	}
	for v := range o.credentialValues {
		if f.credentialValues == nil {
			f.credentialValues = map[string]bool{}
		}
		f.credentialValues[v] = true
	}
	for _, a := range o.accounts {
		if len(f.accounts) < maxTicketAccounts {
			f.accounts = append(f.accounts, a)
		}
	}
}

// reset empties f for the next ticket, keeping its storage.
func (f *ticketFacts) reset() {
	*f = ticketFacts{brokers: f.brokers[:0], credentials: f.credentials[:0], accounts: f.accounts[:0]}
}

// factsOfColumns reads the kept columns of a CSV record as a ticket; nil
// when they say nothing a reply answers.
func factsOfColumns(values []string) *ticketFacts {
	var f ticketFacts
	for _, v := range values {
		f.addLine(0, []byte(v))
	}
	if len(f.brokers) == 0 && f.did == 0 && len(f.credentials) == 0 && len(f.accounts) == 0 && !f.wasWorking && !f.rejected {
		return nil
	}
	return &f
}

// hideCredentials replaces the credential values f saw in s with bullets,
// one per character: a heading may quote the ticket, never a password.
func (f *ticketFacts) hideCredentials(s string) string {
	if f == nil {
		return s
	}
	for v := range f.credentialValues {
		s = strings.ReplaceAll(s, v, strings.Repeat("•", utf8.RuneCountInString(v)))
	}
	return s
}

// broker is the one broker the ticket is about: the one it names, when it
// names exactly one.
func (f *ticketFacts) broker() string {
	if len(f.brokers) == 1 {
		return f.brokers[0]
	}
	return ""
}

// accountFor is the account a finding on a line belongs to: one named on
// the same line, else the last named before it.
func (f *ticketFacts) accountFor(line int) string {
	label := ""
	for _, a := range f.accounts {
		if a.line > line {
			break
		}
		label = a.label
	}
	return label
}

// brokersInLine finds the brokers a lower-case line names, as whole words.
func brokersInLine(lower string) []string {
	var ids []string
	for _, b := range brokerNames {
		if containsWord(lower, b.word) && !slices.Contains(ids, b.id) {
			ids = append(ids, b.id)
		}
	}
	return ids
}

// containsWord reports whether s has word with no letter or digit right
// before or after it.
func containsWord(s, word string) bool {
	for from := 0; ; {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(word)
		if (i == 0 || !isWordByte(s[i-1])) && (end == len(s) || !isWordByte(s[end])) {
			return true
		}
		from = i + 1
	}
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// credentialSeen is a credential found in a line, and its value.
type credentialSeen struct {
	kind  credentialKind
	value string
	at    int // byte offset in the line, for the order of the ticket
}

// credentialsInLine finds the credentials other than the TOTP Key that a
// line gives a value for: a cue word then a value, and PAN-shaped words.
// It is the stand-in for the library's credential recogniser.
func credentialsInLine(line, lower string) []credentialSeen {
	if len(line) != len(lower) {
		line = lower // lower case changed a length: keep the offsets right
	}
	var found []credentialSeen
	seen := func(v string) bool {
		return slices.ContainsFunc(found, func(c credentialSeen) bool { return c.value == v })
	}
	for _, c := range credentialCues {
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], c.word)
			if i < 0 {
				break
			}
			i += from
			end := i + len(c.word)
			from = end
			if i > 0 && isWordByte(lower[i-1]) || end < len(lower) && isWordByte(lower[end]) && lower[end] != 's' {
				continue
			}
			if end < len(lower) && lower[end] == 's' {
				end++ // "passwords", "pins"
			}
			if v, ok := credentialValue(line[end:]); ok && !seen(v) {
				found = append(found, credentialSeen{kind: c.kind, value: v, at: i})
			}
		}
	}
	for _, m := range panPattern().FindAllStringIndex(line, -1) {
		if v := line[m[0]:m[1]]; !seen(v) {
			found = append(found, credentialSeen{kind: credPAN, value: v, at: m[0]})
		}
	}
	slices.SortStableFunc(found, func(a, b credentialSeen) int { return a.at - b.at })
	return found
}

// credentialValue reads the value after a credential's cue word: it counts
// when a ":" or "=" (or "is", "hai", "-") comes before it and it is one
// word, or when it has a digit or a symbol.
func credentialValue(rest string) (string, bool) {
	s := strings.TrimLeft(rest, " \t")
	sep := false
	for _, p := range []string{":", "=", "-", "is ", "hai ", "was ", "->"} {
		if strings.HasPrefix(strings.ToLower(s), p) {
			s, sep = strings.TrimLeft(s[len(p):], " \t:="), true
			break
		}
	}
	end := strings.IndexAny(s, " \t,;")
	if end < 0 {
		end = len(s)
	}
	v := strings.TrimRight(s[:end], ".)")
	if len(v) < 4 || len(v) > 4096 {
		return "", false
	}
	hasDigitOrSymbol := strings.ContainsFunc(v, func(r rune) bool {
		return r >= '0' && r <= '9' || strings.ContainsRune("@#$%&*!_^~+", r)
	})
	if !hasDigitOrSymbol && !(sep && !commonWord(v)) {
		return "", false
	}
	return v, true
}

// commonWord reports whether v is an ordinary word that follows "password:"
// in a sentence rather than a password ("password: changed").
func commonWord(v string) bool {
	switch strings.ToLower(v) {
	case "changed", "correct", "same", "reset", "updated", "wrong", "expired", "sahi", "galat", "not", "also", "and":
		return true
	}
	return false
}

// accountsInLine finds the accounts a line names: client ids and owners.
// A line that names one owner and one client id names one account: "your
// wife's account (client id CD5678)".
func accountsInLine(line string) []string {
	var ids, owners []string
	for _, m := range accountIDPattern().FindAllStringSubmatch(line, -1) {
		id := strings.ToUpper(m[1])
		if panPattern().MatchString(id) || len(id) > 12 {
			continue // a PAN is a credential, not an account label
		}
		ids = append(ids, "client id "+id)
	}
	for _, m := range accountOwnerPattern().FindAllStringSubmatch(line, -1) {
		owner := strings.ToLower(m[1])
		switch {
		case strings.HasSuffix(owner, "'s"):
			owners = append(owners, m[1]+" account")
		case owner == "huf" || owner == "second" || owner == "2nd" || owner == "other" || owner == "personal" || owner == "family":
			owners = append(owners, "your "+owner+" account")
		default:
			owners = append(owners, "your "+owner+"'s account")
		}
	}
	if len(owners) == 1 && len(ids) == 1 {
		return []string{owners[0] + " (" + ids[0] + ")"}
	}
	return append(owners, ids...)
}
