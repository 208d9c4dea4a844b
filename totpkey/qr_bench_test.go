package totpkey

import (
	"bytes"
	"image"
	"testing"
)

// The decoder on 1080×2340 phone screenshots (JPEG quality 85), in process:
// bench/qr/run.sh compares whole processes with zbarimg.

func BenchmarkDecodeQRScreenshot(b *testing.B) {
	data := encodeJPEG(b, screenshot([]*image.Gray{qrCodeImage(b, testSetupLink, 600)}, []image.Point{{200, 700}}), 85)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := DecodeQR(bytes.NewReader(data), QRLimits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeQRScreenshotSmallCode(b *testing.B) {
	data := encodeJPEG(b, screenshot([]*image.Gray{qrCodeImage(b, testSetupLink, 220)}, []image.Point{{90, 1500}}), 85)
	for b.Loop() {
		if _, err := DecodeQR(bytes.NewReader(data), QRLimits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeQRScreenshotNoCode(b *testing.B) {
	data := encodeJPEG(b, screenshot(nil, nil), 85)
	for b.Loop() {
		if _, err := DecodeQR(bytes.NewReader(data), QRLimits{}); err != ErrNoQR {
			b.Fatal(err)
		}
	}
}
