package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// dirStat is the size of a folder tree.
type dirStat struct {
	files int
	bytes int64
}

// statTree adds up the regular files below dir whose names end in ext
// (any file if ext is ""). A missing dir counts as empty.
func statTree(dir, ext string) (dirStat, error) {
	var st dirStat
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() || !strings.HasSuffix(d.Name(), ext) {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		st.files++
		st.bytes += info.Size()
		return nil
	})
	if errors.Is(err, os.ErrNotExist) {
		return dirStat{}, nil
	}
	return st, err
}
