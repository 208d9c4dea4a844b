package view

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/outcome"
	"github.com/totpkey/totpkey/totpkey"
	"github.com/totpkey/totpkey/totpkey/code"
)

// encodingJSON is what writeJSONResults writes for a view.
func encodingJSON(t testing.TB, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestAppendJSONMatchesEncodingJSON holds the fast JSON writer of
// --lines and --scan to encoding/json, on real results.
func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	inputs := []string{
		"JBSWY3DPEHPK3PXP", "jbsw y3dp ehpk 3pxp", "482913", "", "JBSW0Y3DPEHPK3P1", "48656c6c6f21deadbeef",
		"otpauth://totp/Broker:AB1234?secret=JBSWY3DPEHPK3PXP&issuer=Broker&digits=8&period=60&algorithm=SHA256",
		"otpauth://hotp/Broker:AB1234?secret=JBSWY3DPEHPK3PXP&counter=4", "otpauth://totp/x?secret=",
		"otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU%3D", "trader@example.com",
		"JBSW\u200bY3DPEHPK3PXP", "ЈBSWY3DPEHPK3PXP", "\x00\xff\xfe", "\"<script>&\"", "Key: JBSWY3DPEHPK3PXP==",
		"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", "\u2028\u2029\t\r\n\b\f\x7f",
	}
	for _, in := range inputs {
		r := totpkey.Classify(in)
		for _, show := range []bool{false, true} {
			v := New(&r, show)
			v.File, v.Line, v.Column, v.Kind, v.Input = "tickets <1>.csv", 12, 3, "key", outcome.MaskInput(in, 1<<20)
			v.Columns = map[string]string{"ticket": "T-1\x00", "agent": "é\u2028"}
			want := encodingJSON(t, v)
			if got := AppendJSON(nil, &v); !bytes.Equal(got, want) {
				t.Fatalf("input %q:\n got %s\nwant %s", in, got, want)
			}
		}
	}
}

// TestAppendJSONCoversEveryField fills every field of Result, at
// every depth, and compares with encoding/json: a field added to the view
// without appendViewJSON learning it fails here.
func TestAppendJSONCoversEveryField(t *testing.T) {
	for _, s := range []string{"", "x", "é\"\\\x01\u2028<&>\xff•"} {
		var v Result
		fill(reflect.ValueOf(&v).Elem(), s)
		want := encodingJSON(t, v)
		if got := AppendJSON(nil, &v); !bytes.Equal(got, want) {
			t.Fatalf("fully filled view (%q):\n got %s\nwant %s", s, got, want)
		}
	}
	var empty Result
	if got, want := AppendJSON(nil, &empty), encodingJSON(t, empty); !bytes.Equal(got, want) {
		t.Fatalf("empty view:\n got %s\nwant %s", got, want)
	}
}

// fill sets every exported field reachable from v: strings to s (empty s leaves
// them empty, to test omitempty), numbers and booleans to non-zero values,
// slices to two elements, maps to two entries, pointers to filled values.
func fill(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(-7)
	case reflect.Uint, reflect.Uint32, reflect.Uint64:
		v.SetUint(7)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), s)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), s)
		}
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for _, k := range []string{"b" + s, "a" + s} {
			val := reflect.New(v.Type().Elem()).Elem()
			fill(val, s)
			m.SetMapIndex(reflect.ValueOf(k), val)
		}
		v.Set(m)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() { // unexported fields are never written
				fill(v.Field(i), s)
			}
		}
	default:
		panic("fill: unhandled kind " + v.Kind().String())
	}
}

func FuzzAppendJSONString(f *testing.F) {
	f.Add("JBSW••••\u2028\x00\xff\"\\<>&")
	f.Add("JBSW" + strings.Repeat("•", 28) + "\xe2\x80")
	f.Add(strings.Repeat("•", 9) + "\xe2\x80\xa8•")
	f.Add("abcdefgh\"bcdefghij") // a quote before a plain last word
	f.Fuzz(func(t *testing.T, s string) {
		want := encodingJSON(t, s)
		got := append(appendJSONString(nil, s), '\n')
		if !bytes.Equal(got, want) {
			t.Fatalf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	})
}

func BenchmarkAppendJSON(b *testing.B) {
	r := totpkey.Classify("JBSW0Y3DPEHPK3P1")
	v := New(&r, false)
	v.Line, v.Input = 12, "JBSW••••••••••••"
	var buf []byte
	for b.Loop() {
		buf = AppendJSON(buf[:0], &v)
	}
}

// TestPlainASCII8 checks the word-wide test against the byte table for
// every byte value at every position, next to plain and extreme neighbours.
func TestPlainASCII8(t *testing.T) {
	for _, fillByte := range []byte{'a', ' ', '~', '!', '#', '[', ']'} {
		for pos := range 8 {
			for b := range 256 {
				s := bytes.Repeat([]byte{fillByte}, 8)
				s[pos] = byte(b)
				if got, want := plainASCII8(binary.LittleEndian.Uint64(s)), jsonPlain[b]; got != want {
					t.Fatalf("plainASCII8(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

// FuzzAppendJSONInput holds the "input" field --lines writes to the
// masking of inputs (outcome.MaskInput), whatever the input: in an empty
// view, and in the view of the input's own result, where an input that is
// the key itself is written as the secret's mask.
func FuzzAppendJSONInput(f *testing.F) {
	for _, s := range []string{"JBSWY3DPEHPK3PXP", " jbsw  y3dp\tehpk 3pxp ", "-JBSW-Y3DP", `"JB\\SW"`, "482913", "", " \t ",
		"JBSWY3DPEHPK3PXP  ", "1234", "abc", "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
		"otpauth://totp/x?secret=JBSWY3DPEHPK3PXP", "ab\x00c", "é"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		var v Result
		got := AppendJSONInput(nil, &v, raw, true)
		v.Input = outcome.MaskInput(raw, 1<<20)
		if ref := AppendJSON(nil, &v); !bytes.Equal(got, ref) {
			t.Fatalf("input %q:\n got %s\nwant %s", raw, got, ref)
		}
		r := totpkey.Classify(raw)
		v = New(&r, false)
		got = AppendJSONInput(nil, &v, raw, true)
		v.Input = outcome.MaskInput(raw, 1<<20)
		if ref := encodingJSON(t, v); !bytes.Equal(got, ref) {
			t.Fatalf("input %q, its own result:\n got %s\nwant %s", raw, got, ref)
		}
	})
}

// FuzzAppendJSON holds the one JSON encoder to encoding/json on the
// results of fuzzed inputs, with and without a checked code (which fills
// code_check, a repaired key included) and the secret shown or not.
func FuzzAppendJSON(f *testing.F) {
	for _, s := range []string{"JBSWY3DPEHPK3PXP", "JBSWY3DPEHPK3PXPA1ICE234", "482913", "otpauth://totp/B:é?secret=JBSWY3DPEHPK3PXP&digits=8",
		"\"<&>\"\u2028", "jbsw y3dp ehpk 3pxp", "48656c6c6f21deadbeef"} {
		f.Add(s, "483603", true)
		f.Add(s, "000000", false)
	}
	at := time.Unix(1782292500, 0)
	f.Fuzz(func(t *testing.T, input, typed string, show bool) {
		r := totpkey.Classify(input)
		_ = code.Check(&r, typed, at, 1) // a code that cannot be read leaves r as it is
		v := New(&r, show)
		v.Input = outcome.MaskInput(input, 1<<20)
		if got, want := AppendJSON(nil, &v), encodingJSON(t, v); !bytes.Equal(got, want) {
			t.Fatalf("input %q, code %q:\n got %s\nwant %s", input, typed, got, want)
		}
	})
}

// TestAppendInt holds the small-number shortcut to strconv around every
// edge of it, negative numbers and the largest ones included.
func TestAppendInt(t *testing.T) {
	check := func(n int) {
		t.Helper()
		if got, want := string(appendInt([]byte("x"), n)), "x"+strconv.Itoa(n); got != want {
			t.Fatalf("appendInt(%d) = %q; want %q", n, got, want)
		}
	}
	for n := -1200; n <= 1200; n++ {
		check(n)
	}
	for _, n := range []int{9999, 10000, 1 << 31, math.MaxInt, math.MinInt} {
		check(n)
	}
}
