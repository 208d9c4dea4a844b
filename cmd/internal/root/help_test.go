package root

import (
	"testing"

	"github.com/spf13/cobra"
)

// TestEveryCommandHasHelp: each command a user can see has a long
// description and examples.
func TestEveryCommandHasHelp(t *testing.T) {
	s := newTestStreams("", false)
	var walk func(c *cobra.Command)
	n := 0
	walk = func(c *cobra.Command) {
		if !c.IsAvailableCommand() && c.HasParent() {
			return
		}
		n++
		if c.Long == "" {
			t.Errorf("%q has no long description", c.CommandPath())
		}
		if c.Example == "" {
			t.Errorf("%q has no examples", c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(NewCmd(s.IOStreams))
	if n < 3 {
		t.Fatalf("walked %d commands; want root, validate, explain and more", n)
	}
}
