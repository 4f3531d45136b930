package render_test

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/render"
	"djkb/internal/site"
)

// TestSectionEntries checks the whole list of each section that runs over
// several pages: one script beside its pages holding every entry of the
// section, and on every page of the list the counts of the whole section
// and the script's address.
func TestSectionEntries(t *testing.T) {
	s, diags := build.Load(build.Options{SiteDir: "../..", Defaults: djkb.Defaults})
	if s == nil || diags.HasErrors() {
		t.Fatalf("示例站点无法加载：%v", diags.Items())
	}
	tmpl, err := render.LoadTemplates(render.NewLayouts("../..", djkb.Defaults), render.Funcs())
	if err != nil {
		t.Fatal(err)
	}
	r := &render.Renderer{Site: s, Templates: tmpl}
	scripts := map[string]string{}
	var lists []*render.View
	for _, v := range r.Views() {
		switch {
		case strings.HasSuffix(v.URLPath, ".js"):
			out, err := r.Render(v)
			if err != nil {
				t.Fatal(err)
			}
			scripts[v.URLPath] = string(out)
		case v.Kind == "section" && v.Pager.Count > 1:
			lists = append(lists, v)
		}
	}
	if len(lists) == 0 {
		t.Fatal("示例站点没有分页的栏目")
	}
	attr := regexp.MustCompile(`data-list-all="([^"]*)"`)
	for _, v := range lists {
		sec := v.Section
		js, ok := scripts[site.ListEntriesURL(sec.URL)]
		if !ok {
			t.Fatalf("栏目“%s”没有全部条目的脚本", sec.Title)
		}
		var items string
		if !strings.HasPrefix(js, "djkbListEntries(") || json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(js, "djkbListEntries("), ");\n")), &items) != nil {
			t.Fatalf("脚本格式不对：%.100s", js)
		}
		if n := strings.Count(items, "<li "); n != len(sec.All) {
			t.Errorf("栏目“%s”的脚本有 %d 条，应为 %d 条", sec.Title, n, len(sec.All))
		}
		page, err := r.Render(v)
		if err != nil {
			t.Fatal(err)
		}
		m := attr.FindSubmatch(page)
		if m == nil {
			t.Fatalf("%s 没有 data-list-all", v.URLPath)
		}
		var all struct {
			Src    string
			Total  int
			Status [][2]any
		}
		if err := json.Unmarshal([]byte(html.UnescapeString(string(m[1]))), &all); err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, s := range all.Status {
			sum += int(s[1].(float64))
		}
		withStatus := 0
		for _, p := range sec.All {
			if p.Status() != "" {
				withStatus++
			}
		}
		if all.Total != len(sec.All) || sum != withStatus || all.Src != v.URL(site.ListEntriesURL(sec.URL)) {
			t.Errorf("%s：data-list-all 为 %+v，栏目共 %d 篇，%d 篇有效力状态", v.URLPath, all, len(sec.All), withStatus)
		}
	}
}
