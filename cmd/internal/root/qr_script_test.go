package root

import (
	"encoding/binary"
	"flag"
	"fmt"
	"hash/crc32"
	"image"
	"os"
	"path/filepath"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/totpkey/totpkey/totpkey/qr/qrdraw"
)

// cmdQRImage writes a test image for --qr testscripts, so that no binary
// image is committed:
//
//	qrimage [-size N] [-rotate DEG] [-screen] [-quality Q] FILE [TEXT...]
//	qrimage -header WxH FILE
//	qrimage -cut N FILE TEXT...
//
// Each TEXT becomes a QR code of about N pixels (default 300), turned by
// DEG degrees; with -screen the codes are laid on a 1080×2340 phone
// screenshot, one under the other, else side by side on white (see
// internal/qrdraw). No TEXT
// gives an image without a code. The format follows FILE's extension
// (.png, .jpg, .gif); -quality sets the JPEG quality (default 85).
// -header writes only the start of a PNG that claims W×H pixels: what a
// decompression bomb looks like before its pixels are read. -cut keeps only
// the first N bytes of the image: a file cut short.
func cmdQRImage(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("qrimage does not take !")
	}
	fs := flag.NewFlagSet("qrimage", flag.ContinueOnError)
	size := fs.Int("size", 300, "code size in pixels")
	rotate := fs.Float64("rotate", 0, "rotation in degrees")
	screen := fs.Bool("screen", false, "lay the codes on a phone screenshot")
	quality := fs.Int("quality", 85, "JPEG quality")
	header := fs.String("header", "", "write only a PNG header claiming WxH pixels")
	cut := fs.Int("cut", 0, "keep only the first N bytes")
	if err := fs.Parse(args); err != nil || fs.NArg() < 1 {
		ts.Fatalf("usage: qrimage [-size N] [-rotate DEG] [-screen] [-quality Q] FILE [TEXT...]")
	}
	if *header != "" {
		var w, h uint32
		if _, err := fmt.Sscanf(*header, "%dx%d", &w, &h); err != nil {
			ts.Fatalf("qrimage: -header wants WxH: %v", err)
		}
		ts.Check(os.WriteFile(ts.MkAbs(fs.Arg(0)), pngHeader(w, h), 0o644))
		return
	}
	var codes []*image.Gray
	for _, text := range fs.Args()[1:] {
		code, err := qrdraw.Code(text, *size)
		if err != nil {
			ts.Fatalf("qrimage: %v", err)
		}
		if *rotate != 0 {
			code = qrdraw.Rotate(code, *rotate)
		}
		codes = append(codes, code)
	}
	var img image.Image
	if *screen {
		img = qrdraw.Screenshot(codes, qrdraw.Column(codes, 700))
	} else {
		img = qrdraw.Row(codes)
	}
	name := fs.Arg(0)
	data, err := qrdraw.Encode(img, filepath.Ext(name), *quality)
	if err != nil {
		ts.Fatalf("qrimage: %v", err)
	}
	if *cut > 0 {
		data = data[:min(*cut, len(data))]
	}
	if err := os.WriteFile(ts.MkAbs(name), data, 0o644); err != nil {
		ts.Fatalf("qrimage: %v", err)
	}
}

// pngHeader is the signature and IHDR chunk of a PNG of w×h grey pixels.
func pngHeader(w, h uint32) []byte {
	ihdr := binary.BigEndian.AppendUint32([]byte("IHDR"), w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 0, 0, 0, 0) // 8-bit grey, no interlace
	b := []byte("\x89PNG\r\n\x1a\n")
	b = binary.BigEndian.AppendUint32(b, uint32(len(ihdr)-4))
	b = append(b, ihdr...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(ihdr))
}
