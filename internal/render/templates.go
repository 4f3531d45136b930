// Package render turns the site model into HTML pages, lists, taxonomy
// pages, the sitemap and the Atom feed, through html/template layouts that a
// site can override file by file.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"

	"djkb/internal/sitefs"
)

// Layouts is the layered set of template files: a site's layouts/ folder
// over the embedded defaults.
type Layouts struct {
	site     *sitefs.Root // the site folder, whose layouts/ may not exist
	defaults fs.FS        // holds layouts/...
}

// NewLayouts layers siteDir/layouts over defaults' layouts/.
func NewLayouts(siteDir string, defaults fs.FS) *Layouts {
	return &Layouts{site: sitefs.New(siteDir), defaults: defaults}
}

// Read returns a layout file (such as "base.html" or "partials/meta.html"),
// the site's own copy when it has one. The second result names where it came
// from, for error messages. A site's file that sitefs refuses gives its
// *sitefs.Error, not the built-in file.
func (l *Layouts) Read(name string) ([]byte, string, error) {
	own := path.Join("layouts", name)
	data, err := l.site.ReadFile(own)
	if err == nil {
		return data, own, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, own, err
	}
	data, err = fs.ReadFile(l.defaults, own)
	return data, own + "（内置）", err
}

// builtin reports whether data is the built-in layout of that name.
func (l *Layouts) builtin(name string, data []byte) bool {
	d, err := fs.ReadFile(l.defaults, path.Join("layouts", name))
	return err == nil && bytes.Equal(d, data)
}

// List returns the names of the files in a layouts sub-folder, from both
// layers, sorted.
func (l *Layouts) List(dir string) []string {
	seen := map[string]bool{}
	if entries, err := os.ReadDir(l.site.Abs(path.Join("layouts", dir))); err == nil {
		for _, e := range entries {
			// Hidden files are editors' backups and swap files.
			if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
				seen[path.Join(dir, e.Name())] = true
			}
		}
	}
	if entries, err := fs.ReadDir(l.defaults, path.Join("layouts", dir)); err == nil {
		for _, e := range entries {
			if !e.IsDir() {
				seen[path.Join(dir, e.Name())] = true
			}
		}
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Kinds are the page templates; each is parsed with base.html and the
// partials.
var Kinds = []string{"home", "section", "regulation", "case", "brand", "page", "taxonomy", "term", "search", "bookmarks", "cleanup", "404", "compare", "citedby"}

// Templates holds one parsed template set per kind of page.
type Templates struct {
	byKind map[string]*template.Template
	text   strings.Builder // of every layout file parsed
	own    bool            // a layout file is the site's own, not the built-in one
}

// TemplateError is a template that does not parse.
type TemplateError struct {
	File string
	Line int
	Msg  string
}

func (e *TemplateError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// LoadTemplates parses every kind of page.
func LoadTemplates(l *Layouts, funcs template.FuncMap) (*Templates, error) {
	t := &Templates{byKind: map[string]*template.Template{}}
	base := template.New("base").Funcs(funcs)
	files := append([]string{"base.html"}, l.List("partials")...)
	for _, name := range files {
		if err := t.parseInto(base, l, name); err != nil {
			return nil, err
		}
	}
	for _, kind := range Kinds {
		set, err := base.Clone()
		if err != nil {
			return nil, err
		}
		if err := t.parseInto(set, l, kind+".html"); err != nil {
			return nil, err
		}
		t.byKind[kind] = set
	}
	return t, nil
}

func (t *Templates) parseInto(set *template.Template, l *Layouts, name string) error {
	data, from, err := l.Read(name)
	var refused *sitefs.Error
	if errors.As(err, &refused) {
		return &TemplateError{File: refused.File, Msg: refused.Msg}
	}
	if err != nil {
		return &TemplateError{File: "layouts/" + name, Msg: "找不到模板文件"}
	}
	t.text.Write(data)
	t.own = t.own || !l.builtin(name, data)
	if _, err := set.New(name).Parse(string(data)); err != nil {
		return &TemplateError{File: from, Line: templateErrLine(err.Error()), Msg: "模板有误：" + err.Error()}
	}
	return nil
}

// templateErrLine extracts the line from "template: name:12: ...".
func templateErrLine(msg string) int {
	parts := strings.SplitN(msg, ":", 4)
	if len(parts) >= 3 {
		var n int
		if _, err := fmt.Sscanf(parts[2], "%d", &n); err == nil {
			return n
		}
	}
	return 0
}

// Mentions reports whether the text of any layout contains word. A template
// reaches a field only by writing its name, so a field of the site model
// that no layout mentions is read by none.
func (t *Templates) Mentions(word string) bool {
	return strings.Contains(t.text.String(), word)
}

// Builtin reports whether every layout is the built-in one, whose pages
// show no other page's converted Markdown (its HTML, summary or contents):
// only list pages, the home page and the feeds do.
func (t *Templates) Builtin() bool { return !t.own }

// Lookup returns the template set of a kind.
func (t *Templates) Lookup(kind string) (*template.Template, error) {
	if set := t.byKind[kind]; set != nil {
		return set, nil
	}
	return nil, fmt.Errorf("没有 %s 类页面的模板", kind)
}
