package totpkey

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
)

// Defaults of QRLimits.
const (
	// DefaultQRMaxBytes is the largest image file DecodeQR reads: a phone
	// screenshot is a few megabytes, a photo from a 50-megapixel camera
	// about 20.
	DefaultQRMaxBytes = 32 << 20
	// DefaultQRMaxPixels is the most pixels DecodeQR decodes: 50
	// megapixels, more than any phone camera or screen makes, and little
	// enough that decoding stays within a few hundred megabytes.
	DefaultQRMaxPixels = 50_000_000
	// maxQRCodes is the most codes DecodeQR reads from one image.
	maxQRCodes = 16
)

// ErrNoQR is returned by DecodeQR when the image is readable but holds no
// QR code that can be decoded.
var ErrNoQR = errors.New("no qr code could be read in the image")

// ErrImageTooLarge is wrapped by the error DecodeQR returns for an image
// whose file or pixel count is over the limits: an image that could
// exhaust memory when decoded (a decompression bomb).
var ErrImageTooLarge = errors.New("image too large to decode safely")

// ErrImageFormat is wrapped by the error DecodeQR returns for data that is
// not a PNG, JPEG or GIF image.
var ErrImageFormat = errors.New("not a png, jpeg or gif image")

// QRLimits bounds what DecodeQR accepts; a zero field takes its default.
type QRLimits struct {
	// MaxBytes is the largest image file read (DefaultQRMaxBytes).
	MaxBytes int64
	// MaxPixels is the largest width × height decoded (DefaultQRMaxPixels).
	MaxPixels int64
}

// withDefaults fills the zero fields of l.
func (l QRLimits) withDefaults() QRLimits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultQRMaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultQRMaxPixels
	}
	return l
}

// DecodeQR reads a PNG, JPEG or GIF image (the first frame of a GIF) and
// returns the text of every QR code in it, top to bottom and left to right,
// each text once. It is made for phone screenshots and photos: a small code
// on a large canvas, JPEG artefacts, a slight rotation or blur.
//
// The image's size is checked from its header before any pixel is decoded:
// a file over limits.MaxBytes or an image over limits.MaxPixels gives an
// error wrapping ErrImageTooLarge. Data that is no such image gives one
// wrapping ErrImageFormat; an image without a readable code gives ErrNoQR.
func DecodeQR(r io.Reader, limits QRLimits) ([]string, error) {
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
	return DecodeQRImage(img)
}

// megapixels writes a pixel count in megapixels with one decimal.
func megapixels(n int64) string {
	return fmt.Sprintf("%.1f", float64(n)/1e6)
}

// DecodeQRImage returns the text of every QR code in an image that is
// already decoded, as DecodeQR does; ErrNoQR when there is none. It does
// not check the image's size: callers decoding untrusted files should use
// DecodeQR.
func DecodeQRImage(img image.Image) ([]string, error) {
	texts := scanQR(lumaFromImage(img))
	if len(texts) == 0 {
		return nil, ErrNoQR
	}
	return texts, nil
}
