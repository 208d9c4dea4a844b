package qr

import (
	"math"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/common"
	"github.com/makiuchi-d/gozxing/qrcode/decoder"
	"github.com/makiuchi-d/gozxing/qrcode/detector"
)

// resampleQR samples a detected code again on a grid fitted to every
// alignment pattern, where gozxing's detector fits one transform to the
// three finder patterns and the alignment pattern nearest the bottom right
// corner. A dense code (version 7 and up has 6 to 46 alignment patterns)
// whose modules are two pixels or less, resized with rounding that drifts
// across the code, is read off that one transform with modules a pixel
// off in the middle; fitted cell by cell between the alignment patterns it
// is read the way zbarimg reads it.
//
// points are the detector's: bottom left, top left and top right finder
// centres, then the alignment pattern if it found one. It returns false
// for a code below version 7, which has one alignment pattern at most.
func resampleQR(image *gozxing.BitMatrix, points []gozxing.ResultPoint, dimension int) (*gozxing.BitMatrix, bool) {
	if len(points) < 3 {
		return nil, false
	}
	version, err := decoder.Version_GetProvisionalVersionForDimension(dimension)
	if err != nil || version.GetVersionNumber() < 7 {
		return nil, false
	}
	var alignment *detector.AlignmentPattern
	if len(points) > 3 {
		alignment, _ = points[3].(*detector.AlignmentPattern)
	}
	bl, tl, tr := points[0], points[1], points[2]
	global := detector.Detector_createTransform(tl, tr, bl, alignment, dimension)
	module := (gozxing.ResultPoint_Distance(tl, tr) + gozxing.ResultPoint_Distance(tl, bl)) / float64(2*(dimension-7))
	if module < 0.5 {
		return nil, false
	}
	centres := version.GetAlignmentPatternCenters()
	n := len(centres)
	// grid[j][i] is where the centre of module (centres[i], centres[j])
	// lies in the image: the alignment pattern found near where the
	// transform puts it, or where the transform puts it.
	grid := make([][][2]float64, n)
	for j := range n {
		grid[j] = make([][2]float64, n)
		for i := range n {
			p := []float64{float64(centres[i]) + 0.5, float64(centres[j]) + 0.5}
			global.TransformPoints(p)
			grid[j][i] = [2]float64{p[0], p[1]}
			corner := (i == 0 && j == 0) || (i == 0 && j == n-1) || (i == n-1 && j == 0)
			if corner {
				continue // under a finder pattern
			}
			if x, y, ok := findAlignment(image, global, centres[i], centres[j]); ok {
				grid[j][i] = [2]float64{x, y}
			}
		}
	}
	bits, err := gozxing.NewSquareBitMatrix(dimension)
	if err != nil {
		return nil, false
	}
	// cell returns the transform of the cell of the grid that holds
	// module index m along one side: modules before the first or after
	// the last alignment line belong to the cell next to them.
	cell := func(m int) int {
		c := 0
		for c < n-2 && m >= centres[c+1] {
			c++
		}
		return c
	}
	transforms := make(map[[2]int]*common.PerspectiveTransform)
	w, h := image.GetWidth(), image.GetHeight()
	p := make([]float64, 2)
	for y := range dimension {
		cy := cell(y)
		for x := range dimension {
			cx := cell(x)
			t, ok := transforms[[2]int{cx, cy}]
			if !ok {
				x0, x1 := float64(centres[cx])+0.5, float64(centres[cx+1])+0.5
				y0, y1 := float64(centres[cy])+0.5, float64(centres[cy+1])+0.5
				a, b, c, d := grid[cy][cx], grid[cy][cx+1], grid[cy+1][cx+1], grid[cy+1][cx]
				t = common.PerspectiveTransform_QuadrilateralToQuadrilateral(
					x0, y0, x1, y0, x1, y1, x0, y1,
					a[0], a[1], b[0], b[1], c[0], c[1], d[0], d[1])
				transforms[[2]int{cx, cy}] = t
			}
			p[0], p[1] = float64(x)+0.5, float64(y)+0.5
			t.TransformPoints(p)
			ix, iy := int(math.Floor(p[0])), int(math.Floor(p[1]))
			if ix < 0 || iy < 0 || ix >= w || iy >= h {
				return nil, false
			}
			if image.Get(ix, iy) {
				bits.Set(x, y)
			}
		}
	}
	return bits, true
}

// findAlignment looks for the alignment pattern centred on module (mx, my)
// within two modules of where transform puts it, by matching its 5×5
// modules (a black centre, a white ring, a black ring) at every half
// pixel. It returns the centre of the places that match best, when they
// match at least 23 of the 25 modules.
func findAlignment(image *gozxing.BitMatrix, transform *common.PerspectiveTransform, mx, my int) (float64, float64, bool) {
	// Where the modules around the pattern lie: the centre and one module
	// along each axis.
	p := []float64{float64(mx) + 0.5, float64(my) + 0.5, float64(mx) + 1.5, float64(my) + 0.5, float64(mx) + 0.5, float64(my) + 1.5}
	transform.TransformPoints(p)
	cx, cy := p[0], p[1]
	ux, uy := p[2]-cx, p[3]-cy
	vx, vy := p[4]-cx, p[5]-cy
	module := (math.Hypot(ux, uy) + math.Hypot(vx, vy)) / 2
	if module < 0.5 || module > 50 {
		return 0, 0, false
	}
	w, h := image.GetWidth(), image.GetHeight()
	score := func(x, y float64) int {
		n := 0
		for dy := -2; dy <= 2; dy++ {
			for dx := -2; dx <= 2; dx++ {
				px := x + float64(dx)*ux + float64(dy)*vx
				py := y + float64(dx)*uy + float64(dy)*vy
				ix, iy := int(math.Floor(px)), int(math.Floor(py))
				if ix < 0 || iy < 0 || ix >= w || iy >= h {
					return 0
				}
				ring := max(abs(dx), abs(dy))
				if image.Get(ix, iy) == (ring != 1) {
					n++
				}
			}
		}
		return n
	}
	reach := 2 * module
	best, sumX, sumY, count := 0, 0.0, 0.0, 0
	for oy := -reach; oy <= reach; oy += 0.5 {
		for ox := -reach; ox <= reach; ox += 0.5 {
			s := score(cx+ox, cy+oy)
			switch {
			case s > best:
				best, sumX, sumY, count = s, cx+ox, cy+oy, 1
			case s == best:
				sumX, sumY, count = sumX+cx+ox, sumY+cy+oy, count+1
			}
		}
	}
	if best < 23 {
		return 0, 0, false
	}
	return sumX / float64(count), sumY / float64(count), true
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
