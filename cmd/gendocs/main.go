// Command gendocs writes the man pages (DIR/man/*.1) and the Markdown
// command reference (DIR/reference/*.md) of totpkey from its command tree,
// replacing the files there. It is an ordinary program importing the tree,
// so that the released binary does not link cobra/doc and its Markdown and
// YAML libraries. `go generate ./...` runs it:
//
//	go run ./cmd/gendocs docs
package main

//go:generate go run . ../../docs

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/root"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gendocs DIR")
		os.Exit(2)
	}
	if err := generateDocs(root.NewCmd(testStreams()), os.Args[1]); err != nil {
		fmt.Fprintf(os.Stderr, "gendocs: error: %v\n", err)
		os.Exit(1)
	}
}

// docsDate is the date printed in the man pages' header. It is fixed, not
// today's, so that generating the pages twice gives the same files; move
// it forward when a release changes the commands.
var docsDate = time.Date(2026, time.June, 24, 0, 0, 0, 0, time.UTC)

// generateDocs writes the man pages and the Markdown reference of the
// command tree under dir, removing pages of commands that are gone.
func generateDocs(root *cobra.Command, dir string) error {
	disableAutoGenTag(root)
	manDir := filepath.Join(dir, "man")
	refDir := filepath.Join(dir, "reference")
	for _, d := range []struct{ path, pattern string }{{manDir, "*.1"}, {refDir, "*.md"}} {
		if err := os.MkdirAll(d.path, 0o755); err != nil {
			return fmt.Errorf("create %s: %w", d.path, err)
		}
		old, err := filepath.Glob(filepath.Join(d.path, d.pattern))
		if err != nil {
			return fmt.Errorf("list %s: %w", d.path, err)
		}
		for _, f := range old {
			if err := os.Remove(f); err != nil {
				return fmt.Errorf("remove a stale page: %w", err)
			}
		}
	}
	header := &doc.GenManHeader{
		Title:   "TOTPKEY",
		Section: "1",
		Date:    &docsDate,
		Source:  "totpkey",
		Manual:  "totpkey manual",
	}
	if err := doc.GenManTree(root, header, manDir); err != nil {
		return fmt.Errorf("write the man pages: %w", err)
	}
	// Links between reference pages stay relative, so they work on GitHub
	// and in a checkout alike.
	link := func(name string) string { return name }
	if err := doc.GenMarkdownTreeCustom(root, refDir, func(string) string { return "" }, link); err != nil {
		return fmt.Errorf("write the command reference: %w", err)
	}
	return nil
}

// disableAutoGenTag drops cobra's "Auto generated … on DATE" footer from
// every page: a date that changes daily would make the pages always stale.
func disableAutoGenTag(cmd *cobra.Command) {
	cmd.DisableAutoGenTag = true
	for _, c := range cmd.Commands() {
		disableAutoGenTag(c)
	}
}

// testStreams are streams that read nothing and write to buffers nobody
// reads: the docs come from the command tree, not from running it.
func testStreams() *iostreams.IOStreams {
	s, _, _ := iostreams.Test("", false)
	return s
}
