//go:build !gendocs

package main

// The man pages and the Markdown command reference are generated from the
// command tree by a hidden gendocs command that exists only in a build with
// the gendocs tag (gendocs.go), so that the released binary does not link
// cobra/doc and its Markdown and YAML libraries.
//go:generate go run -tags gendocs . gendocs ../../docs

import "github.com/spf13/cobra"

// devCommands returns the commands of a development build; a normal build
// has none.
func devCommands() []*cobra.Command { return nil }
