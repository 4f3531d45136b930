package render

import (
	"bytes"
	"html/template"
	"strconv"
	"strings"

	"djkb/internal/site"
)

// VersionList is the list of the versions of the page's chain (历史版本),
// oldest first: each version's date, link (本页 for this one), 文号,
// status and link to its 修订对照. Written in Go, as tocList is: every
// version of every page of a chain took a dozen template actions. In a
// long chain only the newest version's page lists every version; the
// others list the first, the newest and those around their own (see
// shownVersions), so that a chain's pages grow with its length, not with
// its square.
func (v *View) VersionList() template.HTML {
	c := v.Page.Chain
	last := c.Versions[len(c.Versions)-1]
	var b strings.Builder
	b.WriteString(`<ol class="versions-list">`)
	for _, i := range shownVersions(len(c.Versions), c.Index(v.Page)) {
		if i < 0 {
			b.WriteString(`
<li class="versions-gap">……其间另有 ` + strconv.Itoa(-i) + ` 个版本，全部版本见<a href="` +
				v.href(last.URL) + `#versions-title">最新版本的历史版本</a></li>`)
			continue
		}
		p := c.Versions[i]
		this := p == v.Page
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
			b.WriteString(`<a href="` + v.href(p.URL) + `">` + escapeHTML(p.Title) + `</a>`)
		}
		if r := p.Reg(); r != nil && r.DocNumber != "" {
			b.WriteString(`<span class="doc-number">` + escapeHTML(r.DocNumber) + `</span>`)
		}
		b.WriteString(string(statusBadge(p.ShownStatus())))
		if i > 0 {
			b.WriteString(`<a class="versions-compare" href="` + v.href(c.Steps[i-1].URL) + `">修订对照</a>`)
		}
		b.WriteString("</li>")
	}
	b.WriteString("\n</ol>")
	return template.HTML(b.String())
}

// versionWindow is how many versions either side of its own a page of a
// long chain lists.
const versionWindow = 4

// shownVersions is which of a chain's n versions the page of version at
// lists, by index, oldest first; a negative number -k stands for k
// versions left out. Every version is listed on the newest version's page
// and in a chain short enough; otherwise the first, the newest, and
// versionWindow either side of at.
func shownVersions(n, at int) []int {
	all := make([]int, 0, min(n, 2*versionWindow+5))
	if at == n-1 || n <= 2*versionWindow+3 {
		for i := range n {
			all = append(all, i)
		}
		return all
	}
	lo, hi := max(at-versionWindow, 0), min(at+versionWindow, n-1)
	if lo == 2 { // a gap of one version takes the line the version would
		lo = 1
	}
	if hi == n-3 {
		hi = n - 2
	}
	if lo > 0 {
		all = append(all, 0)
		if lo > 1 {
			all = append(all, -(lo - 1))
		}
	}
	for i := lo; i <= hi; i++ {
		all = append(all, i)
	}
	if hi < n-1 {
		if hi < n-2 {
			all = append(all, -(n - 2 - hi))
		}
		all = append(all, n-1)
	}
	return all
}

// statusBadge is a 效力状态 as a badge; 已被替代 looks like 已修改.
func statusBadge(status string) template.HTML {
	class := statusClass(status)
	if status == site.Replaced {
		class += " status-amended"
	}
	return template.HTML(`<span class="` + escapeHTML(class) + `">` + escapeHTML(status) + `</span>`)
}

// textsKind is the kind of the view of a chain's versions' articles
// (site.Chain.TextsURL), which the comparison pages' selector compares.
const textsKind = "chain-texts"

// renderTexts writes the script of a chain's texts, handed to
// djkbChainTexts: a script, not JSON, so that it loads from file:// too,
// and a file of its own, so that the chain's comparison pages do not each
// carry every version.
func renderTexts(buf *bytes.Buffer, v *View) {
	buf.WriteString("djkbChainTexts(")
	buf.WriteString(string(v.Step.Chain.Texts()))
	buf.WriteString(");\n")
}
