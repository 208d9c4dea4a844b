// Command totpkey tells whether what you are about to paste into a
// "TOTP Key" field really is a TOTP secret, and if not, exactly what it is
// and how to fix it.
package main

import (
	"os"

	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/root"
)

func main() {
	os.Exit(root.Run(os.Args[1:], iostreams.System()))
}
