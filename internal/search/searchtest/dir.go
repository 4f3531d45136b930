package searchtest

import (
	"os"
	"path/filepath"
)

// Dir is an output.Writer that writes files into a folder, making the
// folders they need.
type Dir string

// WriteFile writes data as the file name (slash-separated) under d.
func (d Dir) WriteFile(name string, data []byte) error {
	path := filepath.Join(string(d), filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
