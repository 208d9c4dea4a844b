package code

import (
	"crypto/hmac"
	"encoding/base32"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"strings"
	"time"

	"github.com/totpkey/totpkey/totpkey/link"
)

// ErrBadKey is wrapped by NewGenerator's error when the key is not base32
// text that a TOTP app would accept.
var ErrBadKey = errors.New("the key is not valid base32")

// base32NoPadding decodes a key without its "=" padding, the way
// authenticator apps store it.
var base32NoPadding = base32.StdEncoding.WithPadding(base32.NoPadding)

// pow10 holds 10^n for the code lengths a Generator makes.
var pow10 = [...]uint32{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000}

// Generator makes the one-time codes of one key (RFC 6238 TOTP, and the
// RFC 4226 HOTP codes it is built on). It decodes the key and sets up the
// HMAC once, so each code costs two hash blocks and no allocation beyond its
// string.
//
// A Generator is not safe for concurrent use; make one per goroutine.
type Generator struct {
	params Params
	mac    hash.Hash
	msg    [8]byte
	sum    []byte // reused output buffer, capacity for the largest hash
}

// NewGenerator returns a Generator for a base32 key (upper or lower case,
// with or without "=" padding; Result.Key is always in this form) used with
// the parameters p. Zero fields of p take their defaults. The error wraps
// ErrBadKey, ErrBadDigits, ErrBadPeriod or ErrBadAlgorithm, and never
// quotes the key.
func NewGenerator(key string, p Params) (*Generator, error) {
	p = p.WithDefaults()
	if err := p.Validate(); err != nil {
		return nil, err
	}
	secret, err := decodeKey(key)
	if err != nil {
		return nil, err
	}
	return newGenerator(secret, p), nil
}

// newGenerator returns a Generator for raw secret bytes; p must be valid.
func newGenerator(secret []byte, p Params) *Generator {
	g := &Generator{
		params: p,
		mac:    hmac.New(newHash(p.Algorithm), secret),
		sum:    make([]byte, 0, 64),
	}
	// The first Reset lets crypto/hmac save the hash states after the
	// padded key, so later codes skip hashing the key again.
	g.mac.Reset()
	return g
}

// decodeKey turns a base32 key into its secret bytes.
func decodeKey(key string) ([]byte, error) {
	key = strings.TrimRight(strings.ToUpper(key), "=")
	if key == "" {
		return nil, fmt.Errorf("%w: it is empty", ErrBadKey)
	}
	if n := len(key) % 8; n == 1 || n == 3 || n == 6 {
		return nil, fmt.Errorf("%w: no base32 text is %d characters long", ErrBadKey, len(key))
	}
	secret, err := base32NoPadding.DecodeString(key)
	if err != nil {
		// The base32 error quotes an offset only, never the text, but keep
		// our own words so no secret can leak through it.
		return nil, fmt.Errorf("%w: a character is outside A-Z and 2-7, or the length is impossible", ErrBadKey)
	}
	return secret, nil
}

// Params returns the parameters the Generator makes codes with, defaults
// filled in.
func (g *Generator) Params() Params { return g.params }

// Counter returns the RFC 6238 time step of t: whole periods since the Unix
// epoch. Times before 1970 count as step 0.
func (g *Generator) Counter(t time.Time) uint64 {
	return timeStep(t, g.params.Period)
}

// timeStep is the RFC 6238 time step of t for a period in seconds; times
// before 1970 count as step 0.
func timeStep(t time.Time, period int) uint64 {
	s := t.Unix()
	if s < 0 {
		return 0
	}
	return uint64(s) / uint64(period)
}

// ValidFor returns how long the code for t stays the current code: the time
// from t to the start of the next period.
func (g *Generator) ValidFor(t time.Time) time.Duration {
	next := int64(g.Counter(t)+1) * int64(g.params.Period)
	return time.Unix(next, 0).Sub(t)
}

// Code returns the TOTP code for time t, zero-padded to the number of
// digits.
func (g *Generator) Code(t time.Time) string {
	return g.CodeForCounter(g.Counter(t))
}

// CodeForCounter returns the code for a counter value: the RFC 4226 HOTP
// code, which for a time step is the TOTP code of that step.
func (g *Generator) CodeForCounter(counter uint64) string {
	var buf [link.MaxDigits]byte
	return string(g.appendCode(buf[:0], counter))
}

// appendCode appends the code for counter to dst without allocating.
func (g *Generator) appendCode(dst []byte, counter uint64) []byte {
	v := g.value(counter)
	n := len(dst)
	for range g.params.Digits {
		dst = append(dst, 0)
	}
	for i := len(dst) - 1; i >= n; i-- {
		dst[i] = byte('0' + v%10)
		v /= 10
	}
	return dst
}

// value is the RFC 4226 HOTP value for counter, already reduced to the
// number of digits.
func (g *Generator) value(counter uint64) uint32 {
	binary.BigEndian.PutUint64(g.msg[:], counter)
	g.mac.Reset()
	g.mac.Write(g.msg[:])
	sum := g.mac.Sum(g.sum[:0])
	// Dynamic truncation, RFC 4226 section 5.4.
	off := sum[len(sum)-1] & 0x0f
	bin := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	return bin % pow10[g.params.Digits]
}
