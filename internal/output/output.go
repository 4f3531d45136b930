// Package output writes a build into a folder beside the destination and
// swaps it in only when the build succeeded, so that the destination always
// holds either the complete previous site or the complete new one.
//
// The folder a build writes into is the site before last, kept beside the
// destination as ".NAME.djkb-previous": the swap leaves the replaced site
// there, and the next build rewrites it in place. Most files of a rebuild
// are unchanged, and comparing a file costs far less than creating it,
// writing it and deleting the old one, which on a journalled file system is
// most of the time a fresh build spends on its output.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"djkb/internal/fileio"
)

// Dir is a build in progress.
type Dir struct {
	dest  string // the final output folder
	tmp   string // where this build writes
	spare bool   // tmp is the kept previous site, to be kept again after the swap
	lock  *os.File

	listed chan struct{} // closed once old holds tmp's files
	old    map[string]bool

	mu     sync.Mutex
	made   map[string]bool // folders that exist in tmp
	needed map[string]bool // folders this build wants
	wrote  map[string]bool // files this build wrote
}

const (
	tmpMarker   = ".djkb-new-"
	spareSuffix = ".djkb-previous"
)

// SpareName is the name of the folder beside dest that holds the site
// before last.
func SpareName(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+spareSuffix)
}

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
	d := &Dir{dest: dest, listed: make(chan struct{}), old: map[string]bool{},
		made: map[string]bool{"": true}, needed: map[string]bool{"": true}, wrote: map[string]bool{}}
	if d.takeSpare() {
		go d.list()
		return d, nil
	}
	close(d.listed)
	tmp, err := os.MkdirTemp(parent, "."+base+tmpMarker)
	if err != nil {
		return nil, fmt.Errorf("无法在 %s 中写入（磁盘已满或没有写权限？）：%w", parent, err)
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	d.tmp = tmp
	return d, nil
}

// takeSpare claims the kept previous site for this build, creating the
// folder if there is none. It fails when another build holds it.
func (d *Dir) takeSpare() bool {
	spare := SpareName(d.dest)
	if err := os.Mkdir(spare, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return false
	}
	f, ok := lockFolder(spare)
	if !ok {
		return false
	}
	if st, err := os.Lstat(spare); err != nil || !st.IsDir() {
		f.Close()
		return false
	}
	d.tmp, d.spare, d.lock = spare, true, f
	return true
}

// list records the files of the previous site so that WriteFile knows which
// to compare and Commit which to delete. Anything but files and folders
// (links someone put there) is removed, so that no write follows a link.
func (d *Dir) list() {
	defer close(d.listed)
	_ = filepath.WalkDir(d.tmp, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == d.tmp {
			return nil
		}
		rel := filepath.ToSlash(p[len(d.tmp)+1:])
		switch {
		case e.IsDir():
			d.made[rel] = true
		case e.Type().IsRegular():
			d.old[rel] = true
		default:
			_ = os.Remove(p)
		}
		return nil
	})
}

// WriteFile writes one file of the build; name is slash-separated and
// relative to the output root. A file the previous site already holds with
// the same bytes is left as it is. It is safe for concurrent use.
func (d *Dir) WriteFile(name string, data []byte) error {
	<-d.listed
	if err := d.mkdir(path.Dir(name)); err != nil {
		return err
	}
	d.mu.Lock()
	existed, folder := d.old[name], d.made[name]
	d.wrote[name] = true
	delete(d.made, name)
	d.mu.Unlock()
	if folder { // a folder of the previous site where this file goes
		_ = os.RemoveAll(d.path(name))
	}
	if existed && fileio.Equal(d.path(name), data) {
		return nil
	}
	if err := fileio.WriteFile(d.path(name), data); err != nil {
		return fmt.Errorf("无法写入 %s（磁盘已满或没有写权限？）：%w", name, err)
	}
	return nil
}

// MkdirAll creates a folder of the build.
func (d *Dir) MkdirAll(name string) error {
	<-d.listed
	return d.mkdir(strings.Trim(name, "/"))
}

func (d *Dir) path(name string) string { return filepath.Join(d.tmp, filepath.FromSlash(name)) }

func (d *Dir) mkdir(dir string) error {
	if dir == "." {
		dir = ""
	}
	d.mu.Lock()
	done := d.needed[dir]
	d.mu.Unlock()
	if done {
		return nil
	}
	// Parents first, through the cache, so that each folder costs at most
	// one mkdir call rather than MkdirAll's stat of every parent.
	if parent := path.Dir(dir); parent != dir {
		if err := d.mkdir(parent); err != nil {
			return err
		}
	}
	d.mu.Lock()
	exists, stale := d.made[dir], d.old[dir]
	d.mu.Unlock()
	if !exists {
		if stale { // a file of the previous site where this folder goes
			_ = os.Remove(d.path(dir))
		}
		if err := os.Mkdir(d.path(dir), 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("无法创建文件夹 %s（磁盘已满或没有写权限？）：%w", dir, err)
		}
	}
	d.mu.Lock()
	d.made[dir], d.needed[dir] = true, true
	d.mu.Unlock()
	return nil
}

// Abort gives the build up; the destination is untouched. A fresh folder is
// deleted; the kept previous site, partly rewritten, stays for the next
// build, which compares every file anyway.
func (d *Dir) Abort() {
	if !d.spare {
		_ = os.RemoveAll(d.tmp)
	}
	d.unlock()
}

// Discard gives the build up and deletes what it wrote, the kept previous
// site included: for when the disk is full.
func (d *Dir) Discard() {
	_ = os.RemoveAll(d.tmp)
	d.unlock()
}

func (d *Dir) unlock() {
	if d.lock != nil {
		d.lock.Close()
		d.lock = nil
	}
}

// Commit makes the new build the destination. Where the system can, the two
// folders are exchanged in one atomic step; otherwise the old folder is moved
// aside first and the window in which neither exists is two renames long.
// The replaced site is kept beside the destination for the next build.
func (d *Dir) Commit() error {
	defer d.unlock()
	<-d.listed
	d.removeStale()
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
		if d.spare {
			return nil // the replaced site, now in tmp, is kept
		}
		return os.RemoveAll(d.tmp)
	}
	old := d.tmp + "-old"
	_ = os.RemoveAll(old)
	if err := os.Rename(d.dest, old); err != nil {
		d.Abort()
		return fmt.Errorf("无法替换 %s（文件被占用或没有权限？），原网站保持不变：%w", d.dest, err)
	}
	if err := os.Rename(d.tmp, d.dest); err != nil {
		_ = os.Rename(old, d.dest)
		d.Abort()
		return fmt.Errorf("无法替换 %s，原网站保持不变：%w", d.dest, err)
	}
	if d.spare {
		return os.Rename(old, d.tmp)
	}
	return os.RemoveAll(old)
}

// removeStale deletes the files of the previous site that this build did
// not write, then the folders it left empty, deepest first.
func (d *Dir) removeStale() {
	if !d.spare {
		return
	}
	for name := range d.old {
		if !d.wrote[name] {
			_ = os.Remove(d.path(name))
		}
	}
	var dirs []string
	for dir := range d.made {
		if !d.needed[dir] {
			dirs = append(dirs, dir)
		}
	}
	slices.SortFunc(dirs, func(a, b string) int { return len(b) - len(a) })
	for _, dir := range dirs {
		_ = os.Remove(d.path(dir))
	}
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
