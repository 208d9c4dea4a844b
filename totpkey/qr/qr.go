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
	// megapixels, more than any phone camera or screen makes. What
	// bounds memory is DefaultMaxMemory: pixels differ in size.
	DefaultMaxPixels = 50_000_000
	// DefaultMaxMemory is the most memory, in bytes, that decoding an
	// image and searching it may take by the estimate Decode makes from
	// the header: 192 MiB, which keeps the whole process under 256 MiB
	// with the slack Go's garbage collector leaves (measured at the limit:
	// 194 MB for a progressive CMYK JPEG, 171 MB for a 16-bit PNG). It
	// lets through a 40-megapixel JPEG photo, a 16-megapixel 16-bit RGBA
	// PNG, and any phone screenshot.
	DefaultMaxMemory = 192 << 20
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
// not a PNG, JPEG, GIF or WebP image.
var ErrImageFormat = errors.New("not a png, jpeg, gif or webp image")

// Limits bounds what Decode accepts; a zero field takes its default.
type Limits struct {
	// MaxBytes is the largest image file read (DefaultMaxBytes).
	MaxBytes int64
	// MaxPixels is the largest width × height decoded (DefaultMaxPixels).
	MaxPixels int64
	// MaxMemory is the most bytes that decoding and searching the image
	// may take (DefaultMaxMemory), by an estimate from its header: the
	// file, the decoder's image and buffers for the image's format and
	// layout (8 bytes a pixel for 16-bit RGBA PNG, 8 for CMYK JPEG, 5
	// more a component pixel for a progressive JPEG), and the search's
	// copies (3 bytes a pixel).
	MaxMemory int64
}

// withDefaults fills the zero fields of l.
func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxPixels <= 0 {
		l.MaxPixels = DefaultMaxPixels
	}
	if l.MaxMemory <= 0 {
		l.MaxMemory = DefaultMaxMemory
	}
	return l
}

// Decode reads a PNG, JPEG, GIF (its first frame) or WebP image and
// returns the text of every QR code in it, top to bottom and left to right,
// each text once. It is made for phone screenshots and photos: a small code
// on a large canvas, JPEG artefacts, a slight rotation or blur.
//
// The image's size is checked from its header before any pixel is decoded:
// a file over limits.MaxBytes, an image over limits.MaxPixels, or one that
// would take more than limits.MaxMemory bytes to decode and search gives
// an error wrapping ErrImageTooLarge that says which and why. Data that is no such image gives one
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
	if cost := costOf(data, format, config); cost.bytes > limits.MaxMemory {
		return nil, fmt.Errorf("%w: the %d×%d %s image would take about %s of memory to decode and search; the limit is %s",
			ErrImageTooLarge, config.Width, config.Height, cost.layout, megabytes(cost.bytes), megabytes(limits.MaxMemory))
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decoding the %s image: %w", format, err)
	}
	// From here on neither the file nor, when it was converted, the
	// decoded image is used: the garbage collector may take them back
	// while the grey copy is searched.
	return textsIn(lumaFromImage(img))
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
	return textsIn(lumaFromImage(img))
}

// textsIn searches a grey image for codes: ErrNoQR when there is none.
func textsIn(l luma) ([]string, error) {
	texts := scanQR(l)
	if len(texts) == 0 {
		return nil, ErrNoQR
	}
	return texts, nil
}
