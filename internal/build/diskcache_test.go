package build

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"djkb"
	"djkb/internal/output"
)

// buildCached and buildClean build site into out with and without the
// cache beside the output.
func buildCached(site, out string) (*Result, error) {
	return Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: testing.Short()})
}

func buildClean(t *testing.T, site string) (*Result, string, error) {
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: testing.Short(), NoCache: true})
	return res, out, err
}

// sameTree fails unless the folders hold the same files, byte for byte.
func sameTree(t *testing.T, what, got, want string) {
	t.Helper()
	a, b := snapshot(t, got), snapshot(t, want)
	if len(a) != len(b) {
		t.Fatalf("%s: %d files with the cache, %d without", what, len(a), len(b))
	}
	for p, sum := range a {
		rel, _ := filepath.Rel(got, p)
		if b[filepath.Join(want, rel)] != sum {
			x, _ := os.ReadFile(p)
			y, _ := os.ReadFile(filepath.Join(want, rel))
			i := 0
			for i < len(x) && i < len(y) && x[i] == y[i] {
				i++
			}
			lo := max(0, i-150)
			t.Fatalf("%s: %s differs at byte %d\ncached: %q\nclean:  %q", what, rel, i, x[lo:min(len(x), i+150)], y[lo:min(len(y), i+150)])
		}
	}
}

// leftBeside lists what a build left beside the output folder out but
// the cache, which stays.
func leftBeside(out string) []string {
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(out), "."+filepath.Base(out)+"*"))
	return slices.DeleteFunc(left, func(p string) bool { return p == CacheName(out) })
}

// TestCacheEqualsNoCache is the cache's promise: after random edits of
// pages, site.toml and a layout, and random harm to the output folders
// and the cache, a build with the cache writes byte for byte what a build
// without it writes, and reports the same problems.
func TestCacheEqualsNoCache(t *testing.T) {
	root, _ := filepath.Abs("../..")
	seeds, steps := []uint64{1, 2, 3, 4}, 24
	if testing.Short() {
		seeds, steps = []uint64{1, 2}, 10
	}
	layout, err := os.ReadFile(filepath.Join(root, "layouts", "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, seed := range seeds {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			site := copySample(t, root, "")
			out := filepath.Join(t.TempDir(), "public")
			if _, err := buildCached(site, out); err != nil {
				t.Fatal(err)
			}
			rng := rand.New(rand.NewPCG(seed, 26))
			for step := range steps {
				var op string
				switch k := rng.IntN(16); {
				case k == 10: // site.toml
					cfg := filepath.Join(site, "site.toml")
					data, _ := os.ReadFile(cfg)
					os.WriteFile(cfg, bytes.Replace(data, []byte(`title = "`), []byte(`title = "改`), 1), 0o644)
					op = "site.toml"
				case k == 11: // a layout of the site's own, or none again
					p := filepath.Join(site, "layouts", "404.html")
					if _, err := os.Stat(p); err == nil && rng.IntN(2) == 0 {
						os.RemoveAll(filepath.Join(site, "layouts"))
						op = "layout removed"
					} else {
						os.MkdirAll(filepath.Dir(p), 0o755)
						os.WriteFile(p, bytes.Replace(layout, []byte("页面不存在"), fmt.Appendf(nil, "页面不存在%d", step), 1), 0o644)
						op = "layout"
					}
				case k == 12: // harm the output folders
					op = harmOutput(t, rng, out)
				case k == 13: // a page changed with its size and time kept
					op = sameSizeEdit(t, rng, site)
				case k >= 14: // a page moved: the pages linking to it change, not their files
					op = reslug(t, rng, site, step)
				default:
					op, _ = randomEdit(t, rng, site)
				}
				what := fmt.Sprintf("step %d (%s)", step, op)
				res, err := buildCached(site, out)
				cleanRes, clean, cleanErr := buildClean(t, site)
				if (err == nil) != (cleanErr == nil) {
					t.Fatalf("%s: error %v with the cache, %v without\n%v", what, err, cleanErr, cleanRes.Diags)
				}
				if fmt.Sprint(res.Diags) != fmt.Sprint(cleanRes.Diags) {
					t.Fatalf("%s: problems differ\ncached %v\nclean  %v", what, res.Diags, cleanRes.Diags)
				}
				if err == nil {
					sameTree(t, what, out, clean)
				}
			}
		})
	}
}

// harmOutput does to the output, the kept previous site or the cache what
// a person or a crash might, and says what.
func harmOutput(t *testing.T, rng *rand.Rand, out string) string {
	t.Helper()
	cache := filepath.Join(CacheName(out), outputsFile)
	switch rng.IntN(5) {
	case 0:
		os.RemoveAll(output.SpareName(out))
		return "previous site deleted"
	case 1:
		os.RemoveAll(CacheName(out))
		return "cache deleted"
	case 2:
		data, _ := os.ReadFile(cache)
		if len(data) > 0 {
			data[rng.IntN(len(data))] ^= 1 << rng.IntN(8)
			os.WriteFile(cache, data, 0o644)
		}
		return "cache bit flipped"
	case 3:
		if _, err := Run(Options{SiteDir: filepath.Join(out, "..", "none"), OutDir: out, Defaults: djkb.Defaults, NoCache: true}); err == nil {
			t.Fatal("a build of a missing site succeeded")
		}
		return "failed build"
	default:
		n := tamperHTML(t, output.SpareName(out)) + tamperHTML(t, out)
		return fmt.Sprintf("%d output files changed, size and time kept", n)
	}
}

// tamperHTML changes every HTML file below dir to other bytes of the
// same size, and puts its modification time back.
func tamperHTML(t *testing.T, dir string) int {
	t.Helper()
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil
		}
		data, _ := os.ReadFile(p)
		if i := bytes.IndexByte(data, '>'); i >= 0 {
			data[i] = ']'
			os.WriteFile(p, data, fi.Mode())
			os.Chtimes(p, fi.ModTime(), fi.ModTime())
			n++
		}
		return nil
	})
	return n
}

// editSomePage offers up to 20 page files of site, picked at random, to
// edit (with the file's path and bytes) until it changes one, and returns
// that page, "" when it changed none.
func editSomePage(t *testing.T, rng *rand.Rand, site string, edit func(p string, data []byte) bool) string {
	t.Helper()
	files := pageFiles(t, site)
	for range 20 {
		rel := files[rng.IntN(len(files))]
		p := filepath.Join(site, filepath.FromSlash(rel))
		if data, err := os.ReadFile(p); err == nil && edit(p, data) {
			return rel
		}
	}
	return ""
}

// sameSizeEdit changes one character of a page to another of the same
// length in bytes, and puts the file's time back.
func sameSizeEdit(t *testing.T, rng *rand.Rand, site string) string {
	t.Helper()
	rel := editSomePage(t, rng, site, func(p string, data []byte) bool {
		fi, err := os.Stat(p)
		if err != nil {
			return false
		}
		for _, pair := range [][2]string{{"的", "地"}, {"党", "觉"}, {"条", "款"}} {
			if i := bytes.LastIndex(data, []byte(pair[0])); i >= 0 {
				copy(data[i:], pair[1])
				os.WriteFile(p, data, fi.Mode())
				os.Chtimes(p, fi.ModTime(), fi.ModTime())
				return true
			}
		}
		return false
	})
	if rel == "" {
		return "nothing"
	}
	return "same size and time: " + rel
}

// reslug gives a page another address by its slug.
func reslug(t *testing.T, rng *rand.Rand, site string, step int) string {
	t.Helper()
	rel := editSomePage(t, rng, site, func(p string, data []byte) bool {
		if !bytes.HasPrefix(data, []byte("+++\n")) || bytes.Contains(data, []byte("\nslug")) {
			return false
		}
		os.WriteFile(p, fmt.Appendf(nil, "+++\nslug = \"改址%d\"\n%s", step, data[4:]), 0o644)
		return true
	})
	if rel == "" {
		return "nothing"
	}
	return "reslug " + rel
}

// twoBuilds builds the sample site twice into a fresh output, so that the
// cache and the kept previous site are both there.
func twoBuilds(t *testing.T) (site, out string) {
	t.Helper()
	root, _ := filepath.Abs("../..")
	site = copySample(t, root, "")
	out = filepath.Join(t.TempDir(), "public")
	for range 2 {
		if _, err := buildCached(site, out); err != nil {
			t.Fatal(err)
		}
	}
	return site, out
}

// editBody adds a paragraph to one page of site.
func editBody(t *testing.T, site string) {
	t.Helper()
	p := filepath.Join(site, "content", "brands", "巾帼红.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(data, "\n\n新增一段。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestCacheRendersOnlyWhatChanged: after one page's body changes, a build
// with the cache renders only the views that show it, and the next build
// with nothing changed renders none; the result is a clean build's.
func TestCacheRendersOnlyWhatChanged(t *testing.T) {
	site, out := twoBuilds(t)
	editBody(t, site)
	res, err := buildCached(site, out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered == 0 || res.Rendered > res.Files/10 {
		t.Errorf("rendered %d of %d views after one edit", res.Rendered, res.Files)
	}
	res, err = buildCached(site, out)
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered != 0 {
		t.Errorf("rendered %d views with nothing changed", res.Rendered)
	}
	_, clean, _ := buildClean(t, site)
	sameTree(t, "after one edit", out, clean)
}

// TestCorruptCacheIsIgnored: a cache cut short, with a byte changed, of
// another djkb, version or options, or written by a build killed before it
// was renamed into place, is ignored as a whole: every view is rendered
// and the output is a clean build's.
func TestCorruptCacheIsIgnored(t *testing.T) {
	site, out := twoBuilds(t)
	cache := filepath.Join(CacheName(out), outputsFile)
	good, err := os.ReadFile(cache)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]func(){
		"empty":       func() { os.WriteFile(cache, nil, 0o644) },
		"a folder":    func() { os.Remove(cache); os.Mkdir(cache, 0o755) },
		"no checksum": func() { os.WriteFile(cache, good[:len(good)-32], 0o644) },
	}
	// Places in the file: the header, the key, the count, the records,
	// the checksum; negative ones count from the end.
	at := func(i int) int {
		if i < 0 {
			return len(good) + i
		}
		return min(i, len(good)-1)
	}
	for _, i := range []int{1, 17, 60, 2000, -1} {
		cases[fmt.Sprint("cut to ", i)] = func() { os.WriteFile(cache, good[:at(i)], 0o644) }
	}
	for _, i := range []int{0, 20, 70, 90, 3000, -40, -1} {
		cases[fmt.Sprint("byte ", i, " flipped")] = func() {
			bad := bytes.Clone(good)
			bad[at(i)] ^= 0x10
			os.WriteFile(cache, bad, 0o644)
		}
	}
	cases["another djkb"] = func() {
		old := buildID
		buildID = func() string { return "djkb 0.1" }
		t.Cleanup(func() { buildID = old })
	}
	cases["an older version"] = func() {
		old := bytes.Clone(good[:len(good)-sha256.Size])
		binary.LittleEndian.PutUint64(old[len(cacheMagic):], cacheVersion-1)
		sum := sha256.Sum256(old)
		os.WriteFile(cache, append(old, sum[:]...), 0o644)
	}
	cases["killed while written"] = func() {
		os.WriteFile(cache+".123.tmp", good[:len(good)/2], 0o644)
		os.Remove(cache)
	}
	for what, harm := range cases {
		t.Run(what, func(t *testing.T) {
			os.RemoveAll(cache)
			os.WriteFile(cache, good, 0o644)
			harm()
			editBody(t, site)
			res, err := buildCached(site, out)
			if err != nil {
				t.Fatal(err)
			}
			if res.Rendered != res.Files {
				t.Errorf("rendered %d of %d views: the cache was used", res.Rendered, res.Files)
			}
			_, clean, _ := buildClean(t, site)
			sameTree(t, what, out, clean)
			if left, _ := filepath.Glob(filepath.Join(CacheName(out), "*.tmp")); len(left) > 0 {
				t.Errorf("left over: %v", left)
			}
			if data, err := os.ReadFile(cache); err == nil {
				good = data // the cache of the output as it is now
			} else {
				t.Fatalf("no cache written: %v", err)
			}
		})
	}
}

// TestCacheOfOtherOptions: a cache written by a build with other options
// is ignored, and --no-cache neither reads nor writes it.
func TestCacheOfOtherOptions(t *testing.T) {
	site, out := twoBuilds(t)
	cache := filepath.Join(CacheName(out), outputsFile)
	before, _ := os.Stat(cache)
	res, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: testing.Short(), NoCache: true})
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := os.Stat(cache); res.Rendered != res.Files || !after.ModTime().Equal(before.ModTime()) {
		t.Errorf("--no-cache: rendered %d of %d views, cache written: %v", res.Rendered, res.Files, !after.ModTime().Equal(before.ModTime()))
	}
	res, err = Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: testing.Short(), Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Rendered != res.Files {
		t.Errorf("with drafts: rendered %d of %d views: the cache of a build without them was used", res.Rendered, res.Files)
	}
}

// TestTrusted: a file is trusted only by its recorded identity, and not
// when it changed in the tick the cache was written (git's racy rule: it
// may have changed again since, unseen).
func TestTrusted(t *testing.T) {
	rec := record{print: 1, stat: fileStat{dev: 1, ino: 2, size: 3, mtime: 100, ctime: 100}}
	c := &diskCache{since: 200}
	for _, tc := range []struct {
		what  string
		st    fileStat
		since int64
		want  bool
	}{
		{"the same", rec.stat, 200, true},
		{"another inode", fileStat{dev: 1, ino: 9, size: 3, mtime: 100, ctime: 100}, 200, false},
		{"another size", fileStat{dev: 1, ino: 2, size: 4, mtime: 100, ctime: 100}, 200, false},
		{"changed since", fileStat{dev: 1, ino: 2, size: 3, mtime: 100, ctime: 150}, 200, false},
		{"racy: written in the tick of the cache", rec.stat, 100, false},
		{"racy: written after the cache", rec.stat, 50, false},
	} {
		c.since = tc.since
		if got := c.trusted(rec, tc.st); got != tc.want {
			t.Errorf("%s: trusted %v, want %v", tc.what, got, tc.want)
		}
	}
}

// TestCacheBesideOutput: the cache lives beside the output, never in it,
// and deleting it only costs the next build its head start.
func TestCacheBesideOutput(t *testing.T) {
	site, out := twoBuilds(t)
	if _, err := os.Stat(filepath.Join(filepath.Dir(out), ".public.djkb-cache", "outputs")); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{out, output.SpareName(out)} {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if strings.Contains(p, "cache") {
				t.Errorf("%s is in the output", p)
			}
			return nil
		})
	}
	os.RemoveAll(CacheName(out))
	editBody(t, site)
	time.Sleep(time.Millisecond)
	if _, err := buildCached(site, out); err != nil {
		t.Fatal(err)
	}
	_, clean, _ := buildClean(t, site)
	sameTree(t, "cache deleted", out, clean)
}

// TestTamperedOutputNotTrusted: files of the output and of the kept
// previous site changed to other bytes of the same size, their time put
// back, are not reused: the cache knows a file by its inode and change
// time too, which no one can put back.
func TestTamperedOutputNotTrusted(t *testing.T) {
	site, out := twoBuilds(t)
	if tamperHTML(t, out)+tamperHTML(t, output.SpareName(out)) == 0 {
		t.Fatal("nothing to tamper with")
	}
	res, err := buildCached(site, out)
	if err != nil {
		t.Fatal(err)
	}
	_, clean, _ := buildClean(t, site)
	sameTree(t, fmt.Sprintf("tampered (%d of %d views rendered)", res.Rendered, res.Files), out, clean)
}
