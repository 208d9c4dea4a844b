package code

import (
	"context"
	"encoding/base32"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/totpkey/totpkey/totpkey"

	"github.com/totpkey/totpkey/totpkey/link"
)

// oathtoolCase is one differential case: a key, its parameters, a time, and
// how the key reaches the Generator.
type oathtoolCase struct {
	secret []byte
	p      Params
	at     time.Time
	input  string // what Classify reads: a bare key in some form, or a link
	link   bool
}

// oathtoolSteps is how many consecutive codes one oathtool run prints (its
// -w window plus one): batching them keeps the number of processes down.
const oathtoolSteps = 3

// TestOathtoolDifferential compares the codes of 1,000 random keys, each at
// a random time with random digits, period and algorithm and at the
// following steps, with those of oathtool (OATH Toolkit). A third of the
// keys are given as otpauth links carrying their parameters, the rest as
// bare keys in the forms people paste (lower case, grouped, padded); all go
// through Classify and Result.Params as the command does.
//
// Without oathtool the test skips, unless TOTPKEY_REQUIRE_OATHTOOL=1 (set by
// .ci/run) makes it fail.
func TestOathtoolDifferential(t *testing.T) {
	oathtool, err := exec.LookPath("oathtool")
	if err != nil {
		if os.Getenv("TOTPKEY_REQUIRE_OATHTOOL") == "1" {
			t.Fatal("oathtool is required (TOTPKEY_REQUIRE_OATHTOOL=1) but not installed: apt-get install oathtool")
		}
		t.Skip("oathtool not installed (apt-get install oathtool); skipping the differential test")
	}
	n := 1000
	if testing.Short() {
		n = 100
	}
	cases := oathtoolCases(n)
	want := make([][]string, len(cases))
	errs := make([]error, len(cases))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 { // the machine has two cores
		wg.Go(func() {
			for i := range next {
				want[i], errs[i] = runOathtool(t.Context(), oathtool, cases[i])
			}
		})
	}
	for i := range cases {
		next <- i
	}
	close(next)
	wg.Wait()

	compared := 0
	for i, c := range cases {
		if errs[i] != nil {
			t.Fatalf("case %d: %v", i, errs[i])
		}
		r := totpkey.Classify(c.input)
		if r.Class != totpkey.ClassValid {
			t.Fatalf("case %d (%d bytes, link %v): Classify gives %s %v", i, len(c.secret), c.link, r.Class, r.Problems)
		}
		// A link sets the parameters; for a bare key they are the defaults
		// and the case's own come in as the command's flags would.
		p, err := ParamsOf(r.Account)
		if !c.link && err == nil && p == DefaultParams() {
			p = c.p
		}
		if err != nil || p != c.p {
			t.Fatalf("case %d: Params = %+v, %v; want %+v (link %v)", i, p, err, c.p, c.link)
		}
		g, err := NewGenerator(r.Key, p)
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		step := g.Counter(c.at)
		for k, code := range want[i] {
			if got := g.CodeForCounter(step + uint64(k)); got != code {
				t.Fatalf("case %d (%d-byte key, %v, at %d, step +%d, link %v): code %s, oathtool %s",
					i, len(c.secret), c.p, c.at.Unix(), k, c.link, got, code)
			}
			compared++
		}
		// Check, with the link's parameters, finds oathtool's current
		// code at offset 0.
		if c.link {
			if err := Check(&r, want[i][0], c.at, 0); err != nil || !r.CodeCheck.Matched {
				t.Fatalf("case %d: Check(oathtool's code) = %+v, %v", i, r.CodeCheck, err)
			}
		}
	}
	t.Logf("%d keys, %d codes agree with oathtool", len(cases), compared)
}

// oathtoolCases makes n random cases from a fixed seed.
func oathtoolCases(n int) []oathtoolCase {
	rng := rand.New(rand.NewPCG(20260624, 6238))
	algs := []link.Algorithm{link.AlgorithmSHA1, link.AlgorithmSHA256, link.AlgorithmSHA512}
	cases := make([]oathtoolCase, n)
	for i := range cases {
		c := &cases[i]
		c.secret = make([]byte, 10+rng.IntN(55))
		for j := range c.secret {
			c.secret[j] = byte(rng.Uint32())
		}
		c.p = Params{
			Digits:    link.MinDigits + rng.IntN(3),
			Period:    []int{30, 30, 60, 15, 1 + rng.IntN(link.MaxPeriod)}[rng.IntN(5)],
			Algorithm: algs[rng.IntN(len(algs))],
		}
		c.at = time.Unix(rng.Int64N(4102444800), 0) // 1970 to 2100
		key := base32NoPadding.EncodeToString(c.secret)
		if i%3 == 0 {
			c.link = true
			c.input = otpauthLink(rng, key, c.p)
			continue
		}
		switch rng.IntN(4) {
		case 0:
			c.input = key
		case 1:
			c.input = strings.ToLower(key)
		case 2:
			c.input = grouped(key)
		case 3:
			c.input = base32.StdEncoding.EncodeToString(c.secret) // padded
		}
	}
	return cases
}

// otpauthLink writes a link for key; parameters equal to the defaults are
// left out half of the time, as real links do.
func otpauthLink(rng *rand.Rand, key string, p Params) string {
	q := url.Values{"secret": {key}, "issuer": {"Broker"}}
	if p.Digits != link.DefaultDigits || rng.IntN(2) == 0 {
		q.Set("digits", fmt.Sprint(p.Digits))
	}
	if p.Period != link.DefaultPeriod || rng.IntN(2) == 0 {
		q.Set("period", fmt.Sprint(p.Period))
	}
	if p.Algorithm != link.DefaultAlgorithm || rng.IntN(2) == 0 {
		name := string(p.Algorithm)
		if rng.IntN(2) == 0 {
			name = strings.ToLower(name)
		}
		q.Set("algorithm", name)
	}
	return "otpauth://totp/Broker:trader?" + q.Encode()
}

// grouped writes a key in lower-case groups of four, as setup pages show it.
func grouped(key string) string {
	var b strings.Builder
	for i := 0; i < len(key); i += 4 {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strings.ToLower(key[i:min(i+4, len(key))]))
	}
	return b.String()
}

// runOathtool asks oathtool for oathtoolSteps codes from the case's time.
func runOathtool(ctx context.Context, oathtool string, c oathtoolCase) ([]string, error) {
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, oathtool,
		"--totp="+string(c.p.Algorithm), "--base32",
		fmt.Sprintf("--digits=%d", c.p.Digits),
		fmt.Sprintf("--time-step-size=%ds", c.p.Period),
		fmt.Sprintf("--now=@%d", c.at.Unix()),
		fmt.Sprintf("--window=%d", oathtoolSteps-1),
		base32.StdEncoding.EncodeToString(c.secret))
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("oathtool: %w", err)
	}
	codes := strings.Fields(string(out))
	if len(codes) != oathtoolSteps {
		return nil, fmt.Errorf("oathtool printed %d codes, want %d", len(codes), oathtoolSteps)
	}
	return codes, nil
}
