package render_test

import (
	"bytes"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/render"
	"djkb/internal/review"
)

// TestFragmentMatchesUncached renders every page of the sample, with lists
// split into pages of two so that each section has several, once with the
// fragments shared by all views and once with each view alone: the pages
// must be byte-identical, and pages at different depths must get their own
// links.
func TestFragmentMatchesUncached(t *testing.T) {
	s, diags := build.Load(build.Options{SiteDir: "../..", Defaults: djkb.Defaults})
	if s == nil || diags.HasErrors() {
		t.Fatalf("示例站点无法加载：%v", diags.Items())
	}
	s.Config.PageSize = 2
	tmpl, err := render.LoadTemplates(render.NewLayouts("../..", djkb.Defaults), render.Funcs())
	if err != nil {
		t.Fatal(err)
	}
	report := review.NewPage(s)
	r := &render.Renderer{Site: s, Templates: tmpl, Report: func() render.Report { return report }}
	shared := r.Views()
	var sections int
	facetLinks := map[string]string{} // depth -> first facet link, of the regulations' list
	for i, v := range shared {
		got, err := r.Render(v)
		if err != nil {
			t.Fatal(err)
		}
		alone := r.Views()[i] // a fresh set of views: nothing cached yet
		want, err := r.Render(alone)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%s：共用片段缓存的输出与单独渲染的不同", v.URLPath)
		}
		if v.Kind != "section" {
			continue
		}
		sections++
		if v.Section.URL == "regulations/" {
			page := string(got)
			at := strings.Index(page, `<aside class="facets"`)
			if at < 0 {
				t.Fatalf("%s：没有分类浏览", v.URLPath)
			}
			href := page[at:]
			href = href[strings.Index(href, `href="`)+6:]
			facetLinks[v.Root] = href[:strings.IndexByte(href, '"')]
		}
	}
	if sections < 10 {
		t.Fatalf("只渲染了 %d 个栏目列表页", sections)
	}
	if len(facetLinks) != 2 {
		t.Fatalf("法规栏目的第 1 页和其后各页应在两个目录深度：%v", facetLinks)
	}
	if facetLinks[""] == facetLinks["../../../"] {
		t.Fatalf("不同深度的页面得到了同一个相对链接：%v", facetLinks)
	}
}
