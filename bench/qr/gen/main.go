// Command gen writes the phone screenshots that bench/qr/run.sh decodes: a
// 1080×2340 JPEG like Google Authenticator's "Transfer accounts" screen,
// with an export QR code holding test accounts (no real keys), and the same
// screen with a small broker setup code instead.
package main

import (
	"bytes"
	"encoding/base64"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"log"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"

	"github.com/pquerna/otp"
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
	export, err := codeImage(exportLink(), 720)
	if err != nil {
		return err
	}
	setup, err := codeImage("otpauth://totp/Broker:AB1234?secret=ORXXI4DLMV4SA4LSEB2GK43UEBXW4ZJB&issuer=Broker", 260)
	if err != nil {
		return err
	}
	for name, img := range map[string]image.Image{
		"export-screenshot.jpg":  screen(export, image.Pt(180, 640)),
		"setup-screenshot.jpg":   screen(setup, image.Pt(90, 1500)),
		"no-code-screenshot.jpg": screen(nil, image.Point{}),
	} {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
			return fmt.Errorf("encoding %s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
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

// codeImage renders text as a QR code about size pixels wide, with a white
// margin.
func codeImage(text string, size int) (image.Image, error) {
	key, err := otp.NewKeyFromURL(text)
	if err != nil {
		return nil, err
	}
	code, err := key.Image(size, size)
	if err != nil {
		return nil, err
	}
	b := code.Bounds()
	margin := size / 12
	out := image.NewGray(image.Rect(0, 0, b.Dx()+2*margin, b.Dy()+2*margin))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, b.Add(image.Pt(margin, margin)), code, b.Min, draw.Src)
	return out, nil
}

// screen draws a phone screen: status and app bars, lines of text, a
// button, and the code at the given place.
func screen(code image.Image, at image.Point) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 1080, 2340))
	fill := func(r image.Rectangle, c color.RGBA) {
		draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
	}
	fill(img.Bounds(), color.RGBA{0xff, 0xff, 0xff, 0xff})
	fill(image.Rect(0, 0, 1080, 90), color.RGBA{0xe8, 0xea, 0xed, 0xff})
	fill(image.Rect(0, 90, 1080, 250), color.RGBA{0xf1, 0xf3, 0xf4, 0xff})
	rng := rand.New(rand.NewPCG(1, 2))
	for line := range 16 {
		y := 300 + line*58
		if line >= 5 {
			y += 820
		}
		for x := 60; x < 1000; {
			word := 30 + rng.IntN(140)
			fill(image.Rect(x, y, min(x+word, 1020), y+30), color.RGBA{0x20, 0x21, 0x24, 0xff})
			x += word + 18
		}
	}
	fill(image.Rect(660, 2120, 1020, 2250), color.RGBA{0x1a, 0x73, 0xe8, 0xff})
	if code != nil {
		draw.Draw(img, code.Bounds().Add(at), code, image.Point{}, draw.Src)
	}
	return img
}
