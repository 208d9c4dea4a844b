package totpkey

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"
	"strings"
)

// Algorithm is the HMAC hash a TOTP key is used with. Almost every
// authenticator app and broker uses SHA1.
type Algorithm string

// The algorithms of RFC 6238.
const (
	AlgorithmSHA1   Algorithm = "SHA1"
	AlgorithmSHA256 Algorithm = "SHA256"
	AlgorithmSHA512 Algorithm = "SHA512"
)

// Defaults and limits of the TOTP parameters. The defaults are what an
// authenticator app assumes when an otpauth link does not say otherwise.
const (
	DefaultDigits    = 6
	DefaultPeriod    = 30
	DefaultAlgorithm = AlgorithmSHA1
	MinDigits        = 6
	MaxDigits        = 8
	// MaxPeriod is the longest time step accepted, an hour, as for the
	// period of an otpauth link. Real keys use 30 or 60 seconds.
	MaxPeriod = 3600
)

// Sentinel errors for TOTP parameters that cannot be used. Errors returned
// by Params.Validate, ParseAlgorithm and Result.Params wrap them.
var (
	ErrBadDigits    = errors.New("the number of digits must be 6, 7 or 8")
	ErrBadPeriod    = errors.New("the period must be a whole number of seconds from 1 to 3600")
	ErrBadAlgorithm = errors.New("the algorithm must be SHA1, SHA256 or SHA512")
)

// ParseAlgorithm reads an algorithm name as written in an otpauth link or on
// a command line: "SHA1", "sha256", "SHA-512". The empty string is an error;
// callers that treat it as "not given" check for it first.
func ParseAlgorithm(name string) (Algorithm, error) {
	switch strings.ReplaceAll(strings.ToUpper(strings.TrimSpace(name)), "-", "") {
	case "SHA1":
		return AlgorithmSHA1, nil
	case "SHA256":
		return AlgorithmSHA256, nil
	case "SHA512":
		return AlgorithmSHA512, nil
	}
	return "", fmt.Errorf("%w (got %q)", ErrBadAlgorithm, clip(name, 16))
}

// newHash returns the hash constructor of the algorithm; nil for an
// algorithm that is not one of the three.
func (a Algorithm) newHash() func() hash.Hash {
	switch a {
	case AlgorithmSHA1:
		return sha1.New
	case AlgorithmSHA256:
		return sha256.New
	case AlgorithmSHA512:
		return sha512.New
	}
	return nil
}

// Params are the TOTP parameters a key is used with: how many digits a code
// has, how many seconds a code lasts and which HMAC hash makes it. A zero
// field means "not given"; WithDefaults fills it in.
type Params struct {
	Digits    int
	Period    int // seconds
	Algorithm Algorithm
}

// DefaultParams returns the parameters every authenticator app assumes for a
// bare key: 6 digits, 30 seconds, SHA1.
func DefaultParams() Params {
	return Params{Digits: DefaultDigits, Period: DefaultPeriod, Algorithm: DefaultAlgorithm}
}

// WithDefaults returns p with every zero field replaced by its default.
func (p Params) WithDefaults() Params {
	if p.Digits == 0 {
		p.Digits = DefaultDigits
	}
	if p.Period == 0 {
		p.Period = DefaultPeriod
	}
	if p.Algorithm == "" {
		p.Algorithm = DefaultAlgorithm
	}
	return p
}

// Validate reports the first parameter that cannot be used, as an error
// wrapping ErrBadDigits, ErrBadPeriod or ErrBadAlgorithm. Zero fields are
// errors too: call WithDefaults first to treat them as "not given".
func (p Params) Validate() error {
	if p.Digits < MinDigits || p.Digits > MaxDigits {
		return fmt.Errorf("%w (got %d)", ErrBadDigits, p.Digits)
	}
	if p.Period < 1 || p.Period > MaxPeriod {
		return fmt.Errorf("%w (got %d)", ErrBadPeriod, p.Period)
	}
	if p.Algorithm.newHash() == nil {
		return fmt.Errorf("%w (got %q)", ErrBadAlgorithm, clip(string(p.Algorithm), 16))
	}
	return nil
}

// String writes the parameters the way a person reads them:
// "6 digits, 30 s, SHA1".
func (p Params) String() string {
	return fmt.Sprintf("%d digits, %d s, %s", p.Digits, p.Period, p.Algorithm)
}

// Params returns the TOTP parameters of the result: what its otpauth link
// said (Account.Digits, Account.Period, Account.Algorithm), with the
// defaults for whatever it did not say. A bare key gets DefaultParams. The
// error wraps ErrBadDigits, ErrBadPeriod or ErrBadAlgorithm when the link
// asks for parameters that cannot be used; the returned Params then still
// hold the usable fields and defaults for the others.
func (r *Result) Params() (Params, error) {
	p := Params{Digits: r.Account.Digits, Period: r.Account.Period}
	var errs []error
	if r.Account.Algorithm != "" {
		a, err := ParseAlgorithm(r.Account.Algorithm)
		if err != nil {
			errs = append(errs, fmt.Errorf("otpauth link: %w", err))
		}
		p.Algorithm = a
	}
	p = p.WithDefaults()
	if p.Digits < MinDigits || p.Digits > MaxDigits {
		errs = append(errs, fmt.Errorf("otpauth link: %w (got %d)", ErrBadDigits, p.Digits))
		p.Digits = DefaultDigits
	}
	if p.Period < 1 || p.Period > MaxPeriod {
		errs = append(errs, fmt.Errorf("otpauth link: %w (got %d)", ErrBadPeriod, p.Period))
		p.Period = DefaultPeriod
	}
	return p, errors.Join(errs...)
}
