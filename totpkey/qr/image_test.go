package qr

import (
	"image"
	"testing"

	"github.com/totpkey/totpkey/totpkey/qr/qrdraw"
)

// The QR tests draw the kind of images people feed to --qr (phone
// screenshots with a setup or export code somewhere on them) with
// internal/qrdraw; these short names keep the test tables readable.
var (
	rotated            = qrdraw.Rotate
	scaled             = qrdraw.Scale
	blurred            = qrdraw.Blur
	screenshot         = qrdraw.Screenshot
	photographedScreen = qrdraw.PhotographedScreen
	inverted           = qrdraw.Invert
	transparent        = qrdraw.Transparent
	finderGrid         = qrdraw.FinderGrid
)

// qrCodeImage is qrdraw.Code, failing the test on an error.
func qrCodeImage(t testing.TB, text string, size int) *image.Gray {
	t.Helper()
	code, err := qrdraw.Code(text, size)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// encoded is qrdraw.Encode, failing the test on an error.
func encoded(t testing.TB, img image.Image, ext string, quality int) []byte {
	t.Helper()
	data, err := qrdraw.Encode(img, ext, quality)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func encodeJPEG(t testing.TB, img image.Image, quality int) []byte {
	t.Helper()
	return encoded(t, img, ".jpg", quality)
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	return encoded(t, img, ".png", 0)
}

func encodeGIF(t testing.TB, img image.Image) []byte {
	t.Helper()
	return encoded(t, img, ".gif", 0)
}
