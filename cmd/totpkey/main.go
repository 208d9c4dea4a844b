// Command totpkey tells whether what you are about to paste into a
// "TOTP Key" field really is a TOTP secret, and if not, exactly what it is
// and how to fix it.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], systemStreams()))
}
