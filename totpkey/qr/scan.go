package qr

import (
	"math"
	"slices"
	"sort"

	"github.com/makiuchi-d/gozxing"
)

// qrFound is one decoded code and where its centre is, in the pixels of the
// image as given.
type qrFound struct {
	text   string
	cx, cy float64
}

// qrPass is one way of looking at the image: at a scale, with a binarizer,
// possibly inverted (light modules on a dark screen).
type qrPass struct {
	// scale is how the pass's pixels relate to the image's: shrink by
	// -scale when negative, grow by scale when > 1, as is when 1.
	scale  int
	global bool // global histogram binarizer instead of the hybrid one
	invert bool
}

// scanQR tries passes from the cheapest and most likely to the most
// expensive until one reads every code that looks to be there, and returns
// the texts of the codes read, top to bottom, left to right, without
// repeats. A pass that reads some codes but still sees finder-pattern
// candidates (the squares in a code's corners) where it read none hands on
// to the next passes, which add what they read: a dense code beside the
// one read may need a larger copy.
//
// It stops early when nothing looks like a code: when the first pass sees
// no candidate, the probes run next (the same pass on the inverted image,
// for light codes on a dark screen, and a quarter-size copy, for a photo
// of a screen whose pixel grid breaks the squares up), and when they see
// none either, no other pass is tried. Every code in the tests and in the
// differential test against zbarimg leaves a candidate in one of these; a
// screenshot without a code is answered in three passes instead of nine or
// more.
func scanQR(l luma) []string {
	if l.w < 21 || l.h < 21 {
		return nil // smaller than the smallest code at one pixel a module
	}
	passes := qrPasses(l.w, l.h)
	var all []qrFound
	// done adds what a pass read and tells whether to stop: it read codes
	// and no candidate is left unexplained.
	done := func(r qrPassResult) bool {
		all = append(all, r.found...)
		return len(r.found) > 0 && r.unexplained < 3
	}
	first := passes[0].run(l)
	if done(first) {
		return orderedTexts(all)
	}
	rest := passes[1:]
	if first.candidates == 0 {
		probes := []qrPass{{scale: passes[0].scale, invert: true}}
		if slices.Contains(rest, qrPass{scale: -4}) {
			probes = append(probes, qrPass{scale: -4})
		}
		candidates := 0
		for _, probe := range probes {
			r := probe.run(l)
			if done(r) {
				return orderedTexts(all)
			}
			candidates += r.candidates
		}
		if candidates == 0 {
			return orderedTexts(all)
		}
		rest = slices.DeleteFunc(rest, func(p qrPass) bool { return slices.Contains(probes, p) })
	}
	for _, pass := range rest {
		if done(pass.run(l)) {
			break
		}
	}
	return orderedTexts(all)
}

// qrPasses lists the passes worth trying on a w×h image, in order: the
// image as it is; smaller copies, whose averaging removes JPEG noise, blur
// and the pixel grid of a photographed screen; the global binarizer, which
// reads some tiny codes the local one misses; a copy twice the size, for
// codes whose modules are one or two pixels; and light codes on a dark
// screen.
func qrPasses(w, h int) []qrPass {
	const minSide = 80 // the smallest side worth searching: a code needs 21 modules and a margin
	var passes []qrPass
	if w*h > 16_000_000 {
		// A photo from a camera: its code is large, and a smaller copy is
		// searched first because it is faster.
		passes = append(passes, qrPass{scale: -2})
	} else {
		passes = append(passes, qrPass{scale: 1})
	}
	for _, factor := range []int{2, 3, 4, 6, 8} {
		if min(w, h)/factor >= minSide && (factor != 2 || w*h <= 16_000_000) {
			passes = append(passes, qrPass{scale: -factor})
		}
	}
	if w*h > 16_000_000 {
		passes = append(passes, qrPass{scale: 1})
	}
	passes = append(passes, qrPass{scale: 1, global: true})
	if w*h <= 2_100_000 {
		// Up to a desktop screenshot: a phone screenshot shows its codes
		// large, and four times its pixels would cost more than the rest.
		passes = append(passes, qrPass{scale: 2}, qrPass{scale: 2, global: true})
	}
	passes = append(passes, qrPass{scale: 1, invert: true})
	if min(w, h)/2 >= minSide {
		passes = append(passes, qrPass{scale: -2, invert: true})
	}
	return passes
}

// qrPassResult is what one pass found: the codes it read, the
// finder-pattern candidates its searches saw, and those its last search
// saw after the codes read were painted over, which no code explains.
type qrPassResult struct {
	found       []qrFound
	candidates  int
	unexplained int
}

// run reads every code the pass can find. gozxing's multi-code reader
// reads codes side by side in one search; after each search the codes read
// are painted over and the image is searched again, for codes whose finder
// patterns the first search did not pair.
func (p qrPass) run(original luma) qrPassResult {
	work, owned := original, false
	switch {
	case p.scale < 0:
		work, owned = original.shrink(-p.scale), true
	case p.scale > 1:
		work, owned = original.grow(), true
	}
	factor := 1.0
	switch {
	case p.scale < 0:
		factor = float64(-p.scale)
	case p.scale > 1:
		factor = 1 / float64(p.scale)
	}
	var r qrPassResult
	seen := make(map[string]bool)
	for len(r.found) < maxQRCodes {
		codes, candidates := decodeQRs(work, p.global, p.invert)
		r.candidates += candidates
		r.unexplained = candidates
		if len(codes) == 0 {
			break
		}
		if !owned {
			// Paint on a copy: the pixels may be the caller's image.
			work, owned = work.clone(), true
		}
		fresh := 0
		for _, c := range codes {
			cx, cy, painted := paintOver(work, c.points, p.invert)
			if seen[c.text] || !painted {
				continue
			}
			seen[c.text] = true
			fresh++
			r.found = append(r.found, qrFound{text: c.text, cx: cx * factor, cy: cy * factor})
		}
		if fresh == 0 {
			r.unexplained = 0 // the candidates were the codes already read
			break
		}
		r.unexplained = 0
	}
	return r
}

// moduleSizer is what gozxing's finder patterns tell about module size.
type moduleSizer interface {
	GetEstimatedModuleSize() float64
}

// paintOver paints the code whose finder pattern centres are points with
// the background (white, or black when inverted), so that the next search
// finds the next code. It returns the code's centre, and false when the
// points do not describe a code.
func paintOver(l luma, points []gozxing.ResultPoint, invert bool) (cx, cy float64, ok bool) {
	if len(points) < 3 {
		return 0, 0, false
	}
	bl, tl, tr := gozxing.ResultPoint_OrderBestPatterns(points[0], points[1], points[2])
	// The parallelogram spanned by the three centres, from the top left
	// one along u (to top right) and v (to bottom left).
	ox, oy := tl.GetX(), tl.GetY()
	ux, uy := tr.GetX()-ox, tr.GetY()-oy
	vx, vy := bl.GetX()-ox, bl.GetY()-oy
	cx, cy = ox+(ux+vx)/2, oy+(uy+vy)/2
	det := ux*vy - uy*vx
	lu, lv := math.Hypot(ux, uy), math.Hypot(vx, vy)
	if math.Abs(det) < 1 || lu < 1 || lv < 1 {
		return cx, cy, false
	}
	module := lu / 14 // a version 1 code: the centres are 14 modules apart
	if ms, ok := tl.(moduleSizer); ok && ms.GetEstimatedModuleSize() > 0 {
		module = ms.GetEstimatedModuleSize()
	}
	// The code reaches 3.5 modules beyond the centres; paint 5 to cover
	// the edge and some blur.
	mu, mv := 5*module/lu, 5*module/lv
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, c := range [][2]float64{{-mu, -mv}, {1 + mu, -mv}, {-mu, 1 + mv}, {1 + mu, 1 + mv}} {
		x, y := ox+c[0]*ux+c[1]*vx, oy+c[0]*uy+c[1]*vy
		minX, maxX, minY, maxY = math.Min(minX, x), math.Max(maxX, x), math.Min(minY, y), math.Max(maxY, y)
	}
	x0, x1 := max(int(minX), 0), min(int(maxX)+1, l.w)
	y0, y1 := max(int(minY), 0), min(int(maxY)+1, l.h)
	if x0 >= x1 || y0 >= y1 {
		return cx, cy, false
	}
	fill := byte(255)
	if invert {
		fill = 0
	}
	for y := y0; y < y1; y++ {
		dy := float64(y) + 0.5 - oy
		row := l.pix[y*l.stride:]
		for x := x0; x < x1; x++ {
			dx := float64(x) + 0.5 - ox
			// Solve (dx, dy) = u·(ux, uy) + v·(vx, vy).
			u := (dx*vy - dy*vx) / det
			v := (ux*dy - uy*dx) / det
			if u >= -mu && u <= 1+mu && v >= -mv && v <= 1+mv {
				row[x] = fill
			}
		}
	}
	return cx, cy, true
}

// orderedTexts sorts codes top to bottom, then left to right (codes whose
// centres are close in height count as one row), and drops repeats.
func orderedTexts(found []qrFound) []string {
	sort.SliceStable(found, func(i, j int) bool {
		if math.Abs(found[i].cy-found[j].cy) > 50 {
			return found[i].cy < found[j].cy
		}
		return found[i].cx < found[j].cx
	})
	texts := make([]string, 0, len(found))
	seen := make(map[string]bool, len(found))
	for _, f := range found {
		if len(texts) == maxQRCodes {
			break
		}
		if !seen[f.text] {
			seen[f.text] = true
			texts = append(texts, f.text)
		}
	}
	return texts
}
