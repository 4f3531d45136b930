package output

import (
	"maps"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// build writes files (name → content) as one build into dest.
func build(t *testing.T, dest string, files map[string]string) {
	t.Helper()
	d, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := d.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.MkdirAll("empty/on-purpose"); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
}

// tree reads every file under dir (name → content); folders end in "/".
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if e.IsDir() {
			got[rel+"/"] = ""
			return nil
		}
		data, err := os.ReadFile(p)
		got[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// want is files plus the folders they imply and the one made on purpose.
func want(files map[string]string) map[string]string {
	w := maps.Clone(files)
	for name := range files {
		for dir := filepath.Dir(name); dir != "."; dir = filepath.Dir(dir) {
			w[filepath.ToSlash(dir)+"/"] = ""
		}
	}
	w["empty/"], w["empty/on-purpose/"] = "", ""
	return w
}

func TestRebuildsReuseThePreviousSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	v1 := map[string]string{"index.html": "首页", "a/index.html": "甲", "b/index.html": "乙", "b/c/index.html": "丙", "x": "file"}
	v2 := map[string]string{"index.html": "首页", "a/index.html": "甲（修改）", "d/index.html": "丁", "x/index.html": "folder now"}
	v3 := map[string]string{"index.html": "首页", "a/index.html": "甲", "b/index.html": "乙更长的内容", "e/f/g.txt": "戊"}
	for i, v := range []map[string]string{v1, v2, v3, v1, v1} {
		build(t, dest, v)
		if got, w := tree(t, dest), want(v); !maps.Equal(got, w) {
			t.Fatalf("build %d: output\n%v\nwant\n%v", i+1, got, w)
		}
	}
	spare := SpareName(dest)
	if got, w := tree(t, spare), want(v1); !maps.Equal(got, w) {
		t.Fatalf("the kept previous site is not the one replaced:\n%v\nwant\n%v", got, w)
	}

	// A file whose bytes are unchanged is not rewritten.
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	os.Chtimes(filepath.Join(spare, "a/index.html"), old, old)
	os.Chtimes(filepath.Join(spare, "index.html"), old, old)
	v4 := maps.Clone(v1)
	v4["index.html"] = "新首页"
	build(t, dest, v4)
	if st, _ := os.Stat(filepath.Join(dest, "a/index.html")); !st.ModTime().Equal(old) {
		t.Errorf("an unchanged file was rewritten")
	}
	if st, _ := os.Stat(filepath.Join(dest, "index.html")); st.ModTime().Equal(old) {
		t.Errorf("a changed file was not rewritten")
	}
}

func TestLinksInTheKeptSiteAreNotFollowed(t *testing.T) {
	root := t.TempDir()
	dest := filepath.Join(root, "public")
	build(t, dest, map[string]string{"index.html": "一"})
	build(t, dest, map[string]string{"index.html": "二"})
	outside := filepath.Join(root, "outside.txt")
	os.WriteFile(outside, []byte("不要改我"), 0o644)
	os.Remove(filepath.Join(SpareName(dest), "index.html"))
	if err := os.Symlink(outside, filepath.Join(SpareName(dest), "index.html")); err != nil {
		t.Skip(err)
	}
	build(t, dest, map[string]string{"index.html": "三"})
	if data, _ := os.ReadFile(outside); string(data) != "不要改我" {
		t.Fatalf("a build wrote through a link: %q", data)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "三" {
		t.Fatalf("output %q", data)
	}
}

func TestConcurrentBuildsDoNotShareTheKeptSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, map[string]string{"index.html": "一"})
	a, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if a.tmp == b.tmp {
		t.Fatalf("two builds write into the same folder %s", a.tmp)
	}
	a.WriteFile("index.html", []byte("甲"))
	b.WriteFile("index.html", []byte("乙"))
	if err := a.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "乙" {
		t.Fatalf("output %q, want the last build's", data)
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(dest), ".public"+tmpMarker+"*")); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

func TestAbortLeavesTheDestination(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, map[string]string{"index.html": "一"})
	build(t, dest, map[string]string{"index.html": "二"})
	d, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("半途"))
	d.Abort()
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "二" {
		t.Fatalf("output %q after an aborted build", data)
	}
	d, _ = Begin(dest)
	d.WriteFile("index.html", []byte("磁盘满了"))
	d.Discard()
	if _, err := os.Stat(SpareName(dest)); !os.IsNotExist(err) {
		t.Errorf("Discard kept the spare folder: %v", err)
	}
	build(t, dest, map[string]string{"index.html": "三"})
	if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != "三" {
		t.Fatalf("output %q", data)
	}
}
