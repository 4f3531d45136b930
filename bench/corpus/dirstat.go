package corpus

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Size is the size of a folder tree.
type Size struct {
	Files int
	Dirs  int // folders below dir
	Bytes int64
}

// TreeSize adds up the regular files below dir whose names end in ext
// (any file if ext is ""). A missing dir counts as empty.
func TreeSize(dir, ext string) (Size, error) {
	var st Size
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != dir {
			st.Dirs++
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), ext) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		st.Files++
		st.Bytes += info.Size()
		return nil
	})
	if errors.Is(err, os.ErrNotExist) {
		return Size{}, nil
	}
	return st, err
}
