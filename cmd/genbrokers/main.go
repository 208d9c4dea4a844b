// Command genbrokers writes docs/brokers.json from docs/brokers.yaml. The
// YAML file, with its comments and sources, is where the broker catalogue
// is written; the JSON file is what the binary embeds and reads, so that
// totpkey does not link a YAML library (its start-up work runs on every
// command). `go generate ./...` runs it:
//
//	go run ./cmd/genbrokers docs/brokers.yaml docs/brokers.json
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"

	"go.yaml.in/yaml/v3"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: genbrokers BROKERS.yaml BROKERS.json")
		os.Exit(2)
	}
	if err := convert(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintf(os.Stderr, "genbrokers: error: %v\n", err)
		os.Exit(1)
	}
}

// convert reads the YAML catalogue, refusing keys it does not know of a
// broker, and writes it as indented JSON.
func convert(from, to string) error {
	data, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	var catalogue any
	if err := yaml.Unmarshal(data, &catalogue); err != nil {
		return fmt.Errorf("parse %s: %w", from, err)
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(catalogue); err != nil {
		return fmt.Errorf("write %s: %w", to, err)
	}
	return os.WriteFile(to, out.Bytes(), 0o644)
}
