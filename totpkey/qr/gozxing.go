package qr

import (
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/common"
	multidetector "github.com/makiuchi-d/gozxing/multi/qrcode/detector"
	"github.com/makiuchi-d/gozxing/qrcode"
	"github.com/makiuchi-d/gozxing/qrcode/decoder"
	"github.com/makiuchi-d/gozxing/qrcode/detector"
)

// The calls into gozxing: one search of a grey image for codes, bounded.

// maxFinderCandidates caps the finder-pattern candidates one search may
// collect. gozxing compares every three candidates, so an image built from
// thousands of finder-like squares would otherwise take hours; a real
// screenshot has a few dozen at most.
const maxFinderCandidates = 200

// qrSearchAborted is the panic value that stops a search with too many
// finder-pattern candidates.
type qrSearchAborted struct{}

// qrRead is one code as gozxing read it: its text and its finder pattern
// centres (bottom left, top left, top right).
type qrRead struct {
	text   string
	points []gozxing.ResultPoint
}

// maxMultiCandidates caps the finder-pattern candidates of the multi-code
// reader, which tries every three that could be a code's corners: nine
// for three codes side by side, and room for text that looks like some.
// Over it, the single reader searches instead.
const maxMultiCandidates = 30

// decodeQRs runs gozxing's multi-code QR reader, trying harder, on l, and
// its single-code reader when that reads nothing: the single reader pairs
// finder patterns more loosely, which a code photographed at an angle
// needs, and picks three of any number of candidates. It returns the
// codes read and the finder-pattern candidates seen.
func decodeQRs(l luma, global, invert bool) (codes []qrRead, candidates int) {
	src, err := gozxing.NewPlanarYUVLuminanceSource(l.pix, l.stride, l.h, 0, 0, l.w, l.h, false)
	if err != nil {
		return nil, 0
	}
	if invert {
		src = gozxing.NewInvertedLuminanceSource(src)
	}
	var binarizer gozxing.Binarizer
	if global {
		binarizer = gozxing.NewGlobalHistgramBinarizer(src)
	} else {
		binarizer = gozxing.NewHybridBinarizer(src)
	}
	bitmap, err := gozxing.NewBinaryBitmap(binarizer)
	if err != nil {
		return nil, 0
	}
	candidates, complete := searchQR(maxMultiCandidates, func(hints map[gozxing.DecodeHintType]any) {
		// What gozxing's QRCodeMultiReader does, with a second try at
		// each code it detects but cannot decode.
		matrix, err := bitmap.GetBlackMatrix()
		if err != nil {
			return
		}
		detections, _ := multidetector.NewMultiDetector(matrix).DetectMulti(hints)
		for _, d := range detections {
			if text, ok := decodeDetection(matrix, d, hints); ok {
				codes = append(codes, qrRead{text: text, points: d.GetPoints()})
			}
		}
	})
	if len(codes) > 0 || (complete && candidates < 3) {
		return codes, candidates
	}
	singleCandidates, _ := searchQR(maxFinderCandidates, func(hints map[gozxing.DecodeHintType]any) {
		result, err := qrcode.NewQRCodeReader().Decode(bitmap, hints)
		if err == nil && result.GetText() != "" {
			codes = []qrRead{{text: result.GetText(), points: result.GetResultPoints()}}
		}
	})
	return codes, max(candidates, singleCandidates)
}

// decodeDetection decodes the modules gozxing's detector sampled. When
// that fails it samples and decodes again at the code sizes next to the
// one the detector worked out: it divides the distance between the finder
// patterns by its estimate of the module size, and on a dense code of two
// pixels a module an estimate 4% off gives the size of the next version
// (89 modules for a code of 93), which no error correction survives.
func decodeDetection(matrix *gozxing.BitMatrix, d *common.DetectorResult, hints map[gozxing.DecodeHintType]any) (string, bool) {
	decode := func(bits *gozxing.BitMatrix) (string, bool) {
		result, err := decoder.NewDecoder().Decode(bits, hints)
		if err != nil || result.GetText() == "" {
			return "", false
		}
		return result.GetText(), true
	}
	if text, ok := decode(d.GetBits()); ok {
		return text, true
	}
	points := d.GetPoints()
	if len(points) < 3 {
		return "", false
	}
	var alignment *detector.AlignmentPattern
	if len(points) > 3 {
		// The bottom right alignment pattern stays 3 modules in from the
		// corner at any size: the transform can keep it.
		alignment, _ = points[3].(*detector.AlignmentPattern)
	}
	detected := d.GetBits().GetWidth()
	for _, dimension := range []int{detected + 4, detected - 4} {
		if dimension < 21 || dimension > 177 {
			continue
		}
		transform := detector.Detector_createTransform(points[1], points[2], points[0], alignment, dimension)
		bits, err := detector.Detector_sampleGrid(matrix, transform, dimension)
		if err != nil {
			continue
		}
		if text, ok := decode(bits); ok {
			return text, true
		}
	}
	return "", false
}

// searchQR runs one gozxing search with hints to try harder and to count
// finder-pattern candidates, stopping it when there are more than
// maxCandidates. It returns how many candidates the search saw and
// whether it ran to its end: false when it was stopped or panicked, as
// gozxing does on some corrupt inputs.
func searchQR(maxCandidates int, search func(hints map[gozxing.DecodeHintType]any)) (candidates int, complete bool) {
	defer func() {
		if recover() != nil {
			complete = false
		}
	}()
	hints := map[gozxing.DecodeHintType]any{
		gozxing.DecodeHintType_TRY_HARDER: true,
		gozxing.DecodeHintType_NEED_RESULT_POINT_CALLBACK: gozxing.ResultPointCallback(func(gozxing.ResultPoint) {
			candidates++
			if candidates > maxCandidates {
				panic(qrSearchAborted{})
			}
		}),
	}
	search(hints)
	return candidates, true
}
