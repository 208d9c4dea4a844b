package qrdraw

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math/rand/v2"

	xdraw "golang.org/x/image/draw"

	"github.com/totpkey/totpkey/totpkey/internal/exporttest"
)

// ExportLink builds a Google Authenticator export link (QR batchIndex+1 of
// batchSize) holding accounts test TOTP accounts with random 160-bit
// secrets drawn from seed, named client00@example.com and on, issued by
// "Broker": the text of one "Transfer accounts" code. Ten accounts make a
// code of version 15 or more, as dense as the app's own.
func ExportLink(accounts, batchIndex, batchSize int, seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, 0x6578706f7274))
	list := make([]exporttest.Account, accounts)
	for i := range list {
		secret := make([]byte, 20)
		for j := range secret {
			secret[j] = byte(rng.UintN(256))
		}
		list[i] = exporttest.Account{Secret: secret, Name: fmt.Sprintf("client%02d@example.com", i),
			Issuer: "Broker", Algorithm: 1, Digits: 1, Type: 2}
	}
	return exporttest.Link(exporttest.Payload(int32(batchSize), int32(batchIndex), int32(seed%1000), list...))
}

// Theme is the colour scheme of a screen that ExportScreen draws.
type Theme int

// The themes of ExportScreen.
const (
	Light Theme = iota
	Dark        // a dark screen; the codes keep their white margin, as apps show them
)

// ExportScreen lays codes side by side, 24 pixels apart and centred, across
// a phone screen ScreenWidth pixels wide (wider when the codes need it) and
// ScreenHeight high, below an app bar and a few lines of "text", in the
// given theme: the "Transfer accounts" screen of Google Authenticator, or
// a page that shows an export's codes together.
func ExportScreen(codes []*image.Gray, theme Theme) *image.RGBA {
	const gap, top = 24, 560
	width, height := 0, 0
	for _, c := range codes {
		width += c.Bounds().Dx() + gap
		height = max(height, c.Bounds().Dy())
	}
	screenW := max(ScreenWidth, width+2*gap)
	img := image.NewRGBA(image.Rect(0, 0, screenW, max(ScreenHeight, top+height+400)))
	background, bar, text := color.RGBA{0xff, 0xff, 0xff, 0xff}, color.RGBA{0x1a, 0x73, 0xe8, 0xff}, color.RGBA{0x3c, 0x40, 0x43, 0xff}
	if theme == Dark {
		background, bar, text = color.RGBA{0x20, 0x21, 0x24, 0xff}, color.RGBA{0x30, 0x31, 0x34, 0xff}, color.RGBA{0xe8, 0xea, 0xed, 0xff}
	}
	fill := func(r image.Rectangle, c color.RGBA) {
		draw.Draw(img, r, &image.Uniform{c}, image.Point{}, draw.Src)
	}
	fill(img.Bounds(), background)
	fill(image.Rect(0, 0, screenW, 200), bar)
	rng := rand.New(rand.NewPCG(5, 6))
	for line := range 4 {
		y := 280 + line*60
		for x := 60; x < screenW-80; {
			word := 30 + rng.IntN(120)
			fill(image.Rect(x, y, min(x+word, screenW-60), y+28), text)
			x += word + 20
		}
	}
	x := (screenW - width + gap) / 2
	for _, c := range codes {
		draw.Draw(img, c.Bounds().Add(image.Pt(x, top)), c, image.Point{}, draw.Src)
		x += c.Bounds().Dx() + gap
	}
	fill(image.Rect(screenW-380, img.Bounds().Dy()-190, screenW-60, img.Bounds().Dy()-80), bar)
	return img
}

// Resize scales img by factor in each direction with bilinear sampling:
// a screenshot zoomed in or out before it was saved.
func Resize(img image.Image, factor float64) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, max(int(float64(b.Dx())*factor), 1), max(int(float64(b.Dy())*factor), 1)))
	xdraw.BiLinear.Scale(out, out.Bounds(), img, b, xdraw.Src, nil)
	return out
}
