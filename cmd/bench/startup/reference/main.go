// Command reference is the yardstick for totpkey's start-up time: a bare
// Cobra program with three empty subcommands that links the same libraries
// totpkey does (package bare), and does nothing else. See ../run.sh.
package main

import "github.com/totpkey/totpkey/cmd/bench/startup/internal/bare"

func main() { bare.Run("reference") }
