package code

import (
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"

	"github.com/totpkey/totpkey/totpkey/link"
)

// newHash returns the hash constructor of the algorithm; nil for an
// algorithm that is not one of the three.
func newHash(a link.Algorithm) func() hash.Hash {
	switch a {
	case link.AlgorithmSHA1:
		return sha1.New
	case link.AlgorithmSHA256:
		return sha256.New
	case link.AlgorithmSHA512:
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
	Algorithm link.Algorithm
}

// DefaultParams returns the parameters every authenticator app assumes for a
// bare key: 6 digits, 30 seconds, SHA1.
func DefaultParams() Params {
	return Params{Digits: link.DefaultDigits, Period: link.DefaultPeriod, Algorithm: link.DefaultAlgorithm}
}

// WithDefaults returns p with every zero field replaced by its default.
func (p Params) WithDefaults() Params {
	if p.Digits == 0 {
		p.Digits = link.DefaultDigits
	}
	if p.Period == 0 {
		p.Period = link.DefaultPeriod
	}
	if p.Algorithm == "" {
		p.Algorithm = link.DefaultAlgorithm
	}
	return p
}

// Validate reports the first parameter that cannot be used, as an error
// wrapping ErrBadDigits, ErrBadPeriod or ErrBadAlgorithm. Zero fields are
// errors too: call WithDefaults first to treat them as "not given".
func (p Params) Validate() error {
	if p.Digits < link.MinDigits || p.Digits > link.MaxDigits {
		return fmt.Errorf("%w (got %d)", link.ErrBadDigits, p.Digits)
	}
	if p.Period < 1 || p.Period > link.MaxPeriod {
		return fmt.Errorf("%w (got %d)", link.ErrBadPeriod, p.Period)
	}
	if newHash(p.Algorithm) == nil {
		return link.ErrBadAlgorithm
	}
	return nil
}

// String writes the parameters the way a person reads them:
// "6 digits, 30 s, SHA1".
func (p Params) String() string {
	return fmt.Sprintf("%d digits, %d s, %s", p.Digits, p.Period, p.Algorithm)
}

// ParamsOf returns the TOTP parameters of an account: what its otpauth or
// export link said (Digits, Period, Algorithm), with the defaults for
// whatever it did not say. A bare key's zero Account gets DefaultParams.
// The error wraps link.ErrBadDigits, link.ErrBadPeriod or
// link.ErrBadAlgorithm when the link asks for parameters that cannot be
// used; the returned Params then still hold the usable fields and defaults
// for the others.
func ParamsOf(account link.Account) (Params, error) {
	p := Params{Digits: account.Digits, Period: account.Period}
	var errs []error
	if account.Algorithm != "" {
		a, err := link.ParseAlgorithm(account.Algorithm)
		if err != nil {
			errs = append(errs, fmt.Errorf("otpauth link: %w", err))
		}
		p.Algorithm = a
	}
	p = p.WithDefaults()
	if p.Digits < link.MinDigits || p.Digits > link.MaxDigits {
		errs = append(errs, fmt.Errorf("otpauth link: %w (got %d)", link.ErrBadDigits, p.Digits))
		p.Digits = link.DefaultDigits
	}
	if p.Period < 1 || p.Period > link.MaxPeriod {
		errs = append(errs, fmt.Errorf("otpauth link: %w (got %d)", link.ErrBadPeriod, p.Period))
		p.Period = link.DefaultPeriod
	}
	return p, errors.Join(errs...)
}
