package validate

// Batches of lines handed to the workers: big enough that hand-over costs
// nothing per line, small enough that pipelineDepth of them stay a few
// megabytes.
const (
	BatchLines = 4096
	batchBytes = 256 << 10
)

// lineItem is one input line (or CSV record) of a batch.
type lineItem struct {
	line     int
	off, end int // the input in lineBuffer.data
	keep     int // index of its first kept column value in lineBatch.keeps
	tooLong  bool
	length   int64
}

// lineBuffer holds the lines of one batch of --lines or --scan: their text
// end to end in data, and where each one is in items. lineBatch and
// scanBatch embed it.
type lineBuffer struct {
	file  string // the file the lines come from; "-" for standard input
	data  []byte
	items []lineItem
}

// newLineBuffer returns a buffer with room for a full batch of text.
func newLineBuffer() lineBuffer {
	return lineBuffer{data: make([]byte, 0, batchBytes)}
}

// addLine appends a line to b: its text to data and it, with its place in
// data, to items. It reports whether the batch is now full and should be
// sent. (A function, not a method, to take text as a string or bytes.)
func addLine[T string | []byte](b *lineBuffer, it lineItem, text T) (full bool) {
	it.off = len(b.data)
	b.data = append(b.data, text...)
	it.end = len(b.data)
	b.items = append(b.items, it)
	return len(b.items) >= BatchLines || len(b.data) >= batchBytes
}

// Reset empties the buffer for reuse, keeping its memory.
func (b *lineBuffer) Reset() {
	b.file, b.data, b.items = "", b.data[:0], b.items[:0]
}
