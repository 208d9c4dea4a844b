package qr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"strings"
	"testing"
)

// jpegHeader writes the start of a JPEG up to its frame header: SOI, an
// APP0 segment to walk past, and a baseline or progressive SOF with one
// component per sampling (horizontal, vertical).
func jpegHeader(width, height uint16, progressive bool, sampling ...[2]byte) []byte {
	b := []byte{0xff, 0xd8, 0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0}
	sof := byte(0xc0)
	if progressive {
		sof = 0xc2
	}
	frame := []byte{8}
	frame = binary.BigEndian.AppendUint16(frame, height)
	frame = binary.BigEndian.AppendUint16(frame, width)
	frame = append(frame, byte(len(sampling)))
	for i, hv := range sampling {
		frame = append(frame, byte(i+1), hv[0]<<4|hv[1], 0)
	}
	b = append(b, 0xff, sof)
	b = binary.BigEndian.AppendUint16(b, uint16(2+len(frame)))
	return append(b, frame...)
}

var (
	yuv420 = [][2]byte{{2, 2}, {1, 1}, {1, 1}}
	yuv444 = [][2]byte{{1, 1}, {1, 1}, {1, 1}}
	cmyk   = [][2]byte{{1, 1}, {1, 1}, {1, 1}, {1, 1}}
	grey   = [][2]byte{{1, 1}}
)

func TestCostOf(t *testing.T) {
	const mp = 1_000_000 // the images are 1000×1000
	// Go's JPEG decoder: 4:2:0 in 16×16 blocks, 63 of them each way.
	const planes420 = 64*4*63*63 + 2*64*63*63
	tests := []struct {
		name   string
		data   []byte
		layout string
		// decoder is what the image decoder allocates; the file and
		// three bytes a pixel for the search come on top.
		decoder int64
	}{
		{"8-bit grey png", pngHeaderOf(1000, 1000, 8, 0, 0), "8-bit grey png", mp},
		{"16-bit grey png", pngHeaderOf(1000, 1000, 16, 0, 0), "16-bit grey png", 2 * mp},
		{"8-bit RGB png", pngHeaderOf(1000, 1000, 8, 2, 0), "8-bit RGB png", 4 * mp},
		{"16-bit RGBA png", pngHeaderOf(1000, 1000, 16, 6, 0), "16-bit RGBA png", 8 * mp},
		{"interlaced 8-bit RGBA png", pngHeaderOf(1000, 1000, 8, 6, 1), "interlaced 8-bit RGBA png", 8 * mp},
		{"baseline 4:2:0 jpeg", jpegHeader(1000, 1000, false, yuv420...), "YCbCr jpeg", planes420},
		{"progressive 4:2:0 jpeg", jpegHeader(1000, 1000, true, yuv420...), "progressive YCbCr jpeg", 5 * planes420},
		{"baseline 4:4:4 jpeg", jpegHeader(1000, 1000, false, yuv444...), "YCbCr jpeg", 3 * mp},
		{"grey jpeg", jpegHeader(1000, 1000, false, grey...), "grey jpeg", mp},
		{"CMYK jpeg", jpegHeader(1000, 1000, false, cmyk...), "CMYK jpeg", 8 * mp},
		{"progressive CMYK jpeg", jpegHeader(1000, 1000, true, cmyk...), "progressive CMYK jpeg", 24 * mp},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config, format, err := image.DecodeConfig(bytes.NewReader(tt.data))
			if err != nil {
				t.Fatalf("DecodeConfig: %v", err)
			}
			cost := costOf(tt.data, format, config)
			if want := int64(len(tt.data)) + tt.decoder + 3*mp; cost.bytes != want {
				t.Errorf("cost %d bytes, want %d", cost.bytes, want)
			}
			if cost.layout != tt.layout {
				t.Errorf("layout %q, want %q", cost.layout, tt.layout)
			}
		})
	}
}

func TestDecodeQRRefusesByMemory(t *testing.T) {
	// The images of issue 15, whose pixel counts were under the limit:
	// each is refused from its header, with what it would take.
	tests := []struct {
		name   string
		data   []byte
		limits Limits
		want   string
	}{
		{"7000×7000 16-bit RGBA png", pngHeaderOf(7000, 7000, 16, 6, 0), Limits{},
			"the 7000×7000 16-bit RGBA png image would take about 515 MB of memory to decode and search; the limit is 192 MB"},
		{"7000×7000 progressive CMYK jpeg", jpegHeader(7000, 7000, true, cmyk...), Limits{},
			"the 7000×7000 progressive CMYK jpeg image would take about 1262 MB of memory"},
		{"a lower limit", jpegHeader(1000, 1000, false, yuv420...), Limits{MaxMemory: 4 << 20},
			"the 1000×1000 YCbCr jpeg image would take about 5 MB of memory to decode and search; the limit is 4 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			texts, err := Decode(bytes.NewReader(tt.data), tt.limits)
			if !errors.Is(err, ErrImageTooLarge) || texts != nil {
				t.Fatalf("got %d texts, error %v; want ErrImageTooLarge", len(texts), err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q\nwant it to contain %q", err, tt.want)
			}
		})
	}
}

func TestDecodeQRLetsThroughWhatFits(t *testing.T) {
	// Phone screenshots and a 12-megapixel photo fit the default budget:
	// their headers pass, and only the missing pixels stop them.
	for _, data := range [][]byte{
		pngHeaderOf(1440, 3200, 8, 6, 0),         // a large phone screenshot, RGBA
		pngHeaderOf(3840, 2160, 16, 6, 0),        // a 4K screenshot, 16-bit RGBA
		jpegHeader(4000, 3000, true, yuv420...),  // a progressive 12-megapixel photo
		jpegHeader(6000, 4000, false, yuv420...), // a 24-megapixel photo
	} {
		_, err := Decode(bytes.NewReader(data), Limits{})
		if err == nil || errors.Is(err, ErrImageTooLarge) {
			t.Errorf("%d-byte header: error %v, want a decoding error", len(data), err)
		}
	}
}

func TestJPEGFrameHeader(t *testing.T) {
	valid := jpegHeader(100, 100, true, cmyk...)
	tests := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"frame header", valid, true},
		{"fill bytes before a marker", append([]byte{0xff, 0xd8, 0xff, 0xff}, valid[3:]...), true},
		{"not a jpeg", []byte("GIF89a"), false},
		{"cut in the frame header", valid[:len(valid)-3], false},
		{"scan before any frame", []byte{0xff, 0xd8, 0xff, 0xda, 0, 2}, false},
		{"garbage between segments", append(valid[:20:20], 0x00, 0xff, 0xc0), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frame, ok := jpegFrameHeader(tt.data)
			if ok != tt.ok {
				t.Fatalf("ok %v, want %v", ok, tt.ok)
			}
			if ok && (!frame.progressive || len(frame.components) != 4) {
				t.Errorf("frame %+v, want progressive with 4 components", frame)
			}
		})
	}
}
