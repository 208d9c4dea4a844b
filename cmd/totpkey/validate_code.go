package main

import "github.com/totpkey/totpkey/totpkey"

// checkCode is validate --code.
//
// TEMPORARY (lead): the generate helper owns this file and replaces it.
func checkCode(o *validateOptions, r *totpkey.Result) error {
	return usageErrorf("", "--code is not built yet")
}
