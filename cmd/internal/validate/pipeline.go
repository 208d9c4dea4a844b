package validate

import (
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
)

// pipelineDepth is how many batches are in flight at once: being filled,
// worked on or waiting to be written. With batches of a bounded size it
// bounds the memory of a run, whatever the size of the input.
const pipelineDepth = 8

// orderedPipeline works on batches in parallel and writes them out in the
// order they were read, so that results line up with the input while both
// cores classify. newBatch makes a batch; batches are reused.
type orderedPipeline[B any] struct {
	work  func(*B)       // runs in a worker goroutine
	emit  func(*B) error // runs in the writer goroutine, in order
	Reset func(*B)       // readies a batch for reuse

	free  chan *B
	jobs  chan *pipelineJob[B]
	order chan *pipelineJob[B]
	wg    sync.WaitGroup
	done  chan struct{}
	err   error // the first error of emit
	mu    sync.Mutex
	// inline is set when there is one CPU: no goroutines, no hand-over.
	inline bool
}

type pipelineJob[B any] struct {
	batch *B
	done  chan struct{}
}

// newOrderedPipeline starts the workers and the writer.
func newOrderedPipeline[B any](newBatch func() *B, reset func(*B), work func(*B), emit func(*B) error) *orderedPipeline[B] {
	p := &orderedPipeline[B]{work: work, emit: emit, Reset: reset, free: make(chan *B, pipelineDepth)}
	for range pipelineDepth {
		p.free <- newBatch()
	}
	workers := runtime.GOMAXPROCS(0)
	if workers <= 1 {
		p.inline = true
		return p
	}
	p.jobs = make(chan *pipelineJob[B], pipelineDepth)
	p.order = make(chan *pipelineJob[B], pipelineDepth)
	p.done = make(chan struct{})
	for range workers {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for j := range p.jobs {
				p.work(j.batch)
				close(j.done)
			}
		}()
	}
	go func() {
		defer close(p.done)
		for j := range p.order {
			<-j.done
			if p.Err() == nil {
				if err := p.emit(j.batch); err != nil {
					p.setErr(err)
				}
			}
			p.Reset(j.batch)
			p.free <- j.batch
		}
	}()
	return p
}

// Batch returns an empty batch to fill, waiting while all are in flight.
func (p *orderedPipeline[B]) Batch() *B { return <-p.free }

// Send hands a filled batch over. It returns the first error of emit, so
// that the reader can stop early.
func (p *orderedPipeline[B]) Send(b *B) error {
	if p.inline {
		p.work(b)
		if p.err == nil {
			p.err = p.emit(b)
		}
		p.Reset(b)
		p.free <- b
		return p.err
	}
	j := &pipelineJob[B]{batch: b, done: make(chan struct{})}
	p.order <- j
	p.jobs <- j
	return p.Err()
}

// Discard gives back a batch that was not filled.
func (p *orderedPipeline[B]) Discard(b *B) {
	p.Reset(b)
	p.free <- b
}

// Close waits until every batch sent is written and returns the first error
// of emit.
func (p *orderedPipeline[B]) Close() error {
	if p.inline {
		return p.err
	}
	close(p.jobs)
	close(p.order)
	<-p.done
	p.wg.Wait()
	return p.Err()
}

// Err returns the first error of emit so far.
func (p *orderedPipeline[B]) Err() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.err
}

func (p *orderedPipeline[B]) setErr(err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err == nil {
		p.err = err
	}
}

// readSources is the reading half of a --lines or --scan run: read gets
// each source in turn (forEachSource), with the progress bar, and the
// pipeline is closed after the last. A failed write of the results is the
// run's error unless reading failed first.
func readSources[B any](o *ValidateOptions, pipe *orderedPipeline[B], read func(name string, r io.Reader, progress *iostreams.ProgressBar) error) error {
	progress := iostreams.NewProgressFor(o.IO, o.Args)
	err := forEachSource(o, func(name string, r io.Reader) error { return read(name, r, progress) })
	progress.Finish()
	if perr := pipe.Close(); err == nil && perr != nil {
		err = cmdutil.Failure(fmt.Errorf("writing the results: %w", perr))
	}
	return err
}
