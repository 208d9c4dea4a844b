package qr

import (
	"bytes"
	"errors"
	"image"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/totpkey/totpkey/totpkey"
)

// fuzzQRLimits keeps every fuzz input small enough to decode in well under
// a second, whatever its header claims.
var fuzzQRLimits = Limits{MaxBytes: 1 << 20, MaxPixels: 400_000}

func FuzzDecodeQR(f *testing.F) {
	code := qrCodeImage(f, "otpauth://totp/T:u?secret=ORXXI4DLMV4SA4LSEB2GK43UEBXW4ZJB", 120)
	f.Add(encodePNG(f, code))
	f.Add(encodeGIF(f, code))
	f.Add(encodeJPEG(f, code, 50))
	f.Add(encodePNG(f, image.NewGray(image.Rect(0, 0, 30, 30))))
	f.Add(pngHeader(60000, 60000))
	f.Add(encoded(f, code, ".webp", 0))
	f.Add(pngHeaderOf(7000, 7000, 16, 6, 0))
	f.Add(jpegHeader(7000, 7000, true, cmyk...))
	f.Add(jpegHeader(300, 200, false, yuv420...))
	f.Fuzz(func(t *testing.T, data []byte) {
		texts, err := Decode(bytes.NewReader(data), fuzzQRLimits)
		if err != nil {
			checkErrorText(t, err)
			if texts != nil {
				t.Fatal("texts with an error")
			}
			return
		}
		if len(texts) == 0 || len(texts) > maxQRCodes {
			t.Fatalf("%d texts without an error", len(texts))
		}
		for _, text := range texts {
			if text == "" {
				t.Fatal("an empty text")
			}
			if len(totpkey.ClassifyAll(text)) == 0 {
				t.Fatal("ClassifyAll returned no result")
			}
		}
		if _, err := Classify(bytes.NewReader(data), fuzzQRLimits); err != nil && !errors.Is(err, ErrNoQR) {
			t.Fatalf("Classify failed where Decode did not: %v", err)
		}
	})
}

// checkErrorText fails when an error message starts with a capital letter.
func checkErrorText(t *testing.T, err error) {
	t.Helper()
	if r, _ := utf8.DecodeRuneInString(err.Error()); unicode.IsUpper(r) {
		t.Errorf("error %q starts with a capital letter", err)
	}
}
