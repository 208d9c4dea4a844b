package docs

import "unicode/utf8"

// maxDistanceRunes bounds the strings editDistance compares; longer ones are
// never near misses of a topic name, and the bound keeps the work small.
const maxDistanceRunes = 64

// editDistance is the optimal string alignment distance between a and b:
// the number of single-rune insertions, deletions, substitutions and swaps of
// two neighbours that turn one into the other. Strings longer than
// maxDistanceRunes get a distance larger than any threshold used here.
func editDistance(a, b string) int {
	if utf8.RuneCountInString(a) > maxDistanceRunes || utf8.RuneCountInString(b) > maxDistanceRunes {
		return maxDistanceRunes + 1
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 {
		return len(rb)
	}
	if len(rb) == 0 {
		return len(ra)
	}
	// Three rows: the one before the previous (for swaps), previous, current.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// nearMissDistance is how many edits a query may be away from a topic name
// and still count as a typo of it: one for short names, more for long ones.
func nearMissDistance(runes int) int {
	switch {
	case runes <= 4:
		return 1
	case runes <= 10:
		return 2
	default:
		return 3
	}
}
