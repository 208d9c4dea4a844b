package qrdraw

import (
	"encoding/binary"
	"image"
	"image/color"
)

// encodeWebP writes img as a lossless WebP (VP8L) in grey: the one WebP
// the tests need, as Go has no WebP encoder. The pixels go through the
// subtract-green transform, so red and blue are zero and cost no bits,
// and green is coded with a fixed 8-bit code: a byte a pixel, no
// compression, every grey exact.
func encodeWebP(img image.Image) []byte {
	b := img.Bounds()
	var w bitWriter
	w.bits(uint32(b.Dx()-1), 14)
	w.bits(uint32(b.Dy()-1), 14)
	w.bits(0, 1) // no alpha
	w.bits(0, 3) // version 0
	w.bits(1, 1) // a transform:
	w.bits(2, 2) // subtract green
	w.bits(0, 1) // no more transforms
	w.bits(0, 1) // no colour cache
	w.bits(0, 1) // one prefix code group for the whole image
	// Green: a normal code whose code lengths are coded with a code of
	// two symbols, 0 and 8, one bit each.
	w.bits(0, 1)
	const lengthCodes = 12 // up to symbol 8 in the order 17, 18, 0, 1, 2, 3, 4, 5, 16, 6, 7, 8
	w.bits(lengthCodes-4, 4)
	for i := range lengthCodes {
		if i == 2 || i == 11 { // code length symbols 0 and 8
			w.bits(1, 3)
		} else {
			w.bits(0, 3)
		}
	}
	w.bits(0, 1) // code lengths for the whole alphabet
	for s := range 256 + 24 {
		if s < 256 {
			w.bits(1, 1) // length 8: every grey
		} else {
			w.bits(0, 1) // no back references
		}
	}
	single := func(symbol uint32) {
		w.bits(1, 1) // simple code
		w.bits(0, 1) // one symbol
		if symbol < 2 {
			w.bits(0, 1)
			w.bits(symbol, 1)
		} else {
			w.bits(1, 1)
			w.bits(symbol, 8)
		}
	}
	single(0)   // red, less green
	single(0)   // blue, less green
	single(255) // alpha
	single(0)   // distance
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			g := color.GrayModel.Convert(img.At(x, y)).(color.Gray).Y
			// A canonical code of 256 symbols of 8 bits is the symbol
			// itself, written from its top bit.
			for i := 7; i >= 0; i-- {
				w.bits(uint32(g>>i)&1, 1)
			}
		}
	}
	data := append([]byte{0x2f}, w.flush()...)
	out := make([]byte, 0, 20+len(data)+1)
	out = append(out, "RIFF"...)
	out = binary.LittleEndian.AppendUint32(out, uint32(4+8+len(data)+len(data)%2))
	out = append(out, "WEBPVP8L"...)
	out = binary.LittleEndian.AppendUint32(out, uint32(len(data)))
	out = append(out, data...)
	if len(data)%2 == 1 {
		out = append(out, 0)
	}
	return out
}

// bitWriter packs bits from the lowest bit of each byte up, as VP8L
// reads them.
type bitWriter struct {
	out   []byte
	acc   uint64
	count uint
}

// bits writes the low n bits of v, lowest first.
func (w *bitWriter) bits(v uint32, n uint) {
	w.acc |= uint64(v&(1<<n-1)) << w.count
	w.count += n
	for w.count >= 8 {
		w.out = append(w.out, byte(w.acc))
		w.acc >>= 8
		w.count -= 8
	}
}

// flush returns the bytes written, the last one padded with zeros.
func (w *bitWriter) flush() []byte {
	if w.count > 0 {
		w.out = append(w.out, byte(w.acc))
		w.acc, w.count = 0, 0
	}
	return w.out
}
