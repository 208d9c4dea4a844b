package reply

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// TicketFacts is what a ticket says beyond the keys, codes and error
// messages the scanner finds: which broker, what the customer already did,
// which accounts, and which other credentials they sent. --scan --reply
// reads it line by line (addLine) and answers the ticket with it.
//
// The detectors here are small and read the ticket's words only. They are
// the place to plug in the broker catalogue (brokerInLine) and the
// credential recogniser (credentialsInLine) when those exist.
type TicketFacts struct {
	brokers     []string // broker ids, in the order the ticket names them
	Did         ActionSet
	Credentials []credentialKind // in the order first seen
	// credentialValues are the values sent as credentials (a PIN, say),
	// so that the reply does not call a 6-digit PIN a TOTP. Never printed.
	CredentialValues map[string]bool
	accounts         []accountMention
	wasWorking       bool // "was working", "till yesterday", "since morning"
	// rejected is set when the ticket says the broker refused the TOTP in
	// words the scanner does not take for an error message ("wrong totp",
	// "totp galat").
	rejected bool
}

// maxTicketAccounts bounds the account mentions a ticket keeps.
const maxTicketAccounts = 8

// Action is something the customer says they already did or saw.
type Action uint8

const (
	DidReset  Action = 1 << iota // disabled and enabled TOTP, reset it
	DidNewKey                    // made or got a new key
	DidSave                      // already entered the key and saved
	SawOnlyQR                    // the broker shows only a QR code
)

// ActionSet is a set of actions.
type ActionSet uint8

// Has reports whether the set holds the action.
func (s ActionSet) Has(a Action) bool { return s&ActionSet(a) != 0 }

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
	a      Action
}{
	{"disabled and enabled", DidReset}, {"disabled and re-enabled", DidReset}, {"disabled and reenabled", DidReset},
	{"disable and enable", DidReset}, {"disabled & enabled", DidReset}, {"disable/enable", DidReset},
	{"re-enabled", DidReset}, {"reenabled", DidReset}, {"enabled it again", DidReset}, {"enabled again", DidReset},
	{"reset the totp", DidReset}, {"reset totp", DidReset}, {"totp reset", DidReset}, {"reset my totp", DidReset},
	{"disable karke", DidReset}, {"disable kar ke", DidReset}, {"dubara enable", DidReset}, {"phir se enable", DidReset},
	{"new key", DidNewKey}, {"new totp key", DidNewKey}, {"new secret", DidNewKey}, {"fresh key", DidNewKey},
	{"naya key", DidNewKey}, {"nayi key", DidNewKey}, {"new qr", DidNewKey},
	{"already saved", DidSave}, {"saved it", DidSave}, {"saved the key", DidSave}, {"validate & save", DidSave},
	{"validate and save", DidSave}, {"save kar", DidSave}, {"save kiya", DidSave}, {"already entered", DidSave},
	{"only a qr", SawOnlyQR}, {"only qr", SawOnlyQR}, {"only the qr", SawOnlyQR}, {"just a qr", SawOnlyQR},
	{"only shows a qr", SawOnlyQR}, {"only shows qr", SawOnlyQR}, {"only showing qr", SawOnlyQR}, {"sirf qr", SawOnlyQR}, {"सिर्फ qr", SawOnlyQR}, {"केवल qr", SawOnlyQR},
	{"qr code hi", SawOnlyQR}, {"qr hi aa raha", SawOnlyQR}, {"no key shown", SawOnlyQR}, {"key nahi dikh", SawOnlyQR},
	{"don't see any key", SawOnlyQR}, {"dont see any key", SawOnlyQR}, {"no text key", SawOnlyQR},
}

// workingCues say it worked before: an outage at the broker is likelier
// than a wrong key.
var workingCues = []string{"was working", "worked yesterday", "working till", "working fine", "till yesterday",
	"since morning", "since today morning", "since 9", "subah se", "kal tak", "same key as yesterday", "chal raha tha"}

// rejectedCues say the broker refused the TOTP.
var rejectedCues = []string{"invalid totp", "wrong totp", "incorrect totp", "totp is invalid", "totp invalid", "invalid otp",
	"totp galat", "galat totp", "otp galat", "totp rejected", "rejected the totp", "totp is wrong", "totp not accepted"}

// accountIDPattern finds an account named by its client id: a cue, then
// an id of 4 to 12 letters and digits with at least one digit. A space or a
// sign stands between them: "ID3AST", a group of a key, is no "id 3AST".
var accountIDPattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:client\s*(?:id|code)|user\s*id|login\s*id|ucc|a/c(?:\s*no)?|account(?:\s*(?:no|number|id))?|id)(?:\s*[:#=.\-]\s*|\s+)(?:is\s+)?([A-Za-z]{0,6}[0-9][A-Za-z0-9]{2,11})\b`)
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

// AddLine reads one line of the ticket.
func (f *TicketFacts) AddLine(number int, text []byte) {
	line := string(text)
	lower := strings.ToLower(line)
	for _, id := range brokersInLine(lower) {
		if !slices.Contains(f.brokers, id) {
			f.brokers = append(f.brokers, id)
		}
	}
	for _, c := range actionCues {
		if strings.Contains(lower, c.phrase) {
			f.Did |= ActionSet(c.a)
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
		if !slices.Contains(f.Credentials, c.kind) {
			f.Credentials = append(f.Credentials, c.kind)
		}
		if f.CredentialValues == nil {
			f.CredentialValues = map[string]bool{}
		}
		f.CredentialValues[c.value] = true
	}
	for _, label := range accountsInLine(line) {
		if len(f.accounts) < maxTicketAccounts {
			f.accounts = append(f.accounts, accountMention{line: number, label: label})
		}
	}
}

// Merge adds the facts of a later part of the same ticket.
func (f *TicketFacts) Merge(o *TicketFacts) {
	for _, id := range o.brokers {
		if !slices.Contains(f.brokers, id) {
			f.brokers = append(f.brokers, id)
		}
	}
	f.Did |= o.Did
	f.wasWorking = f.wasWorking || o.wasWorking
	f.rejected = f.rejected || o.rejected
	for _, c := range o.Credentials {
		if !slices.Contains(f.Credentials, c) {
			f.Credentials = append(f.Credentials, c)
		}
	}
	for v := range o.CredentialValues {
		if f.CredentialValues == nil {
			f.CredentialValues = map[string]bool{}
		}
		f.CredentialValues[v] = true
	}
	for _, a := range o.accounts {
		if len(f.accounts) < maxTicketAccounts {
			f.accounts = append(f.accounts, a)
		}
	}
}

// Reset empties f for the next ticket, keeping its storage.
func (f *TicketFacts) Reset() {
	*f = TicketFacts{brokers: f.brokers[:0], Credentials: f.Credentials[:0], accounts: f.accounts[:0]}
}

// FactsOfColumns reads the kept columns of a CSV record as a ticket; nil
// when they say nothing a reply answers.
func FactsOfColumns(values []string) *TicketFacts {
	var f TicketFacts
	for _, v := range values {
		f.AddLine(0, []byte(v))
	}
	if len(f.brokers) == 0 && f.Did == 0 && len(f.Credentials) == 0 && len(f.accounts) == 0 && !f.wasWorking && !f.rejected {
		return nil
	}
	return &f
}

// HideCredentials replaces the credential values f saw in s with bullets,
// one per character: a heading may quote the ticket, never a password.
func (f *TicketFacts) HideCredentials(s string) string {
	if f == nil {
		return s
	}
	for v := range f.CredentialValues {
		s = strings.ReplaceAll(s, v, strings.Repeat("•", utf8.RuneCountInString(v)))
	}
	return s
}

// Broker is the one broker the ticket is about: the one it names, when it
// names exactly one.
func (f *TicketFacts) Broker() string {
	if len(f.brokers) == 1 {
		return f.brokers[0]
	}
	return ""
}

// accountFor is the account a finding on a line belongs to: one named on
// the same line, else the last named before it.
func (f *TicketFacts) accountFor(line int) string {
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

// FactsOf reads the facts of a whole text, line by line, as --scan
// --reply does.
func FactsOf(text string) TicketFacts {
	var f TicketFacts
	for i, line := range strings.Split(text, "\n") {
		f.AddLine(i+1, []byte(line))
	}
	return f
}

// String names the actions of a set ("reset new-key"), as the ticket
// corpus's expect lines have them.
func (s ActionSet) String() string {
	var names []string
	for _, a := range []struct {
		a    Action
		name string
	}{{DidReset, "reset"}, {DidNewKey, "new-key"}, {DidSave, "saved"}, {SawOnlyQR, "only-qr"}} {
		if s.Has(a.a) {
			names = append(names, a.name)
		}
	}
	return strings.Join(names, " ")
}
