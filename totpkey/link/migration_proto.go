package link

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"google.golang.org/protobuf/encoding/protowire"
)

// Field numbers of Google Authenticator's MigrationPayload message.
const (
	payloadOTPParameters protowire.Number = 1
	payloadVersion       protowire.Number = 2
	payloadBatchSize     protowire.Number = 3
	payloadBatchIndex    protowire.Number = 4
	payloadBatchID       protowire.Number = 5
)

// Field numbers of MigrationPayload.OtpParameters.
const (
	otpSecret    protowire.Number = 1
	otpName      protowire.Number = 2
	otpIssuer    protowire.Number = 3
	otpAlgorithm protowire.Number = 4
	otpDigits    protowire.Number = 5
	otpType      protowire.Number = 6
	otpCounter   protowire.Number = 7
)

// migrationAlgorithms maps the Algorithm enum to names; 0 is unspecified
// and means SHA1, the default of every authenticator.
// The enum tables are arrays, not maps: no work when a command starts.
var migrationAlgorithms = [...]string{0: "SHA1", 1: "SHA1", 2: "SHA256", 3: "SHA512", 4: "MD5"}

// migrationDigits maps the DigitCount enum (6 is 1, 8 is 2, 7 is 3 in
// newer exports) to digit counts; 0 is unspecified and means 6.
var migrationDigits = [...]int{0: 6, 1: 6, 2: 8, 3: 7}

// migrationTypes maps the OtpType enum; 0 is unspecified and means TOTP,
// the field's default.
var migrationTypes = [...]string{0: "totp", 1: "hotp", 2: "totp"}

// enumValue returns the entry of an enum table for v, and false for a
// value the table does not have.
func enumValue[T any](table []T, v uint64) (T, bool) {
	if v < uint64(len(table)) {
		return table[v], true
	}
	var zero T
	return zero, false
}

// DecodeMigrationPayload decodes the protobuf bytes of an export link's data
// parameter (after base64 decoding). Unknown fields are skipped. Every error
// wraps ErrBadMigration and says what is wrong without quoting secret bytes.
func DecodeMigrationPayload(data []byte) (*MigrationPayload, error) {
	if len(data) > MaxMigrationURILength {
		return nil, fmt.Errorf("%w: the payload is %d bytes long, more than an export can hold", ErrBadMigration, len(data))
	}
	p := &MigrationPayload{}
	var batchIndex, batchSize int64
	for len(data) > 0 {
		num, typ, n := protowire.ConsumeTag(data)
		if n < 0 {
			return nil, fmt.Errorf("%w: %s", ErrBadMigration, payloadDamage(n))
		}
		data = data[n:]
		switch num {
		case payloadOTPParameters:
			raw, n := consumeBytesField(typ, data)
			if n < 0 {
				if n != errWrongType {
					return nil, fmt.Errorf("%w: the data parameter is cut short in account %d, so the link was not copied in full",
						ErrBadMigration, len(p.Accounts)+1)
				}
				return nil, fmt.Errorf("%w: account %d: %w", ErrBadMigration, len(p.Accounts)+1, fieldError(num, typ, n, false))
			}
			data = data[n:]
			if len(p.Accounts) == MaxMigrationAccounts {
				return nil, fmt.Errorf("%w: the export holds more than %d accounts", ErrBadMigration, MaxMigrationAccounts)
			}
			account, err := decodeMigrationAccount(raw)
			if err != nil {
				return nil, fmt.Errorf("%w: account %d: %w", ErrBadMigration, len(p.Accounts)+1, err)
			}
			p.Accounts = append(p.Accounts, account)
		case payloadVersion, payloadBatchSize, payloadBatchIndex, payloadBatchID:
			v, n := consumeVarintField(typ, data)
			if n < 0 {
				return nil, fmt.Errorf("%w: %w", ErrBadMigration, fieldError(num, typ, n, false))
			}
			data = data[n:]
			switch num {
			case payloadVersion:
				p.Version = int(int32(v))
			case payloadBatchSize:
				batchSize = int64(int32(v))
			case payloadBatchIndex:
				batchIndex = int64(int32(v))
			case payloadBatchID:
				p.Batch.ID = int32(v)
			}
		default:
			n := protowire.ConsumeFieldValue(num, typ, data)
			if n < 0 {
				return nil, fmt.Errorf("%w: %s", ErrBadMigration, payloadDamage(n))
			}
			data = data[n:]
		}
	}
	if batchSize < 0 || batchIndex < 0 {
		// A negative number (or one past 2^31 - 1, read as 32 bits) is no
		// position: no "batch position 0 of 0".
		return nil, fmt.Errorf("%w: its batch index or batch size is out of range (negative, or more than a 32-bit number holds)", ErrBadMigration)
	}
	if batchSize > 0 && batchIndex >= batchSize {
		return nil, fmt.Errorf("%w: the batch position %d of %d is impossible", ErrBadMigration, batchIndex+1, batchSize)
	}
	p.Batch.Index, p.Batch.Size = int(batchIndex), int(batchSize)
	if len(p.Accounts) == 0 {
		return nil, fmt.Errorf("%w: the export holds no accounts", ErrBadMigration)
	}
	return p, nil
}

// decodeMigrationAccount decodes one OtpParameters message.
func decodeMigrationAccount(data []byte) (MigrationAccount, error) {
	a := MigrationAccount{Algorithm: "SHA1", Digits: 6, Type: "totp"}
	for len(data) > 0 {
		num, typ, n := protowire.ConsumeTag(data)
		if n < 0 {
			return a, errors.New("its record is damaged: its bytes are not what an export holds")
		}
		data = data[n:]
		switch num {
		case otpSecret, otpName, otpIssuer:
			raw, n := consumeBytesField(typ, data)
			if n < 0 {
				return a, fieldError(num, typ, n, true)
			}
			data = data[n:]
			switch num {
			case otpSecret:
				if len(raw) > MaxMigrationSecretBytes {
					return a, fmt.Errorf("the secret is %d bytes long, more than any authenticator uses", len(raw))
				}
				a.Secret = append([]byte(nil), raw...)
			case otpName:
				if len(raw) > maxMigrationTextBytes {
					return a, fmt.Errorf("the account name is %d bytes long", len(raw))
				}
				a.Name = printableText(raw)
			case otpIssuer:
				if len(raw) > maxMigrationTextBytes {
					return a, fmt.Errorf("the issuer is %d bytes long", len(raw))
				}
				a.Issuer = printableText(raw)
			}
		case otpAlgorithm, otpDigits, otpType, otpCounter:
			v, n := consumeVarintField(typ, data)
			if n < 0 {
				return a, fieldError(num, typ, n, true)
			}
			data = data[n:]
			var known bool
			switch num {
			case otpAlgorithm:
				a.Algorithm, known = enumValue(migrationAlgorithms[:], v)
			case otpDigits:
				a.Digits, known = enumValue(migrationDigits[:], v)
			case otpType:
				a.Type, known = enumValue(migrationTypes[:], v)
			case otpCounter:
				a.Counter, known = v, true
			}
			if !known {
				return a, fmt.Errorf("the %s field has the unknown value %d", migrationFieldName(num, true), v)
			}
		default:
			n := protowire.ConsumeFieldValue(num, typ, data)
			if n < 0 {
				return a, errors.New("its record is damaged: its bytes are not what an export holds")
			}
			data = data[n:]
		}
	}
	return a, nil
}

// consumeBytesField reads a length-delimited field value; n < 0 on error,
// with n == errWrongType when the field has another wire type.
func consumeBytesField(typ protowire.Type, data []byte) ([]byte, int) {
	if typ != protowire.BytesType {
		return nil, errWrongType
	}
	return protowire.ConsumeBytes(data)
}

// consumeVarintField reads a varint field value; n < 0 on error, with
// n == errWrongType when the field has another wire type.
func consumeVarintField(typ protowire.Type, data []byte) (uint64, int) {
	if typ != protowire.VarintType {
		return 0, errWrongType
	}
	return protowire.ConsumeVarint(data)
}

// errWrongType is a negative length that protowire never returns, used to
// tell a field of the wrong wire type from a truncated one.
const errWrongType = -1000

// fieldError describes a field that could not be read.
func fieldError(num protowire.Number, typ protowire.Type, n int, inAccount bool) error {
	name := migrationFieldName(num, inAccount)
	if n == errWrongType {
		return fmt.Errorf("the %s field has the wrong type (wire type %d)", name, typ)
	}
	switch {
	case !errors.Is(protowire.ParseError(n), io.ErrUnexpectedEOF):
	case inAccount:
		// The account's record was read in full: a field that runs past
		// its end is damage, not a link cut short.
		return errors.New("the " + name + " field runs past the end of the account's record")
	default:
		return errors.New("the data parameter is cut short in its " + name + " field, so the link was not copied in full")
	}
	return errors.New("the " + name + " field is damaged: its bytes are not what an export holds")
}

// payloadDamage describes a payload whose fields cannot be read.
func payloadDamage(n int) string {
	if errors.Is(protowire.ParseError(n), io.ErrUnexpectedEOF) {
		return "the data parameter is cut short, so the link was not copied in full"
	}
	return "the data parameter is not a Google Authenticator export: its bytes are not what an export holds"
}

// migrationFieldName names a field for messages: an OtpParameters field
// when inAccount, a MigrationPayload field otherwise.
func migrationFieldName(num protowire.Number, inAccount bool) string {
	table := migrationPayloadFields[:]
	if inAccount {
		table = migrationAccountFields[:]
	}
	name, _ := enumValue(table, uint64(num))
	return name
}

var migrationAccountFields = [...]string{otpSecret: "secret", otpName: "account name",
	otpIssuer: "issuer", otpAlgorithm: "algorithm", otpDigits: "digits", otpType: "type", otpCounter: "counter"}

var migrationPayloadFields = [...]string{payloadOTPParameters: "account",
	payloadVersion: "version", payloadBatchSize: "batch size", payloadBatchIndex: "batch index",
	payloadBatchID: "batch id"}

// printableText turns an account name or issuer into text that is safe to
// print on a terminal: invalid UTF-8, control characters (which could move
// the cursor or change colours) and format characters (which could reorder
// the line) become U+FFFD.
func printableText(raw []byte) string {
	var b strings.Builder
	b.Grow(len(raw))
	for len(raw) > 0 {
		r, size := utf8.DecodeRune(raw)
		raw = raw[size:]
		if r == utf8.RuneError && size <= 1 || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}
