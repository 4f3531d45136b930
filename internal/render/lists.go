package render

import (
	"html/template"
	"strconv"
	"strings"

	"djkb/internal/site"
)

// PageItems is the items of a page-list: each page's title and link, its
// badge and facts, and its summary, with the data- attributes of listData.
// LinkItems is the items of a link-list: each page's link, badge and
// facts. Written in Go, as tocList is: an item took a dozen template
// actions and escapers, for each of the tens of thousands of items of a
// site's lists, and the output is byte for byte what those actions wrote.
func (v *View) PageItems(pages []*site.Page) template.HTML {
	var b strings.Builder
	b.Grow(len(pages) * 640) // about what an item takes
	for _, p := range pages {
		b.WriteString(`<li class="page-item kind-`)
		b.WriteString(escapeHTML(string(p.Kind)))
		b.WriteByte('"')
		writeListData(&b, p)
		b.WriteString(">\n<h2 class=\"page-item-title\">")
		v.writeLink(&b, p)
		b.WriteString("</h2>\n<p class=\"page-item-meta\">")
		writeFacts(&b, p)
		b.WriteString("</p>\n")
		if p.Summary != "" {
			b.WriteString(`<p class="page-item-summary">`)
			b.WriteString(escapeHTML(p.Summary))
			b.WriteString("</p>")
		}
		b.WriteString("\n</li>\n")
	}
	return template.HTML(b.String())
}

// LinkItems: see PageItems.
func (v *View) LinkItems(pages []*site.Page) template.HTML {
	var b strings.Builder
	v.writeLinkItems(&b, pages)
	return template.HTML(b.String())
}

func (v *View) writeLinkItems(b *strings.Builder, pages []*site.Page) {
	for _, p := range pages {
		b.WriteString("<li>")
		v.writeLink(b, p)
		b.WriteString(`<span class="link-list-facts">`)
		writeFacts(b, p)
		b.WriteString("</span></li>")
	}
}

// writeLink writes the link to a page by its title.
func (v *View) writeLink(b *strings.Builder, p *site.Page) {
	b.WriteString(`<a href="`)
	v.writeHref(b, p.URL)
	b.WriteString(`">`)
	b.WriteString(escapeHTML(p.Title))
	b.WriteString("</a>")
}

// writeFacts writes a page's badge and facts, as kind-badge and
// page-facts do.
func writeFacts(b *strings.Builder, p *site.Page) {
	writeFactSpans(b, badgeFacts(p))
	writeFactSpans(b, pageFacts(p))
}

// PagerNav is the pager of a list page, "" when the list has one page.
// Written in Go, as PageItems is: each of its numbered links took a .URL
// call and four escapers; the output is byte for byte theirs.
func (v *View) PagerNav() template.HTML {
	p := v.Pager
	if p == nil || p.Count <= 1 {
		return ""
	}
	var b strings.Builder
	w := b.WriteString
	w("\n<nav class=\"pager\" aria-label=\"分页\">\n")
	if p.Prev != "" {
		w(`<a rel="prev" href="` + v.href(p.Prev) + `">上一页</a>`)
	}
	w("\n")
	for _, l := range p.Pages {
		n := strconv.Itoa(l.Number)
		if l.Current {
			w(`<span aria-current="page">` + n + "</span>\n")
		} else {
			w(`<a href="` + v.href(l.URL) + `" aria-label="第 ` + n + ` 页">` + n + "</a>\n")
		}
	}
	w("\n")
	if p.Next != "" {
		w(`<a rel="next" href="` + v.href(p.Next) + `">下一页</a>`)
	}
	w("\n<span class=\"pager-count\">第 " + strconv.Itoa(p.Number) + " / " + strconv.Itoa(p.Count) + " 页</span>\n</nav>\n")
	return template.HTML(b.String())
}
