package render

import (
	"bytes"
	"html/template"
	"strings"

	"djkb/internal/site"
)

// VersionList is the list of the versions of the page's chain (历史版本),
// oldest first: each version's date, link (本页 for this one), 文号,
// status and link to its 修订对照. Written in Go, as tocList is: every
// version of every page of a chain took a dozen template actions.
func (v *View) VersionList() template.HTML {
	c := v.Page.Chain
	var b strings.Builder
	b.WriteString(`<ol class="versions-list">`)
	for _, p := range c.Versions {
		this := p.URL == v.Page.URL
		b.WriteString("\n<li")
		if this {
			b.WriteString(` aria-current="page"`)
		}
		b.WriteString(`><span class="versions-date">`)
		if d := chineseDate(p.Date); d != "" {
			b.WriteString(escapeHTML(d))
		} else {
			b.WriteString("日期不详")
		}
		b.WriteString(`</span>`)
		if this {
			b.WriteString(`<span class="versions-this">本页</span>`)
		} else {
			b.WriteString(`<a href="` + escapeURL(v.URL(p.URL)) + `">` + escapeHTML(p.Title) + `</a>`)
		}
		if r := p.Reg(); r != nil && r.DocNumber != "" {
			b.WriteString(`<span class="doc-number">` + escapeHTML(r.DocNumber) + `</span>`)
		}
		b.WriteString(string(statusBadge(p.ShownStatus())))
		if st := c.StepTo(p); st != nil {
			b.WriteString(`<a class="versions-compare" href="` + escapeURL(v.URL(st.URL)) + `">修订对照</a>`)
		}
		b.WriteString("</li>")
	}
	b.WriteString("\n</ol>")
	return template.HTML(b.String())
}

// statusBadge is a 效力状态 as a badge; 已被替代 looks like 已修改.
func statusBadge(status string) template.HTML {
	class := statusClass(status)
	if status == site.Replaced {
		class += " status-amended"
	}
	return template.HTML(`<span class="` + escapeHTML(class) + `">` + escapeHTML(status) + `</span>`)
}

// pairsKind is the kind of the view of a chain's comparisons of every pair
// of versions (site.Chain.PairsURL).
const pairsKind = "chain-pairs"

// renderPairs writes the script of a chain's pairs, handed to
// djkbChainPairs: a script, not JSON, so that it loads from file:// too,
// and a file of its own, so that the chain's comparison pages do not each
// carry every pair.
func renderPairs(buf *bytes.Buffer, v *View) {
	buf.WriteString("djkbChainPairs(")
	buf.WriteString(string(v.Step.Chain.Pairs()))
	buf.WriteString(");\n")
}
