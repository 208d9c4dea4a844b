package main

// runScan is validate --scan.
//
// TEMPORARY (lead): the triage helper owns this file and replaces it.
func runScan(o *validateOptions) error {
	return usageErrorf("", "--scan is not built yet")
}
