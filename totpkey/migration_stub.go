package totpkey

// classifyMigration reads an otpauth-migration:// export link into one
// result per account.
//
// TEMPORARY (lead): the QR/export helper owns migration*.go and replaces
// this file with the protowire decoder; Classify calls classifyMigration and
// returns its first result, ClassifyAll returns them all.
func classifyMigration(link string) []Result {
	return []Result{{
		Class:    ClassMalformed,
		Format:   FormatMigration,
		Problems: []Problem{{ID: ReasonBadURI, Message: "export links cannot be read yet"}},
		Topic:    string(ReasonBadURI),
	}}
}
