package qrdraw

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"strings"

	"github.com/pquerna/otp"
)

// Code renders an otpauth:// or otpauth-migration:// link as a QR code
// with pquerna/otp, as a broker's setup page would, size pixels wide, on a
// white margin of size/8 pixels each side.
func Code(link string, size int) (*image.Gray, error) {
	key, err := otp.NewKeyFromURL(link)
	if err != nil {
		return nil, fmt.Errorf("parsing the link: %w", err)
	}
	code, err := key.Image(size, size)
	if err != nil {
		return nil, fmt.Errorf("%d pixels is too small for this link: %w", size, err)
	}
	b := code.Bounds()
	margin := b.Dx() / 8
	out := image.NewGray(image.Rect(0, 0, b.Dx()+2*margin, b.Dy()+2*margin))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, b.Add(image.Pt(margin, margin)), code, b.Min, draw.Src)
	return out, nil
}

// Encode encodes img in the format that the file name extension ext names:
// ".png", ".gif", ".webp" (lossless, in grey: colour is dropped), or ".jpg"
// / ".jpeg" at the given JPEG quality (1 to 100; other formats ignore it).
// Case does not matter.
func Encode(img image.Image, ext string, quality int) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch strings.ToLower(ext) {
	case ".png":
		err = png.Encode(&buf, img)
	case ".gif":
		err = gif.Encode(&buf, img, nil)
	case ".jpg", ".jpeg":
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality})
	case ".webp":
		buf.Write(encodeWebP(img))
	default:
		return nil, fmt.Errorf("unknown image type %q", ext)
	}
	if err != nil {
		return nil, fmt.Errorf("encoding %s: %w", ext, err)
	}
	return buf.Bytes(), nil
}

// FinderGrid draws n×n finder patterns (the three squares in a QR code's
// corners) of the given module size in pixels, with no code around them:
// an image built to make a finder pattern search compare every three of
// thousands of candidates.
func FinderGrid(n, module int) *image.Gray {
	cell := 9 * module
	img := image.NewGray(image.Rect(0, 0, n*cell, n*cell))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	for gy := range n {
		for gx := range n {
			ox, oy := gx*cell+module, gy*cell+module
			for y := range 7 * module {
				for x := range 7 * module {
					mx, my := x/module, y/module
					ring := mx == 0 || mx == 6 || my == 0 || my == 6
					centre := mx >= 2 && mx <= 4 && my >= 2 && my <= 4
					if ring || centre {
						img.Pix[(oy+y)*img.Stride+ox+x] = 0
					}
				}
			}
		}
	}
	return img
}
