// Package link reads the links authenticator apps and brokers put in their
// QR codes: otpauth:// links (one account, Google's Key-Uri-Format) and
// otpauth-migration:// links (Google Authenticator's "Transfer accounts"
// export, a protobuf payload of several accounts).
//
// It only reads: whether the secret in a link is a usable TOTP Key is the
// classifier's question (package totpkey). Nothing it returns in an error
// quotes a secret.
package link

import "fmt"

// Account is what an otpauth:// or otpauth-migration:// link says about the
// account. None of it is secret.
type Account struct {
	Type      string // "totp" or "hotp"; empty for a bare key
	Issuer    string
	Name      string
	Algorithm string // "SHA1", "SHA256", "SHA512"; empty when not given
	Digits    int    // 0 when not given
	Period    int    // seconds; 0 when not given
	Counter   uint64 // HOTP counter
}

// Batch is the position of one QR code in a Google Authenticator export
// that spans several codes.
//
// Index counts from 0, as the export itself numbers its codes (the
// batch_index field of the payload): the second of three codes has Index
// 1 and Size 3, and Describe writes it the way people count, "QR 2 of 3".
// The JSON output of the command carries Index as it is here, 0-based.
type Batch struct {
	// Index is the 0-based position of this code in the export: 0 for the
	// first code.
	Index int
	// Size is the number of codes in the export; 0 or 1 when it is not
	// split.
	Size int
	// ID is the export's batch id, the same for every code of one export.
	ID int32
}

// Describe names the position of an export QR code the way a person counts
// them, "QR 2 of 3 of your export"; empty when the export has one code.
func (b Batch) Describe() string {
	if b.Size <= 1 {
		return ""
	}
	return fmt.Sprintf("QR %d of %d of your export", b.Index+1, b.Size)
}

// clip shortens s to at most n runes for a message, so that a long value
// is never echoed in full.
func clip(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos] + "…"
		}
		i++
	}
	return s
}
