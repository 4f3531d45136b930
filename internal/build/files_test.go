package build

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"djkb"
	"djkb/internal/diag"
	"djkb/internal/scaffold"
)

// TestLinksOutOfTheSiteAreRefused plants links to a file outside the site
// in every folder a build reads, and checks that the build names each of
// them and that the secret's bytes are nowhere in the output, while a link
// that stays inside the site still works.
func TestLinksOutOfTheSiteAreRefused(t *testing.T) {
	secret := "SECRET-" + strings.Repeat("机密", 8)
	outside := filepath.Join(t.TempDir(), "passwd")
	if err := os.WriteFile(outside, []byte(secret), 0o644); err != nil {
		t.Fatal(err)
	}
	site := writeSite(t, map[string]string{
		"content/regulations/a.md": "# 甲\n\n第一条　正文。\n",
		"static/own.txt":           "本站文件",
	})
	links := []string{
		"static/passwd.txt",
		"static/css/passwd.css",
		"layouts/404.html",
		"layouts/partials/x.html",
		"content/regulations/passwd.md",
		"content/regulations/passwd.txt",
	}
	for _, l := range links {
		p := filepath.Join(site, l)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(outside, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("own.txt", filepath.Join(site, "static/inside.txt")); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := run(t, site, out)
	if err == nil {
		t.Fatal("links out of the site must fail the build")
	}
	named := map[string]bool{}
	for _, d := range res.Diags {
		if d.Severity == diag.Error && strings.Contains(d.Message, "站点文件夹之外") {
			named[d.Path] = true
		}
	}
	for _, l := range links {
		// The first layout refused stops the templates; the others count.
		if !named[l] && l != "layouts/partials/x.html" && l != "layouts/404.html" {
			t.Errorf("%s not named in %v", l, res.Diags)
		}
	}
	if !named["layouts/404.html"] && !named["layouts/partials/x.html"] {
		t.Errorf("no layout named in %v", res.Diags)
	}
	noSecret(t, out, secret)

	// Without the refused files, the link inside the site is published.
	for _, l := range links {
		os.Remove(filepath.Join(site, l))
	}
	if res, err := run(t, site, out); err != nil {
		t.Fatalf("%v %v", err, res.Diags)
	}
	if data, _ := os.ReadFile(filepath.Join(out, "inside.txt")); string(data) != "本站文件" {
		t.Errorf("a link inside the site gave %q", data)
	}
	// A linked layouts/ folder or site.toml that leaves the site is refused too.
	os.WriteFile(filepath.Join(filepath.Dir(outside), "base.html"), []byte(secret), 0o644)
	os.RemoveAll(filepath.Join(site, "layouts"))
	os.Symlink(filepath.Dir(outside), filepath.Join(site, "layouts"))
	res, err = run(t, site, out)
	if err == nil || !hasDiag(res.Diags, "layouts/base.html", "站点文件夹之外") {
		t.Errorf("a linked layouts folder: %v %v", err, res.Diags)
	}
	os.Remove(filepath.Join(site, "layouts"))
	os.Rename(filepath.Join(site, "site.toml"), filepath.Join(filepath.Dir(outside), "site.toml"))
	os.Symlink(filepath.Join(filepath.Dir(outside), "site.toml"), filepath.Join(site, "site.toml"))
	res, err = run(t, site, out)
	if err == nil || !hasDiag(res.Diags, "site.toml", "站点文件夹之外") {
		t.Errorf("a linked site.toml: %v %v", err, res.Diags)
	}
	noSecret(t, out, secret)
}

func hasDiag(ds []diag.Diagnostic, path, msg string) bool {
	for _, d := range ds {
		if d.Path == path && strings.Contains(d.Message, msg) {
			return true
		}
	}
	return false
}

// noSecret walks the output and fails if any file holds the secret.
func noSecret(t *testing.T, out, secret string) {
	t.Helper()
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if data, _ := os.ReadFile(p); bytes.Contains(data, []byte(secret)) || bytes.Contains(data, []byte("SECRET-")) {
			t.Errorf("%s holds the secret", p)
		}
		return nil
	})
}

// TestNamedPipesAreRefused puts named pipes in content/, static/ and
// layouts/: the build must name each and finish, never open one.
func TestNamedPipesAreRefused(t *testing.T) {
	site := writeSite(t, map[string]string{
		"content/regulations/a.md": "# 甲\n",
		"static/x.txt":             "x",
		"layouts/partials/.keep":   "",
	})
	pipes := []string{"content/regulations/b.md", "content/pipe.png", "static/pipe.txt", "layouts/partials/p.html"}
	for _, p := range pipes {
		if err := syscall.Mkfifo(filepath.Join(site, p), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan struct{})
	var res *Result
	var err error
	go func() {
		res, err = run(t, site, filepath.Join(t.TempDir(), "public"))
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the build hangs on a named pipe")
	}
	if err == nil {
		t.Fatal("named pipes should fail the build")
	}
	for _, p := range pipes {
		if !hasDiag(res.Diags, p, "命名管道") {
			t.Errorf("%s not named in %v", p, res.Diags)
		}
	}
}

// TestActiveDocumentsInContent refuses HTML files, and SVG files with
// scripts, in content/ unless unsafe_html is set; an SVG without scripts
// is published.
func TestActiveDocumentsInContent(t *testing.T) {
	const script = `<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`
	const logo = `<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>`
	site := writeSite(t, map[string]string{
		"content/regulations/a.md":    "# 甲\n",
		"content/regulations/x.html":  "<script>alert(1)</script>",
		"content/regulations/y.HTM":   "<script>alert(1)</script>",
		"content/regulations/z.xhtml": "<script>alert(1)</script>",
		"content/regulations/s.svg":   script,
		"content/brands/logo.svg":     logo,
		"static/page.html":            "<p>本站页面</p>",
	})
	out := filepath.Join(t.TempDir(), "public")
	res, err := run(t, site, out)
	if err == nil {
		t.Fatal("HTML in content/ should fail the build")
	}
	for _, p := range []string{"x.html", "y.HTM", "z.xhtml", "s.svg"} {
		if !hasDiag(res.Diags, "content/regulations/"+p, "unsafe_html = true") {
			t.Errorf("%s not refused: %v", p, res.Diags)
		}
	}
	for _, d := range res.Diags {
		if strings.Contains(d.Path, "logo.svg") || strings.HasPrefix(d.Path, "static/") {
			t.Errorf("refused: %s", d)
		}
	}
	os.WriteFile(filepath.Join(site, "site.toml"), []byte("title = \"测试站点\"\nunsafe_html = true\n"), 0o644)
	if res, err := run(t, site, out); err != nil {
		t.Fatalf("with unsafe_html: %v %v", err, res.Diags)
	}
	for _, p := range []string{"regulations/x.html", "regulations/s.svg", "brands/logo.svg", "page.html"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("with unsafe_html, %s not published: %v", p, err)
		}
	}
}

// TestNewPageTemplateLinkRefused checks the template djkb new reads from
// layouts/new/.
func TestNewPageTemplateLinkRefused(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "case.md")
	os.WriteFile(outside, []byte("SECRET-{{.Title}}\n"), 0o644)
	site := writeSite(t, map[string]string{"content/cases/.keep": ""})
	os.MkdirAll(filepath.Join(site, "layouts/new"), 0o755)
	if err := os.Symlink(outside, filepath.Join(site, "layouts/new/case.md")); err != nil {
		t.Fatal(err)
	}
	_, err := scaffold.Create(scaffold.Request{SiteDir: site, Kind: "case", Title: "标题", Today: time.Now()}, djkb.Defaults)
	if err == nil || !strings.Contains(err.Error(), "layouts/new/case.md") || !strings.Contains(err.Error(), "站点文件夹之外") {
		t.Errorf("got %v", err)
	}
	noSecret(t, filepath.Join(site, "content"), "SECRET-")
}
