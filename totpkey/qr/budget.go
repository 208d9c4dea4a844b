package qr

import (
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
)

// searchBytesPerPixel is what the search itself takes per pixel of the
// image, on top of what the image decoder allocates: the grey copy, a
// copy gozxing makes of it for a binarizer (or an inverted one), a copy to
// paint found codes over, and the smaller copies, bit matrices and block
// tables, which together stay under one byte.
const searchBytesPerPixel = 3

// decodeCost is the memory that decoding an image and searching it for
// codes will take, worked out from the image's header, and why.
type decodeCost struct {
	bytes int64
	// layout says what the decoder allocates per pixel, for the refusal
	// message: "16-bit RGBA", "progressive CMYK JPEG", ...
	layout string
}

// costOf works out from the header what decoding data (a format image,
// config read from its header) and searching it will take: the decoder's
// image, its working buffers (a progressive JPEG's coefficients, an
// interlaced PNG's passes, a lossless WebP's transforms), the file itself,
// which stays in memory while it is decoded, and the search's copies.
func costOf(data []byte, format string, config image.Config) decodeCost {
	pixels := int64(config.Width) * int64(config.Height)
	var decoder int64
	var layout string
	switch format {
	case "jpeg":
		decoder, layout = jpegCost(data, config)
	case "png":
		bpp, name := pngBytesPerPixel(config.ColorModel)
		decoder, layout = bpp*pixels, name
		if len(data) > 28 && data[28] == 1 {
			// Adam7: the seven passes are decoded into images of their
			// own, together as large as the result, then copied into it.
			decoder, layout = 2*decoder, "interlaced "+name
		}
	case "gif":
		decoder, layout = pixels, "8-bit palette"
	case "webp":
		switch config.ColorModel {
		case color.YCbCrModel:
			// 4:2:0 in whole 16×16 macroblocks.
			mbs := int64((config.Width+15)/16) * int64((config.Height+15)/16)
			decoder, layout = mbs*384, "lossy"
		default:
			// Lossless, or lossy with an alpha channel (itself
			// compressed losslessly): the RGBA pixels and a copy the
			// inverse transforms make.
			decoder, layout = 8*pixels, "lossless or transparent"
		}
	default:
		decoder, layout = 8*pixels, "unknown layout"
	}
	return decodeCost{
		bytes:  int64(len(data)) + decoder + searchBytesPerPixel*pixels,
		layout: layout + " " + format,
	}
}

// pngBytesPerPixel is the size of a pixel of the image the PNG decoder
// returns for a colour model, and the model's name.
func pngBytesPerPixel(model color.Model) (int64, string) {
	switch model {
	case color.GrayModel:
		return 1, "8-bit grey"
	case color.Gray16Model:
		return 2, "16-bit grey"
	case color.RGBAModel:
		return 4, "8-bit RGB"
	case color.NRGBAModel:
		return 4, "8-bit RGBA"
	case color.RGBA64Model:
		return 8, "16-bit RGB"
	case color.NRGBA64Model:
		return 8, "16-bit RGBA"
	}
	if _, ok := model.(color.Palette); ok {
		return 1, "palette"
	}
	return 8, "unknown"
}

// jpegCost is what Go's JPEG decoder allocates for the image whose header
// is in data: each component's plane in whole blocks of its sampling, a
// CMYK image beside the planes for four components, and for a progressive
// JPEG the coefficients of every block (64 int32 per 8×8 pixels).
func jpegCost(data []byte, config image.Config) (int64, string) {
	frame, ok := jpegFrameHeader(data)
	pixels := int64(config.Width) * int64(config.Height)
	if !ok {
		// DecodeConfig read a header this walk did not find: assume the
		// most a baseline decode of four full planes takes.
		return 8 * pixels, "unknown layout"
	}
	hmax, vmax := 1, 1
	for _, c := range frame.components {
		hmax, vmax = max(hmax, c.h), max(vmax, c.v)
	}
	mcuX := int64((config.Width + 8*hmax - 1) / (8 * hmax))
	mcuY := int64((config.Height + 8*vmax - 1) / (8 * vmax))
	var planes int64
	for _, c := range frame.components {
		if len(frame.components) == 1 {
			// A grey JPEG is decoded in 8×8 blocks whatever its sampling.
			planes += 64 * int64((config.Width+7)/8) * int64((config.Height+7)/8)
			continue
		}
		planes += 64 * int64(c.h) * int64(c.v) * mcuX * mcuY
	}
	cost, layout := planes, "YCbCr"
	switch len(frame.components) {
	case 1:
		layout = "grey"
	case 4:
		cost, layout = cost+4*pixels, "CMYK"
	}
	if frame.progressive {
		cost += 4 * planes
		layout = "progressive " + layout
	}
	return cost, layout
}

// jpegFrame is what a JPEG's start-of-frame header says about memory.
type jpegFrame struct {
	progressive bool
	components  []struct{ h, v int }
}

// jpegFrameHeader walks a JPEG's marker segments to its start-of-frame
// header. It reports false when there is none before the first scan.
func jpegFrameHeader(data []byte) (jpegFrame, bool) {
	if len(data) < 4 || data[0] != 0xff || data[1] != 0xd8 {
		return jpegFrame{}, false
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xff {
			return jpegFrame{}, false
		}
		marker := data[i+1]
		if marker == 0xff { // fill byte
			i++
			continue
		}
		if marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7) {
			i += 2 // markers without a length
			continue
		}
		length := int(binary.BigEndian.Uint16(data[i+2:]))
		segment := data[i+4 : min(i+2+length, len(data))]
		switch {
		case marker == 0xda: // start of scan: no frame header came first
			return jpegFrame{}, false
		case marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc:
			if len(segment) < 6 {
				return jpegFrame{}, false
			}
			n := int(segment[5])
			if len(segment) < 6+3*n {
				return jpegFrame{}, false
			}
			frame := jpegFrame{progressive: marker == 0xc2 || marker == 0xc6 || marker == 0xca || marker == 0xce}
			for c := range n {
				hv := segment[6+3*c+1]
				frame.components = append(frame.components, struct{ h, v int }{max(int(hv>>4), 1), max(int(hv&15), 1)})
			}
			return frame, true
		}
		i += 2 + length
	}
	return jpegFrame{}, false
}

// megabytes writes a byte count in whole megabytes (MiB), rounded up.
func megabytes(n int64) string {
	return fmt.Sprintf("%d MB", (n+1<<20-1)>>20)
}
