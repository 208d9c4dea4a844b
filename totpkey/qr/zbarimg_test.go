package qr

import (
	"bytes"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey/qr/qrdraw"
)

// TestDecodeQRReadsWhatZbarimgReads is the differential test of issue 15:
// on phone screenshots drawn with qrdraw (one to three dense Google
// Authenticator export codes side by side, ten accounts each, on a light
// and a dark screen, resized to three scales and saved as JPEG), every
// code that zbarimg (Debian zbar-tools) reads, Decode reads too.
//
// Without zbarimg the test skips, unless TOTPKEY_REQUIRE_ZBARIMG=1 (set by
// .ci/run) makes it fail.
func TestDecodeQRReadsWhatZbarimgReads(t *testing.T) {
	zbarimg, err := exec.LookPath("zbarimg")
	if err != nil {
		if os.Getenv("TOTPKEY_REQUIRE_ZBARIMG") == "1" {
			t.Fatal("zbarimg is required (TOTPKEY_REQUIRE_ZBARIMG=1) but not installed: apt-get install zbar-tools")
		}
		t.Skip("zbarimg not installed (apt-get install zbar-tools); skipping the differential test")
	}
	scales := []float64{0.75, 1, 1.37}
	if testing.Short() {
		scales = []float64{1}
	}
	dir := t.TempDir()
	codes, read := 0, 0
	for count := 1; count <= 3; count++ {
		links, images := exportCodes(t, count)
		for _, theme := range []qrdraw.Theme{qrdraw.Light, qrdraw.Dark} {
			screen := qrdraw.ExportScreen(images, theme)
			for _, scale := range scales {
				name := fmt.Sprintf("%d codes, theme %d, scale %v", count, theme, scale)
				t.Run(name, func(t *testing.T) {
					var img image.Image = screen
					if scale != 1 {
						img = qrdraw.Resize(screen, scale)
					}
					data := encodeJPEG(t, img, 75)
					file := filepath.Join(dir, strings.NewReplacer(" ", "-", ",", "").Replace(name)+".jpg")
					if err := os.WriteFile(file, data, 0o644); err != nil {
						t.Fatal(err)
					}
					want := zbarimgTexts(t, zbarimg, file)
					got, err := Decode(bytes.NewReader(data), Limits{})
					if err != nil && len(want) > 0 {
						t.Fatalf("Decode: %v; zbarimg read %d codes", err, len(want))
					}
					for _, text := range want {
						if !slices.Contains(links, text) {
							t.Errorf("zbarimg read %s, which is none of the codes", maskedTexts([]string{text}))
						}
						if !slices.Contains(got, text) {
							t.Errorf("zbarimg read code %d of %d, Decode did not (it read %d)", slices.Index(links, text)+1, count, len(got))
						}
					}
					codes += count
					read += len(want)
				})
			}
		}
	}
	// The comparison has teeth only where zbarimg reads: it must read
	// most of the codes.
	if read < codes*3/4 {
		t.Errorf("zbarimg read %d of %d codes: the screenshots are too hard to compare on", read, codes)
	}
	t.Logf("zbarimg read %d of %d codes; Decode read each of them", read, codes)
}

// exportCodes draws count codes of one export of count×10 test accounts,
// sized so that they fill a phone screen's width side by side.
func exportCodes(t *testing.T, count int) (links []string, images []*image.Gray) {
	t.Helper()
	for i := range count {
		link := qrdraw.ExportLink(10, i, count, uint64(100+i))
		links = append(links, link)
		// The code and its margin of a quarter of its size fill the
		// screen's width less the gaps.
		size := (qrdraw.ScreenWidth - 48 - (count-1)*24) * 4 / 5 / count
		images = append(images, qrCodeImage(t, link, size))
	}
	return links, images
}

// zbarimgTexts runs zbarimg on a file and returns the text of each code
// it reads; none when it reads none (exit status 4).
func zbarimgTexts(t *testing.T, zbarimg, file string) []string {
	t.Helper()
	cmd := exec.Command(zbarimg, "-q", "--raw", file)
	var stdout bytes.Buffer
	cmd.Stdout = &stdout // stderr: D-Bus warnings on machines without a bus
	if err := cmd.Run(); err != nil {
		if exit, ok := err.(*exec.ExitError); ok && exit.ExitCode() == 4 {
			return nil
		}
		t.Fatalf("zbarimg: %v", err)
	}
	var texts []string
	for line := range strings.Lines(stdout.String()) {
		if line = strings.TrimRight(line, "\n"); line != "" {
			texts = append(texts, line)
		}
	}
	return texts
}

func TestDecodeQRDenseExportCodes(t *testing.T) {
	// Screenshots that the decoder before issue 15 read only in part: dense
	// export codes (version 19 and up) side by side at about two pixels a
	// module. The multi-code reader reads codes side by side; the sizes
	// next to the detector's estimate read the ones it sizes a version off.
	tests := []struct {
		count int
		theme qrdraw.Theme
		scale float64
	}{
		{2, qrdraw.Light, 0.75},
		{3, qrdraw.Light, 0.75},
		{3, qrdraw.Dark, 0.75},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d codes, theme %d, scale %v", tt.count, tt.theme, tt.scale), func(t *testing.T) {
			var links []string
			var images []*image.Gray
			for i := range tt.count {
				link := qrdraw.ExportLink(10, i, tt.count, uint64(i+1))
				links = append(links, link)
				images = append(images, qrCodeImage(t, link, (qrdraw.ScreenWidth-48-(tt.count-1)*24)*4/5/tt.count))
			}
			img := qrdraw.Resize(qrdraw.ExportScreen(images, tt.theme), tt.scale)
			got, err := Decode(bytes.NewReader(encodeJPEG(t, img, 80)), Limits{})
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if !slices.Equal(got, links) {
				read := 0
				for _, link := range links {
					if slices.Contains(got, link) {
						read++
					}
				}
				t.Errorf("read %d of the %d codes in %d texts, want all, left to right", read, tt.count, len(got))
			}
		})
	}
}
