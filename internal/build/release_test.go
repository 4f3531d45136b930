package build

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"djkb"
	"djkb/internal/diag"
	"djkb/internal/render"
	"djkb/internal/sitetest"
)

// TestReleaseParts checks that a one-shot build lets the pages' parts go
// only when no layout names them: a site's template may show them.
func TestReleaseParts(t *testing.T) {
	files := map[string]string{
		"content/regulations/a.md": "# 甲规定\n\n第一条　为了规范工作，制定本规定。\n\n第二条　本规定自印发之日起施行。\n",
	}
	for _, tc := range []struct {
		name   string
		layout string
		kept   bool
	}{
		{"default layouts", "", false},
		{"a layout shows the parts", `{{define "main"}}{{range .Page.Parts}}<p>{{.Anchor}}</p>{{end}}{{end}}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.layout != "" {
				files["layouts/regulation.html"] = tc.layout
			}
			dir := writeSite(t, files)
			s, diags := Load(Options{SiteDir: dir, Defaults: djkb.Defaults})
			if diags.HasErrors() {
				t.Fatal(diags.Items())
			}
			p := &pipeline{opts: Options{SiteDir: dir, Defaults: djkb.Defaults}, strategy: oneShot}
			if p.templates = p.loadTemplates(&diag.List{}); p.templates == nil {
				t.Fatal("the layouts do not parse")
			}
			page := s.Page("regulations/a.md")
			if len(page.Parts()) == 0 {
				t.Fatal("the page has no parts to begin with")
			}
			p.releaseParts(s, startReport(s, true), nil)
			if kept := page.Parts() != nil; kept != tc.kept {
				t.Errorf("parts kept = %v, want %v", kept, tc.kept)
			}
		})
	}
}

// TestReleaseHTML checks that a one-shot build lets each page's HTML go
// once written, writes the same pages as a build that keeps it, and lets
// nothing go when a layout reads pages' .HTML itself.
func TestReleaseHTML(t *testing.T) {
	root, _ := filepath.Abs("../..")
	reader := `{{define "main"}}{{range .Site.Pages}}{{.HTML}}{{end}}{{end}}`
	for _, tc := range []struct {
		name     string
		layout   string
		released bool
	}{
		{"default layouts", "", true},
		{"a layout reads .HTML", reader, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := copySample(t, root, "")
			if tc.layout != "" {
				os.MkdirAll(filepath.Join(site, "layouts"), 0o755)
				os.WriteFile(filepath.Join(site, "layouts", "404.html"), []byte(tc.layout), 0o644)
			}
			render1 := func(s strategy) (map[string][]byte, *pipeline, []*render.View) {
				p := &pipeline{opts: Options{SiteDir: site, Defaults: djkb.Defaults}, strategy: s}
				diags := &diag.List{}
				p.templates = p.loadTemplates(diags)
				m, _ := p.loadSite(diags, &stepTimer{res: &Result{}}, false)
				if m == nil || diags.HasErrors() {
					t.Fatalf("the sample does not load: %v", diags.Items())
				}
				r := &render.Renderer{Site: m, Templates: p.templates, Report: startReport(m, true).get}
				views := r.Views()
				out := &memStage{written: map[string][]byte{}}
				if errs := r.RenderEach(views, out, nil, p.releaseHTML(views)); len(errs) > 0 {
					t.Fatal(errs)
				}
				return out.written, p, views
			}
			kept, _, _ := render1(strategy{})
			released, _, views := render1(oneShot)
			for name, data := range kept {
				if !bytes.Equal(released[name], data) {
					t.Errorf("%s differs when the HTML is released", name)
				}
			}
			for _, v := range views {
				pg := v.Page
				if pg == nil {
					continue
				}
				if pg.IsIndex && pg.HTML() == "" && len(pg.Src.Body()) > 0 {
					t.Errorf("%s: an index page's HTML was released; its list pages show it", pg.Src.Path)
				}
				if !pg.IsIndex && len(pg.Src.Body()) > 0 && (pg.HTML() == "") != tc.released {
					t.Errorf("%s: HTML released = %v, want %v", pg.Src.Path, pg.HTML() == "", tc.released)
				}
			}
		})
	}
}

// TestReleasePartsAfterReport checks that a one-shot build, which lets
// the parts' text go as the pages render (without an index) or as the
// index reads them (with one), still gives the clean-up report the text it
// reads: the report page equals the one of a session, which keeps every
// part.
func TestReleasePartsAfterReport(t *testing.T) {
	root, _ := filepath.Abs("../..")
	site := copySample(t, root, "")
	for _, noSearch := range []bool{true, false} {
		out := filepath.Join(t.TempDir(), "public")
		if _, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: noSearch}); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(out, "cleanup", "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		sess := NewSession(Options{SiteDir: site, Defaults: djkb.Defaults, NoSearch: noSearch})
		if _, _, err := sess.Build(); err != nil {
			t.Fatal(err)
		}
		want, _ := sess.File("cleanup/index.html")
		if !bytes.Contains(want, []byte("《")) {
			t.Fatal("the sample's clean-up report cites no title: the test would prove nothing")
		}
		if !bytes.Equal(got, want) {
			t.Errorf("no search %v: the one-shot build's clean-up report differs from the session's", noSearch)
		}
	}
}

// TestReleaseChains: a one-shot build with the built-in layouts writes the
// chains' comparison pages and texts first and then lets their articles
// and comparisons go; with a layout of the site's own, which may read
// them from any page, it keeps them.
func TestReleaseChains(t *testing.T) {
	root, _ := filepath.Abs("../..")
	for _, tc := range []struct {
		name  string
		extra string
		kept  bool
	}{
		{"built-in layouts", "", false},
		{"a layout of the site's own", "layouts/partials/extra.html", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			site := copySample(t, root, "")
			if tc.extra != "" {
				sitetest.Write(t, site, map[string]string{tc.extra: `{{define "extra"}}{{end}}`})
			}
			res, err := Run(Options{SiteDir: site, OutDir: filepath.Join(t.TempDir(), "public"), Defaults: djkb.Defaults, NoSearch: true})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Site.Chains) == 0 {
				t.Fatal("the sample site has no version chains")
			}
			for _, c := range res.Site.Chains {
				if kept := c.Articles != nil && c.Steps[0].Comparison != nil; kept != tc.kept {
					t.Errorf("%s: articles and comparisons kept = %v, want %v", c.Versions[0].Src.Path, kept, tc.kept)
				}
			}
		})
	}
}
