package totpkey

import (
	"crypto/rand"
	"slices"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey/internal/exporttest"
)

// TestChangeMessagesSayWhatWasDone holds each change message to what was
// done to the input: white space only around the key is not "inside the
// key", a full stop at the end is not a dash between groups.
func TestChangeMessagesSayWhatWasDone(t *testing.T) {
	tests := []struct {
		name, input string
		id          ReasonID
		want        string
	}{
		{"spaces inside", "JBSW Y3DP EHPK 3PXP", ChangeWhitespace, "removed spaces, tabs or line breaks inside the key"},
		{"spaces around", "  " + testKey + "\n", ChangeWhitespace, "removed the spaces or line breaks around the key"},
		{"spaces inside and around", " JBSW Y3DP EHPK 3PXP ", ChangeWhitespace, "removed spaces, tabs or line breaks inside the key"},
		{"spaces inside quotes", `" ` + testKey + ` "`, ChangeWhitespace, "removed the spaces or line breaks around the key"},
		{"dashes", "JBSW-Y3DP-EHPK-3PXP", ChangeSeparators, "removed the dashes or dots between groups"},
		{"full stop at the end", testKey + ".", ChangeSeparators, "removed the full stop at the end, which is not part of the key"},
		{"comma at the end", testKey + ",", ChangeSeparators, "removed the comma at the end, which is not part of the key"},
		{"full stop at the start", "." + testKey, ChangeSeparators, "removed the full stop at the start, which is not part of the key"},
		{"dots and a full stop", "JBSW.Y3DP.EHPK.3PXP.", ChangeSeparators, "removed the dashes or dots between groups, and the full stop at the end"},
		{"label", "Key: " + testKey, ChangeLabel, "removed the label in front of the key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Classify(tt.input)
			if r.Class != ClassValid || !r.Changes.Has(tt.id) {
				t.Fatalf("Classify(%q) = %s with changes %v, want valid with %s", tt.input, r.Class, r.Changes.List(), tt.id)
			}
			if got := r.ChangeMessage(tt.id); got != tt.want {
				t.Errorf("message %q, want %q", got, tt.want)
			}
		})
	}
}

// TestChangesListEachIDOnce checks that the details behind a change (white
// space around the key, a full stop) are listed under their id, once.
func TestChangesListEachIDOnce(t *testing.T) {
	r := Classify(" JBSW-Y3DP EHPK-3PXP. ")
	want := []ReasonID{ChangeWhitespace, ChangeSeparators}
	if got := r.Changes.List(); !slices.Equal(got, want) {
		t.Errorf("changes %v, want %v", got, want)
	}
}

// TestNotAKeyHasNoChanges: with no key, there is no cleaning to report.
func TestNotAKeyHasNoChanges(t *testing.T) {
	for _, in := range []string{"de:ad:be:ef:12", `"hello there"`, " my key is lost. ", "Key: hello there", " 482913 "} {
		if r := Classify(in); r.Changes != 0 {
			t.Errorf("Classify(%q) = %s %v with changes %v", in, r.Class, r.Problems, r.Changes.List())
		}
	}
}

// TestBinaryData checks that data that is not text is called binary, with
// the image named when it is one, and not a sentence.
func TestBinaryData(t *testing.T) {
	random := make([]byte, 3000)
	rand.Read(random)
	big := "\x89PNG\r\n\x1a\n" + string(random) + string(random)
	tests := []struct {
		name, input, want string
	}{
		{"PNG", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "this is a PNG image (binary data), not text: to read a QR code in an image use --qr FILE"},
		{"PNG over 4 KiB", big, "this is a PNG image (binary data)"},
		{"JPEG", "\xff\xd8\xff\xe0\x00\x10JFIF", "this is a JPEG image"},
		{"GIF", "GIF87a\x10\x00\x10\x00", "this is a GIF image"},
		{"random bytes", string(random), "this is binary data, not text"},
		{"random bytes over 4 KiB", string(random) + string(random), "this is binary data, not text"},
		{"UTF-16 with a byte order mark", "\xff\xfeJ\x00B\x00S\x00W\x00", "UTF-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Classify(tt.input)
			if r.Format != FormatBinary || !r.HasProblem(ReasonNotAKey) || !strings.Contains(r.Problems[0].Message, tt.want) {
				t.Errorf("Classify = %s %s %v, want binary not-a-key %q", r.Class, r.Format, r.Problems, tt.want)
			}
		})
	}
	// A stray control character in a key is a character to point at.
	for _, in := range []string{"JBSWY3DP\x00EHPK3PX", "JBSWY3DPEHPK3PX\x7f", "caf\xe9 au lait"} {
		if r := Classify(in); r.Format == FormatBinary {
			t.Errorf("Classify(%q) is binary", in)
		}
	}
}

// TestKeyAndCode: a key and a one-time code pasted together name both,
// with the key found and the position of the code.
func TestKeyAndCode(t *testing.T) {
	tests := []struct {
		input, want string
		position    int
	}{
		{testKey + " 482913", "this is a TOTP Key followed by a 6-digit one-time code: paste only the key, without the code", 18},
		{testKey + "\t4829137", "this is a TOTP Key followed by a 7-digit one-time code", 18},
		{"48291375  " + testKey, "this is a TOTP Key preceded by an 8-digit one-time code", 1},
		{"Key: " + testKey + " 482913", "followed by a 6-digit one-time code", 23},
		{"JBSW Y3DP EHPK 3PXP 482 913", "this is a TOTP Key followed by a 6-digit one-time code", 21},
		{"482 913 JBSW Y3DP EHPK 3PXP", "this is a TOTP Key preceded by a 6-digit one-time code", 1},
		{"JBSW Y3DP EHPK 3PXP 48 2913", "", 0},
	}
	for _, tt := range tests {
		r := Classify(tt.input)
		if tt.want == "" {
			if r.HasProblem(ReasonKeyWithCode) {
				t.Errorf("Classify(%q) = %v, want no key-with-code", tt.input, r.Problems)
			}
			continue
		}
		if r.Class != ClassMalformed || r.Key != testKey || len(r.Problems) != 1 || r.Topic != string(ReasonKeyWithCode) {
			t.Fatalf("Classify(%q) = %s %v key %q topic %q", tt.input, r.Class, r.Problems, r.Key, r.Topic)
		}
		p := r.Problems[0]
		if p.ID != ReasonKeyWithCode || !strings.Contains(p.Message, tt.want) || p.Position != tt.position {
			t.Errorf("Classify(%q) problem %+v, want %q at %d", tt.input, p, tt.want, tt.position)
		}
		if r.Class != ClassMalformed {
			t.Errorf("class %s, want malformed", r.Class)
		}
	}
}

// TestSettingsWarnings: a link whose account makes other codes than the
// key alone gives (8 digits, 60 seconds, SHA256) is valid, with a warning
// for each setting, and exit code 0.
func TestSettingsWarnings(t *testing.T) {
	link := "otpauth://totp/X?secret=" + testKey
	tests := []struct {
		name, input string
		want        []ReasonID
	}{
		{"defaults left out", link, nil},
		{"defaults written", link + "&digits=6&period=30&algorithm=SHA1", nil},
		{"8 digits", link + "&digits=8", []ReasonID{WarningNonDefaultDigits}},
		{"60 seconds", link + "&period=60", []ReasonID{WarningNonDefaultPeriod}},
		{"SHA256", link + "&algorithm=sha256", []ReasonID{WarningNonDefaultAlgorithm}},
		{"all three", link + "&digits=8&period=60&algorithm=SHA256", WarningIDs()[:3]},
		{"HOTP", "otpauth://hotp/X?secret=" + testKey + "&digits=8", nil},
		{"bare key", testKey, nil},
		{"8-digit export account", exporttest.Link(exporttest.Payload(1, 0, 1, exporttest.Account{Secret: exporttest.Secret20, Digits: 2})), []ReasonID{WarningNonDefaultDigits}},
		{"SHA512 export account", exporttest.Link(exporttest.Payload(1, 0, 1, exporttest.Account{Secret: exporttest.Secret20, Algorithm: 3})), []ReasonID{WarningNonDefaultAlgorithm}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Classify(tt.input)
			var ids []ReasonID
			for _, w := range r.Warnings {
				ids = append(ids, w.ID)
				if w.Message == "" || strings.Contains(w.Message, testKey[4:]) {
					t.Errorf("warning %s message %q", w.ID, w.Message)
				}
			}
			if !slices.Equal(ids, tt.want) {
				t.Errorf("warnings %v, want %v", ids, tt.want)
			}
			if len(tt.want) > 0 && r.Class != ClassValid {
				t.Errorf("class %s, want valid", r.Class)
			}
		})
	}
	r := Classify(link + "&digits=8&period=60&algorithm=SHA256")
	for i, want := range []string{"8-digit codes", "every 60 seconds", "SHA256 algorithm"} {
		if !strings.Contains(r.Warnings[i].Message, want) || !strings.Contains(r.Warnings[i].Message, "AutoTrader Web") {
			t.Errorf("warning %q, want it to name %q and AutoTrader Web", r.Warnings[i].Message, want)
		}
	}
}

// TestLinkMessages: a link that cannot be read says what is wrong with it
// in words, not with an empty quoted type.
func TestLinkMessages(t *testing.T) {
	tests := []struct{ input, want string }{
		{"otpauth:/totp/X?secret=" + testKey, `the otpauth link is missing the "//" after "otpauth:"`},
		{"otpauth:totp/X?secret=" + testKey, `the otpauth link is missing the "//" after "otpauth:"`},
		{"otpauth:///X?secret=" + testKey, "the otpauth link has no type"},
		{"otpauth://steam/X?secret=" + testKey, `the otpauth link is of type "steam"`},
	}
	for _, tt := range tests {
		r := Classify(tt.input)
		if !r.HasProblem(ReasonBadURI) || !strings.HasPrefix(r.Problems[0].Message, tt.want) || strings.Contains(r.Problems[0].Message, `""`) {
			t.Errorf("Classify(%q) = %v, want bad-uri %q", tt.input, r.Problems, tt.want)
		}
	}
}

// TestMessagesWriteTOTPKey: messages write "TOTP Key" as the help article
// does, never "TOTP key".
func TestMessagesWriteTOTPKey(t *testing.T) {
	inputs := []string{
		"otpauth://hotp/X?secret=" + testKey, "JBSW0Y3DPEHPK3PX", "JBSWY3DP", testKey + "A", "2345234523452345",
		"hello there", "482913", "48656c6c6f21deadbeef", "my totp is not working", "\x89PNG\r\n\x1a\n",
		exporttest.Link(exporttest.Payload(1, 0, 1, exporttest.Account{Secret: exporttest.Secret20, Type: 1})), testKey + " 482913",
		"otpauth://totp/X?secret=" + testKey + "&digits=8&period=60&algorithm=SHA256",
	}
	for _, in := range inputs {
		r := Classify(in)
		var msgs []string
		for _, p := range r.Problems {
			msgs = append(msgs, p.Message)
		}
		for _, w := range r.Warnings {
			msgs = append(msgs, w.Message)
		}
		for _, m := range msgs {
			if strings.Contains(m, "TOTP key") {
				t.Errorf("Classify(%q): message %q writes \"TOTP key\"", in, m)
			}
		}
	}
}

// TestBatchIndexCountsFromZero pins what Batch.Index means: the second of
// three codes is Index 1, described as "QR 2 of 3".
func TestBatchIndexCountsFromZero(t *testing.T) {
	r := Classify(exporttest.Link(exporttest.Payload(3, 1, 7, exporttest.Account{Secret: exporttest.Secret20})))
	if r.Batch.Index != 1 || r.Batch.Size != 3 || r.Batch.Describe() != "QR 2 of 3 of your export" {
		t.Errorf("batch %+v described %q", r.Batch, r.Batch.Describe())
	}
}
