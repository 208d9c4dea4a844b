// Command gen writes the phone screenshots that cmd/bench/qr/run.sh decodes: a
// 1080×2340 JPEG like Google Authenticator's "Transfer accounts" screen,
// with an export QR code holding test accounts (no real keys), and the same
// screen with a small broker setup code instead.
package main

import (
	"encoding/base64"
	"flag"
	"fmt"
	"image"
	"log"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"

	"github.com/totpkey/totpkey/totpkey/qr/qrdraw"
	"google.golang.org/protobuf/encoding/protowire"
)

func main() {
	dir := flag.String("dir", ".", "folder to write the images to")
	quality := flag.Int("quality", 85, "JPEG quality")
	flag.Parse()
	if err := run(*dir, *quality); err != nil {
		log.Fatal(err)
	}
}

func run(dir string, quality int) error {
	export, err := qrdraw.Code(exportLink(), 720)
	if err != nil {
		return err
	}
	setup, err := qrdraw.Code("otpauth://totp/Broker:AB1234?secret=ORXXI4DLMV4SA4LSEB2GK43UEBXW4ZJB&issuer=Broker", 260)
	if err != nil {
		return err
	}
	exportCodes := []*image.Gray{export}
	for name, img := range map[string]image.Image{
		"export-screenshot.jpg":  qrdraw.Screenshot(exportCodes, qrdraw.Column(exportCodes, 640)),
		"setup-screenshot.jpg":   qrdraw.Screenshot([]*image.Gray{setup}, []image.Point{{90, 1500}}),
		"no-code-screenshot.jpg": qrdraw.Screenshot(nil, nil),
	} {
		data, err := qrdraw.Encode(img, filepath.Ext(name), quality)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// exportLink is an export of ten test accounts, as one QR code of Google
// Authenticator's "Transfer accounts" holds.
func exportLink() string {
	rng := rand.New(rand.NewPCG(7, 8))
	var payload []byte
	for i := range 10 {
		secret := make([]byte, 20)
		for j := range secret {
			secret[j] = byte(rng.UintN(256))
		}
		var account []byte
		account = protowire.AppendTag(account, 1, protowire.BytesType)
		account = protowire.AppendBytes(account, secret)
		account = protowire.AppendTag(account, 2, protowire.BytesType)
		account = protowire.AppendString(account, fmt.Sprintf("client%02d@example.com", i))
		account = protowire.AppendTag(account, 3, protowire.BytesType)
		account = protowire.AppendString(account, "Broker")
		for _, f := range [][2]uint64{{4, 1}, {5, 1}, {6, 2}} {
			account = protowire.AppendTag(account, protowire.Number(f[0]), protowire.VarintType)
			account = protowire.AppendVarint(account, f[1])
		}
		payload = protowire.AppendTag(payload, 1, protowire.BytesType)
		payload = protowire.AppendBytes(payload, account)
	}
	for _, f := range [][2]uint64{{2, 1}, {3, 1}, {4, 0}, {5, 123456}} {
		payload = protowire.AppendTag(payload, protowire.Number(f[0]), protowire.VarintType)
		payload = protowire.AppendVarint(payload, f[1])
	}
	return "otpauth-migration://offline?data=" + url.QueryEscape(base64.StdEncoding.EncodeToString(payload))
}
