package search_test

import (
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"djkb/internal/search"
	"djkb/internal/search/searchtest"
)

// The browser tests need a site: testSite writes one like djkb build would
// (which this package cannot call: the build imports it), from this
// repository's layouts/search.html, static/js and static/css/search.css, the
// index of the documents, and a page per document with its parts' anchors.

// testView is what layouts/search.html sees of the generator's view.
type testView struct {
	Root string
	Site struct{ Config struct{ FileLinks bool } }
}

// URL returns the relative link from search/ to a site path, as the
// generator's .URL does.
func (v testView) URL(target string) string {
	if v.Site.Config.FileLinks && (target == "" || strings.HasSuffix(target, "/")) {
		target += "index.html"
	}
	if target == "search/manifest.js" {
		return "manifest.js"
	}
	return "../" + target
}

const testBase = `{{define "base"}}<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>搜索</title><link rel="stylesheet" href="../css/site.css">{{block "head" .}}{{end}}</head>
<body><header><form action="./" method="get" role="search"><input id="site-q" type="search" name="q"></form></header>
<main id="main">{{template "main" .}}</main>{{block "scripts" .}}{{end}}</body></html>{{end}}`

// testSite writes a site holding docs into a new folder and returns it.
func testSite(t testing.TB, docs []search.Doc, fileLinks bool) string {
	t.Helper()
	dir := t.TempDir()
	repo := filepath.Join("..", "..")
	mustCopy := func(src, dst string) {
		b, err := os.ReadFile(filepath.Join(repo, src))
		if err != nil {
			t.Fatal(err)
		}
		mustWrite(t, filepath.Join(dir, dst), b)
	}
	js, err := filepath.Glob(filepath.Join(repo, "static", "js", "*.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range js {
		mustCopy(filepath.Join("static", "js", filepath.Base(f)), filepath.Join("js", filepath.Base(f)))
	}
	mustCopy("static/css/search.css", "css/search.css")
	mustCopy("static/css/site.css", "css/site.css")

	tmpl, err := template.New("base").Parse(testBase)
	if err == nil {
		_, err = tmpl.ParseFiles(filepath.Join(repo, "layouts", "search.html"))
	}
	if err != nil {
		t.Fatal(err)
	}
	v := testView{Root: "../"}
	v.Site.Config.FileLinks = fileLinks
	var page strings.Builder
	if err := tmpl.ExecuteTemplate(&page, "base", v); err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(dir, "search", "index.html"), []byte(page.String()))
	if err := search.Write(searchtest.Dir(filepath.Join(dir, "search")), slices.Values(docs), search.Options{Facets: testFacets}); err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		var b strings.Builder
		b.WriteString("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + template.HTMLEscapeString(d.Title) + "</title></head><body><main id=\"main\"><article><h1>" + template.HTMLEscapeString(d.Title) + "</h1>")
		for _, p := range d.Parts {
			b.WriteString("<section")
			if p.Anchor != "" {
				b.WriteString(` id="` + template.HTMLEscapeString(p.Anchor) + `"`)
			}
			b.WriteString("><h2>" + template.HTMLEscapeString(p.Heading) + "</h2><p>" + template.HTMLEscapeString(p.Text) + "</p></section>")
		}
		// As the site's pages do: site.js, which loads highlight.js on
		// arrival from a result.
		b.WriteString(`</article></main><script src="` + strings.Repeat("../", strings.Count(d.URL, "/")) + `js/site.js" defer></script></body></html>`)
		mustWrite(t, filepath.Join(dir, filepath.FromSlash(d.URL), "index.html"), []byte(b.String()))
	}
	return dir
}

func mustWrite(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
