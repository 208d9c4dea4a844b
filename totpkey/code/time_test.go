package code

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	tests := []struct {
		in   string
		unix int64
		err  bool
	}{
		{"0", 0, false},
		{"1782292500", 1782292500, false},
		{"@1782292500", 1782292500, false},
		{" 59 ", 59, false},
		{"2026-06-24T09:15:00Z", 1782292500, false},
		{"2026-06-24T14:45:00+05:30", 1782292500, false},
		{"2026-06-24T09:15:00.75Z", 1782292500, false},
		{"253402300799", 253402300799, false},
		{"253402300800", 0, true},
		{"99999999999999999999", 0, true},
		{"-1", 0, true},
		{"@-1", 0, true},
		{"@", 0, true},
		{"", 0, true},
		{"1969-12-31T23:59:59Z", 0, true},
		{"2026-06-24", 0, true},
		{"2026-06-24 09:15:00", 0, true},
		{"1.5", 0, true},
		{"now", 0, true},
		{strings.Repeat("1", 100), 0, true},
	}
	for _, tt := range tests {
		got, err := ParseTime(tt.in)
		if tt.err {
			if !errors.Is(err, ErrBadTime) {
				t.Errorf("ParseTime(%q) = %v, %v; want ErrBadTime", tt.in, got, err)
			}
			continue
		}
		if err != nil || got.Unix() != tt.unix {
			t.Errorf("ParseTime(%q) = %v (%d), %v; want %d", tt.in, got, got.Unix(), err, tt.unix)
		}
	}
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"1782292500", "@0", "2026-06-24T09:15:00Z", "2026-06-24T14:45:00.123+05:30", "-1", "\x00", "１２３"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, err := ParseTime(s)
		if err != nil {
			if !errors.Is(err, ErrBadTime) {
				t.Fatalf("error %v does not wrap ErrBadTime", err)
			}
			// The message is one of a fixed few: it never quotes s.
			tail, _ := strings.CutPrefix(err.Error(), ErrBadTime.Error()+": the time given ")
			switch tail {
			case "is not a whole number of seconds", "is after 9999", "is before 1970", "is neither",
				fmt.Sprintf("is %d bytes long", len(strings.TrimSpace(s))):
			default:
				t.Fatalf("unexpected error %q", err)
			}
			return
		}
		if tm.Unix() < 0 || tm.Unix() > maxUnixSeconds {
			t.Fatalf("ParseTime(%q) = %v, outside 1970..9999", s, tm)
		}
		// The same second reads back from its RFC 3339 form.
		again, err := ParseTime(time.Unix(tm.Unix(), 0).UTC().Format(time.RFC3339))
		if err != nil || again.Unix() != tm.Unix() {
			t.Fatalf("round trip of %q: %v, %v", s, again, err)
		}
	})
}

// TestParseTimeFinerUnits: a Unix time in milliseconds (or finer) is an
// error that says so and how many digits make the seconds.
func TestParseTimeFinerUnits(t *testing.T) {
	for in, want := range map[string]string{
		"1782292507000":       "13 digits, as Unix milliseconds have: give seconds, its first 10 digits",
		"1782292507000000":    "as Unix microseconds have",
		"1782292507000000000": "as Unix nanoseconds have",
		"253402300800":        "after 9999",
	} {
		_, err := ParseTime(in)
		if !errors.Is(err, ErrBadTime) || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseTime(%q) = %v, want an error saying %q", in, err, want)
		}
	}
}
