package main

// End-to-end tests of the djkb binary for what a careless user may do with
// their own files: every file they had is still there, byte for byte,
// however many builds they run.

import (
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"djkb/internal/sitetest"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// djkb builds the command once per test run and returns its path.
func djkb(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "djkb-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "djkb")
		if out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput(); err != nil {
			binErr = &exec.ExitError{Stderr: out}
		}
	})
	if binErr != nil {
		t.Fatalf("go build: %v", binErr)
	}
	return binPath
}

// runIn runs the binary in dir and returns its exit code and what it printed.
func runIn(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(djkb(t), args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

// userSite is a small site with a file of the user's beside it.
func userSite(t *testing.T) (dir string, files map[string]string) {
	files = map[string]string{
		"site.toml":                 "title = \"测试站点\"\n",
		"content/regulations/甲.md":  "# 甲规定\n\n第一条　内容。\n",
		"content/cases/乙.md":        "# 乙案例\n",
		"content/_index.md":         "# 首页\n",
		"layouts/partials/note.txt": "不是模板",
		"static/css/mine.css":       "body{}",
		"mydocs/年度报告.docx":          "报告",
		"mydocs/子文件夹/笔记.md":         "# 笔记",
		"public-notes/readme.txt":   "别删",
	}
	dir = t.TempDir()
	sitetest.Write(t, dir, files)
	return dir, files
}

// intact fails unless every file of files is in dir as written.
func intact(t *testing.T, dir string, files map[string]string, after string) {
	t.Helper()
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Fatalf("after %s, %s is %q (%v), want %q", after, name, got, err, want)
		}
	}
}

func TestBuildingIntoAUsersFolderLosesNothing(t *testing.T) {
	for _, tc := range []struct{ out, why string }{
		{"content", "与站点的 content/ 文件夹重叠"},
		{"content/regulations", "与站点的 content/ 文件夹重叠"},
		{"layouts", "与站点的 layouts/ 文件夹重叠"},
		{"static/out", "与站点的 static/ 文件夹重叠"},
		{".", "就是站点文件夹或包含站点文件夹"},
		{"..", "就是站点文件夹或包含站点文件夹"},
		{"mydocs", "不是 djkb 生成的"},
		{"mydocs/子文件夹", "不是 djkb 生成的"},
		{"public-notes", "不是 djkb 生成的"},
	} {
		t.Run(tc.out, func(t *testing.T) {
			dir, files := userSite(t)
			for i := range 3 {
				code, out := runIn(t, dir, "build", "-d", tc.out)
				if code == 0 || !strings.Contains(out, tc.why) {
					t.Fatalf("build %d into %s: exit %d, want a refusal that says %q:\n%s", i+1, tc.out, code, tc.why, out)
				}
				intact(t, dir, files, "a build into "+tc.out)
			}
			hidden, _ := filepath.Glob(filepath.Join(dir, "*", ".*djkb*"))
			top, _ := filepath.Glob(filepath.Join(dir, ".*djkb*"))
			if left := append(hidden, top...); len(left) > 0 {
				t.Errorf("a refused build left folders behind: %v", left)
			}
		})
	}
}

func TestBuildingThroughALinkToTheContentIsRefused(t *testing.T) {
	dir, files := userSite(t)
	if err := os.Symlink("content", filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if code, out := runIn(t, dir, "build", "-d", "out"); code == 0 || !strings.Contains(out, "content/") {
			t.Fatalf("a build through a link to content/ was not refused: %d\n%s", code, out)
		}
		intact(t, dir, files, "a build through a link to content/")
	}
}

func TestFilesDroppedIntoPublicSurviveRebuilds(t *testing.T) {
	dir, files := userSite(t)
	for i := range 3 {
		if code, out := runIn(t, dir, "build"); code != 0 {
			t.Fatalf("build %d: %s", i+1, out)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "public", ".djkb-output")); err != nil {
		t.Fatalf("the output has no stamp: %v", err)
	}
	dropped := map[string]string{"public/会议纪要.docx": "纪要", "public/regulations/批注.txt": "批注"}
	sitetest.Write(t, dir, dropped)
	for i := range 3 {
		code, out := runIn(t, dir, "build")
		if code == 0 || !strings.Contains(out, "会议纪要.docx") || !strings.Contains(out, "regulations/批注.txt") {
			t.Fatalf("build %d over the user's files: exit %d, want a refusal naming them:\n%s", i+1, code, out)
		}
		intact(t, dir, dropped, "a build over them")
		intact(t, dir, files, "a build over them")
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Fatalf("the refused builds lost the site: %v", err)
	}
}

func TestAnEmptyOrMissingFolderIsBuiltInto(t *testing.T) {
	dir, files := userSite(t)
	os.Mkdir(filepath.Join(dir, "empty"), 0o755)
	for _, out := range []string{"empty", "new/nested", filepath.Join(t.TempDir(), "outside")} {
		for i := range 3 {
			if code, msg := runIn(t, dir, "build", "-d", out); code != 0 {
				t.Fatalf("build %d into %s: %s", i+1, out, msg)
			}
		}
		intact(t, dir, files, "builds into "+out)
	}
}

// freePort returns a port on 127.0.0.1 that nothing listens on.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// get fetches a path from the dev server, waiting for it to start.
func get(t *testing.T, base, path string) string {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(base + path)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			return string(body)
		}
		if time.Now().After(deadline) {
			t.Fatalf("the dev server did not answer: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestLinksOutOfTheSiteNeverReachTheOutputOrTheServer(t *testing.T) {
	secret := "root:x:0:0:机密内容-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	outside := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(outside, []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, link := range []struct{ file, url string }{
		{"static/passwd.txt", "/passwd.txt"},
		{"layouts/404.html", "/no-such-page/"},
		{"content/cases/passwd.md", "/cases/passwd/"},
		{"content/files/passwd.pdf", "/files/passwd.pdf"},
	} {
		t.Run(link.file, func(t *testing.T) {
			dir, _ := userSite(t)
			if code, out := runIn(t, dir, "build"); code != 0 { // a good site to keep
				t.Fatal(out)
			}
			p := filepath.Join(dir, filepath.FromSlash(link.file))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.Symlink(outside, p); err != nil {
				t.Fatal(err)
			}
			code, out := runIn(t, dir, "build")
			if code == 0 || !strings.Contains(out, link.file) {
				t.Fatalf("a link out of the site was not refused by name: exit %d\n%s", code, out)
			}
			filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
				if err == nil && d.Type().IsRegular() {
					if data, _ := os.ReadFile(p); strings.Contains(string(data), secret) {
						t.Errorf("the secret reached %s", p)
					}
				}
				return nil
			})

			port := freePort(t)
			cmd := exec.Command(djkb(t), "serve", "--port", strconv.Itoa(port))
			cmd.Dir = dir
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() { cmd.Process.Kill(); cmd.Wait() }()
			base := "http://127.0.0.1:" + strconv.Itoa(port)
			for _, path := range []string{link.url, "/", "/static/passwd.txt", "/../passwd"} {
				if body := get(t, base, path); strings.Contains(body, secret) {
					t.Errorf("the dev server served the secret at %s", path)
				}
			}
			if body := get(t, base, "/"); !strings.Contains(body, link.file) {
				t.Errorf("the dev server does not show the refusal of %s", link.file)
			}
		})
	}
}

func TestDigestAndCleanupWriteIntoTheOutputAsDjkbsOwn(t *testing.T) {
	dir, files := userSite(t)
	for _, steps := range [][][]string{
		{{"build"}, {"digest"}, {"build"}, {"cleanup", "-d", "public"}, {"build"}, {"build"}},
		{{"digest", "-d", "fresh"}, {"cleanup", "-d", "fresh"}, {"build", "-d", "fresh"}, {"digest", "-d", "fresh"}, {"build", "-d", "fresh"}},
	} {
		for _, args := range steps {
			if code, out := runIn(t, dir, args...); code != 0 {
				t.Fatalf("djkb %v: exit %d\n%s", args, code, out)
			}
		}
	}
	for _, args := range [][]string{{"digest", "-d", "mydocs"}, {"cleanup", "-d", "mydocs"}} {
		if code, out := runIn(t, dir, args...); code == 0 || !strings.Contains(out, "不是 djkb 生成的") {
			t.Fatalf("djkb %v wrote into a folder of the user's: exit %d\n%s", args, code, out)
		}
	}
	intact(t, dir, files, "digests and reports")
}
