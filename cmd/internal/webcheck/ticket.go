package webcheck

import (
	"github.com/totpkey/totpkey/cmd/internal/reply"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/broker"
	"github.com/totpkey/totpkey/totpkey/scan"
)

// maxTicketFindings is how many findings of one ticket the page lists.
const maxTicketFindings = 100

// TicketView is what validate --scan finds in a support ticket.
type TicketView struct {
	Findings []FindingView `json:"findings"`
	// More counts the findings left off after maxTicketFindings.
	More   int         `json:"more,omitempty"`
	Topics []TopicView `json:"topics"`
	// Broker is the broker the ticket names, when it names exactly one:
	// its checks are made, as validate --scan does.
	Broker string `json:"broker,omitempty"`
	// MaskedText is the ticket with everything in it that may be a key
	// masked (totpkey.MaskText), for the page to show in place of what was
	// pasted.
	MaskedText string `json:"masked_text"`
	// Reply is the ready-to-send reply to the customer, the one validate
	// --scan --reply prints (package reply): secrets masked.
	Reply string `json:"reply"`
}

// FindingView is one thing found in a ticket.
type FindingView struct {
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Kind   string `json:"kind"`
	// Shown is the text as found, masked when it is a key or a link.
	Shown  string     `json:"shown"`
	Result ResultView `json:"result"`
}

// Ticket scans a pasted support ticket for keys, codes, links and error
// messages and classifies each, as validate --scan does.
func Ticket(text string) TicketView {
	findings, b := scanTicket(text)
	facts := reply.FactsOf(text)
	v := TicketView{Broker: b.ID, Findings: []FindingView{}, Topics: []TopicView{}, MaskedText: totpkey.MaskText(text),
		Reply: reply.ForFindings(findings, &facts, b)}
	seen := map[string]bool{}
	for i := range findings {
		f := &findings[i]
		if len(v.Findings) == maxTicketFindings {
			v.More = len(findings) - i
			break
		}
		shown := f.Text
		switch f.Kind {
		case scan.FindingCode, scan.FindingErrorMessage:
		default:
			shown = totpkey.Mask(f.Text)
		}
		rv := NewResultView(&f.Result, "")
		if rv.Secret != nil {
			rv.Secret.Value = "" // support staff get the masked key only
		}
		v.Findings = append(v.Findings, FindingView{Line: f.Line, Column: f.Column, Kind: string(f.Kind), Shown: shown, Result: rv})
		if t := f.Result.Topic; t != "" && !seen[t] {
			seen[t] = true
			if tv, ok := TopicByID(t); ok {
				v.Topics = append(v.Topics, tv)
			}
		}
	}
	return v
}

// scanTicket is scan.Scan with the broker the text names (the zero Broker
// when it names none or several), whose checks it makes on every finding,
// as validate --scan does.
func scanTicket(text string) ([]scan.Finding, broker.Broker) {
	var s scan.Scanner
	findings := s.ScanText(text, nil)
	b, _ := s.Brokers().Broker()
	for i := range findings {
		f := &findings[i]
		if f.Kind == scan.FindingErrorMessage {
			f.Result.Broker = b.ID
		} else {
			f.Result.ApplyBroker(b)
		}
	}
	return findings, b
}
