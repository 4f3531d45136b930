package browsertest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/site"
)

// builtSite is the sample site built once per link mode for the whole test
// binary.
type builtSite struct {
	Out       string // output folder
	Site      *site.Site
	FileLinks bool
	// AsIs builds the sample site as it is, with its own site.toml: the
	// build a new user makes (FileLinks then says what it chose).
	AsIs bool
	err  error
	once sync.Once
}

var (
	tmpRoot     string
	httpSite    = &builtSite{}
	fileSite    = &builtSite{FileLinks: true}
	defaultSite = &builtSite{AsIs: true}
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "djkb-browsertest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	tmpRoot = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// repoRoot is the folder holding go.mod: the sample site.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("找不到 go.mod：测试须在仓库内运行")
		}
		dir = parent
	}
}

// sample returns the sample site built in the given link mode.
func sample(t testing.TB, fileLinks bool) *builtSite {
	t.Helper()
	b := httpSite
	if fileLinks {
		b = fileSite
	}
	b.once.Do(func() { b.err = b.build(repoRoot(t)) })
	if b.err != nil {
		t.Fatal(b.err)
	}
	return b
}

var fileLinksLine = regexp.MustCompile(`(?m)^file_links\s*=.*$`)

func (b *builtSite) build(root string) error {
	mode := "http"
	if b.FileLinks {
		mode = "file"
	}
	siteDir := root
	if b.AsIs {
		mode = "default"
	} else {
		siteDir = filepath.Join(tmpRoot, "site-"+mode)
		if err := copySite(root, siteDir, b.FileLinks); err != nil {
			return err
		}
	}
	b.Out = filepath.Join(tmpRoot, "public-"+mode)
	res, err := build.Run(build.Options{SiteDir: siteDir, OutDir: b.Out, Defaults: djkb.Defaults})
	if err != nil {
		for _, d := range res.Diags {
			err = fmt.Errorf("%w\n%v", err, d)
		}
		return fmt.Errorf("构建示例站点（%s）失败：%w", mode, err)
	}
	b.Site = res.Site
	b.FileLinks = res.Site.Config.FileLinks
	return nil
}

// copySite copies site.toml, with file_links set as asked, and content/ of
// the sample site into dir: the HTTP build tests the shorter addresses a
// site can opt into. The loader refuses symlinks that leave the site
// folder, so content is copied.
func copySite(root, dir string, fileLinks bool) error {
	conf, err := os.ReadFile(filepath.Join(root, "site.toml"))
	if err != nil {
		return err
	}
	line := fmt.Sprintf("file_links = %v", fileLinks)
	if fileLinksLine.Match(conf) {
		conf = fileLinksLine.ReplaceAll(conf, []byte(line))
	} else {
		conf = append([]byte(line+"\n"), conf...)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.toml"), conf, 0o644); err != nil {
		return err
	}
	return os.CopyFS(filepath.Join(dir, "content"), os.DirFS(filepath.Join(root, "content")))
}

// server serves the HTTP build for the test.
func server(t testing.TB) (*builtSite, string) {
	t.Helper()
	b := sample(t, false)
	srv := httptest.NewServer(http.FileServer(http.Dir(b.Out)))
	t.Cleanup(srv.Close)
	return b, srv.URL + "/"
}

// pageURL is the address of a site-relative URL in this build: under base
// over HTTP, the index.html file from file://.
func (b *builtSite) pageURL(base, u string) string {
	if b.FileLinks {
		return fileURL(filepath.Join(b.Out, filepath.FromSlash(site.OutputFile(u))))
	}
	return base + site.EscapePath(u)
}

// base is where every request of the site must go: the server's address, or
// the output folder's file:// address, with a final slash.
func (b *builtSite) base(server string) string {
	if b.FileLinks {
		return fileURL(b.Out) + "/"
	}
	return server
}

func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
