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
