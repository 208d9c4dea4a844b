// Package view is a result as the outside sees it: the JSON object of the
// product contract, built from a library result in one place (Fill), and
// its one JSON encoder (AppendJSON). Every output of the command (text,
// JSON, CSV, tables) and the page of totpkey serve are written from it. It
// imports neither Cobra nor the terminal, so that the page's WebAssembly
// build uses it too.
package view

import (
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey/link"

	"github.com/totpkey/totpkey/totpkey"
)

// Result is a result as the outside sees it: the JSON object of the
// contract, and the one data path that the text, JSON and CSV outputs are
// all written from. Fields for where a result came from (--lines, --scan,
// --qr) are empty for a single input.
type Result struct {
	Class    string    `json:"class"`
	Format   string    `json:"format"`
	Problems []Problem `json:"problems"`
	Changes  []Change  `json:"changes"`
	// Warnings are what to know about a valid key (an otpauth or export
	// link whose codes AutoTrader Web cannot make); left out when there
	// are none.
	Warnings []Change `json:"warnings,omitempty"`
	Secret   *Secret  `json:"secret,omitempty"`
	Topic    string   `json:"topic"`
	// Broker is the broker id the checks were made for (--broker, a
	// link's issuer, the ticket); left out when none is known.
	Broker    string     `json:"broker,omitempty"`
	ExitCode  int        `json:"exit_code"`
	CodeCheck *CodeCheck `json:"code_check,omitempty"`
	Account   *Account   `json:"account,omitempty"`
	Batch     *Batch     `json:"batch,omitempty"`
	File      string     `json:"file,omitempty"`
	Line      int        `json:"line,omitempty"`
	Column    int        `json:"column,omitempty"`
	// Kind, Input and Columns are set by --scan and --lines: what was
	// found (scan), the input as given with every key character after the
	// fourth masked, and the CSV columns carried over with --keep.
	Kind    string            `json:"kind,omitempty"`
	Input   string            `json:"input,omitempty"`
	Columns map[string]string `json:"columns,omitempty"`
}

// Problem is a problem of a result (JSON "problems").
type Problem struct {
	ID         string `json:"id"`
	Message    string `json:"message"`
	Position   int    `json:"position,omitempty"`
	Char       string `json:"char,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
	Confirmed  *bool  `json:"confirmed,omitempty"`
	// Credential names the credential of an other-credential problem.
	Credential string `json:"credential,omitempty"`
}

// Change is a cleaning step of a result, or a warning (JSON "changes",
// "warnings").
type Change struct {
	ID      string `json:"id"`
	Message string `json:"message"`
}

// Secret is a key in a result (JSON "secret"): masked, and its value only
// when the secret is to be shown.
type Secret struct {
	Masked string `json:"masked"`
	Length int    `json:"length"`
	Bits   int    `json:"bits"`
	Value  string `json:"value,omitempty"`
	// key is the key Masked masks, never written: an input that is the
	// key itself shows as Masked without masking it again.
	key string
	// plainMask is set when Masked needs no JSON escape: the mask of a key
	// of printable ASCII is that ASCII and bullets.
	plainMask bool
}

// CodeCheck is what the --code check found (JSON "code_check").
type CodeCheck struct {
	Matched     bool `json:"matched"`
	OffsetSteps int  `json:"offset_steps"`
	// Period is the length of a step in seconds, to turn offset_steps into
	// a clock offset.
	Period int `json:"period,omitempty"`
	// RepairedKey is the key with its look-alike characters replaced by
	// the letters the code confirmed (masked unless --show-secret).
	RepairedKey *Secret `json:"repaired_key,omitempty"`
	// RepairsTried and RepairMatches count the readings of the look-alike
	// characters tried, and those that give the code (more than one: the
	// code cannot tell them apart).
	RepairsTried  int `json:"repairs_tried,omitempty"`
	RepairMatches int `json:"repair_matches,omitempty"`
}

// Account is the account of a link in a result view (JSON "account").
type Account struct {
	Type      string `json:"type,omitempty"`
	Issuer    string `json:"issuer,omitempty"`
	Name      string `json:"name,omitempty"`
	Algorithm string `json:"algorithm,omitempty"`
	Digits    int    `json:"digits,omitempty"`
	Period    int    `json:"period,omitempty"`
	// Counter is an HOTP account's counter, there for HOTP accounts
	// only (0 included); a TOTP account has a period instead.
	Counter *uint64 `json:"counter,omitempty"`
}

// Batch is the place of an export QR code in its export: index counts
// from 0 as the export does (the second of three codes is index 1, size 3;
// the text output says "QR 2 of 3").
type Batch struct {
	Index int `json:"index"`
	Size  int `json:"size"`
}

// New builds the view of a result. The secret's value is in it
// only when showSecret is set.
func New(r *totpkey.Result, showSecret bool) Result {
	var v Result
	Fill(&v, r, showSecret, &Storage{})
	return v
}

// Storage holds what a view's slices and pointers point to, so that
// --lines and --scan build a million views with one storage and (almost)
// no allocation.
type Storage struct {
	problems []Problem
	changes  []Change
	secret   Secret
	account  Account
	batch    Batch
	counter  uint64
}

// Fill makes *v the view of r, in storage st: the one place that
// turns a result into what the outputs show. A view filled again from the
// same storage no longer holds the earlier result.
func Fill(v *Result, r *totpkey.Result, showSecret bool, st *Storage) {
	// Cleared, then filled field by field: a composite literal would be
	// built aside and copied over, some 250 bytes a result.
	*v = Result{}
	v.Class, v.Format, v.Topic, v.Broker = string(r.Class), string(r.Format), r.Topic, r.Broker
	v.Problems, v.Changes = st.problems[:0], st.changes[:0]
	v.ExitCode = outcome.ExitCodeOf(r)
	if v.Problems == nil {
		v.Problems = make([]Problem, 0, len(r.Problems))
	}
	if v.Changes == nil {
		v.Changes = []Change{}
	}
	for i := range r.Problems {
		p := &r.Problems[i] // a pointer, not a copy per problem that &p.Confirmed would move to the heap
		pv := Problem{ID: string(p.ID), Message: p.Message, Position: p.Position, Suggestion: p.Suggestion, Credential: p.Credential}
		if p.Char != 0 {
			pv.Char = outcome.RuneString(p.Char)
		}
		if r.CodeCheck != nil && (p.Suggestion != "" || p.ID == totpkey.ReasonPastedTwice) {
			pv.Confirmed = &p.Confirmed
		}
		v.Problems = append(v.Problems, pv)
	}
	for id, message := range r.EachChange {
		v.Changes = append(v.Changes, Change{ID: string(id), Message: message})
	}
	st.problems, st.changes = v.Problems, v.Changes
	if len(r.Warnings) > 0 {
		v.Warnings = make([]Change, len(r.Warnings))
		for i, w := range r.Warnings {
			v.Warnings[i] = Change{ID: string(w.ID), Message: w.Message}
		}
	}
	if r.Key != "" {
		st.secret = Secret{Masked: totpkey.Mask(r.Key), Length: len(r.Key), Bits: r.Bits(), key: r.Key, plainMask: plainASCII(r.Key)}
		if showSecret {
			st.secret.Value = r.Key
		}
		v.Secret = &st.secret
	}
	if r.CodeCheck != nil {
		v.CodeCheck = newCodeCheck(r.CodeCheck, showSecret)
	}
	if a := r.Account; a != (link.Account{}) {
		st.account = Account{Type: a.Type, Issuer: a.Issuer, Name: a.Name, Algorithm: a.Algorithm, Digits: a.Digits, Period: a.Period}
		if !showSecret {
			// A link can carry the key in its path or issuer.
			st.account.Issuer, st.account.Name = totpkey.MaskText(a.Issuer), totpkey.MaskText(a.Name)
		}
		if a.Type == "hotp" {
			st.counter = a.Counter
			st.account.Counter = &st.counter
		}
		v.Account = &st.account
	}
	if r.Batch.Size > 0 {
		st.batch = Batch{Index: r.Batch.Index, Size: r.Batch.Size}
		v.Batch = &st.batch
	}
}

// newCodeCheckView is the JSON view of a code check; the repaired key is
// masked unless showSecret.
func newCodeCheck(c *totpkey.CodeCheck, showSecret bool) *CodeCheck {
	v := &CodeCheck{
		Matched:       c.Matched,
		OffsetSteps:   c.OffsetSteps,
		Period:        c.Period,
		RepairsTried:  c.RepairsTried,
		RepairMatches: c.RepairMatches,
	}
	if c.RepairedKey != "" {
		v.RepairedKey = &Secret{Masked: totpkey.Mask(c.RepairedKey), Length: len(c.RepairedKey), Bits: len(c.RepairedKey) * 5 / 8 * 8}
		if showSecret {
			v.RepairedKey.Value = c.RepairedKey
		}
	}
	return v
}
