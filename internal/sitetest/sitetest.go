// Package sitetest writes site folders for tests.
package sitetest

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes each file of files (a slash-separated path under dir → its
// text) into dir, making the folders it needs; any error fails the test.
func Write(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
