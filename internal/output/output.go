// Package output writes a build into a folder beside the destination and
// swaps it in only when the build succeeded, so that the destination always
// holds either the complete previous site or the complete new one.
//
// A build replaces the whole destination, so it writes only into a folder
// that is missing, empty or stamped as djkb's own: the stamp file lists the
// files the build wrote, and a destination holding anything else is left
// as it is, with an error naming what is in the way. No file that djkb did
// not write is ever deleted or moved.
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
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"djkb/internal/rawfile"
)

// Writer receives the files of a build: pages, static files, the search
// index and the 汇编 all go through it. name is slash-separated and
// relative to the output root; data may be reused by the caller once
// WriteFile returns. A Dir is the Writer of a build on disk; djkb serve
// keeps its files in memory behind the same interface.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Dir is a build in progress.
type Dir struct {
	dest  string // the final output folder
	tmp   string // where this build writes
	spare bool   // tmp is the kept previous site, to be kept again after the swap
	lock  *os.File

	listed  chan struct{} // closed once old holds tmp's files and foreign dest's
	old     map[string]bool
	owned   map[string]bool // the files dest's stamp lists; nil when dest has no stamp
	foreign []string        // files in dest that its stamp does not list
	failed  atomic.Bool     // a write failed: the disk may be full

	mu     sync.Mutex
	made   map[string]bool // folders that exist in tmp
	needed map[string]bool // folders this build wants
	wrote  map[string]bool // files this build wrote
}

const (
	tmpMarker   = ".djkb-new-"
	spareSuffix = ".djkb-previous"
	// StampName is the file by which djkb knows an output folder as its
	// own; it lists the files the build wrote.
	StampName = ".djkb-output"
)

const stampHeader = "# 此文件夹由 djkb 生成，每次构建都会整体替换，请勿在此存放其他文件。\n" +
	"# Written by djkb: every build replaces this whole folder. The files it wrote:\n"

// SpareName is the name of the folder beside dest that holds the site
// before last.
func SpareName(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+spareSuffix)
}

// Begin starts a build that will replace dest. It refuses a dest that
// holds files but no stamp. Leftovers of builds that were killed are
// removed first.
func Begin(dest string) (*Dir, error) {
	dest, err := filepath.Abs(dest)
	if err != nil {
		return nil, err
	}
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("无法创建输出文件夹的上级文件夹 %s：%w", parent, err)
	}
	owned, err := claim(dest)
	if err != nil {
		return nil, err
	}
	olds, _ := filepath.Glob(filepath.Join(parent, "."+base+tmpMarker+"*"))
	for _, o := range olds {
		if ours(o) {
			_ = os.RemoveAll(o)
		}
	}
	d := &Dir{dest: dest, listed: make(chan struct{}), old: map[string]bool{}, owned: owned,
		made: map[string]bool{"": true}, needed: map[string]bool{"": true}, wrote: map[string]bool{}}
	if !d.takeSpare() {
		tmp, err := os.MkdirTemp(parent, "."+base+tmpMarker)
		if err != nil {
			return nil, fmt.Errorf("无法在 %s 中写入（磁盘已满或没有写权限？）：%w", parent, err)
		}
		d.tmp = tmp
		if err := os.Chmod(tmp, 0o755); err == nil {
			err = writeStamp(tmp, nil)
		}
		if err != nil {
			d.Discard()
			return nil, fmt.Errorf("无法在 %s 中写入（磁盘已满或没有写权限？）：%w", parent, err)
		}
	}
	go d.list()
	return d, nil
}

// claim checks that a build may replace dest and returns the files its
// stamp lists. A missing or empty dest may be replaced, and so may one
// that djkb stamped; anything else belongs to someone else.
func claim(dest string) (map[string]bool, error) {
	st, err := os.Lstat(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil
	case err != nil:
		return nil, fmt.Errorf("无法读取输出文件夹 %s：%w", dest, err)
	case !st.IsDir():
		return nil, fmt.Errorf("输出位置 %s 已存在但不是文件夹：请换一个输出文件夹", dest)
	}
	owned, err := readStamp(dest)
	if err == nil {
		return owned, nil
	}
	if empty(dest) {
		return nil, nil
	}
	return nil, fmt.Errorf("输出文件夹 %s 里已有文件，但它不是 djkb 生成的（没有 %s 标记文件）。"+
		"djkb 每次构建都会整体替换输出文件夹，为免删掉这些文件，本次没有写入。"+
		"请用 -d 指定一个新的或空的文件夹；如果它是旧版 djkb 生成的网站，删除它后重新构建即可", dest, StampName)
}

// ours reports whether a folder is djkb's to delete: stamped, or empty.
func ours(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, StampName))
	return err == nil || empty(dir)
}

func empty(dir string) bool {
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	names, _ := f.Readdirnames(1)
	return len(names) == 0
}

// takeSpare claims the kept previous site for this build, creating the
// folder if there is none. It fails when another build holds it, or when
// the folder is not djkb's.
func (d *Dir) takeSpare() bool {
	spare := SpareName(d.dest)
	if err := os.Mkdir(spare, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return false
	}
	f, ok := lockFolder(spare)
	if !ok {
		return false
	}
	if st, err := os.Lstat(spare); err != nil || !st.IsDir() || !ours(spare) || writeStamp(spare, nil) != nil {
		f.Close()
		return false
	}
	d.tmp, d.spare, d.lock = spare, true, f
	return true
}

// list records the files of the previous site so that WriteFile knows which
// to compare and Commit which to delete. Anything but files and folders
// (links someone put there) is removed, so that no write follows a link.
// It then looks for files in dest that its stamp does not list.
func (d *Dir) list() {
	defer close(d.listed)
	if d.spare {
		walk(d.tmp, func(rel string, e fs.DirEntry) {
			switch {
			case e.IsDir():
				d.made[rel] = true
			case e.Type().IsRegular():
				d.old[rel] = true
			default:
				_ = os.Remove(filepath.Join(d.tmp, filepath.FromSlash(rel)))
			}
		})
	}
	if d.owned != nil {
		walk(d.dest, func(rel string, e fs.DirEntry) {
			if !e.IsDir() && !d.owned[rel] {
				d.foreign = append(d.foreign, rel)
			}
		})
	}
}

// walk calls fn for every entry below root but the stamp, with its
// slash-separated path relative to root.
func walk(root string, fn func(rel string, e fs.DirEntry)) {
	_ = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil || p == root {
			return nil
		}
		rel := filepath.ToSlash(p[len(root)+1:])
		if rel != StampName {
			fn(rel, e)
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
	if existed && rawfile.Equal(d.path(name), data) {
		return nil
	}
	if err := rawfile.WriteFile(d.path(name), data); err != nil {
		d.failed.Store(true)
		return fmt.Errorf("无法写入 %s（磁盘已满或没有写权限？）：%w", name, err)
	}
	return nil
}

// Keep counts the file name, which the folder this build writes into
// already holds with the bytes this build would write, as written. It
// reports false, and does nothing, when the folder holds no such file
// (the build writes a fresh folder). The caller vouches for the bytes.
func (d *Dir) Keep(name string) bool {
	<-d.listed
	d.mu.Lock()
	ok := d.old[name] && !d.wrote[name]
	if ok {
		d.wrote[name] = true
	}
	d.mu.Unlock()
	return ok && d.mkdir(path.Dir(name)) == nil
}

// Path is where this build writes the file name.
func (d *Dir) Path(name string) string { return d.path(name) }

// DestPath is where the destination, the last build, holds the file name.
func (d *Dir) DestPath(name string) string {
	return filepath.Join(d.dest, filepath.FromSlash(name))
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
			d.failed.Store(true)
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
// build, which compares every file anyway, unless a write failed: then the
// disk may be full, and it is deleted to free the space.
func (d *Dir) Abort() {
	if !d.spare || d.failed.Load() {
		_ = os.RemoveAll(d.tmp)
	}
	d.unlock()
}

// Discard gives the build up and deletes what it wrote, the kept previous
// site included: for when the disk is full.
func (d *Dir) Discard() {
	d.failed.Store(true)
	d.Abort()
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
	if len(d.foreign) > 0 {
		d.Abort()
		return d.foreignError()
	}
	d.removeStale()
	if err := writeStamp(d.tmp, d.wrote); err != nil {
		d.Discard()
		return fmt.Errorf("无法写入 %s（磁盘已满或没有写权限？）：%w", StampName, err)
	}
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
	case d.owned == nil && !empty(d.dest):
		d.Abort() // someone filled dest while this build ran
		_, err := claim(d.dest)
		return err
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

// foreignError names the files in the destination that djkb did not write.
func (d *Dir) foreignError() error {
	slices.Sort(d.foreign)
	names := d.foreign[:min(len(d.foreign), 5)]
	more := ""
	if len(d.foreign) > len(names) {
		more = fmt.Sprintf(" 等 %d 个文件", len(d.foreign))
	}
	return fmt.Errorf("输出文件夹 %s 中有不是 djkb 生成的文件：%s%s。djkb 每次构建都会整体替换输出文件夹，"+
		"为免丢失这些文件，本次没有替换：请把它们移到别处（要随网站发布的文件请放进 static/ 或 content/），然后重新构建",
		d.dest, strings.Join(names, "、"), more)
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

// Claim lets a command other than build write files into the output
// folder dest (djkb digest, djkb cleanup -d): dest must be missing, empty
// or stamped, as for a build, and names (slash-separated, relative to
// dest) are added to its stamp, so that the next build knows them as
// djkb's own and replaces them with the rest.
func Claim(dest string, names ...string) error {
	owned, err := claim(dest)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return fmt.Errorf("无法创建输出文件夹 %s：%w", dest, err)
	}
	if owned == nil {
		owned = map[string]bool{}
	}
	for _, name := range names {
		owned[name] = true
	}
	if err := writeStamp(dest, owned); err != nil {
		return fmt.Errorf("无法写入 %s（磁盘已满或没有写权限？）：%w", filepath.Join(dest, StampName), err)
	}
	return nil
}

// writeStamp marks dir as djkb's output, listing the files named in wrote
// one a line (quoted where a name could break the line).
func writeStamp(dir string, wrote map[string]bool) error {
	names := make([]string, 0, len(wrote))
	for name := range wrote {
		names = append(names, name)
	}
	slices.Sort(names)
	b := []byte(stampHeader)
	for _, name := range names {
		if strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f }) || strings.HasPrefix(name, `"`) || strings.HasPrefix(name, "#") {
			b = strconv.AppendQuote(b, name)
		} else {
			b = append(b, name...)
		}
		b = append(b, '\n')
	}
	return rawfile.WriteFile(filepath.Join(dir, StampName), b)
}

// readStamp returns the files that dir's stamp lists; it fails when dir
// has no stamp.
func readStamp(dir string) (map[string]bool, error) {
	data, err := os.ReadFile(filepath.Join(dir, StampName))
	if err != nil {
		return nil, err
	}
	owned := map[string]bool{}
	for line := range strings.Lines(string(data)) {
		line = strings.TrimSuffix(line, "\n")
		switch {
		case line == "" || line[0] == '#':
			continue
		case line[0] == '"':
			if name, err := strconv.Unquote(line); err == nil {
				owned[name] = true
			}
		default:
			owned[line] = true
		}
	}
	return owned, nil
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
