package totpkey

import "testing"

// The inputs people most often paste: a clean key, and a key as brokers
// show it (groups of four, lower case).
var benchInputs = []struct{ name, input string }{
	{"clean", "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA"},
	{"grouped", "krug kidr ovuw g2za mjzg 653o ebtg 66ba"},
	{"code", "482913"},
	{"lookalike", "JBSW0Y3DPEHPK3PX"},
}

// benchMixedInputs are the other kinds of line in the mixed file of
// bench/lines/gen, one of each.
var benchMixedInputs = []struct{ name, input string }{
	{"upper-grouped", "KRUG KIDR OVUW G2ZA MJZG 653O EBTG 66BA"},
	{"empty", ""},
	{"short", "KRUGKIDROV"},
	{"twice", "KRUGKIDROVUWG2ZAKRUGKIDROVUWG2ZA"},
	{"hex", "3132333435363738393031323334353637383930"},
	{"otpauth", "otpauth://totp/Broker:AB1234?secret=KRUGKIDROVUWG2ZAMJZG653OEBTG66BA&issuer=Broker"},
	{"email", "trader1234@example.com"},
	{"prose", "my totp is not working please help"},
}

func BenchmarkClassify(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Classify(in.input)
			}
		})
	}
}

// BenchmarkClassifyMixed covers the rest of a --lines export.
func BenchmarkClassifyMixed(b *testing.B) {
	for _, in := range benchMixedInputs {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Classify(in.input)
			}
		})
	}
}
