package root

import (
	"encoding/base64"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey/qr/qrdraw"
	"google.golang.org/protobuf/encoding/protowire"
)

// exportLinkOf builds a Google Authenticator export link holding one TOTP
// account per secret.
func exportLinkOf(secrets ...[]byte) string {
	var payload []byte
	for i, secret := range secrets {
		var account []byte
		account = protowire.AppendTag(account, 1, protowire.BytesType)
		account = protowire.AppendBytes(account, secret)
		account = protowire.AppendTag(account, 2, protowire.BytesType)
		account = protowire.AppendString(account, "client"+string(rune('A'+i)))
		account = protowire.AppendTag(account, 3, protowire.BytesType)
		account = protowire.AppendString(account, "Broker")
		account = protowire.AppendTag(account, 6, protowire.VarintType)
		account = protowire.AppendVarint(account, 2)
		payload = protowire.AppendTag(payload, 1, protowire.BytesType)
		payload = protowire.AppendBytes(payload, account)
	}
	return "otpauth-migration://offline?data=" + url.QueryEscape(base64.StdEncoding.EncodeToString(payload))
}

// TestQRAndExportNoSecretLeaks gives random keys as export links and as QR
// code images (setup and export codes) to validate, in text and JSON,
// piped and on a terminal, and fails if more than 4 characters of a key
// show without --show-secret. With --show-secret every key must show,
// which proves the check can see a leak.
func TestQRAndExportNoSecretLeaks(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	dir := t.TempDir()
	for round := range 6 {
		secrets := [][]byte{randomSecret(rng), randomSecret(rng)}
		keys := []string{b32.EncodeToString(secrets[0]), b32.EncodeToString(secrets[1])}
		export := exportLinkOf(secrets...)
		setup := "otpauth://totp/Broker:AB1234?secret=" + keys[0] + "&issuer=Broker"
		var inputs [][]string // command lines after "validate"
		inputs = append(inputs, []string{export})
		for i, text := range []string{setup, export} {
			code, err := qrdraw.Code(text, 500)
			if err != nil {
				t.Fatal(err)
			}
			data, err := qrdraw.Encode(code, ".png", 0)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "code"+string(rune('0'+round))+string(rune('0'+i))+".png")
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			inputs = append(inputs, []string{"--qr", path})
		}
		for _, in := range inputs {
			wantKeys := keys
			if in[0] == "--qr" && strings.HasSuffix(in[1], "0.png") {
				wantKeys = keys[:1] // the setup code holds the first key only
			}
			for _, output := range []string{"text", "json"} {
				for _, tty := range []bool{false, true} {
					args := append([]string{"validate", "-o", output}, in...)
					stdout := assertNoLeak(t, args, "", tty, "qr", keys...)
					if !strings.Contains(stdout, "Broker") {
						t.Fatalf("%v: the output does not name the account:\n%s", args, stdout)
					}
					assertShowsSecret(t, args, "", wantKeys...)
				}
			}
		}
	}
}
