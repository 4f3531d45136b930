package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/render"
)

func TestMayLink(t *testing.T) {
	for md, want := range map[string]bool{
		"第一条　为了规范工作，制定本规定。":              false,
		"见[支部工作条例](../a.md)。":            true,
		"![图](img.png)":                  true,
		"见[条例][1]。\n\n[1]: ../a.md":      true,
		"[条例]\n\n[条例]: ../a.md":          true,
		"注[^1]。\n\n[^1]: 说明。":            true,
		"方括号[内容]不是链接，（圆括号）也不是。":          false,
		"网址 https://www.gov.cn 由自动链接处理。": false,
	} {
		if got := mayLink([]byte(md)); got != want {
			t.Errorf("mayLink(%q) = %v, want %v", md, got, want)
		}
	}
}

// TestBuiltinLayouts checks the condition for converting pages as they
// render: the sample site's layouts are byte for byte the built-in ones,
// and a site with a layout of its own is not.
func TestBuiltinLayouts(t *testing.T) {
	root, _ := filepath.Abs("../..")
	tmpl, err := render.LoadTemplates(render.NewLayouts(root, djkb.Defaults), render.Funcs())
	if err != nil || !tmpl.Builtin() {
		t.Fatalf("the sample site's layouts: Builtin = %v (%v), want true", tmpl != nil && tmpl.Builtin(), err)
	}
	dir := writeSite(t, map[string]string{"layouts/partials/extra.html": `{{define "extra"}}{{end}}`})
	tmpl, err = render.LoadTemplates(render.NewLayouts(dir, djkb.Defaults), render.Funcs())
	if err != nil || tmpl.Builtin() {
		t.Fatalf("a site with a partial of its own: Builtin = true (%v), want false", err)
	}
}

// TestOwnLayoutSeesOtherPages checks that a site's own layout may show, on
// one page, the converted Markdown of others (here the summaries of its
// related pages): such a build converts every page before rendering any.
func TestOwnLayoutSeesOtherPages(t *testing.T) {
	files := map[string]string{
		"layouts/regulation.html": `{{define "main"}}{{range .Page.Related}}<p class="rel">{{.Summary}}</p>{{end}}{{end}}`,
	}
	for i := range 40 {
		files[fmt.Sprintf("content/regulations/r%02d.md", i)] = fmt.Sprintf("+++\ntitle = \"规定%02d\"\ntags = [\"组织建设\"]\n+++\n\n第一条　摘要%02d的内容。\n", i, i)
	}
	dir := writeSite(t, files)
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{SiteDir: dir, OutDir: out, Defaults: djkb.Defaults, NoSearch: true}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "regulations", "r00", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	shown, empty := strings.Count(string(page), `<p class="rel">`), strings.Count(string(page), `<p class="rel"></p>`)
	if shown == 0 || empty > 0 {
		t.Errorf("%d related pages shown, %d without their summaries", shown, empty)
	}
}
