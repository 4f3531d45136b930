package render

import (
	"fmt"
	"html/template"
	"strings"
	"testing"
	"time"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/markdown"
	"djkb/internal/site"
)

// TestTOCListMatchesTemplate checks that tocList writes what the range in a
// layout wrote before it, escaping included, for headings that need it.
func TestTOCListMatchesTemplate(t *testing.T) {
	headings := []markdown.Heading{
		{Level: 2, ID: "第一章-总则", Text: "第一章　总则"},
		{Level: 3, ID: `a"b'c<d>&e`, Text: `引号"与'尖括号<b>&符号`},
		{Level: 4, ID: "第一百零一条之一", Text: "第一百零一条之一"},
		{Level: 2, ID: "space id/%?#", Text: "<script>alert(1)</script>"},
		{Level: 2, ID: "c++", Text: "C++ 与 a\x00b"},
	}
	ranged := template.Must(template.New("toc").Funcs(Funcs()).Parse(
		`<ol>{{range .}}<li class="toc-level-{{.Level}}"><a href="{{anchor .ID}}">{{.Text}}</a></li>{{end}}</ol>`))
	var want strings.Builder
	if err := ranged.Execute(&want, headings); err != nil {
		t.Fatal(err)
	}
	if got := string(tocList(headings)); got != want.String() {
		t.Errorf("tocList:\n got %s\nwant %s", got, want.String())
	}
	if got := string(tocList(nil)); got != "<ol></ol>" {
		t.Errorf("tocList(nil) = %q", got)
	}
}

// TestListDataMatchesTemplate checks that listData writes what the actions
// in page-list wrote before it, for each kind of page and for values that
// need escaping.
func TestListDataMatchesTemplate(t *testing.T) {
	day := time.Date(2019, 7, 25, 0, 0, 0, 0, time.UTC)
	page := func(title string, m content.Meta) *site.Page {
		return &site.Page{Title: title, Date: day, Sum: "1z141z3", Src: &content.Source{Meta: m}}
	}
	pages := []*site.Page{
		page("中国共产党支部工作条例（试行）", content.Meta{Regulation: &content.Regulation{Status: "现行有效", System: "党的组织法规"}}),
		page(`引号"与'尖括号<b>&符号+`, content.Meta{Regulation: &content.Regulation{Status: "已废止"}}),
		page("没有体系和状态的规定", content.Meta{Regulation: &content.Regulation{}}),
		page("“三会一课”警示案例", content.Meta{Case: &content.Case{CaseType: "警示案例"}}),
		page("没有类型的案例", content.Meta{Case: &content.Case{}}),
		page("红色引擎", content.Meta{Brand: &content.Brand{Tier: "示范"}}),
		page("没有等级的品牌", content.Meta{Brand: &content.Brand{}}),
		{Title: "关于", Src: &content.Source{}},
	}
	actions := template.Must(template.New("li").Funcs(Funcs()).Parse(
		`<li data-title="{{.Title}}" data-date="{{isodate .Date}}"{{with .Status}} data-status="{{.}}"{{end}}` +
			`{{with .Reg}}{{with .System}} data-group="{{.}}" data-group-name="体系"{{end}}{{end}}` +
			`{{with .Case}}{{with .CaseType}} data-group="{{.}}" data-group-name="案例类型"{{end}}{{end}}` +
			`{{with .Brand}}{{with .Tier}} data-group="{{.}}品牌" data-group-name="品牌等级"{{end}}{{end}}>`))
	function := template.Must(template.New("li").Funcs(Funcs()).Parse(`<li{{listData .}}>`))
	for _, p := range pages {
		var want, got strings.Builder
		if err := actions.Execute(&want, p); err != nil {
			t.Fatal(err)
		}
		if err := function.Execute(&got, p); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%s:\n got %s\nwant %s", p.Title, got.String(), want.String())
		}
	}
}

// FuzzEscapeURL checks that escapeURL writes a relative link as
// html/template writes it into an href.
func FuzzEscapeURL(f *testing.F) {
	for _, s := range []string{"../a/b(2017-02-25)/index.html#cited-第一条", "#第十二条", `x"y'z<>&+ %41 !$*,;=:@[]~`, "\x00\x7f\xff", "../被引用/"} {
		f.Add(s)
	}
	tmpl := template.Must(template.New("a").Parse(`<a href="../{{.}}">`))
	f.Fuzz(func(t *testing.T, s string) {
		var want strings.Builder
		if err := tmpl.Execute(&want, s); err != nil {
			t.Skip()
		}
		if got := `<a href="../` + escapeURL(s) + `">`; got != want.String() {
			t.Errorf("escapeURL(%q) = %s, html/template: %s", s, got, want.String())
		}
	})
}

// TestStatusBadgeMatchesTemplate checks that statusBadge writes what the
// shown-status template wrote before it.
func TestStatusBadgeMatchesTemplate(t *testing.T) {
	old := template.Must(template.New("s").Funcs(Funcs()).Parse(
		`<span class="{{statusClass .}}{{if eq . "已被替代"}} status-amended{{end}}">{{.}}</span>`))
	for _, s := range []string{"现行有效", "已修改", "已废止", "宣布失效", "尚未施行", site.Replaced, "", `<"&'+>`} {
		var want strings.Builder
		if err := old.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		if got := string(statusBadge(s)); got != want.String() {
			t.Errorf("statusBadge(%q) = %s，模板写的是 %s", s, got, want.String())
		}
	}
}

// FuzzChineseDate checks chineseDate against the Sprintf it replaced.
func FuzzChineseDate(f *testing.F) {
	f.Add(int64(0))
	f.Add(time.Date(2019, 7, 25, 0, 0, 0, 0, time.UTC).Unix())
	f.Add(int64(-70000000000))
	f.Add(int64(253402300799))
	f.Fuzz(func(t *testing.T, sec int64) {
		d := time.Unix(sec, 0).UTC()
		want := fmt.Sprintf("%d年%d月%d日", d.Year(), int(d.Month()), d.Day())
		if d.IsZero() {
			want = ""
		}
		if got := chineseDate(d); got != want {
			t.Errorf("chineseDate(%v) = %q, want %q", d, got, want)
		}
	})
	if chineseDate(time.Time{}) != "" {
		f.Error("chineseDate of the zero time is not empty")
	}
}

// FuzzHref checks that href writes what escapeURL(v.URL(target)) does,
// from pages at any depth, with and without file links.
func FuzzHref(f *testing.F) {
	for _, s := range []string{"", "regulations/党内法规/条例(2017-02-25)/", "a b&c+d%41'\"<>#?[]{}|^`\\/", "\x00\x7f\xff", "tags/党建/page/2/", "feed.xml"} {
		f.Add("regulations/党内法规/", s, false)
		f.Add("", s, true)
	}
	f.Fuzz(func(t *testing.T, from, target string, fileLinks bool) {
		v := &View{Site: &site.Site{Config: config.Config{FileLinks: fileLinks}}, URLPath: from}
		if got, want := v.href(target), escapeURL(v.URL(target)); got != want {
			t.Errorf("href(%q) from %q = %q, want %q", target, from, got, want)
		}
	})
}
