package site

import (
	"net/url"
	"path"
	"strings"
	"testing"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/diag"
)

// fuzzSite is a small site whose pages a fuzzed link can point at.
func fuzzSite() *Site {
	var diags diag.List
	set := &content.Set{Assets: []content.Asset{{Path: "regulations/img.png"}}}
	for _, p := range []string{"regulations/a.md", "regulations/子/b（试行）.md", "cases/c d.md", "_index.md", "regulations/_index.md"} {
		set.Sources = append(set.Sources, content.Parse(p, []byte("# 标题\n\n第一条　内容。\n"), &diags))
	}
	return New(config.Default(), set, nil, &diags)
}

// FuzzLinker feeds arbitrary link destinations to the resolver: it must not
// panic, must never produce a link that leaves the site or carries a
// dangerous scheme, and what it returns must parse as a URL.
func FuzzLinker(f *testing.F) {
	for _, seed := range []string{
		"a.md", "../cases/c d.md#x", "子/b（试行）.md#第一条", "../../../etc/passwd", "javascript:alert(1)",
		"JaVaScRiPt:x", "data:text/html,x", "//host/x", "/regulations/a.md", "%2e%2e/%2e%2e/x", "#第一条", "img.png", "?q=1", "a.md#%",
	} {
		f.Add(seed, false)
	}
	s := fuzzSite()
	page := s.Page("regulations/a.md")
	f.Fuzz(func(t *testing.T, dest string, image bool) {
		var diags diag.List
		out, ok := s.Linker(page, &diags).Link(dest, 1, image)
		if !ok {
			return
		}
		lower := strings.ToLower(strings.TrimSpace(out))
		for _, bad := range []string{"javascript:", "vbscript:", "data:", "file:"} {
			if strings.HasPrefix(lower, bad) {
				t.Fatalf("dangerous link kept: %q → %q", dest, out)
			}
		}
		if diags.HasErrors() || schemeRe.MatchString(out) || strings.HasPrefix(out, "//") || out == "" || strings.HasPrefix(out, "#") || out == strings.TrimSpace(dest) {
			return // reported, external, same-page or left as written
		}
		u, err := url.Parse(out)
		if err != nil {
			t.Fatalf("unparsable link %q from %q", out, dest)
		}
		// A rewritten link, resolved from the page's folder, stays in the site.
		if p := path.Join(page.URL, u.Path); p == ".." || strings.HasPrefix(p, "../") {
			t.Fatalf("link leaves the site: %q → %q", dest, out)
		}
	})
}

// FuzzURLs checks the URL maker: escaped paths are ASCII, keep their "/"
// and decode back to what they were.
func FuzzURLs(f *testing.F) {
	for _, seed := range []string{"regulations/党内法规/条例（试行）/", "a b/#?%/", "", "../x", "\x00\x7f"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, p string) {
		e := EscapePath(p)
		for i := 0; i < len(e); i++ {
			if e[i] <= 0x20 || e[i] >= 0x7F || strings.IndexByte("\"#'<>?\\^`{|}", e[i]) >= 0 {
				t.Fatalf("EscapePath(%q) = %q keeps byte %q", p, e, e[i])
			}
		}
		if strings.Count(e, "/") != strings.Count(p, "/") {
			t.Fatalf("EscapePath changed the path's segments: %q → %q", p, e)
		}
		if back, err := url.PathUnescape(e); err != nil || back != p {
			t.Fatalf("EscapePath(%q) = %q does not decode back (%q, %v)", p, e, back, err)
		}
		r := Rel("regulations/a/", p, true)
		if strings.HasPrefix(r, "/") {
			t.Fatalf("Rel gave an absolute link %q", r)
		}
	})
}
