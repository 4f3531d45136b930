package render_test

import (
	"html/template"
	"strings"
	"testing"

	"djkb/internal/render"
	"djkb/internal/sitetest"
)

// oldRegulationFacts is the single-facts of regulation.html before
// RegulationFacts, with the partials it called.
const oldRegulationFacts = `{{define "refs"}}{{$v := .View}}{{range $i, $r := .Refs}}{{if $i}}、{{end}}{{with $r.Page}}<a href="{{$v.URL .URL}}">{{.Title}}</a>{{else}}{{$r.Text}}{{end}}{{end}}{{end}}
{{define "shown-status"}}{{statusBadge .}}{{end}}
{{define "single-facts"}}{{$v := .}}{{with .Page}}{{$r := .Reg -}}
{{- /* A regulation without any of these facts shows no panel. */ -}}
{{$dl := or $r.DocNumber $r.Issuer (not $r.Issued.IsZero) (not $r.Effective.IsZero) $r.Status (and $r.Trial (ne $r.Trial "无")) (not $r.ValidUntil.IsZero) $r.System $r.Form $r.Sector .SupersededBy .Supersedes $r.Repeal .References -}}
{{if or $dl $r.History $r.Cleanup}}<section class="meta-panel" aria-labelledby="meta-title">
<h2 id="meta-title" class="meta-title">文件信息</h2>
{{if $dl}}<dl class="meta">
{{with $r.DocNumber}}<div><dt>文号</dt><dd class="doc-number">{{.}}</dd></div>{{end}}
{{with $r.Issuer}}<div><dt>制定机关</dt><dd>{{join . "、"}}</dd></div>{{end}}
{{if not $r.Issued.IsZero}}<div><dt>印发日期</dt><dd><time datetime="{{isodate $r.Issued}}">{{date $r.Issued}}</time></dd></div>{{end}}
{{if not $r.Effective.IsZero}}<div><dt>施行日期</dt><dd><time datetime="{{isodate $r.Effective}}">{{date $r.Effective}}</time></dd></div>{{end}}
{{with .ShownStatus}}<div><dt>效力状态</dt><dd>{{template "shown-status" .}}</dd></div>{{end}}
{{if and $r.Trial (ne $r.Trial "无")}}<div><dt>试行</dt><dd>{{$r.Trial}}</dd></div>{{end}}
{{with date $r.ValidUntil}}<div><dt>有效期至</dt><dd>{{.}}</dd></div>{{end}}
{{with $r.System}}<div><dt>体系</dt><dd>{{.}}</dd></div>{{end}}
{{with $r.Form}}<div><dt>名称类别</dt><dd>{{.}}</dd></div>{{end}}
{{with $r.Sector}}<div><dt>板块</dt><dd>{{.}}</dd></div>{{end}}
{{with .SupersededBy}}<div class="meta-full"><dt>已被替代</dt><dd>{{template "refs" (dict "View" $v "Refs" .)}}</dd></div>{{end}}
{{with .Supersedes}}<div class="meta-full"><dt>替代文件</dt><dd>{{template "refs" (dict "View" $v "Refs" .)}}</dd></div>{{end}}
{{with $r.Repeal}}<div class="meta-full"><dt>废止依据</dt><dd>{{.Decision}}{{with .DocNumber}}（{{.}}）{{end}}{{with date .Date}}，{{.}}{{end}}</dd></div>{{end}}
{{with .References}}<div class="meta-full"><dt>引用文件</dt><dd>{{template "refs" (dict "View" $v "Refs" .)}}</dd></div>{{end}}
</dl>{{end}}
{{with $r.History}}<section class="history" aria-labelledby="history-title">
<h3 id="history-title">修订沿革</h3>
<ol class="timeline">{{range .}}<li>{{if not .Date.IsZero}}<time datetime="{{isodate .Date}}">{{date .Date}}</time>{{end}}<span class="timeline-event">{{.Event}}</span></li>{{end}}</ol>
</section>{{end}}
{{with $r.Cleanup}}<section class="cleanup" aria-labelledby="cleanup-title">
<h3 id="cleanup-title">清理结论</h3>
<ul class="cleanup-list">{{range .}}<li><span class="cleanup-batch">{{.Batch}}</span><span class="cleanup-result">{{.Result}}</span>{{with date .Date}}<span class="cleanup-date">{{.}}</span>{{end}}{{with .Note}}<span class="cleanup-note">{{.}}</span>{{end}}</li>{{end}}</ul>
</section>{{end}}
</section>{{end}}
{{end}}{{end}}`

// TestRegulationFactsMatchTemplate checks that RegulationFacts writes what
// the single-facts template wrote before it, on every regulation of the
// sample site and of a site whose facts need escaping or are missing.
func TestRegulationFactsMatchTemplate(t *testing.T) {
	odd := t.TempDir()
	sitetest.Write(t, odd, map[string]string{
		"site.toml": "title = \"测试\"\n",
		"content/regulations/a.md": "+++\ntitle = \"甲<规定>&\"\ndoc_number = \"甲发〔2020〕1号 & <b>\"\nissuer = [\"甲\", \"乙'丙\"]\n" +
			"issued = 2020-01-02\neffective = 2020-02-03\nvalid_until = 2025-12-31\nstatus = \"已废止\"\ntrial = \"暂行\"\n" +
			"system = \"党内法规\"\nform = \"办法\"\nsector = \"党的组织法规\"\nsupersedes = [\"b.md\", \"未收录的文件\"]\nreferences = [\"b.md\"]\n" +
			"[repeal]\ndecision = \"废止决定<\"\ndoc_number = \"乙发〔2021〕2号\"\ndate = 2021-03-04\n" +
			"[[history]]\ndate = 2019-01-01\nevent = \"印发&\"\n[[history]]\nevent = \"没有日期\"\n" +
			"[[cleanup]]\nbatch = \"2021年\"\nresult = \"废止\"\ndate = 2021-05-06\nnote = \"说明\"\n[[cleanup]]\nbatch = \"2022年\"\nresult = \"继续有效\"\n" +
			"+++\n\n第一条　正文。\n",
		"content/regulations/b.md": "+++\ntitle = \"乙规定\"\ntrial = \"无\"\n+++\n\n第一条　正文。\n",
		"content/regulations/c.md": "+++\ntitle = \"只有沿革\"\n[[history]]\nevent = \"制定\"\n+++\n\n第一条　正文。\n",
	})
	old := template.Must(template.New("old").Funcs(render.Funcs()).Parse(oldRegulationFacts))
	n := 0
	for _, dir := range []string{"../..", odd} {
		b := buildSite(t, dir)
		for _, fileLinks := range []bool{false, true} {
			b.site.Config.FileLinks = fileLinks
			for _, v := range (&render.Renderer{Site: b.site}).Views() {
				if v.Kind != "regulation" {
					continue
				}
				n++
				var want strings.Builder
				if err := old.ExecuteTemplate(&want, "single-facts", v); err != nil {
					t.Fatal(err)
				}
				if got := string(v.RegulationFacts()); got != want.String() {
					t.Errorf("%s (file links %v):\n got %q\nwant %q", v.URLPath, fileLinks, got, want.String())
				}
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d regulation pages compared", n)
	}
}
