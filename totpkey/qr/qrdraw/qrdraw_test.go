package qrdraw

import (
	"bytes"
	"image"
	"image/color"
	_ "image/gif"
	_ "image/jpeg"
	_ "image/png"
	"net/url"
	"strings"
	"testing"

	_ "golang.org/x/image/webp"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

const (
	setupLink  = "otpauth://totp/Broker:AB1234?secret=ORXXI4DLMV4SA4LSEB2GK43UEBXW4ZJB&issuer=Broker"
	exportLink = "otpauth-migration://offline?data=Ci0KFHRvdHBrZXkgZXhwb3J0IG9uZSEhEgZBQjEyMzQaB1plcm9kaGEgASgBMAIKLgoUdG90cGtleSBleHBvcnQgdHdvISESBlhZOTg3NhoGVXBzdG94IAEoATABOAUKJAoFc2hvcnQSD29sZEBleGFtcGxlLmNvbRoETWFpbCABKAEwAhABGAMgASjSCQ%3D%3D"
)

// decoded reads the one QR code in img with gozxing, trying harder, and
// returns its text.
func decoded(t *testing.T, img image.Image) string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		t.Fatalf("no code read: %v", err)
	}
	return res.GetText()
}

func mustCode(t *testing.T, link string, size int) *image.Gray {
	t.Helper()
	code, err := Code(link, size)
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// plain paints every pixel v.
func plain(v uint8) func(x, y int) uint8 { return func(int, int) uint8 { return v } }

// grey makes a w×h grey image whose pixel (x, y) is f(x, y).
func grey(w, h int, f func(x, y int) uint8) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Pix[y*img.Stride+x] = f(x, y)
		}
	}
	return img
}

func TestCodeDecodes(t *testing.T) {
	for _, tt := range []struct {
		link string
		size int
	}{
		{setupLink, 120},
		{setupLink, 300},
		{exportLink, 500},
	} {
		code := mustCode(t, tt.link, tt.size)
		if want := tt.size + 2*(tt.size/8); code.Bounds() != image.Rect(0, 0, want, want) {
			t.Errorf("Code(%d px) is %v, want %d×%d with its margin", tt.size, code.Bounds(), want, want)
		}
		if code.GrayAt(0, 0).Y != 255 || code.GrayAt(code.Bounds().Dx()-1, code.Bounds().Dy()-1).Y != 255 {
			t.Errorf("Code(%d px) has no white margin", tt.size)
		}
		if got := decoded(t, code); got != tt.link {
			t.Errorf("Code(%d px) reads %q, want %q", tt.size, got, tt.link)
		}
	}
}

func TestCodeErrors(t *testing.T) {
	for _, tt := range []struct {
		name, link string
		size       int
	}{
		{"not a link", "%zz", 300},
		{"too small", exportLink, 20},
	} {
		if _, err := Code(tt.link, tt.size); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
	}
}

func TestRotate(t *testing.T) {
	code := mustCode(t, setupLink, 200)
	if got := Rotate(code, 0); !bytes.Equal(got.Pix, code.Pix) || got.Bounds() != code.Bounds() {
		t.Errorf("Rotate by 0 changed the image")
	}
	// A black dot right of the centre goes below it when turned 90°
	// clockwise, and above it when turned -90°.
	dot := grey(9, 9, func(x, y int) uint8 {
		if x == 7 && y == 4 {
			return 0
		}
		return 255
	})
	for _, tt := range []struct {
		degrees float64
		x, y    int
	}{
		{90, 4, 7},
		{-90, 4, 1},
		{180, 1, 4},
	} {
		got := Rotate(dot, tt.degrees)
		if got.Bounds() != dot.Bounds() {
			t.Errorf("Rotate(%v°) of a square is %v", tt.degrees, got.Bounds())
		}
		if v := got.GrayAt(tt.x, tt.y).Y; v != 0 {
			t.Errorf("Rotate(%v°): the dot is not at (%d, %d) (grey %d there)", tt.degrees, tt.x, tt.y, v)
		}
	}
	turned := Rotate(code, 20)
	if w := turned.Bounds().Dx(); w <= code.Bounds().Dx() {
		t.Errorf("Rotate(20°) is %d px wide, no wider than the code", w)
	}
	if got := decoded(t, turned); got != setupLink {
		t.Errorf("a code turned 20° reads %q", got)
	}
}

func TestScale(t *testing.T) {
	code := mustCode(t, setupLink, 200)
	if got := Scale(code, code.Bounds().Dx()); !bytes.Equal(got.Pix, code.Pix) {
		t.Errorf("Scale to the same size changed the image")
	}
	for _, size := range []int{150, 237, 600} {
		got := Scale(code, size)
		if got.Bounds() != image.Rect(0, 0, size, size) {
			t.Errorf("Scale(%d) is %v", size, got.Bounds())
		}
		if text := decoded(t, got); text != setupLink {
			t.Errorf("Scale(%d) reads %q", size, text)
		}
	}
}

func TestBlur(t *testing.T) {
	dot := grey(5, 5, func(x, y int) uint8 {
		if x == 2 && y == 2 {
			return 0
		}
		return 255
	})
	got := Blur(dot)
	for _, tt := range []struct {
		x, y int
		want uint8
	}{
		{2, 2, 255 * 8 / 9}, // the dot spreads over its 3×3 neighbourhood
		{1, 1, 255 * 8 / 9},
		{3, 2, 255 * 8 / 9},
		{0, 0, 255}, // too far to be touched
		{4, 4, 255},
	} {
		if v := got.GrayAt(tt.x, tt.y).Y; v != tt.want {
			t.Errorf("Blur: (%d, %d) is %d, want %d", tt.x, tt.y, v, tt.want)
		}
	}
}

func TestPhotographedScreen(t *testing.T) {
	white := grey(60, 60, plain(255))
	const period = 12 // lines are period/3+1 = 5 px thick
	got := PhotographedScreen(white, period)
	if !bytes.Equal(got.Pix, PhotographedScreen(white, period).Pix) {
		t.Errorf("PhotographedScreen is not deterministic")
	}
	var onLine, offLine, noisy int
	for y := range 60 {
		for x := range 60 {
			v := int(got.GrayAt(x, y).Y)
			if x%period < 5 || y%period < 5 {
				if v > 255*3/10+30 {
					t.Fatalf("(%d, %d) is on a grid line but grey %d", x, y, v)
				}
				onLine++
			} else {
				if v < 255-30 {
					t.Fatalf("(%d, %d) is off the grid but grey %d", x, y, v)
				}
				if v != 255 {
					noisy++
				}
				offLine++
			}
		}
	}
	if onLine == 0 || offLine == 0 || noisy == 0 {
		t.Errorf("no grid or no noise: %d on the lines, %d off, %d noisy", onLine, offLine, noisy)
	}
}

func TestInvertAndTransparent(t *testing.T) {
	img := grey(3, 1, func(x, _ int) uint8 { return []uint8{0, 100, 255}[x] })
	inv := Invert(img)
	if want := []uint8{255, 155, 0}; !bytes.Equal(inv.Pix, want) {
		t.Errorf("Invert gives %v, want %v", inv.Pix, want)
	}
	clear := Transparent(img)
	for x, want := range []color.NRGBA{{0, 0, 0, 255}, {0, 0, 0, 155}, {0, 0, 0, 0}} {
		if got := clear.NRGBAAt(x, 0); got != want {
			t.Errorf("Transparent: pixel %d is %v, want %v", x, got, want)
		}
	}
	if got := decoded(t, Invert(Invert(mustCode(t, setupLink, 200)))); got != setupLink {
		t.Errorf("Invert twice reads %q", got)
	}
}

func TestFinderGrid(t *testing.T) {
	const n, module = 3, 2
	img := FinderGrid(n, module)
	if want := n * 9 * module; img.Bounds() != image.Rect(0, 0, want, want) {
		t.Fatalf("FinderGrid is %v, want %d px square", img.Bounds(), want)
	}
	cell := 9 * module
	for gy := range n {
		for gx := range n {
			ox, oy := gx*cell+module, gy*cell+module
			for _, tt := range []struct {
				mx, my int
				want   uint8
			}{
				{0, 0, 0},    // outer ring
				{6, 3, 0},    // outer ring
				{1, 3, 255},  // white ring
				{3, 3, 0},    // centre square
				{-1, 3, 255}, // the white between patterns
			} {
				x, y := ox+tt.mx*module, oy+tt.my*module
				if v := img.GrayAt(x, y).Y; v != tt.want {
					t.Errorf("pattern (%d, %d), module (%d, %d): grey %d, want %d", gx, gy, tt.mx, tt.my, v, tt.want)
				}
			}
		}
	}
}

func TestScreenshot(t *testing.T) {
	small, large := mustCode(t, setupLink, 150), mustCode(t, exportLink, 400)
	codes := []*image.Gray{small, large}
	at := []image.Point{{80, 1950}, {200, 700}}
	img := Screenshot(codes, at)
	if img.Bounds() != image.Rect(0, 0, ScreenWidth, ScreenHeight) {
		t.Fatalf("Screenshot is %v", img.Bounds())
	}
	for i, code := range codes {
		b := code.Bounds()
		for y := range b.Dy() {
			for x := range b.Dx() {
				v := code.GrayAt(x, y).Y
				if got := img.RGBAAt(at[i].X+x, at[i].Y+y); got != (color.RGBA{v, v, v, 255}) {
					t.Fatalf("code %d: pixel (%d, %d) is %v on the screen, %d in the code", i, x, y, got, v)
				}
			}
		}
	}
	// The screen around the codes is drawn, and the same without them.
	blank := Screenshot(nil, nil)
	if blank.RGBAAt(10, 10) != img.RGBAAt(10, 10) || blank.RGBAAt(10, 10) == (color.RGBA{255, 255, 255, 255}) {
		t.Errorf("the app bar is %v without codes, %v with", blank.RGBAAt(10, 10), img.RGBAAt(10, 10))
	}
	if got := decoded(t, Screenshot(codes[1:], at[1:])); got != exportLink {
		t.Errorf("the code on the screenshot reads %q", got)
	}
}

func TestColumn(t *testing.T) {
	a, b := grey(100, 50, plain(128)), grey(300, 80, plain(128))
	got := Column([]*image.Gray{a, b}, 700)
	want := []image.Point{{(ScreenWidth - 100) / 2, 700}, {(ScreenWidth - 300) / 2, 700 + 50 + 40}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Column gives %v, want %v", got, want)
	}
}

func TestRow(t *testing.T) {
	img := Row([]*image.Gray{grey(100, 50, plain(0)), grey(30, 80, plain(0))})
	if img.Bounds() != image.Rect(0, 0, 100+30+64, 80) {
		t.Fatalf("Row is %v", img.Bounds())
	}
	for _, tt := range []struct {
		x, y int
		want uint8
	}{
		{0, 0, 0}, {99, 49, 0}, {99, 50, 255}, // first code, white under it
		{100, 79, 0}, {129, 0, 0}, // second code
		{130, 0, 255}, {193, 79, 255}, // the white to its right
	} {
		if v := img.GrayAt(tt.x, tt.y).Y; v != tt.want {
			t.Errorf("Row: (%d, %d) is %d, want %d", tt.x, tt.y, v, tt.want)
		}
	}
	if empty := Row(nil); empty.Bounds() != image.Rect(0, 0, 64, 64) || empty.GrayAt(5, 5).Y != 255 {
		t.Errorf("Row(nil) is %v, not a white 64×64 image", empty.Bounds())
	}
}

func TestEncode(t *testing.T) {
	code := mustCode(t, setupLink, 120)
	for _, tt := range []struct {
		ext    string
		format string
	}{
		{".png", "png"}, {".PNG", "png"}, {".gif", "gif"}, {".jpg", "jpeg"}, {".jpeg", "jpeg"}, {".webp", "webp"},
	} {
		data, err := Encode(code, tt.ext, 90)
		if err != nil {
			t.Fatalf("Encode(%s): %v", tt.ext, err)
		}
		img, format, err := image.Decode(bytes.NewReader(data))
		if err != nil || format != tt.format {
			t.Fatalf("Encode(%s) gives %s (%v), want %s", tt.ext, format, err, tt.format)
		}
		if got := decoded(t, img); got != setupLink {
			t.Errorf("Encode(%s) reads %q", tt.ext, got)
		}
	}
	if _, err := Encode(code, ".bmp", 90); err == nil {
		t.Errorf("Encode(.bmp): no error")
	}
}

func TestEncodeWebPIsLossless(t *testing.T) {
	// Every grey, on an odd width (rows end mid-byte), comes back exact.
	img := grey(257, 3, func(x, y int) uint8 { return uint8(x + 85*y) })
	data, err := Encode(img, ".webp", 0)
	if err != nil {
		t.Fatal(err)
	}
	back, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if back.Bounds() != img.Bounds() {
		t.Fatalf("bounds %v, want %v", back.Bounds(), img.Bounds())
	}
	for y := range 3 {
		for x := range 257 {
			if got := color.GrayModel.Convert(back.At(x, y)).(color.Gray).Y; got != img.GrayAt(x, y).Y {
				t.Fatalf("pixel (%d, %d) = %d, want %d", x, y, got, img.GrayAt(x, y).Y)
			}
		}
	}
}

func TestExportLink(t *testing.T) {
	link := ExportLink(10, 1, 3, 42)
	if link != ExportLink(10, 1, 3, 42) {
		t.Error("the same arguments give another link")
	}
	if link == ExportLink(10, 1, 3, 43) {
		t.Error("another seed gives the same link")
	}
	data, err := url.QueryUnescape(strings.TrimPrefix(link, "otpauth-migration://offline?data="))
	if err != nil || len(data) < 800 {
		t.Errorf("ten accounts give %d characters of data (%v), want a dense code's worth", len(data), err)
	}
	// Ten accounts make a dense code: a version 15 code or more is at
	// least 77 modules across.
	code := mustCode(t, link, 400)
	if got := decoded(t, code); got != link {
		t.Errorf("the code reads %d characters, want the link", len(got))
	}
}

func TestExportScreen(t *testing.T) {
	codes := []*image.Gray{mustCode(t, setupLink, 200), mustCode(t, setupLink, 200)}
	for _, theme := range []Theme{Light, Dark} {
		img := ExportScreen(codes, theme)
		if img.Bounds() != image.Rect(0, 0, ScreenWidth, ScreenHeight) {
			t.Errorf("theme %d: bounds %v", theme, img.Bounds())
		}
		background := img.RGBAAt(5, ScreenHeight/2).R
		if (theme == Dark) != (background < 128) {
			t.Errorf("theme %d: background %d", theme, background)
		}
	}
	wide := ExportScreen([]*image.Gray{mustCode(t, setupLink, 900), mustCode(t, setupLink, 900)}, Light)
	if wide.Bounds().Dx() <= 2*1125 {
		t.Errorf("two codes of 1125 pixels on a screen %d wide", wide.Bounds().Dx())
	}
}

func TestResize(t *testing.T) {
	img := grey(108, 234, func(x, y int) uint8 { return uint8(x ^ y) })
	for _, tt := range []struct {
		factor float64
		w, h   int
	}{{2, 216, 468}, {0.5, 54, 117}, {1.37, 147, 320}, {1e-6, 1, 1}} {
		if got := Resize(img, tt.factor).Bounds(); got != image.Rect(0, 0, tt.w, tt.h) {
			t.Errorf("Resize(%v): %v, want %d×%d", tt.factor, got, tt.w, tt.h)
		}
	}
}
