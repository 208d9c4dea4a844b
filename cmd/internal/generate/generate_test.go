package generate

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/render"
	"github.com/totpkey/totpkey/totpkey/code"
)

// fakeClock is a clock that moves only when told.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time { return c.now }

// watchFixture is a watcher over one well-known key, writing to a buffer.
func watchFixture(t *testing.T) (*watcher, *bytes.Buffer, *code.Generator) {
	t.Helper()
	g, err := code.NewGenerator("JBSWY3DPEHPK3PXP", code.Params{})
	if err != nil {
		t.Fatal(err)
	}
	buf := &bytes.Buffer{}
	wt := &watcher{
		w:     buf,
		Flush: func() error { return nil },
		frame: codeFrame{entries: []codeEntry{{Params: code.DefaultParams(), gen: g}}, p: render.NewPalette(false), tty: true},
		hint:  "Ctrl-C to stop",
	}
	return wt, buf, g
}

func TestWatcherRedrawsOnFakeClock(t *testing.T) {
	wt, buf, g := watchFixture(t)
	t0 := time.Unix(1782292500, 0) // the start of a period: 30 seconds left

	if err := wt.start(t0); err != nil {
		t.Fatal(err)
	}
	first := buf.String()
	if !strings.HasPrefix(first, hideCursor) {
		t.Errorf("first frame does not hide the cursor: %q", first)
	}
	if strings.Contains(first, "\x1b[") && strings.Contains(first, "A"+clearLine) {
		t.Errorf("first frame moves the cursor up: %q", first)
	}
	for _, want := range []string{"Code:    " + g.Code(t0), "30 seconds left", "Next:    " + g.Code(t0.Add(30*time.Second)), "Ctrl-C to stop", strings.Repeat("█", barWidth)} {
		if !strings.Contains(first, want) {
			t.Errorf("first frame lacks %q:\n%s", want, first)
		}
	}

	// The same second again: nothing is redrawn.
	buf.Reset()
	if err := wt.tick(t0.Add(400 * time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	if buf.Len() != 0 {
		t.Errorf("redrew an unchanged frame: %q", buf.String())
	}

	// A second later: back up over the 4 lines (code, next, blank, hint)
	// and redraw each, with one second less.
	buf.Reset()
	if err := wt.tick(t0.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	redraw := buf.String()
	if !strings.HasPrefix(redraw, "\x1b[4A") || strings.Count(redraw, clearLine) != 4 {
		t.Errorf("redraw does not move up and clear 4 lines: %q", redraw)
	}
	if !strings.Contains(redraw, "29 seconds left") {
		t.Errorf("redraw lacks the new countdown: %q", redraw)
	}

	// Into the next period: the next code becomes the code.
	buf.Reset()
	if err := wt.tick(t0.Add(30 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Code:    "+g.Code(t0.Add(30*time.Second))) {
		t.Errorf("no new code after the period ended: %q", buf.String())
	}

	// Little time left: the bar is short.
	buf.Reset()
	if err := wt.tick(t0.Add(57 * time.Second)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "3 seconds left") || !strings.Contains(buf.String(), "██"+strings.Repeat("░", barWidth-2)) {
		t.Errorf("3 seconds left not shown as a short bar: %q", buf.String())
	}

	buf.Reset()
	if err := wt.Stop(); err != nil {
		t.Fatal(err)
	}
	if buf.String() != showCursor {
		t.Errorf("stop wrote %q, want the cursor shown again", buf.String())
	}
}

func TestWatcherRunEndsOnCancelAndRestoresCursor(t *testing.T) {
	wt, buf, _ := watchFixture(t)
	clock := &fakeClock{now: time.Unix(1782292500, 0)}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // Ctrl-C before the first tick
	if err := wt.Run(ctx, clock.Now, make(chan time.Time)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, hideCursor) || !strings.HasSuffix(out, clearLine+showCursor) {
		t.Errorf("output does not hide the cursor, then clear the ^C line and restore it: %q", out)
	}
}

func TestWatcherRunRedrawsOnTicks(t *testing.T) {
	wt, buf, _ := watchFixture(t)
	t0 := time.Unix(1782292500, 0)
	clock := &fakeClock{now: t0}
	// Each tick advances the clock half a second: 6 ticks, 3 new seconds.
	ticks := make(chan time.Time, 6)
	for range 6 {
		ticks <- time.Time{}
	}
	close(ticks)
	now := func() time.Time {
		n := clock.now
		clock.now = clock.now.Add(500 * time.Millisecond)
		return n
	}
	if err := wt.Run(context.Background(), now, ticks); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if got := strings.Count(out, "\x1b[4A"); got != 3 {
		t.Errorf("%d redraws, want 3 (one per new second):\n%q", got, out)
	}
	for _, s := range []string{"30 seconds left", "29 seconds left", "28 seconds left", "27 seconds left"} {
		if !strings.Contains(out, s) {
			t.Errorf("no frame with %q", s)
		}
	}
	if !strings.HasSuffix(out, showCursor) {
		t.Errorf("cursor not restored: %q", out)
	}
}

// runGenerateWatch runs generate --watch in-process with a fake clock and
// a given number of ticks, ending as Ctrl-C would.
func runGenerateWatch(t *testing.T, ticks int, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	s, out, errOut := iostreams.Test("", true)
	clock := &fakeClock{now: time.Unix(1782292500, 0)}
	opts := &generateOptions{
		IO: s,
		Now: func() time.Time {
			n := clock.now
			clock.now = clock.now.Add(time.Second)
			return n
		},
		watchContext: func() (context.Context, context.CancelFunc) { return context.WithCancel(context.Background()) },
		ticks: func() (<-chan time.Time, func()) {
			c := make(chan time.Time, ticks)
			for range ticks {
				c <- time.Time{}
			}
			close(c) // as if Ctrl-C came after the last tick
			return c, func() {}
		},
	}
	cmd := generateCommand(opts)
	cmd.SetArgs(args)
	cmd.SetOut(s.Out)
	cmd.SetErr(s.ErrOut)
	cmd.SilenceErrors, cmd.SilenceUsage = true, true // as the root command does
	err := cmd.Execute()
	return cmdutil.Report(s.ErrOut, err), out.String(), errOut.String()
}

func TestGenerateWatchCommand(t *testing.T) {
	code, stdout, stderr := runGenerateWatch(t, 3, "--watch", "JBSWY3DPEHPK3PXP")
	if code != 0 {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if strings.Count(stdout, "\x1b[4A") != 3 || !strings.HasSuffix(stdout, showCursor) {
		t.Errorf("want 3 redraws and the cursor restored:\n%q", stdout)
	}
	// A bad key is diagnosed before any countdown starts.
	code, stdout, stderr = runGenerateWatch(t, 3, "--watch", "JBSWY3DPEHPK3PX0")
	if code != outcome.ExitMalformed || stdout != "" || !strings.Contains(stderr, "character 16 is the digit 0") {
		t.Errorf("bad key under --watch: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestBar(t *testing.T) {
	tests := []struct {
		left, period, full int
	}{
		{30, 30, barWidth},
		{15, 30, barWidth / 2},
		{1, 30, 1},
		{0, 30, 0},
		{60, 60, barWidth},
		{1, 1, barWidth},
	}
	for _, tt := range tests {
		b := bar(tt.left, tt.period)
		if got := strings.Count(b, "█"); got != tt.full || strings.Count(b, "░") != barWidth-tt.full {
			t.Errorf("bar(%d, %d) = %q: %d full cells, want %d of %d", tt.left, tt.period, b, got, tt.full, barWidth)
		}
	}
}

func TestCeilSeconds(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want int
	}{
		{30 * time.Second, 30},
		{29*time.Second + time.Nanosecond, 30},
		{200 * time.Millisecond, 1},
		{0, 0},
	}
	for _, tt := range tests {
		if got := ceilSeconds(tt.d); got != tt.want {
			t.Errorf("ceilSeconds(%v) = %d, want %d", tt.d, got, tt.want)
		}
	}
}
