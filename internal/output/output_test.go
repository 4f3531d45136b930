package output

import (
	"maps"
	"os"
	"path/filepath"
	"strings"
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
		if rel == StampName {
			return nil
		}
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

// userFiles are what a user keeps in a folder that is not djkb's.
var userFiles = map[string]string{"年度报告.docx": "x", "site.toml": "title = \"站\"", "content/a.md": "# 甲"}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// mustHave fails unless every file in files is in dir with its content.
func mustHave(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != data {
			t.Fatalf("%s: %q, %v; want %q", name, got, err, data)
		}
	}
}

func TestAFolderThatIsNotDjkbsIsNeverWritten(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "mydocs")
	writeFiles(t, dest, userFiles)
	for range 3 {
		_, err := Begin(dest)
		if err == nil || !strings.Contains(err.Error(), "不是 djkb 生成的") {
			t.Fatalf("a folder of someone else's files was accepted: %v", err)
		}
		mustHave(t, dest, userFiles)
	}
	if _, err := os.Stat(SpareName(dest)); !os.IsNotExist(err) {
		t.Errorf("a refused build left %s: %v", SpareName(dest), err)
	}
}

func TestAnEmptyFolderIsTaken(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	os.Mkdir(dest, 0o755)
	for _, v := range []string{"一", "二", "三"} {
		build(t, dest, map[string]string{"index.html": v})
		mustHave(t, dest, map[string]string{"index.html": v})
	}
}

func TestFilesDroppedIntoTheOutputAreKept(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	site := map[string]string{"index.html": "一", "a/index.html": "甲"}
	build(t, dest, site)
	build(t, dest, site) // the kept previous site exists from now on
	dropped := map[string]string{"年度报告.docx": "x", "a/笔记.txt": "y"}
	writeFiles(t, dest, dropped)
	for range 3 {
		d, err := Begin(dest)
		if err != nil {
			t.Fatal(err)
		}
		d.WriteFile("index.html", []byte("二"))
		err = d.Commit()
		if err == nil || !strings.Contains(err.Error(), "a/笔记.txt") || !strings.Contains(err.Error(), "年度报告.docx") {
			t.Fatalf("a build replaced an output holding the user's files: %v", err)
		}
		mustHave(t, dest, dropped)
		mustHave(t, dest, site)
	}
	for name := range dropped {
		os.Remove(filepath.Join(dest, name))
	}
	build(t, dest, map[string]string{"index.html": "二"})
	mustHave(t, dest, map[string]string{"index.html": "二"})
}

func TestAKeptSiteThatIsNotDjkbsIsLeftAlone(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	writeFiles(t, SpareName(dest), userFiles)
	for _, v := range []string{"一", "二", "三"} {
		build(t, dest, map[string]string{"index.html": v})
		mustHave(t, dest, map[string]string{"index.html": v})
		mustHave(t, SpareName(dest), userFiles)
	}
}

func TestLeftoversAreDeletedOnlyWhenStamped(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	theirs := filepath.Join(filepath.Dir(dest), ".public"+tmpMarker+"mine")
	mine := filepath.Join(filepath.Dir(dest), ".public"+tmpMarker+"123")
	writeFiles(t, theirs, userFiles)
	writeFiles(t, mine, map[string]string{StampName: stampHeader, "index.html": "半途"})
	build(t, dest, map[string]string{"index.html": "一"})
	mustHave(t, theirs, userFiles)
	if _, err := os.Stat(mine); !os.IsNotExist(err) {
		t.Errorf("a killed build's leftover was kept: %v", err)
	}
}

func TestAFailedWriteFreesTheKeptSite(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	build(t, dest, map[string]string{"index.html": "一"})
	build(t, dest, map[string]string{"index.html": "二"})
	d, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("三"))
	if err := d.WriteFile(strings.Repeat("长", 100)+"/index.html", []byte("x")); err == nil {
		t.Fatal("a file name of 300 bytes was written")
	}
	d.Abort()
	if _, err := os.Stat(SpareName(dest)); !os.IsNotExist(err) {
		t.Errorf("a build whose write failed kept its half-written folder: %v", err)
	}
	mustHave(t, dest, map[string]string{"index.html": "二"})
}

func TestTheStampListsWhatTheBuildWrote(t *testing.T) {
	dir := t.TempDir()
	names := map[string]bool{"index.html": true, "a\nb.txt": true, "\"q\".txt": true, "#x": true, "中文/页.html": true, "esc\x1b.txt": true}
	if err := writeStamp(dir, names); err != nil {
		t.Fatal(err)
	}
	got, err := readStamp(dir)
	if err != nil || !maps.Equal(got, names) {
		t.Fatalf("read back %v, %v; want %v", got, err, names)
	}
}

// TestKeep: a file the folder being rewritten already holds is kept as
// written by this build, untouched and listed in the stamp; a fresh folder,
// a file written already, or a name it does not hold is refused.
func TestKeep(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	v1 := map[string]string{"index.html": "首页", "a/b/index.html": "甲"}
	build(t, dest, v1)
	d, err := Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	if d.Keep("a/b/index.html") {
		t.Error("a fresh folder holds nothing to keep")
	}
	d.Abort()
	build(t, dest, v1) // the first site is now the kept previous one
	d, err = Begin(dest)
	if err != nil {
		t.Fatal(err)
	}
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	os.Chtimes(d.Path("a/b/index.html"), old, old)
	if !d.Keep("a/b/index.html") {
		t.Fatal("a file of the kept site was not kept")
	}
	if d.Keep("a/b/index.html") || d.Keep("none.html") {
		t.Error("a file kept twice, or one that is not there, was kept")
	}
	if err := d.WriteFile("index.html", []byte("首页")); err != nil {
		t.Fatal(err)
	}
	if d.Keep("index.html") {
		t.Error("a file written was kept")
	}
	if got := d.DestPath("index.html"); got != filepath.Join(dest, "index.html") {
		t.Errorf("DestPath = %s", got)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(filepath.Join(dest, "a/b/index.html")); err != nil || !st.ModTime().Equal(old) {
		t.Errorf("the kept file was not kept as it was: %v", err)
	}
	if stamp, _ := readStamp(dest); !stamp["a/b/index.html"] || !stamp["index.html"] {
		t.Errorf("the stamp does not list the kept file: %v", stamp)
	}
}
