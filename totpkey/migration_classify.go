package totpkey

import (
	"errors"
	"fmt"
	"strings"

	"github.com/totpkey/totpkey/totpkey/link"
)

// migrationPeriod is the period of every account in an export: the export
// format has no field for it, and Google Authenticator uses 30 seconds.
const migrationPeriod = 30

// classifyMigration reads an otpauth-migration:// export link into one
// result per account, in the export's order. A link that cannot be read
// gives one bad-uri result. It never returns an empty slice.
func classifyMigration(s string) []Result {
	payload, err := link.ParseMigrationURI(s)
	if err != nil {
		return []Result{badMigration(migrationErrorDetail(err))}
	}
	results := make([]Result, 0, len(payload.Accounts))
	for i := range payload.Accounts {
		results = append(results, classifyMigrationAccount(&payload.Accounts[i], i, len(payload.Accounts), payload.Batch))
	}
	return results
}

// classifyMigrationAccount checks one account of an export. The secret is
// base32-encoded and judged by the same rules as a pasted key; the account
// must be TOTP with an algorithm TOTP apps use.
func classifyMigrationAccount(a *link.MigrationAccount, index, count int, batch link.Batch) Result {
	account := link.Account{
		Type:      a.Type,
		Issuer:    a.Issuer,
		Name:      a.Name,
		Algorithm: a.Algorithm,
		Digits:    a.Digits,
		Counter:   a.Counter,
	}
	if a.Type != "hotp" {
		// An HOTP account has a counter and no period.
		account.Period = migrationPeriod
	}
	which := MaskText(a.Label(index, count)) // a name can be a key
	if len(a.Secret) == 0 {
		r := badMigration(which + " has no secret in the export")
		r.Account, r.Batch = account, batch
		return r
	}
	if a.Algorithm == "MD5" {
		r := badMigration(which + " uses the MD5 algorithm; TOTP uses SHA1, SHA256 or SHA512")
		r.Account, r.Batch = account, batch
		return r
	}
	key := base32NoPadding.EncodeToString(a.Secret)
	r := classifyBody(key, -1)
	if r.HasProblem(ReasonPastedTwice) {
		// A secret made of two equal halves is odd but real: the export
		// holds the key itself, so nothing was pasted twice.
		r = Result{Class: ClassValid, Key: key, Topic: "edit-and-save"}
	}
	for i := range r.Problems {
		if r.Problems[i].ID == ReasonTooShort {
			// The export holds the whole secret: it is short, not cut.
			r.Problems[i].Message = fmt.Sprintf("%s has a secret of only %d bits; a TOTP Key has at least 80 bits "+
				"(%d base32 characters): set TOTP up again at the service to get a proper key", which, 8*len(a.Secret), MinKeyChars)
		}
	}
	r.Format = FormatMigration
	r.Account, r.Batch = account, batch
	return r.fromLink(a.Type == "hotp", which+" is an HOTP account")
}

// migrationErrorDetail turns a ParseMigrationURI error into the part of a
// problem message that says what is wrong.
func migrationErrorDetail(err error) string {
	msg := err.Error()
	if errors.Is(err, link.ErrBadMigration) {
		msg = strings.TrimPrefix(msg, link.ErrBadMigration.Error()+": ")
	}
	return "the otpauth-migration export link cannot be read: " + msg
}

// badMigration builds the result for an export link, or an account in it,
// that cannot be used.
func badMigration(message string) Result {
	return Result{
		Class:    ClassMalformed,
		Format:   FormatMigration,
		Problems: []Problem{{ID: ReasonBadURI, Message: message}},
		Topic:    string(ReasonBadURI),
	}
}
