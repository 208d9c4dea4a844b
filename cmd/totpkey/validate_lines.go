package main

// runLines is validate --lines.
//
// TEMPORARY (lead): the triage helper owns this file and replaces it.
func runLines(o *validateOptions) error {
	return usageErrorf("", "--lines is not built yet")
}
