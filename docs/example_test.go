package docs_test

import (
	"fmt"

	"github.com/totpkey/totpkey/docs"
)

func ExampleLookup() {
	// Ids, aliases and reason ids; case and punctuation do not matter.
	for _, name := range []string{"Invalid Character", "whitespace", "hotp"} {
		t, ok := docs.Lookup(name)
		fmt.Println(ok, t.ID)
	}
	// Output:
	// true invalid-character
	// true cleaned-key
	// true not-totp
}

func ExampleResolve() {
	for _, q := range []string{
		"Error: failed to generate TOTP!",
		"my broker doesn't show the key any more",
		"invalid-charcter",
	} {
		r := docs.Resolve(q)
		if r.Found() {
			fmt.Printf("%s (by %s)\n", r.Best().ID, r.Matches[0].By)
			continue
		}
		fmt.Printf("did you mean %s?\n", r.DidYouMean[0].ID)
	}
	// Output:
	// failed-to-generate-totp (by error)
	// broker-hides-key (by words)
	// did you mean invalid-character?
}

func ExampleAll() {
	for _, t := range docs.All()[:3] {
		fmt.Printf("%-12s %s\n", t.ID, t.Title)
	}
	// Output:
	// bad-length   A character is missing or extra
	// bad-padding  An = sign in the middle of the key
	// bad-uri      The otpauth link cannot be read
}

func ExampleTopic_Blocks() {
	t, _ := docs.Lookup("edit-and-save")
	for _, b := range t.Blocks() {
		if b.Kind == docs.Step {
			fmt.Printf("%d. %.40s\n", b.Number, b.Text)
		}
	}
	// Output:
	// 1. Go to menu (Accounts -> Trading Accounts
	// 2. Click the small EDIT icon next to your t
	// 3. If you are not sure where to find the ke
	// 4. Paste the TOTP Key into the TOTP Key fie
	// 5. Click Validate & Save.
}
