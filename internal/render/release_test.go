package render_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/render"
	"djkb/internal/site"
)

// memWriter keeps the files RenderAll writes.
type memWriter struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memWriter) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.files[name] = append([]byte(nil), data...)
	return nil
}

// TestReleaseHTML checks that RenderAll with ReleaseHTML lets each page's
// HTML go once written, writes the same pages as without, and lets nothing
// go when a layout reads pages' .HTML itself.
func TestReleaseHTML(t *testing.T) {
	layouts := t.TempDir()
	if err := os.MkdirAll(filepath.Join(layouts, "layouts"), 0o755); err != nil {
		t.Fatal(err)
	}
	reader := `{{define "main"}}{{range .Site.Pages}}{{.HTML}}{{end}}{{end}}`
	if err := os.WriteFile(filepath.Join(layouts, "layouts", "404.html"), []byte(reader), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		layoutDir string
		released  bool
	}{
		{"default layouts", "../..", true},
		{"a layout reads .HTML", layouts, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			load := func() *site.Site {
				s, diags := build.Load(build.Options{SiteDir: "../..", Defaults: djkb.Defaults})
				if s == nil || diags.HasErrors() {
					t.Fatalf("示例站点无法加载：%v", diags.Items())
				}
				return s
			}
			tmpl, err := render.LoadTemplates(render.NewLayouts(tc.layoutDir, djkb.Defaults), render.Funcs())
			if err != nil {
				t.Fatal(err)
			}
			kept, released := &memWriter{files: map[string][]byte{}}, &memWriter{files: map[string][]byte{}}
			r := &render.Renderer{Site: load(), Templates: tmpl}
			if errs := r.RenderAll(r.Views(), kept); len(errs) > 0 {
				t.Fatal(errs)
			}
			s := load()
			had := map[*site.Page]bool{}
			for _, p := range s.Pages {
				had[p] = p.HTML != ""
			}
			r = &render.Renderer{Site: s, Templates: tmpl, ReleaseHTML: true}
			if errs := r.RenderAll(r.Views(), released); len(errs) > 0 {
				t.Fatal(errs)
			}
			for name, data := range kept.files {
				if string(released.files[name]) != string(data) {
					t.Errorf("%s differs when the HTML is released", name)
				}
			}
			for _, p := range s.Pages {
				if released := p.HTML == ""; had[p] && released != tc.released {
					t.Fatalf("%s: HTML released = %v, want %v", p.Src.Path, released, tc.released)
				}
			}
			for _, p := range s.IndexPages() {
				if p.HTML == "" && len(p.Src.Body) > 0 {
					t.Errorf("%s: an index page's HTML was released; its list pages show it", p.Src.Path)
				}
			}
		})
	}
}
