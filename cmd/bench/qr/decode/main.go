// Command decode reads the QR codes in image files with qr.Decode,
// the way totpkey validate --qr does, and prints how many it found: the
// process cmd/bench/qr/run.sh times against zbarimg.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/totpkey/totpkey/totpkey/qr"

	"github.com/totpkey/totpkey/totpkey"
)

func main() {
	status := 0
	for _, name := range os.Args[1:] {
		if err := decode(name); err != nil {
			fmt.Fprintln(os.Stderr, err)
			status = 1
		}
	}
	os.Exit(status)
}

func decode(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	texts, err := qr.Decode(f, qr.Limits{})
	if errors.Is(err, qr.ErrNoQR) {
		fmt.Printf("%s: no code\n", name)
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for _, text := range texts {
		// The codes hold keys: never print more than a masked prefix.
		fmt.Printf("%s: %d characters, %s\n", name, len(text), totpkey.Mask(text[:min(len(text), 8)]))
	}
	return nil
}
