package serve

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Export writes the page's files to dir, creating it, for hosting as static
// files (next to the help article). A file kept compressed (NAME.gz) is
// written decompressed, as NAME, for hosts that do not set
// Content-Encoding. Files of the same names are replaced; nothing else in
// dir is touched. The page carries its Content-Security-Policy in a meta
// element too, so it holds without the server's header.
func Export(assets fs.FS, dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", dir, err)
	}
	return fs.WalkDir(assets, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name == "." {
				return nil
			}
			return os.MkdirAll(filepath.Join(dir, filepath.FromSlash(name)), 0o755)
		}
		data, err := fs.ReadFile(assets, name)
		if err != nil {
			return err
		}
		if base, ok := strings.CutSuffix(name, ".gz"); ok {
			if data, err = gunzip(data); err != nil {
				return fmt.Errorf("the page's %s is damaged: %w", base, err)
			}
			name = base
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), data, 0o644); err != nil {
			return fmt.Errorf("cannot write the page: %w", err)
		}
		return nil
	})
}
