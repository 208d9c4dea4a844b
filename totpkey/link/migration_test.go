package link

import (
	"errors"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey/internal/exporttest"
	"google.golang.org/protobuf/encoding/protowire"
)

func TestParseMigrationURIErrors(t *testing.T) {
	if _, err := ParseMigrationURI("otpauth://totp/x?secret=JBSWY3DPEHPK3PXP"); !errors.Is(err, ErrNotMigration) {
		t.Errorf("otpauth link: error %v, want ErrNotMigration", err)
	}
	_, err := ParseMigrationURI("otpauth-migration://offline?data=!")
	if !errors.Is(err, ErrBadMigration) || err.Error() != strings.ToLower(err.Error()[:1])+err.Error()[1:] {
		t.Errorf("broken link: error %v, want a lower-case error wrapping ErrBadMigration", err)
	}
	long := "otpauth-migration://offline?data=" + strings.Repeat("A", MaxMigrationURILength)
	if _, err := ParseMigrationURI(long); !errors.Is(err, ErrBadMigration) || !strings.Contains(err.Error(), "long") {
		t.Errorf("long link: error %v, want a too-long error", err)
	}
}

func TestDecodeMigrationPayloadSkipsUnknownFields(t *testing.T) {
	account := exporttest.EncodeAccount(exporttest.Account{Secret: exporttest.Secret20, Name: "n", Issuer: "i", Type: 2})
	account = protowire.AppendTag(account, 8, protowire.BytesType) // unique_id in newer exports
	account = protowire.AppendString(account, "3d6f8a")
	account = protowire.AppendTag(account, 99, protowire.Fixed32Type)
	account = protowire.AppendFixed32(account, 7)
	var payload []byte
	payload = protowire.AppendTag(payload, 1, protowire.BytesType)
	payload = protowire.AppendBytes(payload, account)
	payload = protowire.AppendTag(payload, 50, protowire.Fixed64Type)
	payload = protowire.AppendFixed64(payload, 1)
	p, err := DecodeMigrationPayload(payload)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Accounts) != 1 || string(p.Accounts[0].Secret) != string(exporttest.Secret20) || p.Accounts[0].Name != "n" || p.Accounts[0].Issuer != "i" {
		t.Errorf("got %+v", p.Accounts)
	}
}

func TestDecodeMigrationPayloadMakesNamesPrintable(t *testing.T) {
	payload := exporttest.Payload(1, 0, 1, exporttest.Account{Secret: exporttest.Secret20, Name: "evil\x1b[2J\u202Ename\xff", Issuer: " Broker ", Type: 2})
	p, err := DecodeMigrationPayload(payload)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Accounts[0].Name; got != "evil\uFFFD[2J\uFFFDname\uFFFD" {
		t.Errorf("name %q: control, format and broken characters should be U+FFFD", got)
	}
	if got := p.Accounts[0].Issuer; got != "Broker" {
		t.Errorf("issuer %q, want it trimmed", got)
	}
}
