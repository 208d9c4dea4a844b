package main

import (
	"fmt"
	"io"

	"github.com/totpkey/totpkey/docs"
)

// writeTopic prints the help topic with the given id.
//
// TEMPORARY (lead): the docs helper owns this file and replaces it with the
// terminal-aware renderer that explain uses too.
func writeTopic(w io.Writer, streams *ioStreams, id string) error {
	t, ok := docs.Lookup(id)
	if !ok {
		return nil
	}
	_, err := fmt.Fprintf(w, "%s\n\n%s\n", t.Title, t.Body)
	return err
}
