// Command gen writes the images that cmd/bench/qr/run.sh decodes with
// totpkey and zbarimg, each a kind of image people feed to validate --qr:
// phone screenshots (1080×2340) of Google Authenticator's "Transfer
// accounts" screen with one to three dense export codes (ten test accounts
// each, no real keys) at native size, zoomed out and zoomed in, light and
// dark; a broker's small setup code; the same screen without a code; a
// lossless WebP; and a 7000×7000 16-bit RGBA PNG without a code, the
// decompression bomb of issue 15 (216 KB on disk, 392 MB decoded).
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"log"
	"os"
	"path/filepath"

	"github.com/totpkey/totpkey/totpkey/qr/qrdraw"
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
	setup, err := qrdraw.Code("otpauth://totp/Broker:AB1234?secret=ORXXI4DLMV4SA4LSEB2GK43UEBXW4ZJB&issuer=Broker", 260)
	if err != nil {
		return err
	}
	one, err := exportCodes(1)
	if err != nil {
		return err
	}
	two, err := exportCodes(2)
	if err != nil {
		return err
	}
	three, err := exportCodes(3)
	if err != nil {
		return err
	}
	images := []struct {
		name string
		img  image.Image
	}{
		{"setup-screenshot.jpg", qrdraw.Screenshot([]*image.Gray{setup}, []image.Point{{90, 1500}})},
		{"export-screenshot.jpg", qrdraw.ExportScreen(one, qrdraw.Light)},
		{"export-2-codes.jpg", qrdraw.ExportScreen(two, qrdraw.Light)},
		{"export-3-codes-0.75x.jpg", qrdraw.Resize(qrdraw.ExportScreen(three, qrdraw.Light), 0.75)},
		{"export-2-codes-2x-dark.jpg", qrdraw.Resize(qrdraw.ExportScreen(two, qrdraw.Dark), 2)},
		{"export-2-codes.webp", qrdraw.ExportScreen(two, qrdraw.Light)},
		{"no-code-screenshot.jpg", qrdraw.Screenshot(nil, nil)},
	}
	// sizes.txt lists each image's name and size, for the table.
	sizes := "bomb-7000-rgba16.png 7000×7000\n"
	for _, im := range images {
		data, err := qrdraw.Encode(im.img, filepath.Ext(im.name), quality)
		if err != nil {
			return fmt.Errorf("%s: %w", im.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, im.name), data, 0o644); err != nil {
			return err
		}
		sizes += fmt.Sprintf("%s %d×%d\n", im.name, im.img.Bounds().Dx(), im.img.Bounds().Dy())
	}
	if err := os.WriteFile(filepath.Join(dir, "sizes.txt"), []byte(sizes), 0o644); err != nil {
		return err
	}
	return writeBomb(filepath.Join(dir, "bomb-7000-rgba16.png"))
}

// exportCodes draws the count codes of one export of count×10 test
// accounts, sized to fill a phone screen's width side by side.
func exportCodes(count int) ([]*image.Gray, error) {
	var codes []*image.Gray
	for i := range count {
		code, err := qrdraw.Code(qrdraw.ExportLink(10, i, count, uint64(i+1)), (qrdraw.ScreenWidth-48-(count-1)*24)*4/5/count)
		if err != nil {
			return nil, err
		}
		codes = append(codes, code)
	}
	return codes, nil
}

// writeBomb writes a 7000×7000 16-bit RGBA PNG, white with a grey band:
// small on disk, 8 bytes a pixel when decoded.
func writeBomb(name string) error {
	img := image.NewNRGBA64(image.Rect(0, 0, 7000, 7000))
	for y := range 7000 {
		c := color.NRGBA64{R: 0xffff, G: 0xffff, B: 0xffff, A: 0xfffe}
		if y/500%2 == 1 {
			c = color.NRGBA64{R: 0x8000, G: 0x8000, B: 0x8000, A: 0xfffe}
		}
		for x := range 7000 {
			img.SetNRGBA64(x, y, c)
		}
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
