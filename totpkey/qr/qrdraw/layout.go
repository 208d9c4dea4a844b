package qrdraw

import (
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"
)

// Phone screen size in pixels, portrait, of the screenshots Screenshot
// draws.
const (
	ScreenWidth  = 1080
	ScreenHeight = 2340
)

// Screenshot lays codes[i] with its top-left corner at at[i] on a
// ScreenWidth×ScreenHeight phone screen with an app bar, lines of "text"
// and a button, like Google Authenticator's export screen or a broker's
// setup page. The codes are drawn last, over the text. No codes give the
// screen alone. at must have a point for every code.
func Screenshot(codes []*image.Gray, at []image.Point) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, ScreenWidth, ScreenHeight))
	fill := func(r image.Rectangle, c color.RGBA) {
		draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
	}
	fill(img.Bounds(), color.RGBA{0xf8, 0xf9, 0xfa, 0xff})
	fill(image.Rect(0, 0, ScreenWidth, 220), color.RGBA{0x1a, 0x73, 0xe8, 0xff})
	rng := rand.New(rand.NewPCG(1, 2))
	for line := range 14 {
		y := 300 + line*60
		if line >= 4 {
			y += 900
		}
		for x := 60; x < 1000; {
			word := 30 + rng.IntN(120)
			fill(image.Rect(x, y, min(x+word, 1020), y+28), color.RGBA{0x3c, 0x40, 0x43, 0xff})
			x += word + 20
		}
	}
	fill(image.Rect(700, 2150, 1020, 2260), color.RGBA{0x1a, 0x73, 0xe8, 0xff})
	for i, code := range codes {
		draw.Draw(img, code.Bounds().Add(at[i]), code, image.Point{}, draw.Src)
	}
	return img
}

// Column gives the places for Screenshot that stack codes one under the
// other from y = top, each centred across the screen, 40 pixels apart.
func Column(codes []*image.Gray, top int) []image.Point {
	at := make([]image.Point, len(codes))
	y := top
	for i, c := range codes {
		at[i] = image.Pt((ScreenWidth-c.Bounds().Dx())/2, y)
		y += c.Bounds().Dy() + 40
	}
	return at
}

// Row lays codes side by side, tops aligned, on a white image 64 pixels
// wider than the codes together and at least 64 pixels high: no codes
// give a blank 64×64 image.
func Row(codes []*image.Gray) *image.Gray {
	w, h := 64, 64
	for _, c := range codes {
		w += c.Bounds().Dx()
		h = max(h, c.Bounds().Dy())
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	x := 0
	for _, c := range codes {
		draw.Draw(img, c.Bounds().Add(image.Pt(x, 0)), c, image.Point{}, draw.Src)
		x += c.Bounds().Dx()
	}
	return img
}
