package code

import (
	"errors"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey"

	"github.com/totpkey/totpkey/totpkey/link"
)

func TestParseAlgorithm(t *testing.T) {
	tests := []struct {
		in   string
		want link.Algorithm
		err  error
	}{
		{"SHA1", link.AlgorithmSHA1, nil},
		{"sha1", link.AlgorithmSHA1, nil},
		{"SHA-256", link.AlgorithmSHA256, nil},
		{" sha512 ", link.AlgorithmSHA512, nil},
		{"", "", link.ErrBadAlgorithm},
		{"MD5", "", link.ErrBadAlgorithm},
		{"SHA384", "", link.ErrBadAlgorithm},
		{"SHA1SHA1", "", link.ErrBadAlgorithm},
	}
	for _, tt := range tests {
		got, err := link.ParseAlgorithm(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("ParseAlgorithm(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

// TestParseAlgorithmQuotesNothing: the name may be anything a user typed,
// a key too; the error leaves quoting it, masked, to the caller.
func TestParseAlgorithmQuotesNothing(t *testing.T) {
	_, err := link.ParseAlgorithm("JBSWY3DPEHPK3PXP")
	if err == nil || strings.Contains(err.Error(), "JBSW") {
		t.Fatalf("error %v: want one quoting nothing of the name", err)
	}
}

func TestParamsValidate(t *testing.T) {
	tests := []struct {
		p   Params
		err error
	}{
		{DefaultParams(), nil},
		{Params{Digits: 8, Period: 60, Algorithm: link.AlgorithmSHA512}, nil},
		{Params{Digits: 7, Period: 1, Algorithm: link.AlgorithmSHA256}, nil},
		{Params{Digits: 6, Period: link.MaxPeriod, Algorithm: link.AlgorithmSHA1}, nil},
		{Params{}, link.ErrBadDigits},
		{Params{Digits: 10, Period: 30, Algorithm: link.AlgorithmSHA1}, link.ErrBadDigits},
		{Params{Digits: 6, Period: 0, Algorithm: link.AlgorithmSHA1}, link.ErrBadPeriod},
		{Params{Digits: 6, Period: link.MaxPeriod + 1, Algorithm: link.AlgorithmSHA1}, link.ErrBadPeriod},
		{Params{Digits: 6, Period: 30, Algorithm: "sha1"}, link.ErrBadAlgorithm}, // Params hold canonical names
		{Params{Digits: 6, Period: 30}, link.ErrBadAlgorithm},
	}
	for _, tt := range tests {
		if err := tt.p.Validate(); !errors.Is(err, tt.err) {
			t.Errorf("%+v: Validate() = %v, want %v", tt.p, err, tt.err)
		}
	}
}

func TestParamsWithDefaults(t *testing.T) {
	tests := []struct{ in, want Params }{
		{Params{}, DefaultParams()},
		{Params{Digits: 8}, Params{Digits: 8, Period: 30, Algorithm: link.AlgorithmSHA1}},
		{Params{Period: 60, Algorithm: link.AlgorithmSHA256}, Params{Digits: 6, Period: 60, Algorithm: link.AlgorithmSHA256}},
	}
	for _, tt := range tests {
		if got := tt.in.WithDefaults(); got != tt.want {
			t.Errorf("%+v.WithDefaults() = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestResultParams(t *testing.T) {
	tests := []struct {
		name    string
		account link.Account
		want    Params
		errs    []error
	}{
		{"bare key", link.Account{}, DefaultParams(), nil},
		{"link with all three", link.Account{Type: "totp", Digits: 8, Period: 60, Algorithm: "sha256"},
			Params{Digits: 8, Period: 60, Algorithm: link.AlgorithmSHA256}, nil},
		{"link with digits only", link.Account{Type: "totp", Digits: 7},
			Params{Digits: 7, Period: 30, Algorithm: link.AlgorithmSHA1}, nil},
		{"bad digits", link.Account{Type: "totp", Digits: 10, Period: 60},
			Params{Digits: 6, Period: 60, Algorithm: link.AlgorithmSHA1}, []error{link.ErrBadDigits}},
		{"bad everything", link.Account{Type: "totp", Digits: 4, Period: -1, Algorithm: "MD5"},
			DefaultParams(), []error{link.ErrBadDigits, link.ErrBadPeriod, link.ErrBadAlgorithm}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := totpkey.Result{Class: totpkey.ClassValid, Account: tt.account}
			got, err := ParamsOf(r.Account)
			if got != tt.want {
				t.Errorf("Params = %+v, want %+v", got, tt.want)
			}
			if (err == nil) != (len(tt.errs) == 0) {
				t.Fatalf("error %v, want %v", err, tt.errs)
			}
			for _, e := range tt.errs {
				if !errors.Is(err, e) {
					t.Errorf("error %v does not wrap %v", err, e)
				}
			}
		})
	}
}

func TestParamsString(t *testing.T) {
	if got, want := DefaultParams().String(), "6 digits, 30 s, SHA1"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
