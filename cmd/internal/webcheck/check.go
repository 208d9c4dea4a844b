package webcheck

import (
	"bytes"
	"errors"
	"slices"
	"time"

	"github.com/totpkey/totpkey/docs"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/broker"
	"github.com/totpkey/totpkey/totpkey/code"
	"github.com/totpkey/totpkey/totpkey/qr"
)

// Response is the page's answer for one input: its results (several for
// an export link) and the help topics that hold the fix, each once.
type Response struct {
	Results []ResultView `json:"results"`
	Topics  []TopicView  `json:"topics"`
	// Error is a message about what was asked rather than about the
	// input (a code that is not 6 to 8 digits, an unreadable image).
	Error string `json:"error,omitempty"`
}

// Check classifies input as validate does; brokerID is the broker the
// user picked (an id of the broker catalogue), "" for none: its checks are
// made (ApplyBroker), and without one those of a link's issuer.
func Check(input, brokerID string) Response {
	b := lookupBroker(brokerID)
	results := totpkey.ClassifyAll(input)
	applyBroker(results, b)
	return respond(results, input, b)
}

// lookupBroker is the broker with the given id; the zero Broker for ""
// or an id the catalogue does not know.
func lookupBroker(id string) broker.Broker {
	b, _ := broker.Lookup(id)
	return b
}

// applyBroker makes the checks of each result those of b, as validate
// --broker does.
func applyBroker(results []totpkey.Result, b broker.Broker) {
	for i := range results {
		results[i].ApplyBroker(b)
	}
}

// CheckCode classifies input and checks that its key gives otp, the code
// the authenticator app shows at now (validate --code, window 1). An otp
// that is not a code gives a Response with Error set.
func CheckCode(input, otp, brokerID string, now time.Time) Response {
	b := lookupBroker(brokerID)
	results := totpkey.ClassifyAll(input)
	for i := range results {
		if err := code.Check(&results[i], otp, now, code.DefaultWindow); err != nil {
			resp := Check(input, brokerID)
			resp.Error = errorMessage(err)
			return resp
		}
	}
	applyBroker(results, b) // after the check, as validate: a key that gives the code is whole
	return respond(results, input, b)
}

// ReadQR reads the QR codes in a PNG, JPEG or GIF image (a screenshot
// pasted or dropped on the page) and classifies each, as validate --qr.
func ReadQR(image []byte, brokerID string) Response {
	results, err := qr.Classify(bytes.NewReader(image), qr.Limits{})
	if err != nil {
		return Response{Results: []ResultView{}, Topics: []TopicView{}, Error: errorMessage(err)}
	}
	b := lookupBroker(brokerID)
	applyBroker(results, b)
	return respond(results, "", b)
}

// respond builds the Response of results checked for broker b: the fix
// topics of the results, then b's note (Dhan's) and where b shows the key.
func respond(results []totpkey.Result, input string, b broker.Broker) Response {
	if len(results) > 1 {
		input = "" // an export link: positions are in the decoded payload
	}
	resp := Response{Results: make([]ResultView, 0, len(results)), Topics: []TopicView{}}
	var ids []string
	for i := range results {
		resp.Results = append(resp.Results, NewResultView(&results[i], input))
		if t := results[i].Topic; t != "" && !slices.Contains(ids, t) {
			ids = append(ids, t)
		}
	}
	if b.Known() {
		for _, id := range []string{b.NoteTopic, brokerTopic(b)} {
			if id != "" && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	for _, id := range ids {
		if t, ok := TopicByID(id); ok {
			resp.Topics = append(resp.Topics, t)
		}
	}
	return resp
}

// errorMessage is an error as the page shows it, in the library's words:
// a code that is not a code is said without quoting it.
func errorMessage(err error) string {
	if errors.Is(err, code.ErrBadCode) {
		return code.ErrBadCode.Error()
	}
	return err.Error()
}

// TopicView is a help topic cut into blocks for the page.
type TopicView struct {
	ID     string      `json:"id"`
	Title  string      `json:"title"`
	Blocks []BlockView `json:"blocks"`
}

// BlockView is a paragraph, heading, step or bullet of a topic.
type BlockView struct {
	// Kind is "paragraph", "heading", "step" or "bullet".
	Kind   string `json:"kind"`
	Text   string `json:"text"`
	Number int    `json:"number,omitempty"`
}

// TopicByID is the help topic with the given id or alias.
func TopicByID(id string) (TopicView, bool) {
	t, ok := docs.Lookup(id)
	if !ok {
		return TopicView{}, false
	}
	v := TopicView{ID: t.ID, Title: t.Title, Blocks: []BlockView{}}
	for _, b := range t.Blocks() {
		v.Blocks = append(v.Blocks, BlockView{Kind: b.Kind.String(), Text: b.Text, Number: b.Number})
	}
	return v, true
}
