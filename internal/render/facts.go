package render

import (
	"html/template"
	"strings"
	"time"

	"djkb/internal/site"
)

// RegulationFacts is the panel of what a regulation says of itself
// (文件信息, single-facts of layouts/regulation.html): its facts, 修订沿革
// and 清理结论; "" for a regulation with none of them. Written in Go, as
// tocList is: the panel took some forty template actions and escapers on
// every regulation's page; the output is byte for byte theirs.
func (v *View) RegulationFacts() template.HTML {
	p := v.Page
	if p == nil || p.Reg() == nil {
		return ""
	}
	r := p.Reg()
	status := p.ShownStatus()
	dl := r.DocNumber != "" || len(r.Issuer) > 0 || !r.Issued.IsZero() || !r.Effective.IsZero() || r.Status != "" ||
		r.Trial != "" && r.Trial != "无" || !r.ValidUntil.IsZero() || r.System != "" || r.Form != "" || r.Sector != "" ||
		len(p.SupersededBy) > 0 || len(p.Supersedes) > 0 || r.Repeal != nil || len(p.References) > 0
	if !dl && len(r.History) == 0 && len(r.Cleanup) == 0 {
		return "\n"
	}
	var b strings.Builder
	w := b.WriteString
	// Each fact is a line of the list, empty when the page lacks it.
	item := func(class, dt, dd string) { // dd is HTML
		w("<div")
		if class != "" {
			w(` class="` + class + `"`)
		}
		w("><dt>" + dt + "</dt><dd")
		if dt == "文号" {
			w(` class="doc-number"`)
		}
		w(">" + dd + "</dd></div>")
	}
	timeHTML := func(t time.Time) string {
		return `<time datetime="` + escapeHTML(isoDate(t)) + `">` + escapeHTML(chineseDate(t)) + "</time>"
	}
	w("<section class=\"meta-panel\" aria-labelledby=\"meta-title\">\n<h2 id=\"meta-title\" class=\"meta-title\">文件信息</h2>\n")
	if dl {
		w("<dl class=\"meta\">\n")
		if r.DocNumber != "" {
			item("", "文号", escapeHTML(r.DocNumber))
		}
		w("\n")
		if len(r.Issuer) > 0 {
			item("", "制定机关", escapeHTML(strings.Join(r.Issuer, "、")))
		}
		w("\n")
		if !r.Issued.IsZero() {
			item("", "印发日期", timeHTML(r.Issued))
		}
		w("\n")
		if !r.Effective.IsZero() {
			item("", "施行日期", timeHTML(r.Effective))
		}
		w("\n")
		if status != "" {
			item("", "效力状态", string(statusBadge(status)))
		}
		w("\n")
		if r.Trial != "" && r.Trial != "无" {
			item("", "试行", escapeHTML(r.Trial))
		}
		w("\n")
		if d := chineseDate(r.ValidUntil); d != "" {
			item("", "有效期至", escapeHTML(d))
		}
		w("\n")
		for _, f := range [...]struct{ dt, dd string }{{"体系", r.System}, {"名称类别", r.Form}, {"板块", r.Sector}} {
			if f.dd != "" {
				item("", f.dt, escapeHTML(f.dd))
			}
			w("\n")
		}
		if len(p.SupersededBy) > 0 {
			item("meta-full", "已被替代", v.refs(p.SupersededBy))
		}
		w("\n")
		if len(p.Supersedes) > 0 {
			item("meta-full", "替代文件", v.refs(p.Supersedes))
		}
		w("\n")
		if rp := r.Repeal; rp != nil {
			dd := escapeHTML(rp.Decision)
			if rp.DocNumber != "" {
				dd += "（" + escapeHTML(rp.DocNumber) + "）"
			}
			if d := chineseDate(rp.Date); d != "" {
				dd += "，" + escapeHTML(d)
			}
			item("meta-full", "废止依据", dd)
		}
		w("\n")
		if len(p.References) > 0 {
			item("meta-full", "引用文件", v.refs(p.References))
		}
		w("\n</dl>")
	}
	w("\n")
	if len(r.History) > 0 {
		w("<section class=\"history\" aria-labelledby=\"history-title\">\n<h3 id=\"history-title\">修订沿革</h3>\n<ol class=\"timeline\">")
		for _, e := range r.History {
			w("<li>")
			if !e.Date.IsZero() {
				w(timeHTML(e.Date))
			}
			w(`<span class="timeline-event">` + escapeHTML(e.Event) + "</span></li>")
		}
		w("</ol>\n</section>")
	}
	w("\n")
	if len(r.Cleanup) > 0 {
		w("<section class=\"cleanup\" aria-labelledby=\"cleanup-title\">\n<h3 id=\"cleanup-title\">清理结论</h3>\n<ul class=\"cleanup-list\">")
		for _, c := range r.Cleanup {
			w(`<li><span class="cleanup-batch">` + escapeHTML(c.Batch) + `</span><span class="cleanup-result">` + escapeHTML(c.Result) + "</span>")
			if d := chineseDate(c.Date); d != "" {
				w(`<span class="cleanup-date">` + escapeHTML(d) + "</span>")
			}
			if c.Note != "" {
				w(`<span class="cleanup-note">` + escapeHTML(c.Note) + "</span>")
			}
			w("</li>")
		}
		w("</ul>\n</section>")
	}
	w("\n</section>\n")
	return template.HTML(b.String())
}

// refs is the refs partial: links to the pages of the site among refs,
// the text of the others, separated by 、.
func (v *View) refs(refs []site.Ref) string {
	var b strings.Builder
	for i, r := range refs {
		if i > 0 {
			b.WriteString("、")
		}
		if r.Page != nil {
			v.writeLink(&b, r.Page)
		} else {
			b.WriteString(escapeHTML(r.Text))
		}
	}
	return b.String()
}
