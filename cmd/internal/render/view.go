package render

import (
	"fmt"
	"io"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey/link"

	"github.com/totpkey/totpkey/totpkey"
)

// ResultView is a result as the outside sees it: the JSON object of the
// contract, and the one data path that the text, JSON and CSV outputs are
// all written from. Fields for where a result came from (--lines, --scan,
// --qr) are empty for a single input.
type ResultView struct {
	Class    string        `json:"class"`
	Format   string        `json:"format"`
	Problems []problemView `json:"problems"`
	Changes  []changeView  `json:"changes"`
	// Warnings are what to know about a valid key (an otpauth or export
	// link whose codes AutoTrader Web cannot make); left out when there
	// are none.
	Warnings []changeView `json:"warnings,omitempty"`
	Secret   *secretView  `json:"secret,omitempty"`
	Topic    string       `json:"topic"`
	// Broker is the broker id the checks were made for (--broker, a
	// link's issuer, the ticket); left out when none is known.
	Broker    string         `json:"broker,omitempty"`
	ExitCode  int            `json:"exit_code"`
	CodeCheck *codeCheckView `json:"code_check,omitempty"`
	Account   *AccountView   `json:"account,omitempty"`
	Batch     *batchView     `json:"batch,omitempty"`
	File      string         `json:"file,omitempty"`
	Line      int            `json:"line,omitempty"`
	Column    int            `json:"column,omitempty"`
	// Kind, Input and Columns are set by --scan and --lines: what was
	// found (scan), the input as given with every key character after the
	// fourth masked, and the CSV columns carried over with --keep.
	Kind    string            `json:"kind,omitempty"`
	Input   string            `json:"input,omitempty"`
	Columns map[string]string `json:"columns,omitempty"`
}

type problemView struct {
	ID         string `json:"id"`
	Message    string `json:"message"`
	Position   int    `json:"position,omitempty"`
	Char       string `json:"char,omitempty"`
	Suggestion string `json:"suggestion,omitempty"`
	Confirmed  *bool  `json:"confirmed,omitempty"`
	// Credential names the credential of an other-credential problem.
	Credential string `json:"credential,omitempty"`
}

type changeView struct {
	ID      string `json:"id"`
	Message string `json:"message"`
}

type secretView struct {
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

type codeCheckView struct {
	Matched     bool `json:"matched"`
	OffsetSteps int  `json:"offset_steps"`
	// Period is the length of a step in seconds, to turn offset_steps into
	// a clock offset.
	Period int `json:"period,omitempty"`
	// RepairedKey is the key with its look-alike characters replaced by
	// the letters the code confirmed (masked unless --show-secret).
	RepairedKey *secretView `json:"repaired_key,omitempty"`
	// RepairsTried and RepairMatches count the readings of the look-alike
	// characters tried, and those that give the code (more than one: the
	// code cannot tell them apart).
	RepairsTried  int `json:"repairs_tried,omitempty"`
	RepairMatches int `json:"repair_matches,omitempty"`
}

// AccountView is the account of a link in a result view (JSON "account").
type AccountView struct {
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

// batchView is the place of an export QR code in its export: index counts
// from 0 as the export does (the second of three codes is index 1, size 3;
// the text output says "QR 2 of 3").
type batchView struct {
	Index int `json:"index"`
	Size  int `json:"size"`
}

// newResultView builds the view of a result. The secret's value is in it
// only when showSecret is set.
func newResultView(r *totpkey.Result, showSecret bool) ResultView {
	var v ResultView
	FillResultView(&v, r, showSecret, &ViewStorage{})
	return v
}

// ViewStorage holds what a view's slices and pointers point to, so that
// --lines and --scan build a million views with one storage and (almost)
// no allocation.
type ViewStorage struct {
	problems []problemView
	changes  []changeView
	secret   secretView
	account  AccountView
	batch    batchView
	counter  uint64
}

// FillResultView makes *v the view of r, in storage st: the one place that
// turns a result into what the outputs show. A view filled again from the
// same storage no longer holds the earlier result.
func FillResultView(v *ResultView, r *totpkey.Result, showSecret bool, st *ViewStorage) {
	*v = ResultView{
		Class:    string(r.Class),
		Format:   string(r.Format),
		Problems: st.problems[:0],
		Changes:  st.changes[:0],
		Topic:    r.Topic,
		Broker:   r.Broker,
		ExitCode: outcome.ExitCodeOf(r),
	}
	if v.Problems == nil {
		v.Problems = make([]problemView, 0, len(r.Problems))
	}
	if v.Changes == nil {
		v.Changes = []changeView{}
	}
	for i := range r.Problems {
		p := &r.Problems[i] // a pointer, not a copy per problem that &p.Confirmed would move to the heap
		pv := problemView{ID: string(p.ID), Message: p.Message, Position: p.Position, Suggestion: p.Suggestion, Credential: p.Credential}
		if p.Char != 0 {
			pv.Char = outcome.RuneString(p.Char)
		}
		if r.CodeCheck != nil && (p.Suggestion != "" || p.ID == totpkey.ReasonPastedTwice) {
			pv.Confirmed = &p.Confirmed
		}
		v.Problems = append(v.Problems, pv)
	}
	for id, message := range r.EachChange {
		v.Changes = append(v.Changes, changeView{ID: string(id), Message: message})
	}
	st.problems, st.changes = v.Problems, v.Changes
	if len(r.Warnings) > 0 {
		v.Warnings = make([]changeView, len(r.Warnings))
		for i, w := range r.Warnings {
			v.Warnings[i] = changeView{ID: string(w.ID), Message: w.Message}
		}
	}
	if r.Key != "" {
		st.secret = secretView{Masked: totpkey.Mask(r.Key), Length: len(r.Key), Bits: r.Bits(), key: r.Key, plainMask: plainASCII(r.Key)}
		if showSecret {
			st.secret.Value = r.Key
		}
		v.Secret = &st.secret
	}
	if r.CodeCheck != nil {
		v.CodeCheck = newCodeCheckView(r.CodeCheck, showSecret)
	}
	if a := r.Account; a != (link.Account{}) {
		st.account = AccountView{Type: a.Type, Issuer: a.Issuer, Name: a.Name, Algorithm: a.Algorithm, Digits: a.Digits, Period: a.Period}
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
		st.batch = batchView{Index: r.Batch.Index, Size: r.Batch.Size}
		v.Batch = &st.batch
	}
}

// WriteJSONResults prints one JSON object per result, one per line
// (AppendViewJSON).
func WriteJSONResults(w io.Writer, results []totpkey.Result, showSecret bool) error {
	var out []byte
	for i := range results {
		v := newResultView(&results[i], showSecret)
		out = AppendViewJSON(out, &v)
	}
	if _, err := w.Write(out); err != nil {
		return cmdutil.Failure(fmt.Errorf("writing the results: %w", err))
	}
	return nil
}
