package totpkey

import (
	"errors"
	"io"
)

// ClassifyQR reads the QR codes in a PNG, JPEG or GIF image (see DecodeQR)
// and classifies the text of each like any pasted input: an otpauth link
// gives its key, an export link one result per account (see ClassifyAll).
// An image in which no code can be read gives one no-qr result and no
// error. The error is for an image that cannot be read at all (an I/O
// error, not an image, too large to decode safely): not about the input's
// class, exit code 1.
func ClassifyQR(r io.Reader, limits QRLimits) ([]Result, error) {
	texts, err := DecodeQR(r, limits)
	if errors.Is(err, ErrNoQR) {
		return []Result{NoQRResult()}, nil
	}
	if err != nil {
		return nil, err
	}
	var results []Result
	for _, text := range texts {
		results = append(results, ClassifyAll(text)...)
	}
	return results, nil
}

// NoQRResult is the result for an image in which no QR code can be read.
func NoQRResult() Result {
	return Result{
		Class:  ClassMalformed,
		Format: FormatQR,
		Problems: []Problem{{
			ID: ReasonNoQR,
			Message: "no QR code could be read in the image: crop the screenshot to the code, " +
				"or take it again sharper and larger",
		}},
		Topic: string(ReasonNoQR),
	}
}
