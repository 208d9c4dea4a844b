package docs

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

//go:generate go run ../cmd/genbrokers brokers.yaml brokers.json

// brokersFile is brokers.yaml as JSON (cmd/genbrokers writes it), so that
// the binary reads the catalogue without a YAML library.
//
//go:embed brokers.json
var brokersFile []byte

// Broker is one broker of the catalogue in brokers.yaml: where it shows
// the TOTP Key, how long that key is, and its other credentials, each fact
// with its public source and date.
type Broker struct {
	ID             string             `json:"id"`
	Name           string             `json:"name"`
	Aliases        []string           `json:"aliases"`
	NoteTopic      string             `json:"note_topic"`
	ClientIDDigits int                `json:"client_id_digits"`
	KeyLength      BrokerKeyLength    `json:"key_length"`
	Shown          BrokerShown        `json:"shown"`
	Where          BrokerWhere        `json:"where"`
	Credentials    []BrokerCredential `json:"credentials"`
	Notes          []BrokerNote       `json:"notes"`
}

// BrokerKeyLength is the length of the key a broker shows, in base32
// characters; Value is 0 when it is not established.
type BrokerKeyLength struct {
	Value      int    `json:"value"`
	Confidence string `json:"confidence"` // established, likely or unknown
	Source     string `json:"source"`
	Date       string `json:"date"`
}

// BrokerShown is how a broker shows the key: How is copy-link, text, qr
// or unknown; Once is true when it is shown only while TOTP is set up.
type BrokerShown struct {
	How    string `json:"how"`
	Once   bool   `json:"once"`
	Source string `json:"source"`
	Date   string `json:"date"`
}

// BrokerWhere is the way to the key in the broker's web site or app.
type BrokerWhere struct {
	Steps  []string `json:"steps"`
	Source string   `json:"source"`
	Date   string   `json:"date"`
}

// BrokerCredential is one of a broker's other credentials: an id of
// totpkey's other-credential problem and what it looks like.
type BrokerCredential struct {
	ID         string `json:"id"`
	Shape      string `json:"shape"`
	Confidence string `json:"confidence"`
	Source     string `json:"source"`
	Date       string `json:"date"`
}

// BrokerNote is something to know about a broker's TOTP.
type BrokerNote struct {
	Text   string `json:"text"`
	Source string `json:"source"`
	Date   string `json:"date"`
}

// brokerCatalogue is the parsed brokers.yaml.
type brokerCatalogue struct {
	ReadOn  string   `json:"read_on"`
	Brokers []Broker `json:"brokers"`
}

// parseBrokers reads a broker catalogue, refusing keys it does not know.
func parseBrokers(data []byte) ([]Broker, error) {
	var c brokerCatalogue
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("parse brokers.json: %w", err)
	}
	for _, b := range c.Brokers {
		if !validTopicID(b.ID) || b.Name == "" {
			return nil, fmt.Errorf("brokers.yaml: broker %q needs an id of lower-case letters and digits and a name", b.ID)
		}
	}
	return c.Brokers, nil
}

// embeddedBrokers parses brokers.json once; a broken file is reported by
// Check and leaves the catalogue without brokers.
var embeddedBrokers = sync.OnceValues(func() ([]Broker, error) { return parseBrokers(brokersFile) })

// Brokers returns the broker catalogue, in the file's order.
func Brokers() []Broker {
	bs, _ := embeddedBrokers()
	return append([]Broker(nil), bs...)
}

// BrokerTopicID is the id of the topic that says where broker id shows the
// key: "broker-zerodha". `totpkey explain zerodha` finds it by its alias.
func BrokerTopicID(id string) string { return "broker-" + id }

// brokerTopic renders a broker as a help topic.
func brokerTopic(b Broker) Topic {
	var body strings.Builder
	body.WriteString(shownSentence(b) + " " + lengthSentence(b) + "\n\n")
	body.WriteString("## Where to find the key\n\n")
	n := 0
	for _, s := range b.Where.Steps {
		n++
		fmt.Fprintf(&body, "%d. %s\n", n, s)
	}
	fmt.Fprintf(&body, "%d. Go to menu (Accounts -> Trading Accounts), click the small EDIT icon next to your trading account, paste the key into the TOTP Key field and click Validate & Save.\n\n", n+1)
	if len(b.Credentials) > 0 {
		fmt.Fprintf(&body, "## %s's other credentials: never the TOTP Key\n\n", b.Name)
		for _, c := range b.Credentials {
			fmt.Fprintf(&body, "- %s: %s.\n", credentialTitle(c.ID), strings.TrimSuffix(c.Shape, "."))
		}
		body.WriteString("\nSee totpkey explain other-credential for which goes where.\n\n")
	}
	if len(b.Notes) > 0 {
		body.WriteString("## Notes\n\n")
		for _, note := range b.Notes {
			fmt.Fprintf(&body, "- %s\n", note.Text)
		}
		body.WriteString("\n")
	}
	body.WriteString("## Sources\n\n")
	fmt.Fprintf(&body, "- Key length (%s): %s (%s).\n", b.KeyLength.Confidence, b.KeyLength.Source, b.KeyLength.Date)
	fmt.Fprintf(&body, "- How the key is shown: %s (%s).\n", b.Shown.Source, b.Shown.Date)
	fmt.Fprintf(&body, "- Where: %s (%s).\n", b.Where.Source, b.Where.Date)
	aliases := append([]string{b.ID, b.Name}, b.Aliases...)
	return Topic{
		ID:      BrokerTopicID(b.ID),
		Title:   "Where " + b.Name + " shows the TOTP Key",
		Aliases: aliases,
		Errors:  nil,
		Body:    body.String(),
		Broker:  b.ID,
	}
}

// shownSentence says how the broker shows the key.
func shownSentence(b Broker) string {
	var s string
	switch b.Shown.How {
	case "copy-link":
		s = b.Name + " shows the TOTP Key as text when you set up TOTP: under the QR code, behind a link to copy the key."
	case "text":
		s = b.Name + " shows the TOTP Key as text beside the QR code when you set up TOTP."
	case "qr":
		s = b.Name + "'s own help mentions only a QR code; whether it also prints the key as text is not established."
	default:
		s = "How " + b.Name + " shows the TOTP Key is not established."
	}
	if b.Shown.Once {
		s += " It shows the key only then: if you did not keep it, disable TOTP and enable it again for a new key."
	}
	return s
}

// lengthSentence says how long the broker's key is, and how sure that is.
func lengthSentence(b Broker) string {
	if b.KeyLength.Value == 0 {
		return "The length of " + b.Name + "'s key is not known, so totpkey checks it like any key."
	}
	n := strconv.Itoa(b.KeyLength.Value)
	sure := ""
	if b.KeyLength.Confidence != "established" {
		sure = " (" + b.KeyLength.Confidence + ", from the sources below)"
	}
	return "Its key has " + n + " characters" + sure + ": a shorter one was not copied in full (totpkey validate --broker " + b.ID + " says so)."
}

// credentialTitle names a credential id for a heading or a list.
func credentialTitle(id string) string {
	switch id {
	case "api-key":
		return "API key"
	case "api-secret":
		return "API secret"
	case "access-token":
		return "Access token"
	case "client-id":
		return "Client id"
	case "app-id":
		return "App id"
	case "pan":
		return "PAN"
	case "date-of-birth":
		return "Date of birth"
	case "pin":
		return "PIN"
	case "password":
		return "Password"
	}
	return id
}
