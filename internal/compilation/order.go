package compilation

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"djkb/internal/content"
	"djkb/internal/site"
)

// systemOf is the 体系 a regulation is filed under: its system, else the
// title of the first-level folder of content/regulations/ it is in, else
// 其他.
func systemOf(p *site.Page) string {
	if s := p.Reg().System; s != "" {
		return s
	}
	if sec := folderAt(p, 1); sec != nil {
		return sec.Title
	}
	return "其他"
}

// subgroupOf is the heading a regulation is listed under within its system:
// 党章; for 党内法规 its sector (板块); else its form (名称类别), else the
// second-level folder.
func subgroupOf(p *site.Page) string {
	r := p.Reg()
	switch {
	case r.Form == "党章":
		return "党章"
	case r.Sector != "" && (r.System == "党内法规" || r.Form == ""):
		return r.Sector
	case r.Form != "":
		return r.Form
	case r.System == "":
		if sec := folderAt(p, 2); sec != nil {
			return sec.Title
		}
	}
	return ""
}

// folderAt returns the section depth levels below content/regulations/
// that holds p, or nil.
func folderAt(p *site.Page, depth int) *site.Section {
	var chain []*site.Section
	for s := p.Section; s != nil && s.Path != ""; s = s.Parent {
		chain = append(chain, s)
	}
	// chain ends with regulations/ itself
	if i := len(chain) - 1 - depth; i >= 0 {
		return chain[i]
	}
	return nil
}

// rank orders headings: the known values in the schema's order, then the
// others by name.
func rank(known []string) func(a, b string) int {
	return func(a, b string) int {
		ia, ib := slices.Index(known, a), slices.Index(known, b)
		if ia < 0 {
			ia = len(known)
		}
		if ib < 0 {
			ib = len(known)
		}
		return cmp.Or(cmp.Compare(ia, ib), cmp.Compare(a, b))
	}
}

// ranks are the forms of Party regulations by 位阶, highest first.
var ranks = []string{"党章", "准则", "条例", "规定", "办法", "规则", "细则"}

var (
	systemRank   = rank(content.Systems)
	subgroupRank = rank(slices.Concat([]string{"党章"}, content.Sectors, ranks, content.Forms))
	formRank     = rank(slices.Concat(ranks, content.Forms))
)

// compareItems orders items by system, then sector or form, then 位阶
// (form), then issue date (undated last), then title; a document's
// chapters follow it in their reading order.
func compareItems(a, b *Item) int {
	wa, wb := a.Page.Whole(), b.Page.Whole()
	return cmp.Or(
		systemRank(a.System, b.System),
		compareSubgroups(a.Subgroup, b.Subgroup),
		formRank(wa.Reg().Form, wb.Reg().Form),
		compareDates(wa, wb),
		strings.Compare(wa.Title, wb.Title),
		strings.Compare(wa.Src.Path, wb.Src.Path),
		cmp.Compare(chapterIndex(a.Page), chapterIndex(b.Page)))
}

// chapterIndex is a page's place in its document: 0 for the document
// itself, 1 for its first chapter, and so on.
func chapterIndex(p *site.Page) int {
	if p.Document == nil {
		return 0
	}
	return slices.Index(p.Document.Chapters, p) + 1
}

// arrange sorts items (see compareItems) and groups them by system, then
// sector or form.
func arrange(items []*Item) []*Group {
	slices.SortStableFunc(items, compareItems)
	var groups []*Group
	for _, it := range items {
		if len(groups) == 0 || groups[len(groups)-1].Title != it.System {
			groups = append(groups, &Group{ID: "g" + itoa(len(groups)+1), Title: it.System})
		}
		g := groups[len(groups)-1]
		if len(g.Subgroups) == 0 || g.Subgroups[len(g.Subgroups)-1].Title != it.Subgroup {
			g.Subgroups = append(g.Subgroups, &Subgroup{ID: g.ID + "-" + itoa(len(g.Subgroups)+1), Title: it.Subgroup})
		}
		sg := g.Subgroups[len(g.Subgroups)-1]
		sg.Items = append(sg.Items, it)
	}
	for _, g := range groups {
		// A system divided into headings lists its undivided items under 其他.
		if last := g.Subgroups[len(g.Subgroups)-1]; last.Title == "" && len(g.Subgroups) > 1 {
			last.Title = "其他"
		}
	}
	return groups
}

// compareSubgroups orders headings, the undivided ("") last.
func compareSubgroups(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return subgroupRank(a, b)
}

// compareDates orders by date, undated last.
func compareDates(a, b *site.Page) int {
	switch {
	case a.Date.IsZero() && b.Date.IsZero():
		return 0
	case a.Date.IsZero():
		return 1
	case b.Date.IsZero():
		return -1
	}
	return a.Date.Compare(b.Date)
}

func itoa(n int) string { return strconv.Itoa(n) }
