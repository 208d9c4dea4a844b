package main

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
	progressMinBytes = 8 << 20
	progressInterval = 200 * time.Millisecond
	progressWidth    = 30
)

// progressBar draws "[#####-----]  42%  110 MB of 260 MB" on standard error
// while --lines or --scan reads large files. A nil *progressBar draws
// nothing, so callers need not check.
type progressBar struct {
	w     io.Writer
	total int64
	base  int64 // bytes of the files already read
	cur   int64 // bytes read of the current file
	name  string
	now   func() time.Time
	last  time.Time
	drawn bool
}

// newProgressFor returns a progress bar for reading the named files (or
// standard input), or nil when none should be drawn: standard error is not
// a terminal, standard output is (the results are the progress then), or
// the input is small or of unknown size (a pipe).
func newProgressFor(streams *ioStreams, files []string) *progressBar {
	if !streams.errTTY || streams.outTTY {
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
	return newProgressBar(streams.ErrOut, total, time.Now)
}

// newProgressBar returns a bar for total bytes, or nil when total is below
// progressMinBytes.
func newProgressBar(w io.Writer, total int64, now func() time.Time) *progressBar {
	if total < progressMinBytes {
		return nil
	}
	return &progressBar{w: w, total: total, now: now, last: now()}
}

// update records that n bytes of the named file have been read, and redraws
// the bar when it is due.
func (p *progressBar) update(name string, n int64) {
	if p == nil {
		return
	}
	if name != p.name {
		p.base += p.cur
		p.name, p.cur = name, 0
	}
	p.cur = n
	if t := p.now(); t.Sub(p.last) >= progressInterval {
		p.last = t
		p.draw()
	}
}

func (p *progressBar) draw() {
	done := min(p.base+p.cur, p.total)
	filled := int(done * progressWidth / p.total)
	fmt.Fprintf(p.w, "\r[%s%s] %3d%%  %s of %s", strings.Repeat("#", filled), strings.Repeat("-", progressWidth-filled),
		done*100/p.total, byteSize(done), byteSize(p.total))
	p.drawn = true
}

// finish clears the bar from the terminal line.
func (p *progressBar) finish() {
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
