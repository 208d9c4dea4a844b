// Command compare times the start-up of several programs, interleaved: each
// round runs every program once, in turn, so that a machine growing busier
// or quieter during the measurement weighs on all of them alike. It prints
// the median, mean and fastest run of each, and each median as a multiple
// of the first program's. See ../run.sh.
//
//	compare [-runs N] [-warmup N] 'reference validate KEY' 'totpkey validate KEY' ...
//
// Each program is a command line split at spaces, after any NAME=VALUE
// words that set its environment; its output goes to /dev/null. A program that exits with an error stops the measurement: a
// failing run is not a start-up time.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	runs := fs.Int("runs", 500, "timed runs of each program")
	warmup := fs.Int("warmup", 20, "untimed runs of each program first")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 || *runs < 1 {
		return errors.New("give at least one program, and -runs of 1 or more")
	}
	devNull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	defer devNull.Close()
	progs := fs.Args()
	times := make([][]time.Duration, len(progs))
	for round := 0; round < *warmup+*runs; round++ {
		for i, p := range progs {
			d, err := timeOnce(p, devNull)
			if err != nil {
				return err
			}
			if round >= *warmup {
				times[i] = append(times[i], d)
			}
		}
	}
	fmt.Printf("%d interleaved runs each, after %d warm-up runs\n\n", *runs, *warmup)
	fmt.Printf("%-44s %9s %9s %9s %9s\n", "program", "median", "mean", "min", "× first")
	var first time.Duration
	for i, p := range progs {
		ts := times[i]
		slices.Sort(ts)
		median := ts[len(ts)/2]
		var sum time.Duration
		for _, t := range ts {
			sum += t
		}
		if i == 0 {
			first = median
		}
		fmt.Printf("%-44s %9s %9s %9s %9.2f\n", shortName(p), ms(median), ms(sum/time.Duration(len(ts))), ms(ts[0]),
			float64(median)/float64(first))
	}
	return nil
}

// timeOnce runs the command line p once and returns how long it took, from
// starting the process to its end.
func timeOnce(p string, out *os.File) (time.Duration, error) {
	f := strings.Fields(p)
	var env []string
	for len(f) > 1 && strings.Contains(f[0], "=") {
		env, f = append(env, f[0]), f[1:]
	}
	cmd := exec.Command(f[0], f[1:]...)
	cmd.Stdout, cmd.Stderr = out, out
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", p, err)
	}
	return d, nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond)) }

// shortName is a command line with its program's directory left out.
func shortName(p string) string {
	f := strings.Fields(p)
	for i := range f {
		if !strings.Contains(f[i], "=") {
			f[i] = filepath.Base(f[i])
			break
		}
	}
	s := strings.Join(f, " ")
	if len(s) > 44 {
		s = s[:43] + "…"
	}
	return s
}
