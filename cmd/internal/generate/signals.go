package generate

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"

	"github.com/totpkey/totpkey/cmd/internal/iostreams"
)

// caughtSignal is the cause of a --watch context that a signal ended.
type caughtSignal struct{ sig os.Signal }

func (c *caughtSignal) Error() string { return "stopped by " + c.sig.String() }

// signalContext is a context that the first of sigs cancels, with a
// *caughtSignal naming it as the cause.
func signalContext(sigs ...os.Signal) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancelCause(context.Background())
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	go func() {
		select {
		case s := <-c:
			cancel(&caughtSignal{sig: s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(c)
		cancel(nil)
	}
}

// stoppedBy is how a --watch that ctx ended exits: Ctrl-C is the way to
// stop it and exits 0; another signal (SIGTERM from a service manager,
// SIGHUP from a closed terminal) exits as a killed program does, 128 +
// its number, so that whatever sent it sees that the program was stopped.
func stoppedBy(ctx context.Context) error {
	var c *caughtSignal
	if !errors.As(context.Cause(ctx), &c) || c.sig == os.Interrupt {
		return nil
	}
	if n, ok := c.sig.(syscall.Signal); ok {
		return &iostreams.SignalledError{Code: 128 + int(n)}
	}
	return nil
}
