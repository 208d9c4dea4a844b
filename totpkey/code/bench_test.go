package code

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/totpkey/totpkey/totpkey"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
	"github.com/totpkey/totpkey/totpkey/link"
)

var benchAt = time.Unix(1782292500, 0)

func BenchmarkGeneratorCode(b *testing.B) {
	for _, alg := range []link.Algorithm{link.AlgorithmSHA1, link.AlgorithmSHA256, link.AlgorithmSHA512} {
		b.Run(string(alg), func(b *testing.B) {
			g := mustGenerator(rfcSeeds[alg], Params{Algorithm: alg})
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				g.CodeForCounter(uint64(i))
			}
		})
	}
}

// BenchmarkPquernaCode is the reference: pquerna/otp decodes the key and
// sets up the HMAC for every code.
func BenchmarkPquernaCode(b *testing.B) {
	key := rfcSeeds[link.AlgorithmSHA1]
	opts := totp.ValidateOpts{Period: 30, Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := totp.GenerateCodeCustom(key, benchAt.Add(time.Duration(i)*30*time.Second), opts); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGeneratorMatch(b *testing.B) {
	g := mustGenerator(rfcSeeds[link.AlgorithmSHA1], Params{})
	code := otherCode(g.Code(benchAt)) // worst case: no match
	b.ReportAllocs()
	for b.Loop() {
		g.Match(code, benchAt, DefaultWindow)
	}
}

// BenchmarkCheckCodeRepair times the look-alike repair search: a key copied
// with n look-alike 1s (2^n readings) and the code of the true key, one
// period late, window 1. The target is 50 ms for four look-alikes.
func BenchmarkCheckCodeRepair(b *testing.B) {
	for _, n := range []int{4, 12} {
		b.Run(map[int]string{4: "4-lookalikes", 12: "12-lookalikes-4096-readings"}[n], func(b *testing.B) {
			rng := rand.New(rand.NewPCG(1, uint64(n)))
			letters := map[int]byte{}
			for i := range n {
				letters[2*i+1] = "IL"[rng.IntN(2)]
			}
			key := keyWith(rng, letters)
			r := totpkey.Classify(copyBadly(key, letters))
			g := mustGenerator(key, Params{})
			code := g.CodeForCounter(g.Counter(benchAt) - 1)
			b.ReportAllocs()
			for b.Loop() {
				rr := r
				rr.Problems = slices.Clone(r.Problems)
				if err := Check(&rr, code, benchAt, 1); err != nil || !rr.CodeCheck.Matched {
					b.Fatalf("repair failed: %+v, %v", rr.CodeCheck, err)
				}
			}
		})
	}
}
