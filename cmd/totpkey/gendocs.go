//go:build gendocs

// The docs generator is built only with the gendocs tag (see devcommands.go):
// cobra/doc pulls in a Markdown and a YAML library whose start-up work every
// run of totpkey would otherwise pay for.

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// docsDate is the date printed in the man pages' header. It is fixed, not
// today's, so that generating the pages twice gives the same files; move
// it forward when a release changes the commands.
var docsDate = time.Date(2026, time.June, 24, 0, 0, 0, 0, time.UTC)

// devCommands returns the commands of a development build: gendocs.
func devCommands() []*cobra.Command {
	return []*cobra.Command{newGenDocsCmd()}
}

// newGenDocsCmd is a hidden command that writes the man pages and the
// Markdown command reference from the command tree. `go generate ./...`
// runs it (go run -tags gendocs); packagers can too.
func newGenDocsCmd() *cobra.Command {
	return &cobra.Command{
		Use:    "gendocs DIR",
		Short:  "Write the man pages (DIR/man) and the command reference (DIR/reference)",
		Long:   "Gendocs writes DIR/man/*.1 and DIR/reference/*.md from the command tree, replacing the files there.",
		Args:   cobra.ExactArgs(1),
		Hidden: true,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := generateDocs(cmd.Root(), args[0]); err != nil {
				return failure(err)
			}
			return nil
		},
	}
}

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
