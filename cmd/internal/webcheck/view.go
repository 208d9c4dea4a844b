// Package webcheck is what the page of totpkey serve asks the library, as
// JSON the page's script reads: the result of a key (the fields of
// validate -o json, plus the verdict line, the echo with its carets and
// the fix steps), the --code check, the QR codes of a screenshot and the
// findings of a support ticket. It runs inside the page (compiled to
// WebAssembly by cmd/totpkey-wasm), so a key typed there never leaves it.
package webcheck

import (
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/link"
)

// ResultView is one result as the page shows it. Its first fields are
// those of the JSON result of the product contract, with the same names.
// Secret.Value holds the cleaned key: the page keeps it in memory for
// "Show" and "Copy cleaned key" and never puts it on the page otherwise.
type ResultView struct {
	Class     string         `json:"class"`
	Format    string         `json:"format"`
	Problems  []ProblemView  `json:"problems"`
	Changes   []ChangeView   `json:"changes"`
	Warnings  []ChangeView   `json:"warnings,omitempty"`
	Secret    *SecretView    `json:"secret,omitempty"`
	Topic     string         `json:"topic"`
	Broker    string         `json:"broker,omitempty"`
	ExitCode  int            `json:"exit_code"`
	CodeCheck *CodeCheckView `json:"code_check,omitempty"`
	Account   *AccountView   `json:"account,omitempty"`

	// Verdict is the one-line summary the text output starts with.
	Verdict string `json:"verdict"`
	// Echo is the input with every character masked but the bad ones,
	// and Carets has a "^" under each bad one; both empty when no
	// character is bad.
	Echo   string `json:"echo,omitempty"`
	Carets string `json:"carets,omitempty"`
	// AccountLabel names the account of a link ("Zerodha (AB1234)").
	AccountLabel string `json:"account_label,omitempty"`
	// CodeWords says in words what the code check found.
	CodeWords string `json:"code_words,omitempty"`
}

// ProblemView is a problem of a result.
type ProblemView struct {
	ID         string `json:"id"`
	Message    string `json:"message"`
	Position   int    `json:"position,omitempty"`
	Char       string `json:"char,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
	Confirmed  *bool  `json:"confirmed,omitempty"`
}

// ChangeView is a cleaning step, or a warning.
type ChangeView struct {
	ID      string `json:"id"`
	Message string `json:"message"`
}

// SecretView is a key: masked, and its value for the page's memory.
type SecretView struct {
	Masked string `json:"masked"`
	Length int    `json:"length"`
	Bits   int    `json:"bits"`
	Value  string `json:"value,omitempty"`
}

// CodeCheckView is what the --code check found.
type CodeCheckView struct {
	Matched       bool        `json:"matched"`
	OffsetSteps   int         `json:"offset_steps"`
	Period        int         `json:"period,omitempty"`
	RepairedKey   *SecretView `json:"repaired_key,omitempty"`
	RepairsTried  int         `json:"repairs_tried,omitempty"`
	RepairMatches int         `json:"repair_matches,omitempty"`
}

// AccountView is what a link said about its account.
type AccountView struct {
	Type      string `json:"type,omitempty"`
	Issuer    string `json:"issuer,omitempty"`
	Name      string `json:"name,omitempty"`
	Algorithm string `json:"algorithm,omitempty"`
	Digits    int    `json:"digits,omitempty"`
	Period    int    `json:"period,omitempty"`
	// Counter is an HOTP account's counter, for HOTP accounts only (0
	// included), as validate -o json has it.
	Counter *uint64 `json:"counter,omitempty"`
}

// secretView is the view of a key.
func secretView(key string) *SecretView {
	return &SecretView{Masked: totpkey.Mask(key), Length: len(key), Bits: len(key) * 5 / 8 * 8, Value: key}
}

// NewResultView builds the page's view of r; input is the text as given
// (for the echo).
func NewResultView(r *totpkey.Result, input string) ResultView {
	v := ResultView{
		Class:    string(r.Class),
		Format:   string(r.Format),
		Problems: make([]ProblemView, 0, len(r.Problems)),
		Changes:  []ChangeView{},
		Topic:    r.Topic,
		Broker:   r.Broker,
		ExitCode: outcome.ExitCodeOf(r),
		Verdict:  outcome.Verdict(r),
	}
	for i := range r.Problems {
		p := &r.Problems[i]
		pv := ProblemView{ID: string(p.ID), Message: p.Message, Position: p.Position, Suggestion: p.Suggestion}
		if p.Char != 0 {
			pv.Char = string(p.Char)
		}
		if r.CodeCheck != nil && p.Suggestion != "" {
			confirmed := p.Confirmed
			pv.Confirmed = &confirmed
		}
		v.Problems = append(v.Problems, pv)
	}
	for _, id := range r.Changes.List() {
		v.Changes = append(v.Changes, ChangeView{ID: string(id), Message: r.ChangeMessage(id)})
	}
	for _, w := range r.Warnings {
		v.Warnings = append(v.Warnings, ChangeView{ID: string(w.ID), Message: w.Message})
	}
	if r.Key != "" {
		v.Secret = secretView(r.Key)
		v.Secret.Bits = r.Bits()
	}
	if c := r.CodeCheck; c != nil {
		v.CodeCheck = &CodeCheckView{Matched: c.Matched, OffsetSteps: c.OffsetSteps, Period: c.Period,
			RepairsTried: c.RepairsTried, RepairMatches: c.RepairMatches}
		if c.RepairedKey != "" {
			v.CodeCheck.RepairedKey = secretView(c.RepairedKey)
		}
		v.CodeWords = outcome.CodeCheckWords(c)
	}
	if a := r.Account; a != (link.Account{}) {
		v.Account = &AccountView{Type: a.Type, Issuer: a.Issuer, Name: a.Name, Algorithm: a.Algorithm, Digits: a.Digits, Period: a.Period}
		if a.Type == "hotp" {
			counter := a.Counter
			v.Account.Counter = &counter
		}
		v.AccountLabel = outcome.AccountLabel(a, r.Batch)
	}
	v.Echo, v.Carets = echo(r, input)
	return v
}
