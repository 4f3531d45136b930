// Package sitefs is the one gate through which djkb reads the files of a
// site folder. It holds the rule for what may be read: a regular file, or a
// symbolic link that resolves to a regular file inside the site folder.
// Links that leave the site, point to folders or do not resolve, and named
// pipes, sockets and devices, are refused by name and never opened: a link
// would publish whatever it points to, and a pipe would hang the build.
package sitefs

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"djkb/internal/diag"
	"djkb/internal/rawfile"
)

// Root is a site folder, resolved once.
type Root struct {
	dir  string // absolute
	real string // dir with symbolic links resolved
}

// New returns the site folder dir.
func New(dir string) *Root {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	real := dir
	if r, err := filepath.EvalSymlinks(dir); err == nil {
		real = r
	}
	return &Root{dir: dir, real: real}
}

// Error is a file of the site that may not be read. File is relative to
// the site folder, with "/".
type Error struct {
	File string
	Msg  string
}

func (e *Error) Error() string { return e.File + "：" + e.Msg }

// Abs returns the path of rel, a path relative to the site folder with "/".
func (r *Root) Abs(rel string) string { return filepath.Join(r.dir, filepath.FromSlash(rel)) }

// check applies the rule to the entry at abs (named file in messages),
// whose own type, not following a link, is mode.
func (r *Root) check(abs, file string, mode fs.FileMode) *Error {
	if mode.IsRegular() {
		return nil
	}
	if mode.IsDir() {
		return &Error{file, "这是文件夹，不是文件"}
	}
	if mode&fs.ModeSymlink == 0 {
		return notRegular(file, mode)
	}
	target, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return &Error{file, "符号链接无法解析（可能指向不存在的文件或形成循环）：请删除或改为普通文件"}
	}
	if !Within(r.real, target) {
		return &Error{file, fmt.Sprintf("符号链接指向站点文件夹之外（%s）：出于安全考虑不予读取，请把文件复制到站点中", target)}
	}
	st, err := os.Stat(target)
	if err != nil {
		return &Error{file, "符号链接无法解析（可能指向不存在的文件或形成循环）：请删除或改为普通文件"}
	}
	if st.IsDir() {
		return &Error{file, "不支持指向文件夹的符号链接：请把文件夹本身放进站点文件夹"}
	}
	if !st.Mode().IsRegular() {
		return notRegular(file, st.Mode())
	}
	return nil
}

func notRegular(file string, mode fs.FileMode) *Error {
	kind := "特殊文件"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		kind = "命名管道"
	case mode&fs.ModeSocket != 0:
		kind = "套接字"
	case mode&fs.ModeDevice != 0:
		kind = "设备文件"
	}
	return &Error{file, fmt.Sprintf("这是%s，不是普通文件：djkb 不读取它，请从站点文件夹中删除", kind)}
}

// Within reports whether p is dir or lies inside it; both are absolute.
func Within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// ReadFile reads the file rel (relative to the site folder, with "/").
// A file that is not there gives an error that errors.Is fs.ErrNotExist; one
// the rule refuses, an *Error. The whole path is resolved, so a linked
// folder on the way cannot lead out of the site either.
func (r *Root) ReadFile(rel string) ([]byte, error) {
	abs := r.Abs(rel)
	st, err := os.Lstat(abs)
	if err != nil {
		return nil, err
	}
	if e := r.check(abs, rel, st.Mode()); e != nil {
		return nil, e
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return nil, err
	}
	if !Within(r.real, real) {
		return nil, &Error{rel, fmt.Sprintf("所在文件夹是指向站点文件夹之外的符号链接（%s）：出于安全考虑不予读取，请把文件复制到站点中", real)}
	}
	return rawfile.ReadFile(real)
}

// File is a file found by Walk.
type File struct {
	Rel string // relative to the folder walked, with "/"
	Abs string // the path to read
}

// Walk calls fn, in lexical order, for every file below the folder dir
// (relative to the site folder, with "/") that the rule lets be read, and
// reports the others to diags as errors. skip, when not nil, leaves out
// entries (and whole folders) before they are looked at. It warns about
// names holding control characters, which cannot be shown as they are. It
// returns an error that errors.Is fs.ErrNotExist, and reports nothing, when
// dir is not there; any other error it returns it has reported.
func (r *Root) Walk(dir string, diags *diag.List, skip func(rel string, d fs.DirEntry) bool, fn func(File)) error {
	root := r.Abs(dir)
	refuse := func(e *Error) error {
		diags.Errorf(e.File, 0, "%s", e.Msg)
		return e
	}
	st, err := os.Lstat(root)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return err
	case err != nil:
		return refuse(&Error{dir, fmt.Sprintf("无法读取：%v", err)})
	case !st.IsDir():
		if e := r.check(root, dir, st.Mode()); e != nil {
			return refuse(e)
		}
		return refuse(&Error{dir, "这是文件，不是文件夹：请改为文件夹"})
	}
	if real, err := filepath.EvalSymlinks(root); err != nil || !Within(r.real, real) {
		return refuse(&Error{dir, "所在文件夹是指向站点文件夹之外的符号链接：出于安全考虑不予读取"})
	}
	return filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if p == root && err != nil {
			return refuse(&Error{dir, fmt.Sprintf("无法读取：%v", err)})
		}
		if p == root {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		file := path.Join(dir, rel)
		if err != nil {
			diags.Errorf(file, 0, "无法读取：%v", err)
			return nil
		}
		if skip != nil && skip(rel, d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if diag.HasControl(d.Name()) {
			diags.Warnf(file, 0, "文件名中含有换行符等控制字符，在提示和网址中无法正确显示：请重命名该文件")
		}
		if d.IsDir() {
			return nil
		}
		if e := r.check(p, file, d.Type()); e != nil {
			diags.Errorf(e.File, 0, "%s", e.Msg)
			return nil
		}
		fn(File{Rel: rel, Abs: p})
		return nil
	})
}
