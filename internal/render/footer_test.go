package render_test

import (
	"html/template"
	"strings"
	"testing"

	"djkb/internal/render"
	"djkb/internal/sitetest"
)

// oldPageFooter is the page-footer of the layouts before PageFooter, with
// the partials it called.
const oldPageFooter = `{{define "page-footer"}}{{$v := .}}{{with .Page}}{{template "chapters" (dict "View" $v "Pages" .Chapters)}}
{{template "link-list" (dict "View" $v "Pages" .Cases "Title" "适用本法规的案例" "ID" "cases-applying")}}
{{template "cited-by" $v}}
{{$refs := .Unlisted .ReferencedBy}}
{{template "link-list" (dict "View" $v "Pages" $refs "Title" "引用本页的内容" "ID" "referenced-by")}}
{{template "link-list" (dict "View" $v "Pages" (minus (.Unlisted .Related) $refs) "Title" "相关内容" "ID" "related")}}
{{if or .Prev .Next}}<nav class="prev-next" aria-label="同栏目的上一篇和下一篇">
{{with .Prev}}<a class="prev" rel="prev" href="{{$v.URL .URL}}"><span class="prev-next-label">上一篇</span>{{.Title}}</a>{{end}}
{{with .Next}}<a class="next" rel="next" href="{{$v.URL .URL}}"><span class="prev-next-label">下一篇</span>{{.Title}}</a>{{end}}
</nav>{{end}}
{{end}}{{end}}
{{define "chapters"}}{{$v := .View}}{{with .Pages}}
<section class="link-list" aria-labelledby="chapters">
<h2 id="chapters">本文件各部分 <span class="count">{{len .}}</span></h2>
<ul>{{range .}}<li><a href="{{$v.URL .URL}}">{{.OwnTitle}}</a></li>{{end}}</ul>
</section>
{{end}}{{end}}
{{define "link-list"}}{{$v := .View}}{{if .Pages}}
<section class="link-list" aria-labelledby="{{.ID}}">
<h2 id="{{.ID}}">{{.Title}} <span class="count">{{len .Pages}}</span></h2>
<ul>{{range .Pages}}<li><a href="{{$v.URL .URL}}">{{.Title}}</a><span class="link-list-facts">{{kindBadge .}}{{pageFacts .}}</span></li>{{end}}</ul>
</section>
{{end}}{{end}}
{{define "cited-by"}}{{$v := .}}{{with .Page}}{{$all := .CitedByURL}}{{$p := .}}{{with .CitedBy}}
<section class="link-list cited-by" aria-labelledby="cited-by">
<h2 id="cited-by">被引用 <span class="count">{{len .}}<span class="visually-hidden"> 处条文</span></span></h2>
{{$v.CitedByList $p false}}{{with $all}}
<p class="cited-by-all"><a href="{{$v.URL .}}">按条文查看引用本文件的全部内容</a></p>{{end}}
</section>{{end}}{{end}}{{end}}`

// TestPageFooterMatchesTemplate checks that PageFooter writes what the
// page-footer partial wrote before it, on every page of the sample site,
// which has pages with each of its lists but chapters, and on a document
// kept as a folder of chapters.
func TestPageFooterMatchesTemplate(t *testing.T) {
	doc := t.TempDir()
	sitetest.Write(t, doc, map[string]string{
		"site.toml": "title = \"测试\"\n",
		"content/regulations/某条例/_index.md": "+++\ntitle = \"某条例\"\n+++\n",
		"content/regulations/某条例/第一章.md":    "+++\ntitle = \"第一章　总则\"\n+++\n\n第一条　总则。\n",
		"content/regulations/某条例/第二章.md":    "+++\ntitle = \"第二章　<附则>&\"\n+++\n\n第二条　附则。\n",
	})
	old := template.Must(template.New("old").Funcs(render.Funcs()).Parse(oldPageFooter))
	seen := map[string]int{}
	for _, b := range []*built{buildSite(t, "../.."), buildSite(t, doc)} {
		for _, fileLinks := range []bool{false, true} {
			b.site.Config.FileLinks = fileLinks
			for _, v := range (&render.Renderer{Site: b.site}).Views() {
				var want strings.Builder
				if err := old.ExecuteTemplate(&want, "page-footer", v); err != nil {
					t.Fatal(err)
				}
				got := string(v.PageFooter())
				if got != want.String() {
					t.Fatalf("%s (file links %v):\n got %q\nwant %q", v.URLPath, fileLinks, got, want.String())
				}
				for _, part := range []string{`"chapters"`, `"cases-applying"`, `"cited-by"`, `"referenced-by"`, `"related"`, `"prev-next"`, "cited-by-all"} {
					if strings.Contains(got, part) {
						seen[part]++
					}
				}
			}
		}
	}
	for _, part := range []string{`"chapters"`, `"cases-applying"`, `"cited-by"`, `"referenced-by"`, `"related"`, `"prev-next"`} {
		if seen[part] == 0 {
			t.Errorf("no page of the sample site has %s: the test compares nothing there", part)
		}
	}
}

// TestBreadcrumbsMatchTemplate checks that Breadcrumbs writes what the
// range in base.html wrote before it, on every page of the sample site.
func TestBreadcrumbsMatchTemplate(t *testing.T) {
	old := template.Must(template.New("old").Parse(`{{if .Crumbs}}<nav class="breadcrumbs wrap" aria-label="当前位置"><ol>
<li><a href="{{.URL ""}}">首页</a></li>
{{range .Crumbs}}<li><a href="{{$.URL .URL}}">{{.Title}}</a></li>
{{end}}<li aria-current="page">{{with .Term}}{{.Name}}{{else}}{{.Title}}{{end}}</li>
</ol></nav>{{end}}`))
	b := buildSite(t, "../..")
	terms := 0
	for _, fileLinks := range []bool{false, true} {
		b.site.Config.FileLinks = fileLinks
		for _, v := range (&render.Renderer{Site: b.site}).Views() {
			var want strings.Builder
			if err := old.Execute(&want, v); err != nil {
				t.Fatal(err)
			}
			if got := string(v.Breadcrumbs()); got != want.String() {
				t.Fatalf("%s (file links %v):\n got %q\nwant %q", v.URLPath, fileLinks, got, want.String())
			}
			if v.Term != nil && len(v.Crumbs) > 0 {
				terms++
			}
		}
	}
	if terms == 0 {
		t.Error("no term page with a trail in the sample site")
	}
}
