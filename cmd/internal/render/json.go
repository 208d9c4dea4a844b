package render

import (
	"fmt"
	"io"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/view"
	"github.com/totpkey/totpkey/totpkey"
)

// WriteJSONResults prints one JSON object per result, one per line
// (view.AppendJSON).
func WriteJSONResults(w io.Writer, results []totpkey.Result, showSecret bool) error {
	var out []byte
	for i := range results {
		v := view.New(&results[i], showSecret)
		out = view.AppendJSON(out, &v)
	}
	if _, err := w.Write(out); err != nil {
		return cmdutil.Failure(fmt.Errorf("writing the results: %w", err))
	}
	return nil
}
