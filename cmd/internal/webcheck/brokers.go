package webcheck

import (
	"github.com/totpkey/totpkey/docs"
	"github.com/totpkey/totpkey/totpkey/broker"
)

// BrokerView is a broker the page's picker offers.
type BrokerView struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// KeyLength is the length of the key the broker shows; 0 when it is
	// not known.
	KeyLength int `json:"key_length,omitempty"`
}

// Brokers lists the brokers of the catalogue (totpkey/broker) for the
// picker.
func Brokers() []BrokerView {
	all := broker.All()
	out := make([]BrokerView, len(all))
	for i, b := range all {
		out[i] = BrokerView{ID: b.ID, Name: b.Name, KeyLength: b.KeyLength}
	}
	return out
}

// brokerTopic is the id of the help topic that says where b shows the TOTP
// Key; "" when there is none.
func brokerTopic(b broker.Broker) string {
	id := "broker-" + b.ID
	if t, ok := docs.Lookup(id); ok && t.ID == id {
		return id
	}
	return ""
}
