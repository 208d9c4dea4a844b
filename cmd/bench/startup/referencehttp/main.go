// Command referencehttp is the reference (../reference) linking net/http as
// well, which `totpkey serve` needs and the reference predates: it shows
// how much of totpkey's start-up the page's server costs before any of
// totpkey's own code runs. See ../run.sh.
package main

import (
	_ "net/http"

	"github.com/totpkey/totpkey/cmd/bench/startup/internal/bare"
)

func main() { bare.Run("referencehttp") }
