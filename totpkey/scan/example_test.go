package scan_test

import (
	"fmt"
	"strings"

	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/lines"
	"github.com/totpkey/totpkey/totpkey/scan"
)

func ExampleScan() {
	ticket := "Hi team,\n" +
		"I entered 482913 in the TOTP key box and it still says Failed to generate TOTP.\n" +
		"My broker shows: PFYQ RH5L 7EKN 2XQA\n" +
		"Thanks, client id AB1234, phone +91 98765 43210"
	for _, f := range scan.Scan(ticket) {
		shown := f.Text
		if f.Kind != scan.FindingErrorMessage {
			shown = totpkey.Mask(f.Text) // keys are secrets
		}
		fmt.Printf("%d:%d %s %q %s %s\n", f.Line, f.Column, f.Kind, shown, f.Result.Class, f.Result.Topic)
	}
	// Output:
	// 2:11 code "482•••" code one-time-code
	// 2:56 error-message "Failed to generate TOTP"  failed-to-generate-totp
	// 3:18 key "PFYQ •••• •••• ••••" valid cleaned-key
}

func ExampleLineReader() {
	input := "JBSWY3DPEHPK3PXP\r\n\r\n" + strings.Repeat("x", 100) + "\n482913"
	lr := lines.NewLineReader(strings.NewReader(input), 64)
	for lr.Next() {
		l := lr.Line()
		if l.TooLong {
			fmt.Printf("%d: too long (%d bytes)\n", l.Number, l.Length)
			continue
		}
		r := totpkey.Classify(string(l.Text))
		fmt.Printf("%d: %s\n", l.Number, r.Class)
	}
	if err := lr.Err(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 1: valid
	// 2: malformed
	// 3: too long (100 bytes)
	// 4: code
}
