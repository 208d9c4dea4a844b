package main

import "github.com/totpkey/totpkey/totpkey"

// resultsFromQR is validate --qr.
//
// TEMPORARY (lead): the QR helper owns this file and replaces it.
func resultsFromQR(o *validateOptions) ([]totpkey.Result, error) {
	return nil, usageErrorf("", "--qr is not built yet")
}
