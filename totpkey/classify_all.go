package totpkey

import "github.com/totpkey/totpkey/totpkey/link"

// ClassifyAll classifies an input that may stand for several keys: an
// otpauth-migration:// link from Google Authenticator's "Transfer accounts"
// export gives one Result per account, in the export's order, each with
// the account's issuer and name (Result.Account) and the position of its QR
// code in the export (Result.Batch). An export link that cannot be read
// gives one bad-uri Result. Any other input gives exactly
// []Result{Classify(input)}.
//
// Quotes, a label and white space around an export link are taken off and
// reported as changes, as Classify does for a key.
func ClassifyAll(input string) []Result {
	if len(input) > link.MaxMigrationURILength {
		return []Result{Classify(input)}
	}
	t, _, changes := trimEnds(input, 0)
	t, _, changes = unwrap(t, 0, changes)
	if !hasPrefixFold(t, link.MigrationScheme+":") {
		return []Result{Classify(input)}
	}
	results := classifyMigration(t)
	for i := range results {
		results[i].Changes |= changes
	}
	return results
}
