//go:build js && wasm

// Command totpkey-wasm is the library compiled to WebAssembly for the page
// of totpkey serve. It puts one object, totpkey, on the page's global
// object, whose functions take strings (and an image as a Uint8Array) and
// return JSON text (see package webcheck), then waits for ever: the page
// calls it as the user types. Nothing here touches the network.
//
// Build it with go generate in cmd/internal/serve, which commits the
// result next to the page.
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"
	"time"

	"github.com/totpkey/totpkey/cmd/internal/webcheck"
)

func main() {
	api := map[string]any{
		"check": guarded(func(_ js.Value, args []js.Value) any {
			return toJSON(webcheck.Check(arg(args, 0), arg(args, 1)))
		}),
		"checkCode": guarded(func(_ js.Value, args []js.Value) any {
			return toJSON(webcheck.CheckCode(arg(args, 0), arg(args, 1), arg(args, 2), time.Now()))
		}),
		"readQR": guarded(func(_ js.Value, args []js.Value) any {
			var image []byte
			if len(args) > 0 && args[0].Type() == js.TypeObject {
				image = make([]byte, args[0].Get("length").Int())
				js.CopyBytesToGo(image, args[0])
			}
			return toJSON(webcheck.ReadQR(image, arg(args, 1)))
		}),
		"ticket": guarded(func(_ js.Value, args []js.Value) any {
			return toJSON(webcheck.Ticket(arg(args, 0)))
		}),
		"topic": guarded(func(_ js.Value, args []js.Value) any {
			t, ok := webcheck.TopicByID(arg(args, 0))
			if !ok {
				return js.Null()
			}
			return toJSON(t)
		}),
		"brokers": guarded(func(js.Value, []js.Value) any {
			return toJSON(webcheck.Brokers())
		}),
	}
	js.Global().Set("totpkey", js.ValueOf(api))
	if ready := js.Global().Get("totpkeyReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}

// guarded is f as a function of the page that answers a panic with an
// error instead of ending the program, so that the page keeps working.
func guarded(f func(js.Value, []js.Value) any) js.Func {
	return js.FuncOf(func(this js.Value, args []js.Value) (result any) {
		defer func() {
			if p := recover(); p != nil {
				result = toJSON(map[string]string{"error": fmt.Sprintf("internal error: %v", p)})
			}
		}()
		return f(this, args)
	})
}

// arg is the i-th argument as a string, "" when missing or not a string.
func arg(args []js.Value, i int) string {
	if i >= len(args) || args[i].Type() != js.TypeString {
		return ""
	}
	return args[i].String()
}

// toJSON is v as JSON text; the types of webcheck always encode.
func toJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return `{"error":"internal error: ` + err.Error() + `"}`
	}
	return string(b)
}
