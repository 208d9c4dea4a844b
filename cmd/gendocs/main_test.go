package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/totpkey/totpkey/cmd/internal/root"
)

// docsDir is where go generate writes the man pages and the reference.
const docsDir = "../../docs"

// TestGeneratedDocsAreCurrent regenerates the man pages and the command
// reference and compares them with the committed ones.
func TestGeneratedDocsAreCurrent(t *testing.T) {
	tmp := t.TempDir()
	if err := generateDocs(root.NewCmd(testStreams()), tmp); err != nil {
		t.Fatal(err)
	}
	for _, sub := range []string{"man", "reference"} {
		want := readDir(t, filepath.Join(tmp, sub))
		got := readDir(t, filepath.Join(docsDir, sub))
		if len(want) == 0 {
			t.Fatalf("generated no files in %s", sub)
		}
		for name, content := range want {
			old, ok := got[name]
			switch {
			case !ok:
				t.Errorf("docs/%s/%s is missing: run 'go generate ./...' and commit the result", sub, name)
			case !bytes.Equal(old, content):
				t.Errorf("docs/%s/%s is stale: run 'go generate ./...' and commit the result", sub, name)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("docs/%s/%s belongs to no command: run 'go generate ./...' and commit the result", sub, name)
			}
		}
	}
}

func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	files := make(map[string][]byte)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

// TestGenerateDocsRemovesStalePages: a page of a command that is gone is
// deleted, and generating twice gives the same files.
func TestGenerateDocsRemovesStalePages(t *testing.T) {
	tmp := t.TempDir()
	for _, p := range []string{"man/totpkey-gone.1", "reference/totpkey_gone.md"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(tmp, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, p), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := generateDocs(root.NewCmd(testStreams()), tmp); err != nil {
		t.Fatal(err)
	}
	first := readDir(t, filepath.Join(tmp, "man"))
	if _, ok := first["totpkey-gone.1"]; ok {
		t.Error("the page of a removed command was kept")
	}
	if _, ok := first["totpkey-explain.1"]; !ok {
		t.Errorf("no page for explain; got %v", sortedKeys(first))
	}
	if err := generateDocs(root.NewCmd(testStreams()), tmp); err != nil {
		t.Fatal(err)
	}
	for name, b := range readDir(t, filepath.Join(tmp, "man")) {
		if !bytes.Equal(first[name], b) {
			t.Errorf("man/%s differs between two runs", name)
		}
	}
}

func sortedKeys(m map[string][]byte) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
