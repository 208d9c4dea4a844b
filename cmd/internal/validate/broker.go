package validate

import (
	"slices"
	"strings"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/docs"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/broker"
)

// BrokerFlagUsage is the help line of --broker, on validate and generate.
const BrokerFlagUsage = "the trading account's `broker` (zerodha, angelone, dhan, fyers, …; names such as \"Angel One\" work): " +
	"its key length and notes count"

// ParseBroker resolves the value of --broker: an id, a display name or an
// alias, in any case. An empty value is no broker. An unknown name is a
// usage error that names the closest brokers.
func ParseBroker(name string) (broker.Broker, error) {
	if strings.TrimSpace(name) == "" {
		return broker.Broker{}, nil
	}
	if b, ok := broker.Lookup(name); ok {
		return b, nil
	}
	hint := "run 'totpkey explain' to list the brokers (their topics start with broker-)"
	if near := nearBrokers(name); len(near) > 0 {
		hint = "did you mean " + orWords(near) + "?"
	}
	return broker.Broker{}, cmdutil.UsageErrorf(hint, "unknown broker %q", outcome.TruncateRunes(outcome.MaskArg(name), 40))
}

// nearBrokers returns the ids of the brokers whose names are close to
// name, as explain's "did you mean" finds them.
func nearBrokers(name string) []string {
	res := docs.Resolve(name)
	var ids []string
	for _, t := range append(res.DidYouMean, res.Best()) {
		if t.Broker != "" && !slices.Contains(ids, t.Broker) {
			ids = append(ids, t.Broker)
		}
	}
	return ids
}

// orWords joins words as "a", "a or b", "a, b or c".
func orWords(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// ApplyBroker makes the checks of each result those of broker b (the
// zero Broker: the broker of a link's issuer, if any).
func ApplyBroker(results []totpkey.Result, b broker.Broker) {
	for i := range results {
		results[i].ApplyBroker(b)
	}
}
