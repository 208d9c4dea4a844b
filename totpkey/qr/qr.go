package qr

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"

	// The image formats --qr reads.
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"

	_ "golang.org/x/image/webp"
)

// Defaults of Limits.
const (
	// DefaultMaxBytes is the largest image file Decode reads: a phone
	// screenshot is a few megabytes, a photo from a 50-megapixel camera
	// about 20.
	DefaultMaxBytes = 32 << 20
	// DefaultMaxPixels is the most pixels Decode decodes: 50
	// megapixels, more than any phone camera or screen makes, and little
	// enough that decoding stays within a few hundred megabytes.
	DefaultMaxPixels = 50_000_000
	// maxQRCodes is the most codes Decode reads from one image.
	maxQRCodes = 16
)

// ErrNoQR is returned by Decode when the image is readable but holds no
// QR code that can be decoded.
var ErrNoQR = errors.New("no qr code could be read in the image")

// ErrImageTooLarge is wrapped by the error Decode returns for an image
// whose file or pixel count is over the limits: an image that could
// exhaust memory when decoded (a decompression bomb).
var ErrImageTooLarge = errors.New("image too large to decode safely")

// ErrImageFormat is wrapped by the error Decode returns for data that is
// not a PNG, JPEG or GIF image.
var ErrImageFormat = errors.New("not a png, jpeg or gif image")

// Limits bounds what Decode accepts; a zero field takes its default.
type Limits struct {
	// MaxBytes is the largest image file read (DefaultMaxBytes).
	MaxBytes int64
	// MaxPixels is the largest width × height decoded (DefaultMaxPixels).
	MaxPixels int64
}

// withDefaults fills the zero fields of l.
func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultMaxPixels
	}
	return l
}

// Decode reads a PNG, JPEG or GIF image (the first frame of a GIF) and
// returns the text of every QR code in it, top to bottom and left to right,
// each text once. It is made for phone screenshots and photos: a small code
// on a large canvas, JPEG artefacts, a slight rotation or blur.
//
// The image's size is checked from its header before any pixel is decoded:
// a file over limits.MaxBytes or an image over limits.MaxPixels gives an
// error wrapping ErrImageTooLarge. Data that is no such image gives one
// wrapping ErrImageFormat; an image without a readable code gives ErrNoQR.
func Decode(r io.Reader, limits Limits) ([]string, error) {
	limits = limits.withDefaults()
	data, err := io.ReadAll(io.LimitReader(r, limits.MaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading the image: %w", err)
	}
	if int64(len(data)) > limits.MaxBytes {
		return nil, fmt.Errorf("%w: the file is larger than %d MB", ErrImageTooLarge, limits.MaxBytes>>20)
	}
	config, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, image.ErrFormat) {
			return nil, ErrImageFormat
		}
		return nil, fmt.Errorf("reading the image header: %w", err)
	}
	if config.Width <= 0 || config.Height <= 0 {
		return nil, fmt.Errorf("the %s image has no pixels (%d×%d)", format, config.Width, config.Height)
	}
	if pixels := int64(config.Width) * int64(config.Height); pixels > limits.MaxPixels {
		return nil, fmt.Errorf("%w: the %s image is %d×%d pixels (%s megapixels); the limit is %s megapixels",
			ErrImageTooLarge, format, config.Width, config.Height, megapixels(pixels), megapixels(limits.MaxPixels))
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decoding the %s image: %w", format, err)
	}
	return DecodeImage(img)
}

// megapixels writes a pixel count in megapixels with one decimal.
func megapixels(n int64) string {
	return fmt.Sprintf("%.1f", float64(n)/1e6)
}

// DecodeImage returns the text of every QR code in an image that is
// already decoded, as Decode does; ErrNoQR when there is none. It does
// not check the image's size: callers decoding untrusted files should use
// Decode.
func DecodeImage(img image.Image) ([]string, error) {
	texts := scanQR(lumaFromImage(img))
	if len(texts) == 0 {
		return nil, ErrNoQR
	}
	return texts, nil
}
