package iostreams

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Progress bar: shown for inputs of at least progressMinBytes, redrawn at
// most every progressInterval.
const (
	ProgressMinBytes = 8 << 20
	ProgressInterval = 200 * time.Millisecond
	progressWidth    = 30
)

// ProgressBar draws "[#####-----]  42%  110 MB of 260 MB" on standard error
// while --lines or --scan reads large files. A nil *progressBar draws
// nothing, so callers need not check.
type ProgressBar struct {
	w     io.Writer
	Total int64
	base  int64 // bytes of the files already read
	cur   int64 // bytes read of the current file
	name  string
	now   func() time.Time
	last  time.Time
	drawn bool
}

// NewProgressFor returns a progress bar for reading the named files (or
// standard input), or nil when none should be drawn: standard error is not
// a terminal, standard output is (the results are the progress then), or
// the input is small or of unknown size (a pipe).
func NewProgressFor(streams *IOStreams, files []string) *ProgressBar {
	if !streams.ErrTTY || streams.OutTTY {
		return nil
	}
	var total int64
	if len(files) == 0 {
		files = []string{"-"}
	}
	for _, name := range files {
		var info os.FileInfo
		var err error
		if name == "-" {
			f, ok := streams.In.(*os.File)
			if !ok {
				return nil
			}
			info, err = f.Stat()
		} else {
			info, err = os.Stat(name)
		}
		if err != nil || !info.Mode().IsRegular() {
			return nil // a pipe or a device: no size to count against
		}
		total += info.Size()
	}
	return NewProgressBar(streams.ErrOut, total, time.Now)
}

// NewProgressBar returns a bar for total bytes, or nil when total is below
// progressMinBytes.
func NewProgressBar(w io.Writer, total int64, now func() time.Time) *ProgressBar {
	if total < ProgressMinBytes {
		return nil
	}
	return &ProgressBar{w: w, Total: total, now: now, last: now()}
}

// Update records that n bytes of the named file have been read, and redraws
// the bar when it is due.
func (p *ProgressBar) Update(name string, n int64) {
	if p == nil {
		return
	}
	if name != p.name {
		p.base += p.cur
		p.name, p.cur = name, 0
	}
	p.cur = n
	if t := p.now(); t.Sub(p.last) >= ProgressInterval {
		p.last = t
		p.draw()
	}
}

func (p *ProgressBar) draw() {
	done := min(p.base+p.cur, p.Total)
	filled := int(done * progressWidth / p.Total)
	fmt.Fprintf(p.w, "\r[%s%s] %3d%%  %s of %s", strings.Repeat("#", filled), strings.Repeat("-", progressWidth-filled),
		done*100/p.Total, byteSize(done), byteSize(p.Total))
	p.drawn = true
}

// Finish clears the bar from the terminal line.
func (p *ProgressBar) Finish() {
	if p == nil || !p.drawn {
		return
	}
	fmt.Fprint(p.w, "\r\033[K")
}

// byteSize writes a byte count for people: "512 B", "3.4 MB", "1.2 GB".
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%.1f kB", float64(n)/1e3)
	case n < 1000*1000*1000:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
	return fmt.Sprintf("%.1f GB", float64(n)/1e9)
}
