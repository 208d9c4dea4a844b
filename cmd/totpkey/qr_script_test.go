package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/pquerna/otp"
	"github.com/rogpeppe/go-internal/testscript"
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
// screenshot, one under the other, else side by side on white. No TEXT
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
		code, err := scriptCode(text, *size)
		if err != nil {
			ts.Fatalf("qrimage: %v", err)
		}
		if *rotate != 0 {
			code = scriptRotate(code, *rotate)
		}
		codes = append(codes, code)
	}
	img := scriptLayout(codes, *screen)
	var buf bytes.Buffer
	var err error
	name := fs.Arg(0)
	switch strings.ToLower(filepath.Ext(name)) {
	case ".png":
		err = png.Encode(&buf, img)
	case ".jpg", ".jpeg":
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: *quality})
	case ".gif":
		err = gif.Encode(&buf, img, nil)
	default:
		ts.Fatalf("qrimage: unknown image type %q", filepath.Ext(name))
	}
	if err != nil {
		ts.Fatalf("qrimage: %v", err)
	}
	data := buf.Bytes()
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

// scriptCode renders text as a QR code with pquerna/otp, on a white margin.
func scriptCode(text string, size int) (*image.Gray, error) {
	key, err := otp.NewKeyFromURL(text)
	if err != nil {
		return nil, err
	}
	code, err := key.Image(size, size)
	if err != nil {
		return nil, fmt.Errorf("%d pixels is too small for this text: %w", size, err)
	}
	b := code.Bounds()
	margin := max(size/10, 8)
	out := image.NewGray(image.Rect(0, 0, b.Dx()+2*margin, b.Dy()+2*margin))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, b.Add(image.Pt(margin, margin)), code, b.Min, draw.Src)
	return out, nil
}

// scriptRotate turns img about its centre, on white, by nearest sampling.
func scriptRotate(img *image.Gray, degrees float64) *image.Gray {
	sin, cos := math.Sincos(degrees * math.Pi / 180)
	w, h := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
	nw := int(math.Ceil(math.Abs(w*cos) + math.Abs(h*sin)))
	nh := int(math.Ceil(math.Abs(w*sin) + math.Abs(h*cos)))
	out := image.NewGray(image.Rect(0, 0, nw, nh))
	for y := range nh {
		for x := range nw {
			dx, dy := float64(x)+0.5-float64(nw)/2, float64(y)+0.5-float64(nh)/2
			sx := int(math.Floor(cos*dx + sin*dy + w/2))
			sy := int(math.Floor(-sin*dx + cos*dy + h/2))
			v := uint8(255)
			if sx >= 0 && sy >= 0 && sx < int(w) && sy < int(h) {
				v = img.GrayAt(sx, sy).Y
			}
			out.SetGray(x, y, color.Gray{Y: v})
		}
	}
	return out
}

// scriptLayout places the codes side by side on white, or one under the
// other on a phone screenshot with bars and lines of text.
func scriptLayout(codes []*image.Gray, screen bool) image.Image {
	if !screen {
		w, h := 64, 64
		for _, c := range codes {
			w += c.Bounds().Dx()
			h = max(h, c.Bounds().Dy())
		}
		img := image.NewGray(image.Rect(0, 0, w, h))
		draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
		x := 0
		for _, c := range codes {
			draw.Draw(img, c.Bounds().Add(image.Pt(x, 0)), c, image.Point{}, draw.Src)
			x += c.Bounds().Dx()
		}
		return img
	}
	img := image.NewRGBA(image.Rect(0, 0, 1080, 2340))
	fill := func(r image.Rectangle, c color.RGBA) { draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src) }
	fill(img.Bounds(), color.RGBA{0xff, 0xff, 0xff, 0xff})
	fill(image.Rect(0, 0, 1080, 250), color.RGBA{0x1a, 0x73, 0xe8, 0xff})
	for line := range 6 {
		fill(image.Rect(60, 300+line*60, 700+line*40, 330+line*60), color.RGBA{0x20, 0x21, 0x24, 0xff})
	}
	y := 700
	for _, c := range codes {
		draw.Draw(img, c.Bounds().Add(image.Pt((1080-c.Bounds().Dx())/2, y)), c, image.Point{}, draw.Src)
		y += c.Bounds().Dy() + 40
	}
	fill(image.Rect(660, 2120, 1020, 2250), color.RGBA{0x1a, 0x73, 0xe8, 0xff})
	return img
}
