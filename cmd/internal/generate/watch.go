package generate

import (
	"context"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/render"
)

// watchTick is how often --watch looks at the clock. The frame is redrawn
// only when what it shows changes, about once a second.
const watchTick = 200 * time.Millisecond

// Terminal control sequences of --watch.
const (
	hideCursor = "\x1b[?25l"
	showCursor = "\x1b[?25h"
	clearLine  = "\r\x1b[2K"
)

// watcher redraws a codeFrame in place on a terminal. It is driven from
// outside (start, tick, stop) so that tests can run it with a fake clock
// and no goroutines.
type watcher struct {
	w     io.Writer
	Flush func() error
	frame codeFrame
	last  []string // the lines on screen
	hint  string
}

// start hides the cursor and draws the first frame.
func (wt *watcher) start(now time.Time) error {
	fmt.Fprint(wt.w, hideCursor)
	return wt.tick(now)
}

// tick redraws the frame for now if it changed.
func (wt *watcher) tick(now time.Time) error {
	lines := append(wt.frame.lines(now), "", wt.hint)
	if slices.Equal(lines, wt.last) {
		return nil
	}
	if len(wt.last) > 0 {
		fmt.Fprintf(wt.w, "\x1b[%dA", len(wt.last)) // back to the first line
	}
	for _, l := range lines {
		fmt.Fprint(wt.w, clearLine, l, "\n")
	}
	wt.last = lines
	return wt.Flush()
}

// Stop restores the cursor. The last frame stays on screen.
func (wt *watcher) Stop() error {
	fmt.Fprint(wt.w, showCursor)
	return wt.Flush()
}

// Run redraws on every tick until ctx ends (Ctrl-C) or the ticks stop, and
// always restores the cursor.
func (wt *watcher) Run(ctx context.Context, now func() time.Time, ticks <-chan time.Time) (err error) {
	defer func() {
		if serr := wt.Stop(); err == nil {
			err = serr
		}
	}()
	if err := wt.start(now()); err != nil {
		return err
	}
	for {
		select {
		case <-ctx.Done():
			// Wipe the "^C" the terminal echoed, so the prompt comes back
			// on a clean line under the last frame.
			fmt.Fprint(wt.w, clearLine)
			return nil
		case _, ok := <-ticks:
			if !ok {
				return nil
			}
			if err := wt.tick(now()); err != nil {
				return err
			}
		}
	}
}

// watch is generate --watch: a live countdown until Ctrl-C, which ends it
// cleanly (exit 0); SIGTERM or SIGHUP end it with 143 or 129.
func (o *generateOptions) watch(entries []codeEntry) error {
	ctx, cancel := o.watchContext()
	defer cancel()
	ticks, stopTicks := o.ticks()
	defer stopTicks()
	p := render.NewPalette(o.IO.Color)
	wt := &watcher{
		w:     o.IO.Out,
		Flush: o.IO.Flush,
		frame: codeFrame{entries: entries, p: p, tty: o.IO.TerminalWidth() >= minBarColumns},
		hint:  p.Dim.Sprint("Ctrl-C to stop"),
	}
	if err := wt.Run(ctx, o.Now, ticks); err != nil {
		return cmdutil.Failure(fmt.Errorf("writing the countdown: %w", err))
	}
	return stoppedBy(ctx)
}
