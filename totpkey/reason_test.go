package totpkey

import (
	"math/rand/v2"
	"testing"
)

// TestEachChange holds EachChange, the one pass over the bits that writers
// of many results use, to the id-by-id reading (ChangeIDs, Has,
// ChangeMessage) for every set of change bits, detail bits included.
func TestEachChange(t *testing.T) {
	const allBits = changeCommaStart<<1 - 1
	rng := rand.New(rand.NewPCG(1, 2))
	sets := []Changes{0, allBits, changeSpaceAround, changeStopEnd, changeSeparators | changeCommaStart, changeURI}
	for range 5000 {
		sets = append(sets, Changes(rng.Uint32())&allBits)
	}
	for _, c := range sets {
		for _, format := range []Format{FormatBase32, FormatMigration} {
			r := Result{Changes: c, Format: format}
			var want, got []string
			for _, id := range ChangeIDs() {
				if c.Has(id) {
					want = append(want, string(id)+": "+r.ChangeMessage(id))
				}
			}
			for id, message := range r.EachChange {
				got = append(got, string(id)+": "+message)
			}
			if len(got) != len(want) {
				t.Fatalf("changes %#x, %s: EachChange gives %q, want %q", uint32(c), format, got, want)
			}
			for i := range want {
				if got[i] != want[i] {
					t.Fatalf("changes %#x, %s: EachChange gives %q, want %q", uint32(c), format, got, want)
				}
			}
		}
	}
	// The loop stops when yield says so.
	n := 0
	r := Result{Changes: allBits}
	for range r.EachChange {
		n++
		break
	}
	if n != 1 {
		t.Errorf("EachChange went on after yield returned false: %d calls", n)
	}
}
