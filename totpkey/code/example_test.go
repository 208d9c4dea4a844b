package code_test

import (
	"fmt"
	"time"

	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/code"
)

func ExampleNewGenerator() {
	// The SHA1 seed of RFC 6238, "12345678901234567890", in base32.
	g, err := code.NewGenerator("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", code.Params{Digits: 8})
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Unix(1111111109, 0)
	fmt.Println(g.Code(at), "valid for", g.ValidFor(at))
	fmt.Println("next:", g.Code(at.Add(g.ValidFor(at))))
	// Output:
	// 07081804 valid for 1s
	// next: 14050471
}

func ExampleCheck() {
	r := totpkey.Classify("jbsw y3dp ehpk 3pxp")
	// The code the app showed in the previous 30 seconds: typed in late.
	at := time.Unix(1782292500, 0)
	if err := code.Check(&r, "223 749", at, code.DefaultWindow); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.CodeCheck.Matched, r.CodeCheck.OffsetSteps)

	if err := code.Check(&r, "000000", at, code.DefaultWindow); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.CodeCheck.Matched, r.Topic)
	// Output:
	// true -1
	// false code-mismatch
}

func ExampleCheck_repair() {
	// A hand copy with the digit 1 where the key has a letter: I or L?
	r := totpkey.Classify("JBSWY3DPEHPK3PXPA1ICE234")
	fmt.Printf("%s: %s\n", r.Problems[0].ID, r.Problems[0].Suggestion)

	// The code the app showed a moment ago tells.
	at := time.Unix(1782292500, 0)
	if err := code.Check(&r, "483603", at, code.DefaultWindow); err != nil {
		fmt.Println(err)
		return
	}
	p := r.Problems[0]
	fmt.Printf("character %d is %s (confirmed %v)\n", p.Position, p.Suggestion, p.Confirmed)
	fmt.Println(totpkey.Mask(r.CodeCheck.RepairedKey), r.CodeCheck.OffsetSteps)
	fmt.Println(r.Class)
	// Output:
	// invalid-character: I or L
	// character 18 is L (confirmed true)
	// JBSW•••••••••••••••••••• -1
	// malformed
}

func ExampleParseTime() {
	for _, s := range []string{"2026-06-24T14:45:00+05:30", "1782292500"} {
		t, err := code.ParseTime(s)
		fmt.Println(t.Unix(), err)
	}
	// Output:
	// 1782292500 <nil>
	// 1782292500 <nil>
}
