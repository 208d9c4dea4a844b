// Command genwasm builds the page's WebAssembly module (cmd/totpkey-wasm)
// into assets/totpkey.wasm.gz and copies Go's wasm_exec.js next to it. go
// generate runs it in cmd/internal/serve. The module is kept compressed
// (a third of the size, in the repository and in the totpkey binary) and
// served as it is to browsers, which all take gzip. The build is
// reproducible: -trimpath, no VCS stamp, no symbol tables, and a gzip
// header without a name or a time, so the same sources and Go give the
// same bytes.
package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "genwasm: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	tmp, err := os.MkdirTemp("", "genwasm")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	module := filepath.Join(tmp, "totpkey.wasm")
	build := exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w",
		"-o", module, "../../totpkey-wasm")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0", "GOFLAGS=")
	build.Stdout, build.Stderr = os.Stdout, os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("building the module: %w", err)
	}
	wasm, err := os.ReadFile(module)
	if err != nil {
		return err
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(wasm); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join("assets", "totpkey.wasm.gz"), gz.Bytes(), 0o644); err != nil {
		return err
	}
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("finding GOROOT: %w", err)
	}
	src := filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js")
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join("assets", "wasm_exec.js"), data, 0o644)
}
