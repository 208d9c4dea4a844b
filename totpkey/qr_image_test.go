package totpkey

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/gif"
	"image/jpeg"
	"image/png"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/pquerna/otp"
)

// Helpers that make the kind of images people feed to --qr: phone
// screenshots with a setup or export QR code somewhere on them.

// qrCodeImage renders text as a QR code with pquerna/otp (as a broker's
// setup page would) at about size pixels, on a white quiet zone of four
// modules.
func qrCodeImage(t testing.TB, text string, size int) *image.Gray {
	t.Helper()
	key, err := otp.NewKeyFromURL(text)
	if err != nil {
		t.Fatal(err)
	}
	code, err := key.Image(size, size)
	if err != nil {
		t.Fatal(err)
	}
	b := code.Bounds()
	margin := b.Dx() / 8
	out := image.NewGray(image.Rect(0, 0, b.Dx()+2*margin, b.Dy()+2*margin))
	draw.Draw(out, out.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(out, b.Add(image.Pt(margin, margin)), code, b.Min, draw.Src)
	return out
}

// rotated turns img by degrees about its centre with bilinear sampling,
// on a white background large enough to hold the whole of it.
func rotated(img *image.Gray, degrees float64) *image.Gray {
	sin, cos := math.Sincos(degrees * math.Pi / 180)
	w, h := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
	nw := int(math.Ceil(math.Abs(w*cos) + math.Abs(h*sin)))
	nh := int(math.Ceil(math.Abs(w*sin) + math.Abs(h*cos)))
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

// scaled resizes img to size×size pixels with bilinear sampling: a code
// whose modules do not fall on whole pixels, as in a resized screenshot.
func scaled(img *image.Gray, size int) *image.Gray {
	out := image.NewGray(image.Rect(0, 0, size, size))
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	for y := range size {
		for x := range size {
			sx := (float64(x)+0.5)*float64(w)/float64(size) - 0.5
			sy := (float64(y)+0.5)*float64(h)/float64(size) - 0.5
			x0, y0 := max(int(math.Floor(sx)), 0), max(int(math.Floor(sy)), 0)
			x1, y1 := min(x0+1, w-1), min(y0+1, h-1)
			fx, fy := sx-math.Floor(sx), sy-math.Floor(sy)
			p := func(x, y int) float64 { return float64(img.Pix[y*img.Stride+x]) }
			v := (p(x0, y0)*(1-fx)+p(x1, y0)*fx)*(1-fy) + (p(x0, y1)*(1-fx)+p(x1, y1)*fx)*fy
			out.Pix[y*out.Stride+x] = uint8(math.Round(v))
		}
	}
	return out
}

// blurred applies a 3×3 box blur: a slightly shaky photo.
func blurred(img *image.Gray) *image.Gray {
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

// screenshot lays codes on a 1080×2340 phone screen with an app bar, lines
// of "text" and a button, like Google Authenticator's export screen or a
// broker's setup page.
func screenshot(codes []*image.Gray, at []image.Point) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, 1080, 2340))
	draw.Draw(img, img.Bounds(), &image.Uniform{color.RGBA{0xf8, 0xf9, 0xfa, 0xff}}, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, 1080, 220), &image.Uniform{color.RGBA{0x1a, 0x73, 0xe8, 0xff}}, image.Point{}, draw.Src)
	rng := rand.New(rand.NewPCG(1, 2))
	for line := range 14 {
		y := 300 + line*60
		if line >= 4 {
			y += 900
		}
		for x := 60; x < 1000; {
			word := 30 + rng.IntN(120)
			draw.Draw(img, image.Rect(x, y, min(x+word, 1020), y+28), &image.Uniform{color.RGBA{0x3c, 0x40, 0x43, 0xff}}, image.Point{}, draw.Src)
			x += word + 20
		}
	}
	draw.Draw(img, image.Rect(700, 2150, 1020, 2260), &image.Uniform{color.RGBA{0x1a, 0x73, 0xe8, 0xff}}, image.Point{}, draw.Src)
	for i, code := range codes {
		draw.Draw(img, code.Bounds().Add(at[i]), code, image.Point{}, draw.Src)
	}
	return img
}

func encodeJPEG(t testing.TB, img image.Image, quality int) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodeGIF(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gif.Encode(&buf, img, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// photographedScreen darkens a grid of lines every period pixels and adds
// noise: the pixel grid and sensor noise of a phone photo of a laptop
// screen.
func photographedScreen(img *image.Gray, period int) *image.Gray {
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

// inverted swaps black and white: a code shown light on a dark screen.
func inverted(img *image.Gray) *image.Gray {
	out := image.NewGray(img.Bounds())
	for i, v := range img.Pix {
		out.Pix[i] = 255 - v
	}
	return out
}

// transparent turns the white of a code into transparency, as a PNG cut
// out of a web page can be.
func transparent(img *image.Gray) *image.NRGBA {
	out := image.NewNRGBA(img.Bounds())
	for i, v := range img.Pix {
		a := 255 - v
		out.Pix[4*i+3] = a
	}
	return out
}

// finderGrid draws n×n finder patterns (the three squares in a QR code's
// corners) of the given module size: an image built to make the finder
// pattern search compare every three of thousands of candidates.
func finderGrid(n, module int) *image.Gray {
	cell := 9 * module
	img := image.NewGray(image.Rect(0, 0, n*cell, n*cell))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	for gy := range n {
		for gx := range n {
			ox, oy := gx*cell+module, gy*cell+module
			for y := range 7 * module {
				for x := range 7 * module {
					mx, my := x/module, y/module
					ring := mx == 0 || mx == 6 || my == 0 || my == 6
					centre := mx >= 2 && mx <= 4 && my >= 2 && my <= 4
					if ring || centre {
						img.Pix[(oy+y)*img.Stride+ox+x] = 0
					}
				}
			}
		}
	}
	return img
}
