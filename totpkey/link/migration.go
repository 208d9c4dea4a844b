package link

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"strings"
)

// MigrationScheme is the scheme of the links that Google Authenticator's
// "Transfer accounts" export puts in its QR codes.
const MigrationScheme = "otpauth-migration"

// Limits on what ParseMigrationURI accepts. A Google Authenticator export
// QR code holds at most a few kilobytes; these leave room for pasted links
// while keeping memory bounded for any input.
const (
	// MaxMigrationURILength is the longest link ParseMigrationURI reads.
	MaxMigrationURILength = 64 << 10
	// MaxMigrationAccounts is the most accounts one export link may hold.
	MaxMigrationAccounts = 1000
	// MaxMigrationSecretBytes is the longest secret an account may carry.
	MaxMigrationSecretBytes = 1024
	// maxMigrationTextBytes bounds an account's name and issuer.
	maxMigrationTextBytes = 1024
)

// ErrNotMigration is returned by ParseMigrationURI for text that is not an
// otpauth-migration:// link at all.
var ErrNotMigration = errors.New("not an otpauth-migration link")

// ErrBadMigration is wrapped by every error ParseMigrationURI and
// DecodeMigrationPayload return for a link that is an export link but
// cannot be read. The wrapping error says what is wrong; it never quotes
// secret bytes.
var ErrBadMigration = errors.New("malformed export link")

// MigrationAccount is one account of a Google Authenticator export.
type MigrationAccount struct {
	// Secret is the raw HMAC key. It is a password: show it only base32
	// encoded and through Mask unless the user asked.
	Secret []byte
	// Name is the account name, often an e-mail address or a client id.
	Name string
	// Issuer is the service, such as the broker's name.
	Issuer string
	// Algorithm is "SHA1", "SHA256", "SHA512" or "MD5"; SHA1 when the
	// export leaves it unspecified.
	Algorithm string
	// Digits is 6, 7 or 8; 6 when the export leaves it unspecified.
	Digits int
	// Type is "totp" or "hotp"; "totp" when the export leaves it
	// unspecified.
	Type string
	// Counter is the HOTP counter; zero for TOTP accounts.
	Counter uint64
}

// MigrationPayload is the decoded content of one otpauth-migration:// link:
// the accounts of one QR code of an export, and where that code stands in
// the export.
type MigrationPayload struct {
	Accounts []MigrationAccount
	// Version is the payload format version (1 in every known export).
	Version int
	// Batch is the position of this QR code in the export.
	Batch Batch
}

// IsMigrationURI reports whether s, after surrounding white space, looks
// like an otpauth-migration:// link (the scheme is compared without regard
// to case). It does not check that the link can be read.
func IsMigrationURI(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) <= len(MigrationScheme) {
		return false
	}
	return strings.EqualFold(s[:len(MigrationScheme)], MigrationScheme) && s[len(MigrationScheme)] == ':'
}

// ParseMigrationURI reads an otpauth-migration://offline?data=… link as
// Google Authenticator exports it. The data parameter may be percent-encoded
// or not, may have had its "+" turned into spaces by a mail or chat program,
// may be wrapped over several lines, and may use the URL-safe base64
// alphabet or leave out the padding.
//
// Text that is not such a link gives an error wrapping ErrNotMigration; a
// link that cannot be read gives one wrapping ErrBadMigration.
func ParseMigrationURI(uri string) (*MigrationPayload, error) {
	if len(uri) > MaxMigrationURILength {
		return nil, fmt.Errorf("%w: the link is %d bytes long, more than the %d an export can hold",
			ErrBadMigration, len(uri), MaxMigrationURILength)
	}
	if !IsMigrationURI(uri) {
		return nil, ErrNotMigration
	}
	data, err := migrationDataParameter(strings.TrimSpace(uri))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadMigration, err)
	}
	raw, err := decodeMigrationBase64(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadMigration, err)
	}
	return DecodeMigrationPayload(raw)
}

// migrationDataParameter returns the unescaped value of the data parameter
// of an export link.
func migrationDataParameter(uri string) (string, error) {
	_, query, found := strings.Cut(uri, "?")
	if !found {
		return "", errors.New("the link has no data parameter (nothing after \"?\")")
	}
	query, _, _ = strings.Cut(query, "#")
	for part := range strings.SplitSeq(query, "&") {
		key, value, _ := strings.Cut(part, "=")
		if !strings.EqualFold(strings.TrimSpace(key), "data") {
			continue
		}
		// A literal "+" in base64 must survive unescaping, so it is escaped
		// before QueryUnescape would turn it into a space.
		unescaped, err := url.QueryUnescape(strings.ReplaceAll(value, "+", "%2B"))
		if err != nil {
			return "", errors.New("the data parameter has a broken %-escape")
		}
		if strings.TrimSpace(unescaped) == "" {
			return "", errors.New("the data parameter is empty")
		}
		return unescaped, nil
	}
	return "", errors.New("the link has no data parameter")
}

// decodeMigrationBase64 decodes the data parameter. Spaces stand for "+"
// that a mail or chat program turned into spaces; line breaks come from
// wrapping and are dropped.
func decodeMigrationBase64(data string) ([]byte, error) {
	var b strings.Builder
	b.Grow(len(data))
	urlSafe := false
	for _, r := range data {
		switch {
		case r == '\r' || r == '\n' || r == '\t' || r == '=':
			// Line breaks from wrapping; padding is optional below.
		case r == ' ':
			b.WriteByte('+')
		case r == '-' || r == '_':
			urlSafe = true
			b.WriteRune(r)
		case r < 0x80 && (r == '+' || r == '/' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			b.WriteRune(r)
		default:
			return nil, errors.New("the data parameter has a character that is not base64")
		}
	}
	clean := b.String()
	if urlSafe && strings.ContainsAny(clean, "+/") {
		return nil, errors.New("the data parameter mixes two base64 alphabets")
	}
	enc := base64.RawStdEncoding
	if urlSafe {
		enc = base64.RawURLEncoding
	}
	raw, err := enc.DecodeString(clean)
	if err != nil {
		return nil, errors.New("the data parameter is not valid base64: it is cut short or has extra characters")
	}
	if len(raw) == 0 {
		return nil, errors.New("the data parameter is empty")
	}
	return raw, nil
}

// Label names the account in a message by what is not secret about it:
// "account 2 (Zerodha: AB1234)" for the second of count accounts (index
// 1), "the account (Zerodha: AB1234)" when it is the only one.
func (a *MigrationAccount) Label(index, count int) string {
	label := "the account"
	if count > 1 {
		label = fmt.Sprintf("account %d", index+1)
	}
	switch {
	case a.Issuer != "" && a.Name != "":
		return fmt.Sprintf("%s (%s: %s)", label, clip(a.Issuer, 40), clip(a.Name, 60))
	case a.Issuer != "" || a.Name != "":
		return fmt.Sprintf("%s (%s)", label, clip(a.Issuer+a.Name, 60))
	}
	return label
}
