package validate

import (
	"strconv"

	"github.com/totpkey/totpkey/cmd/internal/reply"
	"github.com/totpkey/totpkey/totpkey"
)

// appendReplyBlock is validate --lines --reply: a reply per line, under a
// heading for the support agent that says which line (and ticket) it is for.
// facts are what the kept columns say (nil: nothing), which the reply
// answers too.
func (run *linesRun) appendReplyBlock(dst []byte, file string, line int, keeps []string, r *totpkey.Result, input string, facts *reply.TicketFacts) []byte {
	dst = append(dst, "=== "...)
	if run.withFile {
		dst = append(dst, sourceName(file)...)
		dst = append(dst, ' ')
	}
	dst = append(dst, "line "...)
	dst = strconv.AppendInt(dst, int64(line), 10)
	for i, k := range keeps {
		// Kept values come here masked where they may be a key (render).
		dst = append(dst, ", "...)
		dst = append(dst, run.keep[i]...)
		dst = append(dst, ' ')
		dst = append(dst, printable(facts.HideCredentials(k))...)
	}
	dst = append(dst, " ===\n"...)
	it := reply.Item{Result: r, Shown: reply.ShownInput(r, input)}
	if facts != nil {
		dst = append(dst, reply.BuildTicketReply([]reply.Item{it}, facts)...)
	} else {
		dst = reply.AppendLineReply(dst, it)
	}
	return append(dst, '\n')
}
