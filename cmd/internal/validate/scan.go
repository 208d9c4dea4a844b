package validate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/render"
	"github.com/totpkey/totpkey/cmd/internal/reply"
	"github.com/totpkey/totpkey/cmd/internal/view"
	"github.com/totpkey/totpkey/totpkey/broker"
	"github.com/totpkey/totpkey/totpkey/lines"
	"github.com/totpkey/totpkey/totpkey/scan"

	"github.com/totpkey/totpkey/docs"
)

// maxReplyFindings is how many findings of one text --scan --reply keeps
// for its reply; memory stays bounded on a huge file.
const maxReplyFindings = 100

// scanBatch is a run of lines of one text on its way through the pipeline.
// ctx is the line before the batch, scanned first for its context only (a
// "my code is" at the end of it).
type scanBatch struct {
	lineBuffer
	ctx      []byte
	hasCtx   bool
	last     bool // the last batch of its text
	scanner  scan.Scanner
	findings []scan.Finding
	skipped  []lineItem // lines too long to scan
	out      []byte
	stats    render.TriageStats
	brokers  broker.Tally      // the brokers the batch's lines name
	facts    reply.TicketFacts // with --reply: what the batch's lines say
}

func resetScanBatch(b *scanBatch) {
	b.lineBuffer.Reset()
	b.facts.Reset()
	b.ctx, b.hasCtx, b.last, b.brokers = b.ctx[:0], false, false, broker.Tally{}
	b.findings, b.skipped, b.out = b.findings[:0], b.skipped[:0], b.out[:0]
	b.stats.Reset()
}

// scanRun is one run of validate --scan.
type scanRun struct {
	o        *ValidateOptions
	p        render.Palette
	withFile bool
	cols     []render.TableColumn
	stats    render.TriageStats
	started  bool
	// For --reply: the findings of the current text.
	replyFindings []scan.Finding
	replyTotal    int
	replyBrokers  broker.Tally // the brokers the current text names
	replyFacts    reply.TicketFacts
}

// runScan is validate --scan: it finds keys, codes, otpauth and export
// links and known error messages in free text (support tickets: each file,
// or standard input, is one) and classifies each.
func runScan(o *ValidateOptions) error {
	defer tuneGC(o.IO)()
	run := &scanRun{o: o, p: render.NewPalette(o.IO.Color), withFile: len(o.Args) > 0}
	run.cols = run.tableColumns()
	pipe := newOrderedPipeline(
		func() *scanBatch { return &scanBatch{lineBuffer: newLineBuffer()} },
		resetScanBatch, run.render, run.write)
	err := readSources(o, pipe, func(name string, r io.Reader, progress *iostreams.ProgressBar) error {
		return run.Read(pipe, name, r, progress)
	})
	// As for --lines, files that cannot be read do not stop the run: the
	// summary covers the others, then the run ends with exit 1.
	var unreadable *unreadableError
	if err != nil && !errors.As(err, &unreadable) {
		return err
	}
	if unreadable != nil && len(unreadable.errs) == len(o.Args) {
		return err // nothing was read: no summary of nothing
	}
	if o.Output == "text" && !o.Reply {
		if run.stats.Total == 0 {
			fmt.Fprintln(o.IO.Out, "No keys, codes, otpauth links or error messages found.")
		} else {
			render.WriteSummary(o.IO.Out, run.p, &run.stats, "finding")
		}
	}
	if unreadable != nil {
		return err
	}
	return cmdutil.ExitWith(run.stats.ExitCode)
}

// Read reads one text into batches, each carrying the line before it.
func (run *scanRun) Read(pipe *orderedPipeline[scanBatch], name string, r io.Reader, progress *iostreams.ProgressBar) error {
	lr := lines.NewLineReader(r, 0)
	file := outcome.MaskArg(name) // shown in every row of every batch: a file can be named after a key
	b := pipe.Batch()
	b.file = file
	for lr.Next() {
		l := lr.Line()
		if addLine(&b.lineBuffer, lineItem{line: l.Number, tooLong: l.TooLong, length: l.Length}, l.Text) {
			progress.Update(name, lr.BytesRead())
			next := pipe.Batch()
			next.file = file
			if it := b.items[len(b.items)-1]; !it.tooLong {
				next.ctx = append(next.ctx, b.data[it.off:it.end]...)
				next.hasCtx = true
			}
			if err := pipe.Send(b); err != nil {
				pipe.Discard(next)
				return nil // the writer failed: Close reports it
			}
			b = next
		}
	}
	progress.Update(name, lr.BytesRead())
	b.last = true
	pipe.Send(b)
	if err := lr.Err(); err != nil {
		return cmdutil.Failure(fmt.Errorf("reading %s: %w", sourceName(name), err))
	}
	return nil
}

// render scans a batch and renders its findings, in a worker.
func (run *scanRun) render(b *scanBatch) {
	o := run.o
	s := &b.scanner
	s.Reset()
	if b.hasCtx {
		// The line before the batch gives its context only: a key at its
		// end was reported by the batch before, not joined across.
		s.Flush(s.ScanLine(0, b.ctx, nil))
	}
	for _, it := range b.items {
		if it.tooLong {
			s.Skip()
			b.skipped = append(b.skipped, it)
			continue
		}
		b.findings = s.ScanLine(it.line, b.data[it.off:it.end], b.findings)
		if o.Reply {
			b.facts.AddLine(it.line, b.data[it.off:it.end])
		}
	}
	b.findings = s.Flush(b.findings) // a key held back at the batch's last line
	bk := run.batchBroker(b)
	var csvBuf bytes.Buffer
	var v view.Result
	var st view.Storage
	for i := range b.findings {
		f := &b.findings[i]
		if f.Kind == scan.FindingErrorMessage {
			b.stats.AddClass("error-message", 0)
		} else {
			f.Result.ApplyBroker(bk)
			b.stats.Add(&f.Result)
		}
		if o.Reply {
			continue // replies are written per text, in write
		}
		if f.Kind == scan.FindingErrorMessage && o.Output != "text" {
			// JSON and CSV hold results, as the contract has them: the
			// keys, codes and links found. An error message is not one;
			// the table and the reply use it.
			continue
		}
		switch o.Output {
		case "json":
			run.fillView(&v, &st, b.file, f)
			b.out = view.AppendJSON(b.out, &v)
		case "csv":
			run.fillView(&v, &st, b.file, f)
			csvBuf.Reset()
			render.CsvLine(&csvBuf, run.csvRecord(&v))
			b.out = append(b.out, csvBuf.Bytes()...)
		default:
			b.out = run.appendRow(b.out, b.file, f)
		}
	}
}

// fillView makes v the JSON and CSV view of a finding.
func (run *scanRun) fillView(v *view.Result, st *view.Storage, file string, f *scan.Finding) {
	view.Fill(v, &f.Result, run.o.ShowSecret, st)
	v.File, v.Line, v.Column, v.Kind = file, f.Line, f.Column, string(f.Kind)
	v.Input = findingShown(f, run.o.ShowSecret, 1<<20)
}

// findingShown is a finding's text as the outputs show it: an error message
// in full, a link with its secret masked, anything else masked.
func findingShown(f *scan.Finding, showSecret bool, maxRunes int) string {
	switch f.Kind {
	case scan.FindingErrorMessage:
		return outcome.TruncateRunes(f.Text, maxRunes)
	case scan.FindingLink, scan.FindingExportLink:
		if showSecret {
			return outcome.TruncateRunes(f.Text, maxRunes)
		}
		return outcome.MaskInput(f.Text, maxRunes)
	}
	return outcome.ShownInput(&f.Result, f.Text, showSecret, maxRunes)
}

// write writes a rendered batch in order: the header before the first, the
// warnings for skipped lines, and with --reply the reply at the end of each
// text.
func (run *scanRun) write(b *scanBatch) error {
	run.stats.Merge(&b.stats)
	w := run.o.IO.Out
	if !run.started {
		run.started = true
		if _, err := w.Write(outputHeader(run.o, run.p, run.cols, run.csvHeader)); err != nil {
			return err
		}
	}
	for _, it := range b.skipped {
		fmt.Fprintf(run.o.IO.ErrOut, "totpkey: warning: %s: line %d is %d bytes long, more than %d: skipped\n",
			sourceName(b.file), it.line, it.length, lines.MaxLineBytes)
	}
	if _, err := w.Write(b.out); err != nil {
		return err
	}
	if !run.o.Reply {
		return nil
	}
	run.replyTotal += len(b.findings)
	run.replyBrokers.Merge(&b.brokers)
	run.replyFacts.Merge(&b.facts)
	for _, f := range b.findings {
		if len(run.replyFindings) < maxReplyFindings {
			run.replyFindings = append(run.replyFindings, f)
		}
	}
	if !b.last {
		return nil
	}
	if run.withFile && len(run.o.Args) > 1 {
		fmt.Fprintf(w, "=== %s ===\n", sourceName(b.file))
	}
	bk := run.o.broker
	if !bk.Known() {
		bk, _ = run.replyBrokers.Broker()
	}
	err := writeScanReply(w, run.replyFindings, &run.replyFacts, bk)
	if len(run.o.Args) > 1 {
		fmt.Fprintln(w)
	}
	run.replyFindings, run.replyTotal, run.replyBrokers = run.replyFindings[:0], 0, broker.Tally{}
	run.replyFacts.Reset()
	return err
}

// batchBroker is the broker the findings of a batch are checked for:
// --broker, else the one broker the batch's lines name (a ticket of a few
// lines is one batch), as the scanner counted them. It keeps the count in
// b.brokers, for the reply to the whole text.
func (run *scanRun) batchBroker(b *scanBatch) broker.Broker {
	b.brokers = *b.scanner.Brokers()
	if run.o.broker.Known() {
		return run.o.broker
	}
	bk, _ := b.brokers.Broker()
	return bk
}

// writeScanReply is validate --scan --reply: the reply to a whole text
// (reply.ForFindings).
func writeScanReply(w io.Writer, findings []scan.Finding, facts *reply.TicketFacts, bk broker.Broker) error {
	_, err := io.WriteString(w, reply.ForFindings(findings, facts, bk))
	return err
}

// tableColumns lays out the text table of findings.
func (run *scanRun) tableColumns() []render.TableColumn {
	where := render.TableColumn{Title: "LINE:COL", Width: 9}
	if run.withFile {
		w := 0
		for _, a := range run.o.Args {
			w = max(w, len(sourceName(a)))
		}
		where = render.TableColumn{Title: "FILE:LINE:COL", Width: min(w, 40) + 12}
	}
	return []render.TableColumn{where,
		{Title: "KIND", Width: len("error-message")},
		{Title: "CLASS", Width: len("malformed")},
		{Title: "FOUND", Width: outcome.MaxShownInput + 1},
		{Title: "TOPIC", Width: len("failed-to-generate-totp")},
		{Title: "RESULT"}}
}

// appendRow appends one finding's table row.
func (run *scanRun) appendRow(dst []byte, file string, f *scan.Finding) []byte {
	where := strconv.Itoa(f.Line) + ":" + strconv.Itoa(f.Column)
	if run.withFile {
		where = sourceName(file) + ":" + where
	}
	dst = render.AppendCell(dst, run.cols[0], where, where)
	dst = render.AppendCell(dst, run.cols[1], string(f.Kind), string(f.Kind))
	class := string(f.Result.Class)
	shownClass := class
	if class == "" {
		shownClass = "-"
	}
	dst = render.AppendCell(dst, run.cols[2], render.ClassColor(run.p, class).Sprint(shownClass), shownClass)
	shown := findingShown(f, run.o.ShowSecret, outcome.MaxShownInput)
	dst = render.AppendCell(dst, run.cols[3], shown, shown)
	dst = render.AppendCell(dst, run.cols[4], f.Result.Topic, f.Result.Topic)
	result := ""
	if f.Kind == scan.FindingErrorMessage {
		result = "Error message"
		if t, ok := docs.Lookup(f.Result.Topic); ok {
			result += ": " + t.Title
		}
	} else {
		result = outcome.Verdict(&f.Result)
	}
	dst = render.AppendCell(dst, run.cols[5], result, "")
	return append(dst, '\n')
}

func (run *scanRun) csvHeader() []string {
	h := []string{}
	if run.withFile {
		h = append(h, "file")
	}
	h = append(h, "line", "column", "kind")
	return render.AppendCSVHeader(h, run.o.ShowSecret)
}

func (run *scanRun) csvRecord(v *view.Result) []string {
	rec := make([]string, 0, 13)
	if run.withFile {
		rec = append(rec, sourceName(v.File))
	}
	rec = append(rec, strconv.Itoa(v.Line), strconv.Itoa(v.Column), v.Kind)
	return render.AppendCSVFields(rec, v, v.Input, run.o.ShowSecret)
}
