package render

import (
	"html/template"
	"strconv"
	"strings"

	"djkb/internal/content"
	"djkb/internal/site"
)

// CitedByList is the 被引用 list of the page, article by article: on the
// page itself (full false) the first site.CitedByShown citing pages of
// each article, with 「等 N 篇」 to the full list where it is cut, and the
// attributes static/js/cite.js reads; on the full list (full true) every
// citing page. Written in Go, as tocList is: a page cited by hundreds of
// pages took a template action, and its escapers, for each of them.
func (v *View) CitedByList(p *site.Page, full bool) template.HTML {
	var b strings.Builder
	v.writeCitedBy(&b, p, full)
	return template.HTML(b.String())
}

func (v *View) writeCitedBy(b *strings.Builder, p *site.Page, full bool) {
	w := b.WriteString
	w(`<dl class="cited-by-list">`)
	for _, c := range p.CitedBy() {
		id := escapeHTML(c.Anchor)
		n := strconv.Itoa(len(c.Pages))
		w(`<div id="cited-`)
		w(id)
		w(`"`)
		if !full {
			w(` data-anchor="`)
			w(id)
			w(`" data-count="`)
			w(n)
			w(`"`)
		}
		w(`><dt>`)
		if c.Anchor == "" {
			w("全文")
		} else {
			at := ""
			if full {
				at = v.URL(p.URL)
			}
			w(`<a href="`)
			w(escapeURL(at + "#" + c.Anchor))
			w(`">`)
			w(id)
			w(`</a>`)
		}
		w(` <span class="count">`)
		w(n)
		w(`<span class="visually-hidden"> 处引用</span></span></dt><dd>`)
		pages := c.Pages
		if !full {
			pages = c.Shown()
		}
		for i, q := range pages {
			if i > 0 {
				w("、")
			}
			v.writeLink(b, q)
			w(`<span class="cite-kind">`)
			w(kindName[q.Kind])
			w(`</span>`)
		}
		if !full && c.Cut() {
			w(`<a class="cited-by-more" href="`)
			w(escapeURL(v.URL(p.CitedByURL()) + "#cited-" + c.Anchor))
			w(`">等 `)
			w(n)
			w(` 篇</a>`)
		}
		w(`</dd></div>`)
	}
	w(`</dl>`)
}

// kindName is what a 被引用 list says a citing page is.
var kindName = map[content.Kind]string{content.KindRegulation: "法规", content.KindCase: "案例", content.KindBrand: "品牌"}

// escapeURL escapes a relative URL for an href as html/template does:
// percent-encodes what a URL cannot hold (in lower-case hex, as it does),
// then escapes it for the attribute.
func escapeURL(u string) string {
	const hex = "0123456789abcdef"
	var b []byte
	for i := 0; i < len(u); i++ {
		c := u[i]
		if urlKeeps(c) || c == '%' && i+2 < len(u) && isHex(u[i+1]) && isHex(u[i+2]) {
			if b != nil {
				b = append(b, c)
			}
			continue
		}
		if b == nil {
			b = append(make([]byte, 0, len(u)*3), u[:i]...)
		}
		b = append(b, '%', hex[c>>4], hex[c&15])
	}
	if b != nil {
		u = string(b)
	}
	return escapeHTML(u)
}

// urlKeeps reports whether html/template's URL normaliser keeps a byte:
// letters, digits, the unreserved and reserved characters; "%" only
// where it starts an escape. A table, since every byte of every link
// written in Go is looked up.
func urlKeeps(c byte) bool { return urlKept[c] }

var urlKept = func() (t [256]bool) {
	for c := range 256 {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~!#$&*+,/:;=?@[]", byte(c)) >= 0
	}
	return t
}()

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// href is escapeURL(v.URL(target)), the link to target as html/template
// writes it into an href, made in one pass: site.Rel's escaping of the
// path, then what escapeURL adds to it (the parentheses that Rel keeps and
// html/template's normaliser encodes, and the HTML escapes of & and +).
// Go writes every link of the lists through it; FuzzHref checks it against
// the functions it fuses.
func (v *View) href(target string) string {
	var b strings.Builder
	b.Grow(3*strings.Count(v.URLPath, "/") + 3*len(target) + 10)
	v.writeHref(&b, target)
	return b.String()
}

func (v *View) writeHref(b *strings.Builder, target string) {
	const hex = "0123456789ABCDEF"
	depth := strings.Count(v.URLPath, "/")
	index := v.Site.Config.FileLinks && (target == "" || strings.HasSuffix(target, "/"))
	if depth == 0 && target == "" && !index {
		b.WriteString("./")
		return
	}
	for range depth {
		b.WriteString("../")
	}
	for i := 0; i < len(target); i++ {
		switch c := target[i]; {
		// site.EscapePath's set, and the parentheses it keeps
		case c <= 0x20 || c >= 0x7f || strings.IndexByte("\"#%'<>?\\^`{|}[]()", c) >= 0:
			b.Write([]byte{'%', hex[c>>4], hex[c&15]})
		case c == '&':
			b.WriteString("&amp;")
		case c == '+':
			b.WriteString("&#43;")
		default:
			b.WriteByte(c)
		}
	}
	if index {
		b.WriteString("index.html")
	}
}
