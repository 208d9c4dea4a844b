package qr

import (
	"image"
	"image/color"
)

// luma is an 8-bit grey image, one byte a pixel, rows stride bytes apart:
// what the QR reader works on.
type luma struct {
	pix    []byte
	w, h   int
	stride int
}

// lumaFromImage converts an image to grey the way gozxing does (green
// counted twice; transparent pixels become white), with fast paths for the
// pixel layouts that the PNG, JPEG, GIF and WebP decoders produce. A JPEG's Y
// plane is used as it is, without a copy.
func lumaFromImage(img image.Image) luma {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if yc, ok := img.(*image.YCbCr); ok {
		start := yc.YOffset(b.Min.X, b.Min.Y)
		return luma{pix: yc.Y[start:], w: w, h: h, stride: yc.YStride}
	}
	if g, ok := img.(*image.Gray); ok {
		start := g.PixOffset(b.Min.X, b.Min.Y)
		return luma{pix: g.Pix[start:], w: w, h: h, stride: g.Stride}
	}
	l := luma{pix: make([]byte, w*h), w: w, h: h, stride: w}
	switch m := img.(type) {
	case *image.NYCbCrA:
		// A lossy WebP with transparency: its luma laid over white.
		for y := range h {
			yRow := m.Y[m.YOffset(b.Min.X, b.Min.Y+y):]
			aRow := m.A[m.AOffset(b.Min.X, b.Min.Y+y):]
			out := l.pix[y*w : (y+1)*w]
			for x := range out {
				a := uint32(aRow[x])
				out[x] = byte((uint32(yRow[x])*a + 255*(255-a)) / 255)
			}
		}
	case *image.NRGBA:
		for y := range h {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			out := l.pix[y*w : (y+1)*w]
			for x := range out {
				p := row[4*x : 4*x+4 : 4*x+4]
				out[x] = greyOver(uint32(p[0]), uint32(p[1]), uint32(p[2]), uint32(p[3]), 255)
			}
		}
	case *image.RGBA:
		for y := range h {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			out := l.pix[y*w : (y+1)*w]
			for x := range out {
				p := row[4*x : 4*x+4 : 4*x+4]
				// Premultiplied: add white for the transparent part.
				out[x] = greyPremultiplied(uint32(p[0]), uint32(p[1]), uint32(p[2]), uint32(p[3]))
			}
		}
	case *image.NRGBA64:
		// 16-bit PNG: the high byte of each channel is enough.
		for y := range h {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			out := l.pix[y*w : (y+1)*w]
			for x := range out {
				p := row[8*x : 8*x+8 : 8*x+8]
				out[x] = greyOver(uint32(p[0]), uint32(p[2]), uint32(p[4]), uint32(p[6]), 255)
			}
		}
	case *image.RGBA64:
		for y := range h {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			out := l.pix[y*w : (y+1)*w]
			for x := range out {
				p := row[8*x : 8*x+8 : 8*x+8]
				out[x] = greyPremultiplied(uint32(p[0]), uint32(p[2]), uint32(p[4]), uint32(p[6]))
			}
		}
	case *image.Gray16:
		for y := range h {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			out := l.pix[y*w : (y+1)*w]
			for x := range out {
				out[x] = row[2*x]
			}
		}
	case *image.CMYK:
		// A CMYK JPEG: the ink taken away from white.
		for y := range h {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			out := l.pix[y*w : (y+1)*w]
			for x := range out {
				p := row[4*x : 4*x+4 : 4*x+4]
				k := 255 - uint32(p[3])
				r, g, bl := (255-uint32(p[0]))*k/255, (255-uint32(p[1]))*k/255, (255-uint32(p[2]))*k/255
				out[x] = byte((r + 2*g + bl) / 4)
			}
		}
	case *image.Paletted:
		var table [256]byte
		for i, c := range m.Palette {
			table[i] = greyOfColor(c)
		}
		for y := range h {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			out := l.pix[y*w : (y+1)*w]
			for x := range out {
				out[x] = table[row[x]]
			}
		}
	default:
		for y := range h {
			out := l.pix[y*w : (y+1)*w]
			for x := range out {
				out[x] = greyOfColor(img.At(b.Min.X+x, b.Min.Y+y))
			}
		}
	}
	return l
}

// greyOfColor converts any colour, transparent parts becoming white.
func greyOfColor(c color.Color) byte {
	r, g, b, a := c.RGBA()
	return greyPremultiplied(r>>8, g>>8, b>>8, a>>8)
}

// greyOver is the grey of a non-premultiplied 8-bit colour laid over a
// background grey.
func greyOver(r, g, b, a, background uint32) byte {
	lum := (r + 2*g + b) / 4
	return byte((lum*a + background*(255-a)) / 255)
}

// greyPremultiplied is the grey of a premultiplied 8-bit colour laid over
// white.
func greyPremultiplied(r, g, b, a uint32) byte {
	return byte((r + 2*g + b + 4*(255-a)) / 4)
}

// clone returns a copy of l that owns its pixels, with stride w.
func (l luma) clone() luma {
	c := luma{pix: make([]byte, l.w*l.h), w: l.w, h: l.h, stride: l.w}
	for y := range l.h {
		copy(c.pix[y*l.w:(y+1)*l.w], l.pix[y*l.stride:y*l.stride+l.w])
	}
	return c
}

// shrink returns l scaled down by factor in each direction, each output
// pixel the mean of the factor × factor pixels it covers. Averaging blurs
// away JPEG noise and makes large blurry codes sharp enough to read.
func (l luma) shrink(factor int) luma {
	w, h := l.w/factor, l.h/factor
	s := luma{pix: make([]byte, w*h), w: w, h: h, stride: w}
	area := uint32(factor * factor)
	sums := make([]uint32, w)
	for y := range h {
		clear(sums)
		for dy := range factor {
			row := l.pix[(y*factor+dy)*l.stride:]
			for x := range w {
				for dx := range factor {
					sums[x] += uint32(row[x*factor+dx])
				}
			}
		}
		out := s.pix[y*w : (y+1)*w]
		for x := range out {
			out[x] = byte(sums[x] / area)
		}
	}
	return s
}

// grow returns l scaled up by 2 in each direction with bilinear
// interpolation, which gives a tiny code's modules enough pixels for the
// finder pattern search.
func (l luma) grow() luma {
	w, h := l.w*2, l.h*2
	g := luma{pix: make([]byte, w*h), w: w, h: h, stride: w}
	// The centre of output pixel i lies at source position (2i-1)/4: the
	// source pixel before it, clamped to the image, and how many quarters
	// past it (1 or 3).
	type tap struct {
		a, b int
		f    uint32
	}
	taps := func(n, outN int) []tap {
		t := make([]tap, outN)
		for i := range t {
			s := 2*i - 1
			a, f := s>>2, uint32(s&3) // floors negative s too
			t[i] = tap{a: min(max(a, 0), n-1), b: min(max(a+1, 0), n-1), f: f}
		}
		return t
	}
	cols, rows := taps(l.w, w), taps(l.h, h)
	for y, ry := range rows {
		top, bottom := l.pix[ry.a*l.stride:], l.pix[ry.b*l.stride:]
		out := g.pix[y*w : (y+1)*w]
		for x, cx := range cols {
			upper := uint32(top[cx.a])*(4-cx.f) + uint32(top[cx.b])*cx.f
			lower := uint32(bottom[cx.a])*(4-cx.f) + uint32(bottom[cx.b])*cx.f
			out[x] = byte((upper*(4-ry.f) + lower*ry.f + 8) / 16)
		}
	}
	return g
}
