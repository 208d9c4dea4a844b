package link

import (
	"errors"
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
// by ParseAlgorithm, and by the code package's Params.Validate, wrap them.
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
	return "", ErrBadAlgorithm // the caller quotes the name, masked as it shows values
}
