// Package webcheck is what the page of totpkey serve asks the library, as
// JSON the page's script reads: the result of a key (the fields of
// validate -o json, plus the verdict line, the echo with its carets and
// the fix steps), the --code check, the QR codes of a screenshot and the
// findings of a support ticket. It runs inside the page (compiled to
// WebAssembly by cmd/totpkey-wasm), so a key typed there never leaves it.
package webcheck

import (
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/view"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/link"
)

// ResultView is one result as the page shows it: the view of
// validate -o json (package view, the one place a result becomes what the
// outside sees), with the secret's value, which the page keeps in memory
// for "Show" and "Copy cleaned key" and never puts on the page otherwise,
// and what the text output says besides.
type ResultView struct {
	view.Result

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

// NewResultView builds the page's view of r; input is the text as given
// (for the echo). The page runs on the user's own machine and shows what
// the user typed there: the view holds the key's value and the account's
// names as they are (view.New with the secret shown).
func NewResultView(r *totpkey.Result, input string) ResultView {
	v := ResultView{Result: view.New(r, true), Verdict: outcome.Verdict(r)}
	if r.CodeCheck != nil {
		v.CodeWords = outcome.CodeCheckWords(r.CodeCheck)
	}
	if r.Account != (link.Account{}) {
		v.AccountLabel = outcome.AccountLabel(r.Account, r.Batch)
	}
	v.Echo, v.Carets = echo(r, input)
	return v
}
