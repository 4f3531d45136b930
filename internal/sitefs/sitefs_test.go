package sitefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"djkb/internal/diag"
)

// layout builds a site folder beside a folder outside it holding a secret,
// with every kind of entry the rule decides on.
func layout(t *testing.T) (site string) {
	t.Helper()
	base := t.TempDir()
	outside := filepath.Join(base, "outside")
	site = filepath.Join(base, "site")
	for _, d := range []string{outside, filepath.Join(site, "f/sub")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(outside, "secret.txt"), "SECRET")
	write(filepath.Join(site, "f/plain.txt"), "plain")
	write(filepath.Join(site, "f/sub/deep.txt"), "deep")
	write(filepath.Join(site, "other.txt"), "other")
	links := map[string]string{
		"f/out.txt":    filepath.Join(outside, "secret.txt"),
		"f/rel-out":    "../../outside/secret.txt",
		"f/in.txt":     "../other.txt",
		"f/dir-in":     "sub",
		"f/dir-out":    outside,
		"f/dangling":   "nothing-here",
		"f/loop1":      "loop2",
		"f/loop2":      "loop1",
		"f/to-fifo":    "fifo",
		"linked":       "f",
		"linked-out":   outside,
		"f/sub/up-out": "../../../outside/secret.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(site, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(site, "f/fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	return site
}

// TestWalk checks that a walk hands over only regular files and links to
// regular files inside the site, refuses the rest by name, and never opens
// the named pipe (it would hang).
func TestWalk(t *testing.T) {
	site := layout(t)
	done := make(chan struct{})
	var got []string
	var diags diag.List
	var err error
	go func() {
		err = New(site).Walk("f", &diags, nil, func(f File) { got = append(got, f.Rel) })
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the walk hangs")
	}
	if err != nil {
		t.Fatal(err)
	}
	if want := "in.txt plain.txt sub/deep.txt"; strings.Join(got, " ") != want {
		t.Errorf("walked %v, want %s", got, want)
	}
	want := map[string]string{
		"f/out.txt":    "站点文件夹之外",
		"f/rel-out":    "站点文件夹之外",
		"f/sub/up-out": "站点文件夹之外",
		"f/dir-in":     "文件夹",
		"f/dir-out":    "站点文件夹之外",
		"f/dangling":   "无法解析",
		"f/loop1":      "无法解析",
		"f/loop2":      "无法解析",
		"f/fifo":       "命名管道",
		"f/to-fifo":    "命名管道",
	}
	for _, d := range diags.Items() {
		if w, ok := want[d.Path]; ok && d.Severity == diag.Error && strings.Contains(d.Message, w) {
			delete(want, d.Path)
			continue
		}
		t.Errorf("unexpected %s", d)
	}
	for p, w := range want {
		t.Errorf("%s: no error saying %q", p, w)
	}

	// A walk of a linked folder is refused; one that is not there reports
	// nothing.
	for _, dir := range []string{"linked", "linked-out", "other.txt"} {
		var diags diag.List
		err := New(site).Walk(dir, &diags, nil, func(f File) { t.Errorf("%s: walked %s", dir, f.Rel) })
		if _, ok := err.(*Error); !ok || len(diags.Items()) != 1 || diags.Items()[0].Path != dir {
			t.Errorf("%s: %v %v", dir, err, diags.Items())
		}
	}
	var none diag.List
	if err := New(site).Walk("missing", &none, nil, nil); !errors.Is(err, fs.ErrNotExist) || len(none.Items()) > 0 {
		t.Errorf("missing folder: %v %v", err, none.Items())
	}
}

// TestReadFile checks the rule for files read by name, including through a
// linked folder on the way.
func TestReadFile(t *testing.T) {
	site := layout(t)
	tests := []struct {
		rel, want, refusal string
	}{
		{"f/plain.txt", "plain", ""},
		{"f/in.txt", "other", ""},
		{"linked/plain.txt", "plain", ""}, // a linked folder inside the site
		{"f/out.txt", "", "站点文件夹之外"},
		{"f/rel-out", "", "站点文件夹之外"},
		{"linked-out/secret.txt", "", "站点文件夹之外"},
		{"f/dir-in", "", "文件夹"},
		{"f/sub", "", "文件夹"},
		{"f/dangling", "", "无法解析"},
		{"f/loop1", "", "无法解析"},
		{"f/fifo", "", "命名管道"},
		{"f/to-fifo", "", "命名管道"},
	}
	for _, tt := range tests {
		data, err := New(site).ReadFile(tt.rel)
		if tt.refusal == "" {
			if err != nil || string(data) != tt.want {
				t.Errorf("%s: %q %v", tt.rel, data, err)
			}
			continue
		}
		var e *Error
		if !errors.As(err, &e) || e.File != tt.rel || !strings.Contains(e.Msg, tt.refusal) {
			t.Errorf("%s: got %v, want a refusal saying %q", tt.rel, err, tt.refusal)
		}
		if strings.Contains(string(data), "SECRET") {
			t.Errorf("%s: the secret was read", tt.rel)
		}
	}
	if _, err := New(site).ReadFile("missing.txt"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

// TestSiteBehindLink checks that a site folder reached through a link
// reads its own files.
func TestSiteBehindLink(t *testing.T) {
	site := layout(t)
	alias := filepath.Join(t.TempDir(), "alias")
	if err := os.Symlink(site, alias); err != nil {
		t.Fatal(err)
	}
	if data, err := New(alias).ReadFile("f/in.txt"); err != nil || string(data) != "other" {
		t.Errorf("%q %v", data, err)
	}
	if _, err := New(alias).ReadFile("f/out.txt"); err == nil {
		t.Error("a link out of the site was read")
	}
}

// TestControlCharacterNames warns about a name that cannot be printed.
func TestControlCharacterNames(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "f"), 0o755)
	os.WriteFile(filepath.Join(site, "f", "a\nb\x1b.txt"), nil, 0o644)
	var diags diag.List
	n := 0
	New(site).Walk("f", &diags, nil, func(File) { n++ })
	items := diags.Items()
	if n != 1 || len(items) != 1 || items[0].Severity != diag.Warning || !strings.Contains(items[0].String(), `f/a\nb\x1b.txt`) {
		t.Errorf("walked %d, diagnostics %v", n, items)
	}
}

// TestRelativeSiteFolder reads a site named by a relative path, as djkb
// run inside it (-s .) does.
func TestRelativeSiteFolder(t *testing.T) {
	site := layout(t)
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	if err := os.Chdir(filepath.Join(site, "f")); err != nil {
		t.Fatal(err)
	}
	if data, err := New("..").ReadFile("f/in.txt"); err != nil || string(data) != "other" {
		t.Errorf("%q %v", data, err)
	}
	var diags diag.List
	n := 0
	New("..").Walk("f/sub", &diags, nil, func(File) { n++ })
	if n != 1 || len(diags.Items()) != 1 {
		t.Errorf("walked %d, %v", n, diags.Items())
	}
}
