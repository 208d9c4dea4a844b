package validate

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/totpkey/qr"

	"github.com/totpkey/totpkey/totpkey"
)

// ResultsFromQR is validate --qr FILE: the results of every QR code in the
// image, each classified like a pasted input (an export code gives one
// result per account). An image without a readable code is a no-qr result
// (exit 4); an image that cannot be read at all is a failure (exit 1).
func ResultsFromQR(o *ValidateOptions) ([]totpkey.Result, error) {
	return classifyQRFile(o.IO, o.QR)
}

// classifyQRFile reads the image at path ("-" for standard input) and
// classifies its QR codes. generate --qr uses it too.
func classifyQRFile(streams *iostreams.IOStreams, path string) ([]totpkey.Result, error) {
	r, name, closeImage, err := openQRImage(streams, path)
	if err != nil {
		return nil, err
	}
	defer closeImage()
	results, err := qr.Classify(r, qr.Limits{})
	if err != nil {
		return nil, qrImageError(name, err)
	}
	return results, nil
}

// openQRImage opens the image named by --qr. Standard input must not be a
// terminal: an image cannot be typed.
func openQRImage(streams *iostreams.IOStreams, path string) (r io.Reader, name string, closeImage func(), err error) {
	if path == "-" {
		if streams.InTTY {
			return nil, "", nil, cmdutil.UsageErrorf("pipe the image in: totpkey validate --qr - < screenshot.png",
				"--qr - reads an image from standard input, which is a terminal")
		}
		return streams.In, "standard input", func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, "", nil, cmdutil.Failure(fmt.Errorf("no such image: %s", path),
				"give the path of a screenshot or photo of the QR code (PNG, JPEG, GIF or WebP)")
		}
		return nil, "", nil, cmdutil.Failure(fmt.Errorf("opening the image: %w", err))
	}
	if info, err := f.Stat(); err == nil && info.IsDir() {
		f.Close()
		return nil, "", nil, cmdutil.Failure(fmt.Errorf("%s is a folder, not an image", path))
	}
	return f, path, func() { f.Close() }, nil
}

// qrImageError turns an image that cannot be read into a failure (exit 1)
// with a hint on what to do instead.
func qrImageError(name string, err error) error {
	switch {
	case errors.Is(err, qr.ErrImageTooLarge):
		return cmdutil.Failure(fmt.Errorf("%s: %w", name, err),
			"crop the screenshot to the QR code, or take a smaller one")
	case errors.Is(err, qr.ErrImageFormat):
		return cmdutil.Failure(fmt.Errorf("%s: %w", name, err),
			"take a screenshot of the QR code and save it as PNG or JPEG")
	}
	return cmdutil.Failure(fmt.Errorf("%s: %w", name, err))
}
