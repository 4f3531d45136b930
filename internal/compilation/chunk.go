package compilation

import (
	"html/template"
	"net/url"
	"regexp"
	"strings"
)

// chunk is a run of whole items of the body, printed on its own. Every item
// starts on a new page, so the pages of the runs add up to the pages of the
// whole body.
type chunk struct {
	groups   []*Group // copies holding only this run's items
	appendix bool     // the appendices come after this run (the last)
	owns     []string // elements the run holds that the 目录, the bookmarks or links point to
	links    []string // elements that the run links to
}

// splitBody divides the body into at most n runs of about equal size; the
// appendices go with the last.
func (d *Digest) splitBody(n int) []*chunk {
	sizes := make([]int, len(d.Items))
	total := 0
	for i, it := range d.Items {
		sizes[i] = len(it.Body) + 2048
		total += sizes[i]
	}
	for _, a := range d.Appendix { // they go with the last run
		total += 512 * len(a.Rows)
	}
	n = max(1, min(n, len(d.Items)))
	chunks := []*chunk{{}}
	runOf := map[*Item]*chunk{}
	size := 0
	for i, it := range d.Items {
		if size >= total/n && len(chunks) < n {
			chunks = append(chunks, &chunk{})
			size = 0
		}
		runOf[it] = chunks[len(chunks)-1]
		size += sizes[i]
	}
	chunks[len(chunks)-1].appendix = true
	for _, g := range d.Groups {
		var gc *Group
		var gcRun *chunk
		groupStarted := false
		for _, sg := range g.Subgroups {
			var sc *Subgroup
			subStarted := false
			for _, it := range sg.Items {
				c := runOf[it]
				if gc == nil || gcRun != c {
					gc, gcRun = &Group{ID: g.ID, Title: g.Title, Continued: groupStarted}, c
					groupStarted = true
					c.groups = append(c.groups, gc)
					sc = nil
				}
				if sc == nil {
					sc = &Subgroup{ID: sg.ID, Title: sg.Title, Continued: subStarted}
					subStarted = true
					gc.Subgroups = append(gc.Subgroups, sc)
				}
				sc.Items = append(sc.Items, it)
			}
		}
	}
	return chunks
}

// The body is printed in runs of about targetRun bytes of item HTML (about
// 900 A4 pages), for Chromium's cost a page grows with the length of what it
// prints; but in at least two runs per processor when there is enough for
// runs of minRun (about 350 pages), so that a slow run does not hold up the
// others. Less than minRun is not worth a print of its own: the full browser
// spends one to three seconds on every print whatever its length (the
// headless shell hardly any).
const (
	minRun    = 1 << 20
	targetRun = 5 << 19
)

// runCount is how many runs PDF prints the body in (see minRun);
// Options.PrintRuns overrides it.
func (d *Digest) runCount(procs int) int {
	if d.opts.PrintRuns > 0 {
		return d.opts.PrintRuns
	}
	size := 0
	for _, it := range d.Items {
		size += len(it.Body) + 2048
	}
	return max(1, min(2*procs, size/minRun), size/targetRun)
}

var internalHrefRe = regexp.MustCompile(`href="#([^"]+)"`)

// linkTargets returns the ids that "#…" links in html point to.
func linkTargets(html string) []string {
	var out []string
	for _, m := range internalHrefRe.FindAllStringSubmatch(html, -1) {
		id, err := url.PathUnescape(m[1])
		if err != nil {
			id = m[1]
		}
		out = append(out, id)
	}
	return out
}

// planChunks fills in what each run holds and links to: the ids of its
// groups, headings, items and appendices, and the targets of its links.
func (d *Digest) planChunks(chunks []*chunk) {
	for _, c := range chunks {
		for _, g := range c.groups {
			if !g.Continued {
				c.owns = append(c.owns, g.ID)
			}
			for _, sg := range g.Subgroups {
				if !sg.Continued {
					c.owns = append(c.owns, sg.ID)
				}
				for _, it := range sg.Items {
					c.owns = append(c.owns, it.ID)
					c.links = append(c.links, linkTargets(string(it.Body))...)
				}
			}
		}
		if c.appendix {
			for _, a := range d.Appendix {
				c.owns = append(c.owns, a.ID)
				for _, row := range a.Rows {
					for _, cell := range row {
						if cell.Link != "" {
							c.links = append(c.links, strings.TrimPrefix(cell.Link, "#"))
						}
					}
				}
			}
		}
	}
}

// partAnchors makes the invisible block of one printed part: a link to
// each element it holds that anything points to, so that Chromium records
// its page as a named destination, and an empty element with the id of
// each element it links to in another part, so that Chromium keeps those
// links (the join points them at the other part). owns are the part's own
// elements; links its links; owner tells which part holds an element, by
// id or by the item id before the first "-".
func partAnchors(part int, owns, links []string, owner map[string]int, wanted map[string]bool) template.HTML {
	var b strings.Builder
	b.WriteString(`<div class="print-anchors" aria-hidden="true">`)
	for _, id := range owns {
		if wanted[id] {
			b.WriteString(`<a href="#` + template.HTMLEscapeString(url.PathEscape(id)) + `">.</a>`)
		}
	}
	seen := map[string]bool{}
	for _, id := range links {
		if o, ok := ownerOf(id, owner); ok && o != part && !seen[id] {
			seen[id] = true
			b.WriteString(`<span id="` + template.HTMLEscapeString(id) + `"></span>`)
		}
	}
	b.WriteString(`</div>`)
	return template.HTML(b.String())
}

// ownerOf returns the part holding an element: its own entry, else that of
// the item its id starts with ("d12-第三条" is in the part of "d12").
func ownerOf(id string, owner map[string]int) (int, bool) {
	if o, ok := owner[id]; ok {
		return o, true
	}
	item, _, _ := strings.Cut(id, "-")
	o, ok := owner[item]
	return o, ok
}
