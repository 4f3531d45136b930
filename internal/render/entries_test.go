package render_test

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/render"
	"djkb/internal/site"
	"djkb/internal/sitetest"
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
		entries := decodeEntries(t, js)
		if len(entries) != len(sec.All) {
			t.Errorf("栏目“%s”的脚本有 %d 条，应为 %d 条", sec.Title, len(entries), len(sec.All))
		}
		for i, e := range entries {
			if i < len(sec.All) && (e.Title != sec.All[i].Title || e.URL != sec.All[i].URL) {
				t.Errorf("栏目“%s”的脚本第 %d 条是 %+v，应为“%s”（%s）", sec.Title, i+1, e, sec.All[i].Title, sec.All[i].URL)
			}
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

// An entry is what a test reads of one entry of a section's whole list.
type entry struct {
	URL, Title, Date, Kind, Status, Group, GroupName, Summary string
	Facts                                                     []string // class, text, class, text…
}

// decodeEntries reads a section's whole list as site.js does: the call, the
// shared strings, each entry's address from the site's root.
func decodeEntries(t *testing.T, js string) []entry {
	t.Helper()
	var data struct {
		Root, Index string
		Strings     []string
		Entries     [][]json.RawMessage
	}
	body, ok := strings.CutPrefix(js, "djkbListEntries(")
	if body, ok = strings.CutSuffix(body, ");\n"); !ok {
		t.Fatalf("脚本格式不对：%.100s", js)
	}
	if err := json.Unmarshal([]byte(body), &data); err != nil {
		t.Fatalf("脚本不是合法的 JSON：%v", err)
	}
	var out []entry
	for _, raw := range data.Entries {
		if len(raw) != 10 {
			t.Fatalf("条目有 %d 项，应为 10 项", len(raw))
		}
		var (
			e            entry
			folder, name string
			ints         [5]int
			facts        []int
		)
		for i, dst := range []any{&ints[0], &name, &e.Title, &e.Date, &ints[1], &ints[2], &ints[3], &ints[4], &facts, &e.Summary} {
			if err := json.Unmarshal(raw[i], dst); err != nil {
				t.Fatalf("条目第 %d 项：%v", i+1, err)
			}
		}
		folder, e.Kind, e.Status, e.Group, e.GroupName = data.Strings[ints[0]], data.Strings[ints[1]], data.Strings[ints[2]], data.Strings[ints[3]], data.Strings[ints[4]]
		for _, f := range facts {
			e.Facts = append(e.Facts, data.Strings[f])
		}
		if !strings.HasPrefix(data.Root, "../") {
			t.Fatalf("root 是 %q，应从脚本所在处回到网站根目录", data.Root)
		}
		if name == "" {
			name = e.Title + "/"
		}
		e.URL = folder + name
		out = append(out, e)
	}
	return out
}

// TestWholeListData builds a section of regulations whose titles are
// hostile to a script and to HTML, over several pages and in a
// sub-section, and reads its whole list back: every entry, in the list's
// order, every title as written, the facts and summary the list shows,
// nothing that could end a script element, and the shared strings once.
func TestWholeListData(t *testing.T) {
	titles := []string{
		`<script>alert(1)</script>`,
		`引号"双"与'单'`,
		`</script><b>粗</b>`,
		`A & B \ 反斜杠`,
		"换行\u2028分隔\u2029符",
		`{"root":"x"}]);alert(2);//`,
		`普通的规定`,
	}
	files := map[string]string{"site.toml": "title = \"测试站点\"\npage_size = 2\n"}
	for i, title := range titles {
		folder := "content/regulations/"
		if i%2 == 1 {
			folder += "sub/"
		}
		files[fmt.Sprintf("%sr%d.md", folder, i)] = fmt.Sprintf("+++\ntitle = %s\ndate = 2020-01-%02d\nstatus = \"现行有效\"\nsystem = \"党内法规\"\ndoc_number = \"东统〔2020〕%d号\"\nissuer = [\"东江省统计局\", \"<机关>\"]\nissued = 2020-01-%02d\n+++\n\n第一条　本规定自印发之日起施行。\n", strconv.Quote(title), i+1, i, i+1)
	}
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	sitetest.Write(t, dir, files)
	if _, err := build.Run(build.Options{SiteDir: dir, OutDir: out, Defaults: djkb.Defaults}); err != nil {
		t.Fatal(err)
	}
	s, diags := build.Load(build.Options{SiteDir: dir, Defaults: djkb.Defaults})
	if s == nil || diags.HasErrors() {
		t.Fatalf("测试站点无法加载：%v", diags.Items())
	}
	data, err := os.ReadFile(filepath.Join(out, "regulations/page/list.js"))
	if err != nil {
		t.Fatal(err)
	}
	js := string(data)
	if strings.ContainsAny(js, "<>&\u2028\u2029") {
		t.Errorf("脚本中有未转义的 <、>、& 或行分隔符：%s", js)
	}
	sec := s.Sections[1]
	entries := decodeEntries(t, js)
	if len(entries) != len(titles) || len(sec.All) != len(titles) {
		t.Fatalf("脚本有 %d 条，栏目有 %d 篇，应为 %d 篇", len(entries), len(sec.All), len(titles))
	}
	for i, e := range entries {
		p := sec.All[i]
		want := entry{URL: p.URL, Title: p.Title, Date: p.Date.Format("2006-01-02"), Kind: "regulation", Status: "现行有效", Group: "党内法规", GroupName: "体系", Summary: p.Summary,
			Facts: []string{"status status-valid", "现行有效", "doc-number", p.Reg().DocNumber, "", "东江省统计局、<机关>", "", "2020年1月" + strconv.Itoa(p.Date.Day()) + "日印发"}}
		if p.Summary == "" || !slices.Contains(titles, p.Title) {
			t.Fatalf("第 %d 篇“%s”：标题或摘要不对", i+1, p.Title)
		}
		if !reflect.DeepEqual(e, want) {
			t.Errorf("第 %d 条是\n  %+v\n应为\n  %+v", i+1, e, want)
		}
	}
	if n := strings.Count(js, `"现行有效"`); n != 1 {
		t.Errorf("共用的“现行有效”写了 %d 次，应只写一次", n)
	}
}

// TestWholeListTooLarge checks a section too large to load: no whole
// list, and its pages send the filter to the search page instead.
func TestWholeListTooLarge(t *testing.T) {
	defer render.SetMaxListEntries(4)()
	files := map[string]string{"site.toml": "title = \"测试站点\"\npage_size = 2\nlist_pages = 2\n"}
	for i := 1; i <= 5; i++ {
		files[fmt.Sprintf("content/regulations/r%d.md", i)] = fmt.Sprintf("+++\ntitle = \"第%d号规定\"\ndate = 2020-01-%02d\n+++\n\n第一条　本规定自印发之日起施行。\n", i, i)
	}
	dir, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	sitetest.Write(t, dir, files)
	if _, err := build.Run(build.Options{SiteDir: dir, OutDir: out, Defaults: djkb.Defaults}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, "regulations/page/list.js")); err == nil {
		t.Error("太大的栏目仍有全部条目的脚本")
	}
	first, err := os.ReadFile(filepath.Join(out, "regulations/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := `data-list-all="{&#34;total&#34;:5,&#34;search&#34;:&#34;../search/index.html?section=`
	if !strings.Contains(string(first), want) || strings.Contains(string(first), "list.js") {
		t.Errorf("太大的栏目第一页的 data-list-all 应只有总数和搜索页：%s", regexp.MustCompile(`data-list-all="[^"]*"`).Find(first))
	}
	last, err := os.ReadFile(filepath.Join(out, "regulations/page/2/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(last), "“筛选”") || !strings.Contains(string(last), "list-rest") {
		t.Error("太大的栏目的其余条目说明仍指向筛选")
	}
}
