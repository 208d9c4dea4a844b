// Package exporttest builds Google Authenticator export links
// (otpauth-migration://) for the tests of the totpkey packages, with an
// encoder of its own, so that the decoder is checked against something
// other than itself.
package exporttest

import (
	"encoding/base32"
	"encoding/base64"
	"net/url"

	"google.golang.org/protobuf/encoding/protowire"
)

// Account is an account to put into a test export. The enum fields hold
// the values of Google Authenticator's protobuf; 0 leaves a field out.
type Account struct {
	Secret    []byte
	Name      string
	Issuer    string
	Algorithm uint64 // 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5
	Digits    uint64 // 1 six, 2 eight
	Type      uint64 // 1 HOTP, 2 TOTP
	Counter   uint64
}

// EncodeAccount writes an OtpParameters message.
func EncodeAccount(a Account) []byte {
	var b []byte
	if a.Secret != nil {
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = protowire.AppendBytes(b, a.Secret)
	}
	if a.Name != "" {
		b = protowire.AppendTag(b, 2, protowire.BytesType)
		b = protowire.AppendString(b, a.Name)
	}
	if a.Issuer != "" {
		b = protowire.AppendTag(b, 3, protowire.BytesType)
		b = protowire.AppendString(b, a.Issuer)
	}
	for _, f := range []struct {
		num protowire.Number
		v   uint64
	}{{4, a.Algorithm}, {5, a.Digits}, {6, a.Type}, {7, a.Counter}} {
		if f.v != 0 {
			b = protowire.AppendTag(b, f.num, protowire.VarintType)
			b = protowire.AppendVarint(b, f.v)
		}
	}
	return b
}

// Payload writes a MigrationPayload message with version 1.
func Payload(batchSize, batchIndex int32, batchID int32, accounts ...Account) []byte {
	var b []byte
	for _, a := range accounts {
		b = protowire.AppendTag(b, 1, protowire.BytesType)
		b = protowire.AppendBytes(b, EncodeAccount(a))
	}
	for _, f := range []struct {
		num protowire.Number
		v   int32
	}{{2, 1}, {3, batchSize}, {4, batchIndex}, {5, batchID}} {
		b = protowire.AppendTag(b, f.num, protowire.VarintType)
		b = protowire.AppendVarint(b, uint64(int64(f.v))) // int32 is sign-extended on the wire
	}
	return b
}

// Link builds a link the way Google Authenticator does: standard
// base64, percent-encoded.
func Link(payload []byte) string {
	return "otpauth-migration://offline?data=" + url.QueryEscape(base64.StdEncoding.EncodeToString(payload))
}

var (
	// Secret20 is a test account's secret. None of these is anyone's real key.
	Secret20 = []byte("0123456789abcdefghij") // 160 bits
	// Secret10 is a test secret of 80 bits.
	Secret10 = []byte("klmnopqrst") // 80 bits: the least that is valid
	// Secret5 is a test secret of 40 bits.
	Secret5 = []byte{0xde, 0xad, 0xbe, 0xef, 0x1} // 40 bits: too short
)

// Key is the base32 key an export secret stands for.
func Key(secret []byte) string {
	return base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(secret)
}
