package qrdraw

import (
	"image"
	"math"
	"math/rand/v2"
)

// Rotate turns img by degrees about its centre (clockwise on screen for a
// positive angle) with bilinear sampling, on a white background large
// enough to hold the whole of it. Rotate by 0 returns a copy.
func Rotate(img *image.Gray, degrees float64) *image.Gray {
	sin, cos := math.Sincos(degrees * math.Pi / 180)
	w, h := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
	// Less a hair, so that sin(180°) ≈ 1e-16 does not add a column.
	nw := int(math.Ceil(math.Abs(w*cos) + math.Abs(h*sin) - 1e-9))
	nh := int(math.Ceil(math.Abs(w*sin) + math.Abs(h*cos) - 1e-9))
	out := image.NewGray(image.Rect(0, 0, nw, nh))
	at := func(x, y int) float64 {
		if x < 0 || y < 0 || x >= int(w) || y >= int(h) {
			return 255
		}
		return float64(img.Pix[y*img.Stride+x])
	}
	for y := range nh {
		for x := range nw {
			// Map the output pixel centre back into the source.
			dx, dy := float64(x)+0.5-float64(nw)/2, float64(y)+0.5-float64(nh)/2
			sx := cos*dx + sin*dy + w/2 - 0.5
			sy := -sin*dx + cos*dy + h/2 - 0.5
			x0, y0 := int(math.Floor(sx)), int(math.Floor(sy))
			fx, fy := sx-float64(x0), sy-float64(y0)
			v := (at(x0, y0)*(1-fx)+at(x0+1, y0)*fx)*(1-fy) + (at(x0, y0+1)*(1-fx)+at(x0+1, y0+1)*fx)*fy
			out.Pix[y*out.Stride+x] = uint8(math.Round(v))
		}
	}
	return out
}

// Scale resizes img to size×size pixels with bilinear sampling: a code
// whose modules do not fall on whole pixels, as in a resized screenshot.
func Scale(img *image.Gray, size int) *image.Gray {
	out := image.NewGray(image.Rect(0, 0, size, size))
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	p := func(x, y int) float64 { return float64(img.Pix[y*img.Stride+x]) }
	for y := range size {
		for x := range size {
			sx := (float64(x)+0.5)*float64(w)/float64(size) - 0.5
			sy := (float64(y)+0.5)*float64(h)/float64(size) - 0.5
			x0, y0 := max(int(math.Floor(sx)), 0), max(int(math.Floor(sy)), 0)
			x1, y1 := min(x0+1, w-1), min(y0+1, h-1)
			fx, fy := sx-math.Floor(sx), sy-math.Floor(sy)
			v := (p(x0, y0)*(1-fx)+p(x1, y0)*fx)*(1-fy) + (p(x0, y1)*(1-fx)+p(x1, y1)*fx)*fy
			out.Pix[y*out.Stride+x] = uint8(math.Round(v))
		}
	}
	return out
}

// Blur applies a 3×3 box blur: a slightly shaky photo.
func Blur(img *image.Gray) *image.Gray {
	b := img.Bounds()
	out := image.NewGray(b)
	for y := range b.Dy() {
		for x := range b.Dx() {
			sum, n := 0, 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if xx, yy := x+dx, y+dy; xx >= 0 && yy >= 0 && xx < b.Dx() && yy < b.Dy() {
						sum += int(img.Pix[yy*img.Stride+xx])
						n++
					}
				}
			}
			out.Pix[y*out.Stride+x] = uint8(sum / n)
		}
	}
	return out
}

// PhotographedScreen darkens a grid of lines every period pixels and adds
// noise: the pixel grid and sensor noise of a phone photo of a laptop
// screen.
func PhotographedScreen(img *image.Gray, period int) *image.Gray {
	out := image.NewGray(img.Bounds())
	rng := rand.New(rand.NewPCG(3, 4))
	line := period/3 + 1
	for y := range img.Bounds().Dy() {
		for x := range img.Bounds().Dx() {
			v := float64(img.Pix[y*img.Stride+x])
			if x%period < line || y%period < line {
				v *= 0.3
			}
			v += float64(rng.IntN(61) - 30)
			out.Pix[y*out.Stride+x] = uint8(min(max(v, 0), 255))
		}
	}
	return out
}

// Invert swaps black and white: a code shown light on a dark screen.
func Invert(img *image.Gray) *image.Gray {
	out := image.NewGray(img.Bounds())
	for i, v := range img.Pix {
		out.Pix[i] = 255 - v
	}
	return out
}

// Transparent turns the white of a code into transparency and its black
// into opaque black, as a PNG cut out of a web page can be.
func Transparent(img *image.Gray) *image.NRGBA {
	out := image.NewNRGBA(img.Bounds())
	for i, v := range img.Pix {
		out.Pix[4*i+3] = 255 - v
	}
	return out
}
