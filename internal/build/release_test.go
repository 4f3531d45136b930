package build

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"djkb"
	"djkb/internal/render"
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
			tmpl, err := render.LoadTemplates(render.NewLayouts(dir, djkb.Defaults), render.Funcs())
			if err != nil {
				t.Fatal(err)
			}
			page := s.Page("regulations/a.md")
			if len(page.Parts) == 0 {
				t.Fatal("the page has no parts to begin with")
			}
			releaseParts(s, (&render.Renderer{Site: s, Templates: tmpl}).Views(), tmpl)
			if kept := page.Parts != nil; kept != tc.kept {
				t.Errorf("parts kept = %v, want %v", kept, tc.kept)
			}
		})
	}
}

// TestReleasePartsAfterReport checks that a one-shot build without a
// search index, which lets the parts' text go as the pages render, still
// gives the clean-up report the text it reads: the report page equals the
// one of a session, which keeps every part.
func TestReleasePartsAfterReport(t *testing.T) {
	root, _ := filepath.Abs("../..")
	site := copySample(t, root, "")
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults, NoSearch: true}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(out, "cleanup", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	sess := NewSession(Options{SiteDir: site, Defaults: djkb.Defaults, NoSearch: true})
	if _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	want, _ := sess.File("cleanup/index.html")
	if !bytes.Contains(want, []byte("《")) {
		t.Fatal("the sample's clean-up report cites no title: the test would prove nothing")
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the one-shot build's clean-up report differs from the session's")
	}
}
