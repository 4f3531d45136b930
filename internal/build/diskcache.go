package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"djkb/internal/config"
	"djkb/internal/output"
	"djkb/internal/parallel"
	"djkb/internal/render"
	"djkb/internal/site"
)

// A diskCache is what djkb build keeps beside its output for the next
// build, in the folder ".NAME.djkb-cache": for every page file of the last
// two builds, the fingerprint of the view it was rendered from and the
// file's identity (what git's index trusts a file by, unread). A view
// whose fingerprint is unchanged is then not rendered again: its file is
// kept where the folder being rewritten holds it already, or copied from
// the last output.
//
// It can only save work. The whole cache is ignored when it cannot be
// read, fails its checksum, or was written by another djkb, for other
// options, site.toml or layouts (its key); a file is trusted only while
// its identity is the one recorded, and, as in git, not when it changed
// in the same tick as the cache was written (it may have changed again
// unseen). Deleting the folder is always safe.
type diskCache struct {
	dir string // the cache's folder
	out string // the output folder
	key [32]byte
	// since is when the cache file was written, by the file system's
	// clock: a file whose recorded times are not before it is racy.
	since int64
	dest  map[string]record // the files of the last build, the output
	spare map[string]record // those of the build before, the folder now rewritten

	kept map[string]record // the files of this build kept as the spare held them
	next map[string]record // the files of this build, once recorded
	now  int64             // the file system's time when they were
	tmp  string            // the cache file being written
}

// record says that the file known by stat holds the output of the view
// whose fingerprint is print.
type record struct {
	print uint64
	stat  fileStat
}

type fileStat struct {
	dev, ino           uint64
	size, mtime, ctime int64
}

// settled reports whether the file system's clock had passed both of the
// file's times at t: a change after t changes one of them (git's racy
// files).
func (st fileStat) settled(t int64) bool { return st.mtime < t && st.ctime < t }

const (
	cacheSuffix  = ".djkb-cache"
	cacheMagic   = "djkb build cache\n"
	cacheVersion = 2         // changes with the file's layout and with fphash's fingerprints
	outputsFile  = "outputs" // the cache's one file, so far
)

// CacheName is the cache folder of the output folder dest.
func CacheName(dest string) string {
	return filepath.Join(filepath.Dir(dest), "."+filepath.Base(dest)+cacheSuffix)
}

// buildID names this djkb: its version and settings, and the executable
// file itself, so that a rebuilt binary never reads an older one's cache.
var buildID = sync.OnceValue(func() string {
	var b bytes.Buffer
	if info, ok := debug.ReadBuildInfo(); ok {
		b.WriteString(info.String())
	}
	if exe, err := os.Executable(); err == nil {
		if fi, err := os.Stat(exe); err == nil {
			st, _ := statOf(fi)
			fmt.Fprintf(&b, "\n%s %v %v", exe, fi.ModTime().UnixNano(), st)
		}
	}
	return b.String()
})

// cacheKey fingerprints what the output depends on besides the content
// files, which the fingerprints cover: djkb itself, the build options,
// the time zone, site.toml and the layouts.
func cacheKey(opts Options) [32]byte {
	h := sha256.New()
	fmt.Fprintf(h, "%s%d\n%s\n", cacheMagic, cacheVersion, buildID())
	fmt.Fprintf(h, "drafts=%t nosearch=%t reload=%t nomarkdown=%t\n", opts.Drafts, opts.NoSearch, opts.LiveReload, opts.NoMarkdown)
	zone, offset := time.Now().Zone()
	fmt.Fprintf(h, "tz=%q %s %d\n", os.Getenv("TZ"), zone, offset)
	hashFile := func(p, rel string) {
		var data []byte
		fi, err := os.Stat(p)
		if err == nil && fi.Mode().IsRegular() {
			data, err = os.ReadFile(p)
		}
		fmt.Fprintf(h, "%q %d %v\n", rel, len(data), err)
		h.Write(data)
	}
	hashFile(filepath.Join(opts.SiteDir, config.FileName), config.FileName)
	layouts := filepath.Join(opts.SiteDir, "layouts")
	filepath.WalkDir(layouts, func(p string, d fs.DirEntry, err error) error {
		// Only regular files are read (a named pipe would block); the
		// layouts' own loader refuses anything else.
		if fi, serr := os.Stat(p); err == nil && serr == nil && fi.Mode().IsRegular() {
			rel, _ := filepath.Rel(layouts, p)
			hashFile(p, filepath.ToSlash(rel))
		}
		return nil
	})
	return [32]byte(h.Sum(nil))
}

// newDiskCache is the cache of the output dest, not read yet.
func newDiskCache(dest string) *diskCache { return &diskCache{dir: CacheName(dest), out: dest} }

// open reads the cache for a build with opts; a cache that is missing,
// unreadable or of another key is empty.
func (c *diskCache) open(opts Options) {
	c.key = cacheKey(opts)
	if data, err := os.ReadFile(filepath.Join(c.dir, outputsFile)); err != nil || !c.decode(data) {
		c.dest, c.spare = nil, nil
	}
}

// decode fills c from data; false when data is not a whole cache of c's
// key.
func (c *diskCache) decode(data []byte) bool {
	if len(data) < sha256.Size {
		return false
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return false
	}
	r := &reader{b: body}
	if string(r.bytes(len(cacheMagic))) != cacheMagic || r.u64() != cacheVersion || !bytes.Equal(r.bytes(32), c.key[:]) {
		return false
	}
	c.since = int64(r.u64())
	n := r.uvarint()
	if r.bad || n > uint64(len(body)) {
		return false
	}
	c.dest, c.spare = make(map[string]record, n), make(map[string]record, n)
	for range n {
		name := string(r.bytes(int(r.uvarint())))
		flags := r.byte()
		if flags&1 != 0 {
			c.dest[name] = r.record()
		}
		if flags&2 != 0 {
			c.spare[name] = r.record()
		}
	}
	return !r.bad && len(r.b) == 0
}

// reader reads a cache file; bad is set, and zeros returned, once it runs
// past the end.
type reader struct {
	b   []byte
	bad bool
}

func (r *reader) bytes(n int) []byte {
	if n < 0 || n > len(r.b) {
		r.bad, r.b = true, nil
		return nil
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u64() uint64 {
	if b := r.bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func (r *reader) byte() byte {
	if b := r.bytes(1); b != nil {
		return b[0]
	}
	return 0
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad, r.b = true, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) record() record {
	return record{print: r.u64(), stat: fileStat{dev: r.u64(), ino: r.u64(),
		size: int64(r.u64()), mtime: int64(r.u64()), ctime: int64(r.u64())}}
}

func appendRecord(b []byte, rec record) []byte {
	for _, v := range []uint64{rec.print, rec.stat.dev, rec.stat.ino, uint64(rec.stat.size), uint64(rec.stat.mtime), uint64(rec.stat.ctime)} {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	return b
}

// trusted reports whether the file now known by st is the one rec
// describes, unchanged since: its identity is the one recorded, and it
// had not changed in the tick the cache was written.
func (c *diskCache) trusted(rec record, st fileStat) bool {
	return st == rec.stat && st.settled(c.since)
}

// rebuild reports whether the cache knows a last build to reuse files
// of, and that build's output is still there.
func (c *diskCache) rebuild() bool {
	if c == nil || len(c.dest) == 0 {
		return false
	}
	_, err := os.Stat(c.out)
	return err == nil
}

// reuse puts into out, unrendered, the files of the views whose
// fingerprint (prints, in order) is that of a file the last two builds
// left, and reports which.
func (c *diskCache) reuse(views []*render.View, prints []uint64, out *output.Dir) ([]bool, error) {
	done := make([]bool, len(views))
	kept := make([]bool, len(views))
	errs := make([]error, len(views))
	parallel.Each(len(views), func(i int) {
		kept[i], done[i], errs[i] = c.reuseFile(site.OutputFile(views[i].URLPath), prints[i], out)
	})
	// A kept file's record stands: it was read after the file system's
	// clock had passed the file's times (they are before the last
	// cache's), so record need not read it again.
	c.kept = make(map[string]record)
	for i, v := range views {
		if kept[i] {
			name := site.OutputFile(v.URLPath)
			c.kept[name] = c.spare[name]
		}
	}
	return done, errors.Join(errs...)
}

// reuseFile puts the file name, whose view's fingerprint is print, into
// out from the last two builds' files, if they hold it: where out already
// holds it, it is kept; else it is copied from the last output.
func (c *diskCache) reuseFile(name string, print uint64, out *output.Dir) (kept, done bool, err error) {
	if rec, ok := c.spare[name]; ok && rec.print == print {
		if fi, err := os.Lstat(out.Path(name)); err == nil {
			if st, ok := statOf(fi); ok && c.trusted(rec, st) && out.Keep(name) {
				return true, true, nil
			}
		}
	}
	rec, ok := c.dest[name]
	if !ok || rec.print != print {
		return false, false, nil
	}
	data, ok := c.readTrusted(out.DestPath(name), rec)
	if !ok {
		return false, false, nil
	}
	return false, true, out.WriteFile(name, data)
}

// readTrusted reads the file at p if it is, before and after reading, the
// one rec describes.
func (c *diskCache) readTrusted(p string, rec record) ([]byte, bool) {
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	same := func() bool {
		fi, err := f.Stat()
		if err != nil {
			return false
		}
		st, ok := statOf(fi)
		return ok && c.trusted(rec, st)
	}
	if !same() {
		return nil, false
	}
	data := make([]byte, rec.stat.size)
	if _, err := io.ReadFull(f, data); err != nil || !same() {
		return nil, false
	}
	return data, true
}

// maxRacyWait bounds how long record waits for the file system's clock to
// pass the files it wrote last.
const maxRacyWait = 50 * time.Millisecond

// record notes the files of views (prints, in order), all written into out
// by now, for the next build. Each is known by its identity as read after
// the file system's clock had passed its modification: a change after
// that changes its time, so no change goes unseen (git's racy files,
// avoided rather than re-read). The file system's clock is read from the
// cache file, begun now and finished by save.
func (c *diskCache) record(views []*render.View, prints []uint64, out *output.Dir) {
	c.next = nil
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return
	}
	old, _ := filepath.Glob(filepath.Join(c.dir, outputsFile+".*.tmp"))
	for _, o := range old {
		os.Remove(o)
	}
	f, err := os.CreateTemp(c.dir, outputsFile+".*.tmp")
	if err != nil {
		return
	}
	defer f.Close()
	c.tmp = f.Name()
	recs := make([]record, len(views))
	ok := make([]bool, len(views))
	racy := make([]int, 0, len(views)) // the files still to read
	for i, v := range views {
		if rec, kept := c.kept[site.OutputFile(v.URLPath)]; kept {
			recs[i], ok[i] = rec, true
		} else {
			racy = append(racy, i)
		}
	}
	for wait := time.Duration(0); ; wait += time.Millisecond {
		now, known := clock(f)
		if !known {
			return
		}
		c.now = now
		parallel.Each(len(racy), func(k int) {
			i := racy[k]
			ok[i] = false
			if fi, err := os.Lstat(out.Path(site.OutputFile(views[i].URLPath))); err == nil {
				recs[i].print = prints[i]
				recs[i].stat, ok[i] = statOf(fi)
			}
		})
		racy = slices.DeleteFunc(racy, func(i int) bool { return !ok[i] || recs[i].stat.settled(now) })
		if len(racy) == 0 || wait >= maxRacyWait {
			break
		}
		time.Sleep(time.Millisecond)
	}
	for _, i := range racy {
		ok[i] = false // the next build renders it again
	}
	c.next = make(map[string]record, len(views))
	for i, v := range views {
		if ok[i] {
			c.next[site.OutputFile(v.URLPath)] = recs[i]
		}
	}
}

// clock returns the file system's time, as it stamps a write to f.
func clock(f *os.File) (int64, bool) {
	if _, err := f.WriteAt([]byte{0}, 0); err != nil {
		return 0, false
	}
	fi, err := f.Stat()
	if err != nil {
		return 0, false
	}
	st, ok := statOf(fi)
	return min(st.mtime, st.ctime), ok
}

// save writes the cache for the next build, once this one is the output:
// its files are the destination's, and the last build's the spare's. It
// writes the file record began beside the cache file and renames it into
// place, so that a build killed meanwhile leaves the old cache or none,
// and never half of one.
func (c *diskCache) save() error {
	if c.tmp != "" {
		defer os.Remove(c.tmp) // once renamed, there is nothing to remove
	}
	if c.next == nil {
		return errors.New("nothing recorded")
	}
	names := make([]string, 0, len(c.next))
	for name := range c.next {
		names = append(names, name)
	}
	slices.Sort(names)
	b := append([]byte(cacheMagic), make([]byte, 0, 64+len(names)*128)...)
	b = binary.LittleEndian.AppendUint64(b, cacheVersion)
	b = append(b, c.key[:]...)
	b = binary.LittleEndian.AppendUint64(b, uint64(c.now))
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, name := range names {
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(b, name...)
		// The last build's file is now the spare's; one that was racy
		// stays untrusted, though it would not be against the new time.
		spare, ok := c.dest[name]
		ok = ok && spare.stat.settled(c.since)
		flags := byte(1)
		if ok {
			flags |= 2
		}
		b = append(b, flags)
		b = appendRecord(b, c.next[name])
		if ok {
			b = appendRecord(b, spare)
		}
	}
	sum := sha256.Sum256(b)
	if err := os.WriteFile(c.tmp, append(b, sum[:]...), 0o644); err != nil {
		return err
	}
	dst := filepath.Join(c.dir, outputsFile)
	if os.Rename(c.tmp, dst) == nil {
		return nil
	}
	os.RemoveAll(dst) // something else of that name, in the cache's own folder
	return os.Rename(c.tmp, dst)
}

// forget deletes the cache: the next build starts from nothing.
func (c *diskCache) forget() { os.Remove(filepath.Join(c.dir, outputsFile)) }
