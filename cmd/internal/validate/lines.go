package validate

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/totpkey/totpkey/cmd/internal/cmdutil"
	"github.com/totpkey/totpkey/cmd/internal/iostreams"
	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/cmd/internal/render"
	"github.com/totpkey/totpkey/cmd/internal/reply"
	"github.com/totpkey/totpkey/cmd/internal/view"
	"github.com/totpkey/totpkey/totpkey/lines"

	"github.com/totpkey/totpkey/totpkey"
)

// lineBatch is a run of input lines on their way through the pipeline:
// read, classified and rendered, then written in order.
type lineBatch struct {
	lineBuffer
	keeps []string
	out   []byte
	stats render.TriageStats
}

func resetLineBatch(b *lineBatch) {
	b.lineBuffer.Reset()
	b.keeps, b.out = b.keeps[:0], b.out[:0]
	b.stats.Reset()
}

// linesRun is one run of validate --lines.
type linesRun struct {
	o        *ValidateOptions
	p        render.Palette
	withFile bool
	keep     []string // --keep column names
	cols     []render.TableColumn
	stats    render.TriageStats
	started  bool
	// csvErrs are what could not be read as written in CSV input (an
	// unclosed quote, a header too long): the run goes on, and ends with
	// exit 1 as for a file that cannot be read.
	csvErrs        []error
	csvErrMore     int  // errors past maxCSVErrors, counted only
	unclosedQuotes bool // one of them is an unclosed quote
}

// maxCSVErrors is how many CSV errors a run names; the rest are counted.
const maxCSVErrors = 20

// csvError records a CSV error of a run.
func (run *linesRun) csvError(err error) {
	if len(run.csvErrs) == maxCSVErrors {
		run.csvErrMore++
		return
	}
	run.csvErrs = append(run.csvErrs, err)
}

// RunLines is validate --lines: every line of the files (or of standard
// input) is one input with one result, blank lines included. With
// --column the input is CSV and the named column is classified.
func RunLines(o *ValidateOptions) error {
	defer tuneGC(o.IO)()
	if len(o.Keep) > 0 && o.Column == "" {
		return cmdutil.UsageErrorf("as in: totpkey validate --lines --column key --keep ticket tickets.csv",
			"--keep carries CSV columns: it goes with --column")
	}
	run := &linesRun{o: o, p: render.NewPalette(o.IO.Color), withFile: len(o.Args) > 0, keep: cleanNames(o.Keep)}
	run.cols = run.tableColumns()
	pipe := newOrderedPipeline(
		func() *lineBatch { return &lineBatch{lineBuffer: newLineBuffer()} },
		resetLineBatch, run.render, run.write)
	err := readSources(o, pipe, func(name string, r io.Reader, progress *iostreams.ProgressBar) error {
		if o.Column != "" {
			return run.readCSV(pipe, name, r, progress)
		}
		return run.readLines(pipe, name, r, progress)
	})
	// Files that could not be read do not stop the run: the summary counts
	// the others, and the run then ends with exit 1, whatever the results,
	// since not every input was checked.
	var unreadable *unreadableError
	if err != nil && !errors.As(err, &unreadable) {
		return err
	}
	nothingRead := unreadable != nil && len(unreadable.errs) == len(o.Args) || run.stats.Total == 0 && len(run.csvErrs) > 0
	if o.Output == "text" && !o.Reply && !nothingRead {
		noun := "line"
		if o.Column != "" {
			noun = "row"
		}
		render.WriteSummary(o.IO.Out, run.p, &run.stats, noun)
	}
	if len(run.csvErrs) > 0 {
		return run.csvFailure(unreadable)
	}
	if unreadable != nil {
		return err
	}
	return cmdutil.ExitWith(run.stats.ExitCode)
}

// csvFailure is the exit 1 of a run whose CSV input was not all as
// written, with the files that could not be read, if any: an error line
// for each.
func (run *linesRun) csvFailure(unreadable *unreadableError) error {
	var errs []error
	if unreadable != nil {
		errs = append(errs, unreadable.errs...)
	}
	errs = append(errs, run.csvErrs...)
	if run.csvErrMore > 0 {
		errs = append(errs, fmt.Errorf("…and %s more", outcome.Plural(run.csvErrMore, "CSV error")))
	}
	var hints []string
	if run.unclosedQuotes {
		hints = append(hints, "close the quote in the file, or double it (\"\") to keep it as a character, and run again")
	}
	return cmdutil.Failure(&unreadableError{errs: errs}, hints...)
}

// tuneGC lets the heap grow four times the live data before a collection
// instead of twice (GOGC=400), under a soft limit of 48 MiB: a run keeps
// only a few batches alive, so this trades a few megabytes for a quarter
// of the collector's work. It does nothing when the user set GOGC or
// GOMEMLIMIT, or when the heap is already big (the command running inside
// a larger program, such as a test), where the limit would make the
// collector run all the time. The returned function restores the settings.
func tuneGC(streams *iostreams.IOStreams) (restore func()) {
	if streams.Env == nil || streams.Env("GOGC") != "" || streams.Env("GOMEMLIMIT") != "" {
		return func() {}
	}
	// runtime.ReadMemStats, not runtime/metrics: importing that package
	// builds its table of descriptions when any command starts.
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	if m.HeapAlloc > 16<<20 {
		return func() {}
	}
	percent := debug.SetGCPercent(400)
	limit := debug.SetMemoryLimit(48 << 20)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// forEachSource calls read for standard input (no file arguments, or "-")
// and for each file in turn. A file that cannot be opened, or is a
// directory, does not stop the run: the other files are read, and
// forEachSource then returns an *unreadableError (exit 1) naming each file
// it could not read. An error of read stops the run.
func forEachSource(o *ValidateOptions, read func(name string, r io.Reader) error) error {
	if len(o.Args) == 0 {
		return read("", o.IO.In)
	}
	var unreadable unreadableError
	for _, name := range o.Args {
		if name == "-" {
			if err := read("-", o.IO.In); err != nil {
				return err
			}
			continue
		}
		f, err := openSource(name)
		if err != nil {
			unreadable.errs = append(unreadable.errs, err)
			continue
		}
		err = read(name, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	if len(unreadable.errs) > 0 {
		hint := "the other files were read: their results are above"
		if len(unreadable.errs) == len(o.Args) {
			hint = "check the file names"
		}
		return cmdutil.Failure(&unreadable, hint)
	}
	return nil
}

// openSource opens a file named on the command line, in the project's
// words when it cannot: "cannot read nope.txt: no such file".
func openSource(name string) (*os.File, error) {
	f, err := os.Open(name)
	if err == nil {
		info, serr := f.Stat()
		switch {
		case serr != nil:
			f.Close()
			err = serr
		case info.IsDir():
			f.Close()
			return nil, fmt.Errorf("cannot read %s: it is a directory", name)
		default:
			return f, nil
		}
	}
	why := err.Error()
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = "no such file"
	case errors.Is(err, fs.ErrPermission):
		why = "permission denied"
	case errors.As(err, &pe):
		why = pe.Err.Error()
	}
	return nil, fmt.Errorf("cannot read %s: %s", name, why)
}

// unreadableError is the files of a --lines or --scan run that could not
// be read; report prints one error line for each.
type unreadableError struct{ errs []error }

func (e *unreadableError) Error() string { return errors.Join(e.errs...).Error() }

func (e *unreadableError) Unwrap() []error { return e.errs }

// readLines reads plain lines into batches.
func (run *linesRun) readLines(pipe *orderedPipeline[lineBatch], name string, r io.Reader, progress *iostreams.ProgressBar) error {
	lr := lines.NewLineReader(r, 0)
	file := outcome.MaskArg(name) // shown in every row of every batch: a file can be named after a key
	b := pipe.Batch()
	b.file = file
	for lr.Next() {
		l := lr.Line()
		if addLine(&b.lineBuffer, lineItem{line: l.Number, tooLong: l.TooLong, length: l.Length}, l.Text) {
			progress.Update(name, lr.BytesRead())
			if err := pipe.Send(b); err != nil {
				return nil // the writer failed: Close reports it
			}
			b = pipe.Batch()
			b.file = file
		}
	}
	progress.Update(name, lr.BytesRead())
	pipe.Send(b)
	if err := lr.Err(); err != nil {
		return cmdutil.Failure(fmt.Errorf("reading %s: %w", sourceName(name), err))
	}
	return nil
}

// readCSV reads CSV records into batches: the --column value as the input
// and the --keep values beside it. The first record names the columns.
func (run *linesRun) readCSV(pipe *orderedPipeline[lineBatch], name string, r io.Reader, progress *iostreams.ProgressBar) error {
	cr := lines.NewCSVReader(r, 0)
	if !cr.Next() {
		if err := cr.Err(); err != nil {
			return cmdutil.Failure(fmt.Errorf("reading %s: %w", sourceName(name), err))
		}
		return nil // an empty file: nothing to classify
	}
	header := cr.Record()
	if header.TooLong {
		run.csvError(fmt.Errorf("%s: cannot read the column names: the first line is %d bytes long, more than the %d KiB a line may have",
			sourceName(name), header.Length, lines.MaxLineBytes>>10))
		return nil
	}
	run.checkQuote(name, header)
	column, keep, err := run.columnIndexes(header.Fields, sourceName(name))
	if err != nil {
		return err
	}
	file := outcome.MaskArg(name) // shown in every row of every batch: a file can be named after a key
	b := pipe.Batch()
	b.file = file
	for cr.Next() {
		rec := cr.Record()
		run.checkQuote(name, rec)
		it := lineItem{line: rec.Line, keep: len(b.keeps), tooLong: rec.TooLong, length: rec.Length}
		for _, k := range keep {
			b.keeps = append(b.keeps, field(rec.Fields, k))
		}
		if addLine(&b.lineBuffer, it, field(rec.Fields, column)) {
			progress.Update(name, cr.BytesRead())
			if err := pipe.Send(b); err != nil {
				return nil
			}
			b = pipe.Batch()
			b.file = file
		}
	}
	progress.Update(name, cr.BytesRead())
	pipe.Send(b)
	if err := cr.Err(); err != nil {
		return cmdutil.Failure(fmt.Errorf("reading %s: %w", sourceName(name), err))
	}
	return nil
}

// checkQuote records an unclosed quote of a CSV record as an error of the
// run, with the line where it opened.
func (run *linesRun) checkQuote(name string, rec lines.CSVRecord) {
	if rec.UnclosedQuote {
		run.unclosedQuotes = true
		run.csvError(fmt.Errorf("%s: line %d: a quoted field opens here and is never closed; "+
			"its quote was read as a character and the lines after it as rows of their own", sourceName(name), rec.Line))
	}
}

// columnIndexes finds --column and the --keep columns in a CSV header.
// Names match exactly or, failing that, ignoring case and surrounding
// space; a byte order mark before the first name is ignored.
func (run *linesRun) columnIndexes(header []string, source string) (int, []int, error) {
	names := make([]string, len(header))
	for i, h := range header {
		names[i] = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
	}
	find := func(want string) int {
		for i, n := range names {
			if n == want {
				return i
			}
		}
		for i, n := range names {
			if strings.EqualFold(n, strings.TrimSpace(want)) {
				return i
			}
		}
		return -1
	}
	shown := make([]string, len(names))
	for i, n := range names {
		// A file without a header row names its columns with the values
		// of its first record: a key among them is masked.
		shown[i] = outcome.MaskKeyLike(n, run.o.ShowSecret)
	}
	hint := "the first line of " + source + " names the columns: " + strings.Join(shown, ", ")
	column := find(run.o.Column)
	if column < 0 {
		return 0, nil, cmdutil.UsageErrorf(hint, "--column %q: no such column in %s", run.o.Column, source)
	}
	keep := make([]int, len(run.keep))
	for i, k := range run.keep {
		if keep[i] = find(k); keep[i] < 0 {
			return 0, nil, cmdutil.UsageErrorf(hint, "--keep %q: no such column in %s", k, source)
		}
	}
	return column, keep, nil
}

func field(fields []string, i int) string {
	if i < len(fields) {
		return fields[i]
	}
	return ""
}

// cleanNames trims the --keep names.
func cleanNames(names []string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

func sourceName(name string) string {
	if name == "" || name == "-" {
		return "standard input"
	}
	return name
}

// render classifies a batch and renders its output, in a worker. One view
// and its storage serve every line of the batch.
func (run *linesRun) render(b *lineBatch) {
	o := run.o
	var csvBuf bytes.Buffer
	var v view.Result
	var st view.Storage
	// One copy of the batch's text as a string, whose lines are the
	// inputs: no copy (and no allocation) for each line.
	text := string(b.data)
	for k := range b.items {
		it := &b.items[k]
		input := text[it.off:it.end]
		var r totpkey.Result
		if it.tooLong {
			r = cmdutil.TooLongResult(it.length)
		} else {
			r = totpkey.Classify(input)
			r.ApplyBroker(o.broker)
		}
		b.stats.Add(&r)
		keeps := b.keeps[it.keep : it.keep+len(run.keep)]
		var facts *reply.TicketFacts
		if o.Reply && len(keeps) > 0 {
			// The kept columns of a ticket export (its message, say) are
			// the ticket: the reply answers them too. Read before masking;
			// the facts never carry a secret into the reply.
			facts = reply.FactsOfColumns(keeps)
		}
		if !o.ShowSecret {
			// A kept column may hold a key too (a message quoting it, the
			// key pasted twice): every output shows it masked.
			for i := range keeps {
				keeps[i] = outcome.MaskArg(keeps[i])
			}
		}
		switch {
		case o.Reply:
			b.out = run.appendReply(b.out, b.file, it.line, keeps, r, input, facts)
		case o.Output == "json":
			view.Fill(&v, &r, o.ShowSecret, &st)
			v.File, v.Line = b.file, it.line
			if len(run.keep) > 0 {
				v.Columns = make(map[string]string, len(run.keep))
				for i, name := range run.keep {
					v.Columns[name] = keeps[i]
				}
			}
			b.out = view.AppendJSONInput(b.out, &v, input, true)
		case o.Output == "csv":
			view.Fill(&v, &r, o.ShowSecret, &st)
			csvBuf.Reset()
			render.CsvLine(&csvBuf, run.csvRecord(b.file, it.line, keeps, &v, outcome.MaskInput(input, 1<<20)))
			b.out = append(b.out, csvBuf.Bytes()...)
		default:
			b.out = run.appendRow(b.out, b.file, it.line, keeps, &r, input)
		}
	}
}

// appendReply is appendReplyBlock for a result passed by value: the reply
// keeps a pointer to its result, which moves that result to the heap, and
// render's own result, used for every line, stays on the stack.
func (run *linesRun) appendReply(dst []byte, file string, line int, keeps []string, r totpkey.Result, input string, facts *reply.TicketFacts) []byte {
	return run.appendReplyBlock(dst, file, line, keeps, &r, input, facts)
}

// write writes a rendered batch, in order, with the table or CSV header
// before the first.
func (run *linesRun) write(b *lineBatch) error {
	run.stats.Merge(&b.stats)
	if !run.started {
		run.started = true
		if _, err := run.o.IO.Out.Write(outputHeader(run.o, run.p, run.cols, run.csvHeader)); err != nil {
			return err
		}
	}
	_, err := run.o.IO.Out.Write(b.out)
	return err
}

// outputHeader is what --lines and --scan write before their first
// result: the CSV header or the table's; nothing for JSON and replies.
func outputHeader(o *ValidateOptions, p render.Palette, cols []render.TableColumn, csvHeader func() []string) []byte {
	switch {
	case o.Reply, o.Output == "json":
		return nil
	case o.Output == "csv":
		var buf bytes.Buffer
		render.CsvLine(&buf, csvHeader())
		return buf.Bytes()
	}
	return render.AppendTableHeader(nil, p, cols)
}

// tableColumns lays out the text table: where, the kept columns, class,
// input, topic and the verdict.
func (run *linesRun) tableColumns() []render.TableColumn {
	where := render.TableColumn{Title: "LINE", Width: 6, Right: true}
	if run.withFile {
		w := 0
		for _, a := range run.o.Args {
			w = max(w, len(sourceName(a)))
		}
		where = render.TableColumn{Title: "FILE:LINE", Width: min(w, 40) + 7}
	}
	cols := []render.TableColumn{where}
	for _, k := range run.keep {
		cols = append(cols, render.TableColumn{Title: strings.ToUpper(k), Width: min(max(len(k), 10), 20)})
	}
	return append(cols,
		render.TableColumn{Title: "CLASS", Width: len("malformed")},
		render.TableColumn{Title: "INPUT", Width: outcome.MaxShownInput + 1},
		render.TableColumn{Title: "TOPIC", Width: len("failed-to-generate-totp")},
		render.TableColumn{Title: "RESULT"})
}

// appendRow appends one table row.
func (run *linesRun) appendRow(dst []byte, file string, line int, keeps []string, r *totpkey.Result, input string) []byte {
	where := strconv.Itoa(line)
	if run.withFile {
		where = sourceName(file) + ":" + where
	}
	c := 0
	dst = render.AppendCell(dst, run.cols[c], where, where)
	for _, k := range keeps {
		c++
		shown := outcome.TruncateRunes(printable(k), run.cols[c].Width-1)
		dst = render.AppendCell(dst, run.cols[c], shown, shown)
	}
	class := string(r.Class)
	dst = render.AppendCell(dst, run.cols[c+1], render.ClassColor(run.p, class).Sprint(class), class)
	shown := outcome.ShownInput(r, input, run.o.ShowSecret, outcome.MaxShownInput)
	dst = render.AppendCell(dst, run.cols[c+2], shown, shown)
	dst = render.AppendCell(dst, run.cols[c+3], r.Topic, r.Topic)
	dst = render.AppendCell(dst, run.cols[c+4], outcome.Verdict(r), "")
	return append(dst, '\n')
}

// printable replaces control characters in a kept CSV value.
func printable(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || totpkey.Invisible(r) {
			return '·'
		}
		return r
	}, s)
}

// csvHeader and csvRecord are the CSV output's columns.
func (run *linesRun) csvHeader() []string {
	h := []string{}
	if run.withFile {
		h = append(h, "file")
	}
	h = append(h, "line")
	h = append(h, run.keep...)
	return render.AppendCSVHeader(h, run.o.ShowSecret)
}

func (run *linesRun) csvRecord(file string, line int, keeps []string, v *view.Result, input string) []string {
	rec := make([]string, 0, 12+len(keeps))
	if run.withFile {
		rec = append(rec, sourceName(file))
	}
	rec = append(rec, strconv.Itoa(line))
	rec = append(rec, keeps...)
	return render.AppendCSVFields(rec, v, input, run.o.ShowSecret)
}
