package compilation_test

import (
	"net/url"
	"regexp"
	"testing"
	"time"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/compilation"
	"djkb/internal/site"
	"djkb/internal/sitetest"
)

// sampleAsOf is the cut-off date of the sample digest in the tests.
var sampleAsOf = time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)

func load(t testing.TB, dir string) *site.Site {
	t.Helper()
	s, diags := build.Load(build.Options{SiteDir: dir, Defaults: djkb.Defaults})
	if s == nil || diags.HasErrors() {
		t.Fatalf("站点无法加载：%v", diags.Items())
	}
	return s
}

// siteOf writes a site with the given files (path → text) and loads it.
func siteOf(t *testing.T, files map[string]string) (*site.Site, string) {
	t.Helper()
	dir := t.TempDir()
	files["site.toml"] = "title = \"测试库\"\nunit = \"某局机关党委\"\n[digest]\ntitle = \"测试汇编\"\nunit = \"某局机关党委 编\"\n"
	sitetest.Write(t, dir, files)
	return load(t, dir), dir
}

// compile makes the digest of s as of sampleAsOf with opts.
func compile(t testing.TB, s *site.Site, dir string, opts compilation.Options) (*compilation.Digest, string) {
	t.Helper()
	if opts.AsOf.IsZero() {
		opts.AsOf = sampleAsOf
	}
	opts.SiteDir, opts.Defaults = dir, djkb.Defaults
	d, err := compilation.New(s, opts)
	if err != nil {
		t.Fatal(err)
	}
	html, err := d.HTML(nil)
	if err != nil {
		t.Fatal(err)
	}
	return d, string(html)
}

var (
	idRe   = regexp.MustCompile(`\sid="([^"]+)"`)
	hrefRe = regexp.MustCompile(`href="#([^"]*)"`)
)

// checkInternalLinks fails when a "#…" link of html names no element.
func checkInternalLinks(t *testing.T, html string) {
	t.Helper()
	ids := map[string]bool{}
	for _, m := range idRe.FindAllStringSubmatch(html, -1) {
		if ids[m[1]] {
			t.Errorf("id 重复：%s", m[1])
		}
		ids[m[1]] = true
	}
	for _, m := range hrefRe.FindAllStringSubmatch(html, -1) {
		id, err := url.PathUnescape(m[1])
		if err != nil || !ids[id] {
			t.Errorf("文内链接 #%s 没有对应的元素", m[1])
		}
	}
}
