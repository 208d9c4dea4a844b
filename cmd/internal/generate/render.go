package generate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/render"
	"github.com/totpkey/totpkey/cmd/internal/view"
	"github.com/totpkey/totpkey/totpkey/code"

	"github.com/totpkey/totpkey/totpkey"
)

// codeEntry is one key to print codes for: its generator and, for an
// otpauth link, the account it names.
type codeEntry struct {
	label   string        // "Zerodha (AB1234)"; empty for a bare key
	account *view.Account // the same for JSON; nil for a bare key
	Params  code.Params
	gen     *code.Generator
	// warnings are what to know about the codes of this key: the key may
	// have been pasted twice (pasted-twice-suspected).
	warnings []totpkey.Warning
}

// newCodeEntry sets up the generator of a valid result: the parameters of
// its otpauth link (defaults for a bare key), overridden by explicit flags.
func newCodeEntry(r *totpkey.Result, override code.Params) (codeEntry, error) {
	p, err := code.ParamsOf(r.Account)
	if err != nil {
		return codeEntry{}, err
	}
	if override.Digits != 0 {
		p.Digits = override.Digits
	}
	if override.Period != 0 {
		p.Period = override.Period
	}
	if override.Algorithm != "" {
		p.Algorithm = override.Algorithm
	}
	g, err := code.NewGenerator(r.Key, p)
	if err != nil {
		return codeEntry{}, fmt.Errorf("setting up the key: %w", err)
	}
	e := codeEntry{Params: p, gen: g}
	if a := r.Account; a.Issuer != "" || a.Name != "" {
		e.label = outcome.AccountLabel(a, r.Batch)
		e.account = &view.Account{Issuer: totpkey.MaskText(a.Issuer), Name: totpkey.MaskText(a.Name)}
	}
	return e, nil
}

// barWidth is the width of the countdown bar in cells.
const barWidth = 20

// minBarColumns is the narrowest terminal the bar is drawn on: the code
// line with its bar is about 55 columns, and a line that wraps would break
// the redraw of --watch.
const minBarColumns = 60

// lowSeconds is when the countdown turns from green to yellow: too little
// time left to type the code.
const lowSeconds = 5

// codeFrame is the text output of generate at one moment: the static
// output, and each redraw of --watch.
type codeFrame struct {
	entries []codeEntry
	p       render.Palette
	tty     bool // a terminal: draw the bar
	atGiven bool // say the time, as it is not now
}

// lines renders the frame for time at.
func (f codeFrame) lines(at time.Time) []string {
	var out []string
	for i, e := range f.entries {
		if i > 0 {
			out = append(out, "")
		}
		if e.label != "" {
			out = append(out, fmt.Sprintf("%-8s %s", "Account:", e.label))
		}
		if e.Params != code.DefaultParams() {
			out = append(out, fmt.Sprintf("%-8s %s", "Params:", e.Params))
		}
		if f.atGiven {
			out = append(out, fmt.Sprintf("%-8s %s", "At:", at.UTC().Format(time.RFC3339)))
		}
		left := ceilSeconds(e.gen.ValidFor(at))
		code := f.p.Bold.Sprint(e.gen.Code(at))
		if f.tty {
			tone := f.p.Good
			if left <= lowSeconds {
				tone = f.p.Warn
			}
			out = append(out, fmt.Sprintf("%-8s %s  %s  %s", "Code:", code, tone.Sprint(bar(left, e.Params.Period)), outcome.CountWords(left, "second left", "seconds left")))
		} else {
			out = append(out, fmt.Sprintf("%-8s %s  valid for %s", "Code:", code, outcome.CountWords(left, "second", "seconds")))
		}
		out = append(out, fmt.Sprintf("%-8s %s", "Next:", e.gen.Code(at.Add(e.gen.ValidFor(at)))))
	}
	return out
}

// bar draws how much of the period is left: full at the start of a period,
// empty at its end.
func bar(left, period int) string {
	full := (left*barWidth + period/2) / period
	full = min(max(full, 0), barWidth)
	return strings.Repeat("█", full) + strings.Repeat("░", barWidth-full)
}

// ceilSeconds rounds a duration up to whole seconds, the way authenticator
// apps count down: 0.2 s left shows as 1.
func ceilSeconds(d time.Duration) int {
	return int((d + time.Second - 1) / time.Second)
}

// codeView is the JSON object generate prints for one key.
type codeView struct {
	Code            string        `json:"code"`
	NextCode        string        `json:"next_code"`
	ValidForSeconds int           `json:"valid_for_seconds"`
	Period          int           `json:"period"`
	Digits          int           `json:"digits"`
	Algorithm       string        `json:"algorithm"`
	At              string        `json:"at"`
	Account         *view.Account `json:"account,omitempty"`
	Warnings        []warningView `json:"warnings,omitempty"`
}

// warningView is a warning in the JSON of generate, as validate has it.
type warningView struct {
	ID      string `json:"id"`
	Message string `json:"message"`
}

// writeCodesJSON prints one JSON object per key, one per line.
func writeCodesJSON(w io.Writer, entries []codeEntry, at time.Time) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, e := range entries {
		v := codeView{
			Code:            e.gen.Code(at),
			NextCode:        e.gen.Code(at.Add(e.gen.ValidFor(at))),
			ValidForSeconds: ceilSeconds(e.gen.ValidFor(at)),
			Period:          e.Params.Period,
			Digits:          e.Params.Digits,
			Algorithm:       string(e.Params.Algorithm),
			At:              at.UTC().Format(time.RFC3339),
		}
		v.Account = e.account
		for _, w := range e.warnings {
			v.Warnings = append(v.Warnings, warningView{ID: string(w.ID), Message: w.Message})
		}
		if err := enc.Encode(v); err != nil {
			return cmdutil.Failure(err)
		}
	}
	return nil
}
