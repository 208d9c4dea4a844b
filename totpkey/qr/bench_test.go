package qr

import (
	"bytes"
	"image"
	"testing"
)

// The decoder on 1080×2340 phone screenshots (JPEG quality 85), in process:
// cmd/bench/qr/run.sh compares whole processes with zbarimg.

func BenchmarkDecodeQRScreenshot(b *testing.B) {
	data := encodeJPEG(b, screenshot([]*image.Gray{qrCodeImage(b, testSetupLink, 600)}, []image.Point{{200, 700}}), 85)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data), Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeQRScreenshotSmallCode(b *testing.B) {
	data := encodeJPEG(b, screenshot([]*image.Gray{qrCodeImage(b, testSetupLink, 220)}, []image.Point{{90, 1500}}), 85)
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data), Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeQRScreenshotNoCode(b *testing.B) {
	data := encodeJPEG(b, screenshot(nil, nil), 85)
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(data), Limits{}); err != ErrNoQR {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeQRFinderGrid is the worst case the finder-candidate cap
// guards against: 1,600 finder patterns on 1080×1080 pixels. Without the
// cap one search compares every three of them (about 18 s here); with it,
// the whole decode takes a fraction of a second.
func BenchmarkDecodeQRFinderGrid(b *testing.B) {
	img := finderGrid(40, 3)
	for b.Loop() {
		if _, err := DecodeImage(img); err != ErrNoQR {
			b.Fatal(err)
		}
	}
}
