package totpkey

import (
	"errors"
	"strings"
	"testing"
)

func TestParseAlgorithm(t *testing.T) {
	tests := []struct {
		in   string
		want Algorithm
		err  error
	}{
		{"SHA1", AlgorithmSHA1, nil},
		{"sha1", AlgorithmSHA1, nil},
		{"SHA-256", AlgorithmSHA256, nil},
		{" sha512 ", AlgorithmSHA512, nil},
		{"", "", ErrBadAlgorithm},
		{"MD5", "", ErrBadAlgorithm},
		{"SHA384", "", ErrBadAlgorithm},
		{"SHA1SHA1", "", ErrBadAlgorithm},
	}
	for _, tt := range tests {
		got, err := ParseAlgorithm(tt.in)
		if got != tt.want || !errors.Is(err, tt.err) {
			t.Errorf("ParseAlgorithm(%q) = %q, %v; want %q, %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}

func TestParseAlgorithmClipsLongInput(t *testing.T) {
	_, err := ParseAlgorithm(strings.Repeat("A", 200))
	if err == nil || strings.Contains(err.Error(), strings.Repeat("A", 17)) {
		t.Fatalf("error %v: want an error quoting at most 16 characters", err)
	}
}

func TestParamsValidate(t *testing.T) {
	tests := []struct {
		p   Params
		err error
	}{
		{DefaultParams(), nil},
		{Params{Digits: 8, Period: 60, Algorithm: AlgorithmSHA512}, nil},
		{Params{Digits: 7, Period: 1, Algorithm: AlgorithmSHA256}, nil},
		{Params{Digits: 6, Period: MaxPeriod, Algorithm: AlgorithmSHA1}, nil},
		{Params{}, ErrBadDigits},
		{Params{Digits: 10, Period: 30, Algorithm: AlgorithmSHA1}, ErrBadDigits},
		{Params{Digits: 6, Period: 0, Algorithm: AlgorithmSHA1}, ErrBadPeriod},
		{Params{Digits: 6, Period: MaxPeriod + 1, Algorithm: AlgorithmSHA1}, ErrBadPeriod},
		{Params{Digits: 6, Period: 30, Algorithm: "sha1"}, ErrBadAlgorithm}, // Params hold canonical names
		{Params{Digits: 6, Period: 30}, ErrBadAlgorithm},
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
		{Params{Digits: 8}, Params{Digits: 8, Period: 30, Algorithm: AlgorithmSHA1}},
		{Params{Period: 60, Algorithm: AlgorithmSHA256}, Params{Digits: 6, Period: 60, Algorithm: AlgorithmSHA256}},
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
		account Account
		want    Params
		errs    []error
	}{
		{"bare key", Account{}, DefaultParams(), nil},
		{"link with all three", Account{Type: "totp", Digits: 8, Period: 60, Algorithm: "sha256"},
			Params{Digits: 8, Period: 60, Algorithm: AlgorithmSHA256}, nil},
		{"link with digits only", Account{Type: "totp", Digits: 7},
			Params{Digits: 7, Period: 30, Algorithm: AlgorithmSHA1}, nil},
		{"bad digits", Account{Type: "totp", Digits: 10, Period: 60},
			Params{Digits: 6, Period: 60, Algorithm: AlgorithmSHA1}, []error{ErrBadDigits}},
		{"bad everything", Account{Type: "totp", Digits: 4, Period: -1, Algorithm: "MD5"},
			DefaultParams(), []error{ErrBadDigits, ErrBadPeriod, ErrBadAlgorithm}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Result{Class: ClassValid, Account: tt.account}
			got, err := r.Params()
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
