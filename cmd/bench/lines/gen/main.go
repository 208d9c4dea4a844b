// Command gen writes the inputs of the --lines and --scan benchmarks:
//
//	go run ./bench/lines/gen -lines 1000000 -o mixed.txt
//	go run ./bench/lines/gen -tickets 20000 -o tickets.txt
//
// -lines writes one input a line, mixed as a support export is: valid keys
// (clean, in groups, lower case), one-time codes, blank lines, look-alike
// digits, partial and doubled keys, hex secrets, otpauth links, e-mail
// addresses and text. -tickets writes support tickets: free text with a
// key, a code, a link or an error message in some of them. The output is
// the same for the same flags (a fixed seed).
package main

import (
	"bufio"
	"encoding/base32"
	"encoding/hex"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
)

var b32 = base32.StdEncoding.WithPadding(base32.NoPadding)

func main() {
	lines := flag.Int("lines", 0, "write this many mixed one-input lines")
	tickets := flag.Int("tickets", 0, "write this many support tickets of free text")
	out := flag.String("o", "", "output file (default standard output)")
	flag.Parse()
	f := os.Stdout
	if *out != "" {
		var err error
		if f, err = os.Create(*out); err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
	}
	w := bufio.NewWriterSize(f, 1<<20)
	rng := rand.New(rand.NewPCG(2026, 6))
	for range *lines {
		w.WriteString(mixedLine(rng))
		w.WriteByte('\n')
	}
	for i := range *tickets {
		writeTicket(w, rng, i)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func key(rng *rand.Rand) string {
	raw := make([]byte, []int{10, 16, 20}[rng.IntN(3)])
	for i := range raw {
		raw[i] = byte(rng.UintN(256))
	}
	return b32.EncodeToString(raw)
}

func groups(k string) string {
	var g []string
	for i := 0; i < len(k); i += 4 {
		g = append(g, k[i:min(i+4, len(k))])
	}
	return strings.Join(g, " ")
}

func code(rng *rand.Rand) string { return fmt.Sprintf("%06d", rng.IntN(1000000)) }

// mixedLine is one line of a --lines export.
func mixedLine(rng *rand.Rand) string {
	switch n := rng.IntN(100); {
	case n < 35:
		return key(rng)
	case n < 50:
		return groups(key(rng))
	case n < 58:
		return strings.ToLower(groups(key(rng)))
	case n < 70:
		return code(rng)
	case n < 75:
		return ""
	case n < 80:
		k := []byte(key(rng))
		k[rng.IntN(len(k))] = "018"[rng.IntN(3)]
		return string(k)
	case n < 83:
		return key(rng)[:10]
	case n < 85:
		k := key(rng)
		return k + k
	case n < 88:
		raw := make([]byte, 20)
		for i := range raw {
			raw[i] = byte(rng.UintN(256))
		}
		return hex.EncodeToString(raw)
	case n < 93:
		return "otpauth://totp/Broker:AB" + fmt.Sprint(1000+rng.IntN(9000)) + "?secret=" + key(rng) + "&issuer=Broker"
	case n < 96:
		return fmt.Sprintf("trader%d@example.com", rng.IntN(10000))
	default:
		return "my totp is not working please help"
	}
}

var openers = []string{
	"Hello team,", "Hi,", "Dear support,", "Good morning,", "Hello,",
}

var bodies = []string{
	"I cannot log in to my trading account since yesterday and the orders are not placed.",
	"The app keeps asking me for the key again and again, please check my account.",
	"I changed my phone last week and installed Google Authenticator again.",
	"Please help me set up automatic login for my broker account, client id AB%d.",
	"My order #%d was rejected in the morning session, kindly look into it.",
	"You can call me on +91 98765 %05d between 10 and 6.",
	"I have been trying since 2026-06-%02d and nothing works.",
}

// writeTicket writes one ticket of a few lines, with something to find in
// most of them.
func writeTicket(w *bufio.Writer, rng *rand.Rand, i int) {
	fmt.Fprintf(w, "Ticket %d\n%s\n", 100000+i, openers[rng.IntN(len(openers))])
	for range 2 + rng.IntN(3) {
		b := bodies[rng.IntN(len(bodies))]
		if strings.Contains(b, "%") {
			b = fmt.Sprintf(b, 1+rng.IntN(28))
		}
		w.WriteString(b)
		w.WriteByte('\n')
	}
	switch rng.IntN(6) {
	case 0:
		fmt.Fprintf(w, "I entered %s in the TOTP key box and it still says Failed to generate TOTP.\n", code(rng))
	case 1:
		fmt.Fprintf(w, "My broker shows: %s\n", groups(key(rng)))
	case 2:
		fmt.Fprintf(w, "The QR code says otpauth://totp/Broker:AB1234?secret=%s&issuer=Broker\n", key(rng))
	case 3:
		fmt.Fprintf(w, "It says Invalid TOTP every time. My secret key is %s\n", strings.ToLower(key(rng)))
	}
	w.WriteString("Thanks and regards\n\n")
}
