package qr

import (
	"errors"
	"io"

	"github.com/totpkey/totpkey/totpkey"
)

// Classify reads the QR codes in a PNG, JPEG, GIF or WebP image (see Decode)
// and classifies the text of each like any pasted input: an otpauth link
// gives its key, an export link one result per account (see ClassifyAll).
// An image in which no code can be read gives one no-qr result and no
// error. The error is for an image that cannot be read at all (an I/O
// error, not an image, too large to decode safely): not about the input's
// class, exit code 1.
func Classify(r io.Reader, limits Limits) ([]totpkey.Result, error) {
	texts, err := Decode(r, limits)
	if errors.Is(err, ErrNoQR) {
		return []totpkey.Result{NoCodeResult()}, nil
	}
	if err != nil {
		return nil, err
	}
	var results []totpkey.Result
	for _, text := range texts {
		results = append(results, totpkey.ClassifyAll(text)...)
	}
	return results, nil
}

// NoCodeResult is the result for an image in which no QR code can be read.
func NoCodeResult() totpkey.Result {
	return totpkey.Result{
		Class:  totpkey.ClassMalformed,
		Format: totpkey.FormatQR,
		Problems: []totpkey.Problem{{
			ID: totpkey.ReasonNoQR,
			Message: "no QR code could be read in the image: crop the screenshot to the code, " +
				"or take it again sharper and larger",
		}},
		Topic: string(totpkey.ReasonNoQR),
	}
}
