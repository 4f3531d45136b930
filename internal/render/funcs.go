package render

import (
	"fmt"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"djkb/internal/markdown"
	"djkb/internal/site"
)

// Funcs are the helpers every template can call.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"date":        chineseDate,
		"isodate":     isoDate,
		"join":        strings.Join,
		"statusClass": statusClass,
		"statusBadge": statusBadge,
		"add":         func(a, b int) int { return a + b },
		"dict":        dict,
		"minus":       minus,
		"anchor":      anchor,
		"tocList":     tocList,
		"listData":    listData,
		"kindBadge":   func(p *site.Page) template.HTML { return factsHTML(badgeFacts(p)) },
		"pageFacts":   func(p *site.Page) template.HTML { return factsHTML(pageFacts(p)) },
	}
}

// chineseDate formats a date as 2019年7月25日; the zero date is "".
func chineseDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	y, m, d := t.Date()
	b := make([]byte, 0, 24)
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, "年"...)
	b = strconv.AppendInt(b, int64(m), 10)
	b = append(b, "月"...)
	b = strconv.AppendInt(b, int64(d), 10)
	b = append(b, "日"...)
	return string(b)
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// statusClass names the CSS class of a 效力状态 badge.
func statusClass(status string) string {
	switch status {
	case "现行有效":
		return "status status-valid"
	case "已修改":
		return "status status-amended"
	case "已废止":
		return "status status-repealed"
	case "宣布失效":
		return "status status-void"
	case "尚未施行":
		return "status status-pending"
	}
	return "status"
}

// dict builds a map from key, value pairs, to pass several values to a
// partial template.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict 需要成对的键和值")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict 的键必须是文字")
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// minus returns the pages of list that are in none of the others, so that a
// page shown under one heading is not repeated under the next.
func minus(list []*site.Page, others ...[]*site.Page) []*site.Page {
	var out []*site.Page
next:
	for _, p := range list {
		for _, o := range others {
			if slices.Contains(o, p) {
				continue next
			}
		}
		out = append(out, p)
	}
	return out
}

// anchor is the link to an element of the same page, percent-encoded so
// that html/template has nothing left to escape in it.
func anchor(id string) string { return "#" + site.EscapePath(id) }

// tocList renders a table of contents as an ordered list of links to the
// headings, each item with the class toc-level-N. It is Go rather than a
// range in the layout because a template action costs a reflective call
// for itself and one for each escaper html/template adds: four links with
// their escapers cost a regulation page as much as the rest of its facts.
func tocList(headings []markdown.Heading) template.HTML {
	var b strings.Builder
	b.Grow(len(headings) * 128)
	b.WriteString("<ol>")
	for _, h := range headings {
		b.WriteString(`<li class="toc-level-`)
		b.WriteString(strconv.Itoa(h.Level))
		b.WriteString(`"><a href="#`)
		b.WriteString(escapeHTML(site.EscapePath(h.ID)))
		b.WriteString(`">`)
		b.WriteString(escapeHTML(h.Text))
		b.WriteString("</a></li>")
	}
	b.WriteString("</ol>")
	return template.HTML(b.String())
}

// listData writes the data- attributes by which static/js/site.js sorts and
// groups a list of pages: the title, the date, a regulation's 效力状态, and
// the group the page falls in (its 体系, 案例类型 or 品牌等级). Written as
// template actions, each a reflective call, they took three and a half
// times as long, for each of the 16,000 list items of a large site.
func listData(p *site.Page) template.HTMLAttr {
	var b strings.Builder
	writeListData(&b, p)
	return template.HTMLAttr(b.String())
}

func writeListData(b *strings.Builder, p *site.Page) {
	attr := func(name, value string) {
		b.WriteString(" data-")
		b.WriteString(name)
		b.WriteString(`="`)
		b.WriteString(escapeHTML(value))
		b.WriteByte('"')
	}
	attr("title", p.Title)
	attr("date", isoDate(p.Date))
	if s := p.Status(); s != "" {
		attr("status", s)
	}
	if value, name := listGroup(p); value != "" {
		attr("group", value)
		attr("group-name", name)
	}
}

// listGroup returns the group a page falls in on a list, and what the
// groups are called: its 体系, 案例类型 or 品牌等级; "" for none.
func listGroup(p *site.Page) (value, name string) {
	if r := p.Reg(); r != nil && r.System != "" {
		return r.System, "体系"
	}
	if c := p.Case(); c != nil && c.CaseType != "" {
		return c.CaseType, "案例类型"
	}
	if br := p.Brand(); br != nil && br.Tier != "" {
		return br.Tier + "品牌", "品牌等级"
	}
	return "", ""
}

// A fact is one span of what a list shows of a page beside its title: a
// badge or one of the facts that identify it. The pages' lists and the
// whole lists that static/js/site.js builds (entries.go) show the same
// facts, from these functions.
type fact struct{ Class, Text string }

// badgeFacts is the badge that tells what a page is: a regulation's
// 效力状态, a case's type, a brand's tier.
func badgeFacts(p *site.Page) []fact {
	var fs []fact
	if s := p.Status(); s != "" {
		fs = append(fs, fact{statusClass(s), s})
	}
	if c := p.Case(); c != nil && c.CaseType != "" {
		class := "badge badge-work"
		if c.CaseType == "警示案例" {
			class = "badge badge-warning"
		}
		fs = append(fs, fact{class, c.CaseType})
	}
	if b := p.Brand(); b != nil && b.Tier != "" {
		fs = append(fs, fact{"badge badge-tier", b.Tier + "品牌"})
	}
	return fs
}

// pageFacts is one line of the facts that identify a page.
func pageFacts(p *site.Page) []fact {
	var fs []fact
	add := func(class, text string) {
		if text != "" {
			fs = append(fs, fact{class, text})
		}
	}
	year := func(n int, suffix string) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n) + suffix
	}
	r, c, b := p.Reg(), p.Case(), p.Brand()
	if r != nil {
		add("doc-number", r.DocNumber)
		add("", strings.Join(r.Issuer, "、"))
		if d := chineseDate(r.Issued); d != "" {
			add("", d+"印发")
		}
	}
	if c != nil {
		add("", c.Unit)
		add("", year(c.Year, "年"))
	}
	if b != nil {
		add("", b.Unit)
		add("", year(b.Established, "年创建"))
	}
	if r == nil && c == nil && b == nil {
		add("", chineseDate(p.Date))
	}
	return fs
}

// factsHTML writes facts as the spans a list shows.
func factsHTML(fs []fact) template.HTML {
	var b strings.Builder
	writeFactSpans(&b, fs)
	return template.HTML(b.String())
}

func writeFactSpans(b *strings.Builder, fs []fact) {
	for _, f := range fs {
		b.WriteString("<span")
		if f.Class != "" {
			b.WriteString(` class="`)
			b.WriteString(escapeHTML(f.Class))
			b.WriteByte('"')
		}
		b.WriteByte('>')
		b.WriteString(escapeHTML(f.Text))
		b.WriteString("</span>")
	}
}

// escapeHTML escapes text for an element's content or a quoted attribute
// value exactly as html/template does, so that what Go writes for a
// template is byte for byte what the template would have written.
var escapeHTML = strings.NewReplacer(
	"\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;",
).Replace
