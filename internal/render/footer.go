package render

import (
	"html/template"
	"strconv"
	"strings"

	"djkb/internal/site"
)

// PageFooter is the foot of a single page (page-footer in
// layouts/partials/page.html): the chapters of a document, the cases
// applying it, the pages citing it article by article (被引用), the pages
// linking to it, the related pages, and the neighbours in its section.
// Each page is listed once, under the first heading that fits. Written in
// Go, as tocList is: the partials it replaces took some thirty template
// actions on every page, most of them to find the lists empty; the output
// is byte for byte theirs, and the partials (chapters, link-list,
// cited-by) are still there for a site's own layouts.
func (v *View) PageFooter() template.HTML {
	p := v.Page
	if p == nil {
		return ""
	}
	var b strings.Builder
	writeListSection(&b, len(p.Chapters), "本文件各部分", "chapters", func() {
		for _, c := range p.Chapters {
			b.WriteString(`<li><a href="` + v.href(c.URL) + `">` + escapeHTML(c.OwnTitle()) + "</a></li>")
		}
	})
	b.WriteByte('\n')
	v.writeLinkList(&b, p.Cases, "适用本法规的案例", "cases-applying")
	b.WriteByte('\n')
	if cited := p.CitedBy(); len(cited) > 0 {
		b.WriteString("\n<section class=\"link-list cited-by\" aria-labelledby=\"cited-by\">\n<h2 id=\"cited-by\">被引用 <span class=\"count\">" +
			strconv.Itoa(len(cited)) + "<span class=\"visually-hidden\"> 处条文</span></span></h2>\n")
		v.writeCitedBy(&b, p, false)
		if all := p.CitedByURL(); all != "" {
			b.WriteString("\n<p class=\"cited-by-all\"><a href=\"" + v.href(all) + "\">按条文查看引用本文件的全部内容</a></p>")
		}
		b.WriteString("\n</section>")
	}
	b.WriteString("\n\n")
	refs := p.Unlisted(p.ReferencedBy)
	v.writeLinkList(&b, refs, "引用本页的内容", "referenced-by")
	b.WriteByte('\n')
	v.writeLinkList(&b, minus(p.Unlisted(p.Related), refs), "相关内容", "related")
	b.WriteByte('\n')
	if p.Prev != nil || p.Next != nil {
		b.WriteString("<nav class=\"prev-next\" aria-label=\"同栏目的上一篇和下一篇\">\n")
		if q := p.Prev; q != nil {
			b.WriteString(`<a class="prev" rel="prev" href="` + v.href(q.URL) + `"><span class="prev-next-label">上一篇</span>` + escapeHTML(q.Title) + "</a>")
		}
		b.WriteByte('\n')
		if q := p.Next; q != nil {
			b.WriteString(`<a class="next" rel="next" href="` + v.href(q.URL) + `"><span class="prev-next-label">下一篇</span>` + escapeHTML(q.Title) + "</a>")
		}
		b.WriteString("\n</nav>")
	}
	b.WriteByte('\n')
	return template.HTML(b.String())
}

// writeLinkList writes a link-list: pages under a heading; nothing when
// there are none. title and id are written as they are.
func (v *View) writeLinkList(b *strings.Builder, pages []*site.Page, title, id string) {
	writeListSection(b, len(pages), title, id, func() { v.writeLinkItems(b, pages) })
}

// writeListSection writes the section of a list of n items under a heading
// with their count, the items written by items; nothing when n is 0. title
// and id are written as they are.
func writeListSection(b *strings.Builder, n int, title, id string, items func()) {
	if n == 0 {
		return
	}
	b.WriteString("\n<section class=\"link-list\" aria-labelledby=\"" + id + "\">\n<h2 id=\"" + id + "\">" + title +
		" <span class=\"count\">" + strconv.Itoa(n) + "</span></h2>\n<ul>")
	items()
	b.WriteString("</ul>\n</section>\n")
}
