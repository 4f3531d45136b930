package render

import (
	"html/template"
	"strings"
	"testing"
	"time"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/site"
)

// listTestPages are pages of every kind, with and without the facts a
// list shows, and with text that needs escaping.
func listTestPages() []*site.Page {
	day := time.Date(2019, 7, 25, 0, 0, 0, 0, time.UTC)
	page := func(kind content.Kind, url, title, summary string, m content.Meta) *site.Page {
		return &site.Page{Kind: kind, URL: url, Title: title, Summary: summary, Date: day, Src: &content.Source{Meta: m}}
	}
	return []*site.Page{
		page(content.KindRegulation, "regulations/党内法规/支部工作条例/", "中国共产党支部工作条例（试行）", "为了贯彻落实新时代党的建设总要求……",
			content.Meta{Regulation: &content.Regulation{Status: "现行有效", System: "党的组织法规", DocNumber: "中发〔2018〕31号",
				Issuer: []string{"中共中央", "国务院"}, Issued: day}}),
		page(content.KindRegulation, "regulations/a b/x%y?z#w/", `引号"与'尖括号<b>&符号+`, `摘要<script>&"'+`,
			content.Meta{Regulation: &content.Regulation{Status: "已废止"}}),
		page(content.KindRegulation, "regulations/c(2017-02-25)/", "没有体系和状态的规定", "", content.Meta{Regulation: &content.Regulation{}}),
		page(content.KindCase, "cases/三会一课/", "“三会一课”警示案例", "摘要", content.Meta{Case: &content.Case{CaseType: "警示案例", Unit: "某局", Year: 2021}}),
		page(content.KindCase, "cases/无类型/", "没有类型的案例", "", content.Meta{Case: &content.Case{}}),
		page(content.KindBrand, "brands/红色引擎/", "红色引擎", "", content.Meta{Brand: &content.Brand{Tier: "示范", Unit: "某处", Established: 2015}}),
		page(content.KindBrand, "brands/无等级/", "没有等级的品牌", "品牌摘要", content.Meta{Brand: &content.Brand{}}),
		page("", "about/", "关于", "关于本库", content.Meta{}),
	}
}

// TestListItemsMatchTemplate checks that PageItems and LinkItems write
// what the ranges in page-list and link-list wrote before them, for each
// kind of page, escaping included, with links of both kinds.
func TestListItemsMatchTemplate(t *testing.T) {
	const partials = `{{define "kind-badge"}}{{kindBadge .}}{{end}}{{define "page-facts"}}{{pageFacts .}}{{end}}`
	old := template.Must(template.New("old").Funcs(Funcs()).Parse(partials +
		`{{define "page-list"}}{{$v := .View}}{{range .Pages}}<li class="page-item kind-{{.Kind}}"{{listData .}}>
<h2 class="page-item-title"><a href="{{$v.URL .URL}}">{{.Title}}</a></h2>
<p class="page-item-meta">{{template "kind-badge" .}}{{template "page-facts" .}}</p>
{{with .Summary}}<p class="page-item-summary">{{.}}</p>{{end}}
</li>
{{end}}{{end}}` +
		`{{define "link-list"}}{{$v := .View}}{{range .Pages}}<li><a href="{{$v.URL .URL}}">{{.Title}}</a><span class="link-list-facts">{{template "kind-badge" .}}{{template "page-facts" .}}</span></li>{{end}}{{end}}`))
	pages := listTestPages()
	for _, fileLinks := range []bool{false, true} {
		for _, at := range []string{"", "regulations/", "tags/党建/page/2/"} {
			v := &View{Site: &site.Site{Config: config.Config{FileLinks: fileLinks}}, URLPath: at}
			for name, got := range map[string]template.HTML{"page-list": v.PageItems(pages), "link-list": v.LinkItems(pages)} {
				var want strings.Builder
				if err := old.ExecuteTemplate(&want, name, map[string]any{"View": v, "Pages": pages}); err != nil {
					t.Fatal(err)
				}
				if string(got) != want.String() {
					t.Errorf("%s at %q (file links %v):\n got %s\nwant %s", name, at, fileLinks, got, want.String())
				}
			}
		}
	}
}

// TestPagerNavMatchesTemplate checks that PagerNav writes what the pager
// partial wrote before it, on every list page of the sample site and on
// the pages of a long list.
func TestPagerNavMatchesTemplate(t *testing.T) {
	old := template.Must(template.New("pager").Parse(`{{$v := .}}{{with .Pager}}{{if gt .Count 1}}
<nav class="pager" aria-label="分页">
{{if .Prev}}<a rel="prev" href="{{$v.URL .Prev}}">上一页</a>{{end}}
{{range .Pages}}{{if .Current}}<span aria-current="page">{{.Number}}</span>{{else}}<a href="{{$v.URL .URL}}" aria-label="第 {{.Number}} 页">{{.Number}}</a>{{end}}
{{end}}
{{if .Next}}<a rel="next" href="{{$v.URL .Next}}">下一页</a>{{end}}
<span class="pager-count">第 {{.Number}} / {{.Count}} 页</span>
</nav>
{{end}}{{end}}`))
	s := &site.Site{Config: config.Config{PageSize: 2}}
	var pages []*site.Page
	for range 25 {
		pages = append(pages, &site.Page{})
	}
	views := append(paginate(s, "tags/党建(2)/", pages), paginate(s, "", pages[:1])...)
	views = append(views, &View{URLPath: "about/"})
	for _, fileLinks := range []bool{false, true} {
		s.Config.FileLinks = fileLinks
		for _, v := range views {
			v.Site = s
			var want strings.Builder
			if err := old.Execute(&want, v); err != nil {
				t.Fatal(err)
			}
			if got := string(v.PagerNav()); got != want.String() {
				t.Errorf("%s (file links %v):\n got %q\nwant %q", v.URLPath, fileLinks, got, want.String())
			}
		}
	}
}
