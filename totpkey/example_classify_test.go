package totpkey_test

import (
	"fmt"

	"github.com/totpkey/totpkey/totpkey"
)

func ExampleClassify() {
	r := totpkey.Classify("jbsw y3dp ehpk 3pxp")
	fmt.Println(r.Class, r.Format, r.Changes.List())
	fmt.Println(totpkey.Mask(r.Key), r.Bits(), "bits")
	// Output:
	// valid base32 [whitespace lowercase]
	// JBSW•••••••••••• 80 bits
}

func ExampleClassify_oneTimeCode() {
	r := totpkey.Classify("482 913")
	fmt.Println(r.Class, r.Problems[0].ID, r.Topic)
	// Output:
	// code one-time-code one-time-code
}

func ExampleClassify_lookalike() {
	r := totpkey.Classify("JBSW0Y3DPEHPK3PX")
	p := r.Problems[0]
	fmt.Printf("%s at %d: %q, did you mean %s?\n", p.ID, p.Position, p.Char, p.Suggestion)
	// Output:
	// invalid-character at 5: '0', did you mean O?
}

func ExampleMask() {
	fmt.Println(totpkey.Mask("JBSWY3DPEHPK3PXP"))
	// Output:
	// JBSW••••••••••••
}
