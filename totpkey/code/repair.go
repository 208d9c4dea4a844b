package code

import (
	"fmt"
	"time"

	"github.com/totpkey/totpkey/totpkey"
)

// MaxRepairCombinations bounds the look-alike repair: the number of ways to
// read the look-alike characters of one key (two for each 1, one for each
// other look-alike) that Check tries. Twelve digit-1s make 4096; a key
// with more is not repaired.
const MaxRepairCombinations = 4096

// repairSlot is one look-alike character of the draft body and the letters
// it may stand for.
type repairSlot struct {
	problem    int    // index into Result.Problems
	index      int    // index of the 5-bit value in the body
	candidates []byte // base32 letters
}

// repairPlan is a look-alike repair that can be tried: the draft body as
// 5-bit values (look-alike slots left zero) and its slots.
type repairPlan struct {
	values       []byte
	slots        []repairSlot
	combinations int
}

// planRepair finds out whether r's problems are all look-alike characters
// that can be tried; ok is false when any problem is something else, when
// the body would still not be a key, or when there are too many
// combinations.
func planRepair(r *totpkey.Result) (plan repairPlan, ok bool) {
	draft, index := r.LookalikeDraft()
	if draft == "" || len(r.Problems) == 0 {
		return plan, false
	}
	body := []rune(draft)
	plan.values = make([]byte, len(body))
	isSlot := make([]bool, len(body))
	plan.combinations = 1
	for i, p := range r.Problems {
		if p.ID != totpkey.ReasonInvalidCharacter {
			return plan, false
		}
		c := totpkey.LookalikeCandidates(p.Char)
		if len(c) == 0 || index[i] < 0 || index[i] >= len(body) ||
			body[index[i]] != p.Char || isSlot[index[i]] {
			return plan, false
		}
		plan.combinations *= len(c)
		if plan.combinations > MaxRepairCombinations {
			return plan, false
		}
		isSlot[index[i]] = true
		plan.slots = append(plan.slots, repairSlot{problem: i, index: index[i], candidates: c})
	}
	for i, ch := range body {
		if isSlot[i] {
			continue
		}
		v, valid := base32Value(ch)
		if !valid {
			return plan, false // an invalid character that no problem names
		}
		plan.values[i] = v
	}
	if n := len(body); n < totpkey.MinKeyChars || n%8 == 1 || n%8 == 3 || n%8 == 6 {
		return plan, false
	}
	return plan, true
}

// base32Value is the 5-bit value of a base32 letter or digit.
func base32Value(r rune) (byte, bool) {
	switch {
	case r >= 'A' && r <= 'Z':
		return byte(r - 'A'), true
	case r >= '2' && r <= '7':
		return byte(r-'2') + 26, true
	}
	return 0, false
}

// run tries every combination of candidate letters against the code and
// returns the outcome. When exactly one combination produces the code, its
// letters become the problems' confirmed suggestions.
func (plan repairPlan) run(r *totpkey.Result, p Params, code []byte, at time.Time, window int) *totpkey.CodeCheck {
	check := &totpkey.CodeCheck{Period: p.Period, Window: window, RepairsTried: plan.combinations}
	choice := make([]int, len(plan.slots)) // candidate index per slot, odometer style
	var found []int
	foundOffset := 0
	secret := make([]byte, len(plan.values)*5/8)
	counter := timeStep(at, p.Period)
	for range plan.combinations {
		for i, s := range plan.slots {
			v, _ := base32Value(rune(s.candidates[choice[i]]))
			plan.values[s.index] = v
		}
		packBase32(secret, plan.values)
		if offset, ok := newGenerator(secret, p).match(code, counter, window); ok {
			check.RepairMatches++
			if found == nil {
				found = append([]int(nil), choice...)
				foundOffset = offset
			}
		}
		nextChoice(choice, plan.slots)
	}
	if check.RepairMatches != 1 {
		return check
	}
	draft, _ := r.LookalikeDraft()
	repaired := []rune(draft)
	for i, s := range plan.slots {
		letter := rune(s.candidates[found[i]])
		repaired[s.index] = letter
		confirm(&r.Problems[s.problem], letter)
	}
	check.Matched = true
	check.OffsetSteps = foundOffset
	check.RepairedKey = string(repaired)
	return check
}

// confirm marks a look-alike problem as proved by the code: its suggestion
// becomes the one letter that worked, and its message says so.
func confirm(p *totpkey.Problem, letter rune) {
	p.Suggestion = string(letter)
	p.Confirmed = true
	where := "a character"
	if p.Position > 0 {
		where = fmt.Sprintf("character %d", p.Position)
	}
	what, latin := totpkey.CharName(p.Char), "Latin letter"
	if p.Char >= '0' && p.Char <= '9' {
		what, latin = fmt.Sprintf("the digit %c", p.Char), "letter"
	}
	p.Message = fmt.Sprintf("%s is %s: the code you entered confirms it stands for the %s %c", where, what, latin, letter)
}

// nextChoice advances the odometer of candidate choices by one.
func nextChoice(choice []int, slots []repairSlot) {
	for i := range choice {
		choice[i]++
		if choice[i] < len(slots[i].candidates) {
			return
		}
		choice[i] = 0
	}
}

// packBase32 packs 5-bit values into dst, most significant bit first, the
// way base32 decoding does; bits left over at the end are dropped.
func packBase32(dst, values []byte) {
	var acc uint64
	bits := 0
	j := 0
	for _, v := range values {
		acc = acc<<5 | uint64(v)
		bits += 5
		if bits >= 8 {
			bits -= 8
			if j < len(dst) {
				dst[j] = byte(acc >> bits)
				j++
			}
		}
	}
}
