// Package output writes a build into a fresh folder beside the destination
// and swaps it in only when the build succeeded, so that the destination
// always holds either the complete previous site or the complete new one.
package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Dir is a build in progress.
type Dir struct {
	dest string // the final output folder
	tmp  string // where this build writes

	mu   sync.Mutex
	made map[string]bool // folders already created
}

const tmpMarker = ".djkb-new-"

// Begin starts a build that will replace dest. Leftovers of builds that were
// killed are removed first.
func Begin(dest string) (*Dir, error) {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建输出文件夹的上级文件夹 %s：%w", parent, err)
	}
	olds, _ := filepath.Glob(filepath.Join(parent, "."+base+tmpMarker+"*"))
	for _, o := range olds {
		_ = os.RemoveAll(o)
	}
	tmp, err := os.MkdirTemp(parent, "."+base+tmpMarker)
	if err != nil {
		return nil, fmt.Errorf("无法在 %s 中写入（磁盘已满或没有写权限？）：%w", parent, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Dir{dest: dest, tmp: tmp, made: map[string]bool{"": true}}, nil
}

// Path returns the on-disk path of a file of the new build.
func (d *Dir) Path(name string) string { return filepath.Join(d.tmp, filepath.FromSlash(name)) }

// Dest returns the final output folder.
func (d *Dir) Dest() string { return d.dest }

// WriteFile writes one file of the build; name is slash-separated and
// relative to the output root. It is safe for concurrent use.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := d.mkdir(filepath.ToSlash(filepath.Dir(filepath.FromSlash(name)))); err != nil {
		return err
	}
	if err := os.WriteFile(d.Path(name), data, 0o644); err != nil {
		return fmt.Errorf("无法写入 %s（磁盘已满或没有写权限？）：%w", name, err)
	}
	return nil
}

// CopyFile copies the file at src to name in the build.
func (d *Dir) CopyFile(name string, src io.Reader) error {
	if err := d.mkdir(filepath.ToSlash(filepath.Dir(filepath.FromSlash(name)))); err != nil {
		return err
	}
	f, err := os.OpenFile(d.Path(name), os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("无法写入 %s：%w", name, err)
	}
	if _, err := io.Copy(f, src); err != nil {
		f.Close()
		return fmt.Errorf("无法写入 %s（磁盘已满？）：%w", name, err)
	}
	return f.Close()
}

// MkdirAll creates a folder of the build.
func (d *Dir) MkdirAll(name string) error { return d.mkdir(strings.Trim(name, "/")) }

func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		dir = ""
	}
	d.mu.Lock()
	done := d.made[dir]
	d.mu.Unlock()
	if done {
		return nil
	}
	// Parents first, through the cache, so that each folder costs one
	// mkdir call rather than MkdirAll's stat of every parent.
	if parent := path.Dir(dir); parent != dir {
		if err := d.mkdir(parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(d.Path(dir), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("无法创建文件夹 %s：%w", dir, err)
	}
	d.mu.Lock()
	d.made[dir] = true
	d.mu.Unlock()
	return nil
}

// Abort throws the new build away; the destination is untouched.
func (d *Dir) Abort() { _ = os.RemoveAll(d.tmp) }

// Commit makes the new build the destination. Where the system can, the two
// folders are exchanged in one atomic step; otherwise the old folder is moved
// aside first and the window in which neither exists is two renames long.
func (d *Dir) Commit() error {
	if err := syncDir(d.tmp); err != nil {
		d.Abort()
		return err
	}
	st, err := os.Lstat(d.dest)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.Rename(d.tmp, d.dest); err != nil {
			d.Abort()
			return fmt.Errorf("无法把新网站移到 %s：%w", d.dest, err)
		}
		return nil
	case err != nil:
		d.Abort()
		return err
	case !st.IsDir():
		d.Abort()
		return fmt.Errorf("输出位置 %s 已存在但不是文件夹：请换一个输出文件夹", d.dest)
	}
	if err := exchange(d.tmp, d.dest); err == nil {
		return os.RemoveAll(d.tmp) // now holds the previous site
	}
	old := d.tmp + "-old"
	if err := os.Rename(d.dest, old); err != nil {
		d.Abort()
		return fmt.Errorf("无法替换 %s（文件被占用或没有权限？），原网站保持不变：%w", d.dest, err)
	}
	if err := os.Rename(d.tmp, d.dest); err != nil {
		_ = os.Rename(old, d.dest)
		d.Abort()
		return fmt.Errorf("无法替换 %s，原网站保持不变：%w", d.dest, err)
	}
	return os.RemoveAll(old)
}

// syncDir flushes the folder's entries so that a crash right after the swap
// does not leave an empty site behind.
func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	_ = f.Sync()
	return nil
}
