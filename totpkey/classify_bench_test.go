package totpkey

import (
	"encoding/base32"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/totpkey/totpkey/totpkey/broker"
)

// The inputs people most often paste: a clean key, and a key as brokers
// show it (groups of four, lower case).
var benchInputs = []struct{ name, input string }{
	{"clean", "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA"},
	{"grouped", "krug kidr ovuw g2za mjzg 653o ebtg 66ba"},
	{"code", "482913"},
	{"lookalike", "JBSW0Y3DPEHPK3PX"},
}

// benchMixedInputs are the other kinds of line in the mixed file of
// cmd/bench/lines/gen, one of each.
var benchMixedInputs = []struct{ name, input string }{
	{"upper-grouped", "KRUG KIDR OVUW G2ZA MJZG 653O EBTG 66BA"},
	{"empty", ""},
	{"short", "KRUGKIDROV"},
	{"twice", "KRUGKIDROVUWG2ZAKRUGKIDROVUWG2ZA"},
	{"hex", "3132333435363738393031323334353637383930"},
	{"otpauth", "otpauth://totp/Broker:AB1234?secret=KRUGKIDROVUWG2ZAMJZG653OEBTG66BA&issuer=Broker"},
	{"email", "trader1234@example.com"},
	{"prose", "my totp is not working please help"},
	{"error-message", "Failed to generate TOTP"},
	// Other credentials of a trading account (issue 12).
	{"uuid", "6f1c2a9e-3b7d-4e58-9a0c-12d3e4f5a6b7"},
	{"hex32", "93f57fd14c1604d115cea325a65e19cb"},
	{"api-secret", "k9x2m8p4q7r1s5t3v6w0y2z8a4b1c7d9"},
	{"pan", "ABCPE1234F"},
	{"client-id", "AB1234"},
	{"date", "14-08-1987"},
	{"jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcDEF123_-x"},
}

// BenchmarkClassifyFor is Classify with a broker whose key length is
// known: a clean key of that length still allocates nothing.
func BenchmarkClassifyFor(b *testing.B) {
	zerodha, _ := broker.Lookup("zerodha")
	for _, in := range []struct{ name, input string }{
		{"clean", "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA"},
		{"partial", "KRUGKIDROVUWG2ZAMJZG653O"},
	} {
		b.Run(in.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ClassifyFor(in.input, zerodha)
			}
		})
	}
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

// BenchmarkClassifyRandomKeys classifies distinct random keys, clean and
// grouped in lower case, as a --lines export holds them: unlike one key
// classified again and again, the branches cannot learn the input.
func BenchmarkClassifyRandomKeys(b *testing.B) {
	rng := rand.New(rand.NewPCG(2026, 6))
	enc := base32.StdEncoding.WithPadding(base32.NoPadding)
	inputs := make([]string, 4096)
	for i := range inputs {
		raw := make([]byte, []int{10, 16, 20}[rng.IntN(3)])
		for k := range raw {
			raw[k] = byte(rng.UintN(256))
		}
		key := enc.EncodeToString(raw)
		if i%2 == 1 {
			var g []string
			for k := 0; k < len(key); k += 4 {
				g = append(g, strings.ToLower(key[k:min(k+4, len(key))]))
			}
			key = strings.Join(g, " ")
		}
		inputs[i] = key
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Classify(inputs[i%len(inputs)])
		i++
	}
}
