package generate

import (
	"errors"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/iostreams"
)

// TestWatchExitsAsSignalled sends the test process real signals: Ctrl-C
// ends --watch with exit 0, SIGTERM and SIGHUP with 128 + the signal.
func TestWatchExitsAsSignalled(t *testing.T) {
	for _, tt := range []struct {
		sig  syscall.Signal
		want int // 0: no error
	}{
		{syscall.SIGINT, 0},
		{syscall.SIGTERM, 143},
		{syscall.SIGHUP, 129},
	} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			ctx, cancel := signalContext(os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			defer cancel()
			if err := syscall.Kill(os.Getpid(), tt.sig); err != nil {
				t.Fatal(err)
			}
			select {
			case <-ctx.Done():
			case <-time.After(5 * time.Second):
				t.Fatal("the signal did not end the context")
			}
			err := stoppedBy(ctx)
			var se *iostreams.SignalledError
			switch {
			case tt.want == 0 && err != nil:
				t.Errorf("stoppedBy = %v, want nil (exit 0)", err)
			case tt.want != 0 && (!errors.As(err, &se) || se.Code != tt.want):
				t.Errorf("stoppedBy = %v, want exit %d", err, tt.want)
			}
		})
	}
	// Ended by the program itself (no signal): no error.
	ctx, cancel := signalContext(syscall.SIGTERM)
	cancel()
	if err := stoppedBy(ctx); err != nil {
		t.Errorf("stoppedBy after cancel = %v, want nil", err)
	}
}
