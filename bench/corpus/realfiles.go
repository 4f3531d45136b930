package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// realFile is one file of the real law corpus that -mix-real copies.
type realFile struct {
	rel  string // slash-separated, below the training folder
	size int64
	md   bool
	fm   fmKind
}

// RealDir is where the real laws go, below content/regulations.
const RealDir = "国家法律"

// scanReal lists every file below dir (Markdown and images alike), in
// lexical order, noting the front matter of each Markdown file.
func scanReal(dir string) ([]realFile, error) {
	var files []realFile
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		f := realFile{rel: filepath.ToSlash(rel), md: strings.HasSuffix(path, ".md")}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f.size = int64(len(data))
		switch {
		case !f.md:
		case bytes.HasPrefix(data, []byte("---\n")):
			f.fm = fmYAML
		case bytes.HasPrefix(data, []byte("+++\n")):
			f.fm = fmTOML
		}
		files = append(files, f)
		return nil
	})
	return files, err
}

// copyReal copies files from src to dst, keeping their layout.
func copyReal(src, dst string, files []realFile) error {
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(f.rel)))
		if err != nil {
			return err
		}
		out := filepath.Join(dst, filepath.FromSlash(f.rel))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(out, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
