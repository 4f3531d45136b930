package render

import (
	"html/template"
	"slices"
	"strings"

	"djkb/internal/site"
)

// View is what a template sees when it renders one output page.
type View struct {
	Site     *site.Site
	Kind     string // home, section, regulation, case, brand, page, taxonomy, term, search, bookmarks, cleanup, 404
	Title    string
	URLPath  string // site-relative URL of this page
	Root     string // relative path from this page to the site root, "" at the root
	Page     *site.Page
	Section  *site.Section
	Pages    []*site.Page // the list shown on list pages (one pager page)
	Pager    *Pager
	Taxonomy *site.Taxonomy
	Term     *site.Term
	Step     *site.Step // on a comparison page (修订对照): the two versions
	Cited    *site.Page // on a full 被引用 list: the page cited
	Crumbs   []Crumb
	// report returns the clean-up page's report, on the cleanup view only.
	report func() Report
	// LiveReload is set by djkb serve to inject its reload script.
	LiveReload bool

	facets    []Facet     // of Section, on section lists
	counts    *listCounts // of Section, on section lists
	fragments *fragments
}

// Cleanup returns the clean-up page's report, on the cleanup view only.
func (v *View) Cleanup() Report {
	if v.report == nil {
		return nil
	}
	return v.report()
}

// ChangeLog is empty: the Sums the bookmarks page compares are in
// js/sums.js. Kept so that a site's own bookmarks layout written for
// earlier versions still renders.
func (v *View) ChangeLog() string { return "" }

// Crumb is one step of the breadcrumb trail.
type Crumb struct {
	Title string
	URL   string
}

// Pager is the position in a paginated list.
type Pager struct {
	Number, Count int
	Prev, Next    string // site-relative URLs, "" when there is none
	Pages         []PagerLink
	// Total is the number of entries of the list, Listed of those its
	// numbered pages show: fewer when the list has more pages than the
	// site's cap (Config.ListPages).
	Total, Listed int
}

// Rest is the number of entries no numbered page of the list shows.
func (p *Pager) Rest() int { return p.Total - p.Listed }

// PagerLink is one numbered link of a pager.
type PagerLink struct {
	Number  int
	URL     string
	Current bool
}

// URL returns the relative link from this page to a site-relative URL.
func (v *View) URL(target string) string {
	return site.Rel(v.URLPath, target, v.Site.Config.FileLinks)
}

// Content returns the page's rendered Markdown.
func (v *View) Content() template.HTML {
	if v.Page == nil {
		return ""
	}
	return v.Page.HTML()
}

// TermsOf returns the terms of the site's taxonomy of that key, nil when
// the site has no such taxonomy or it has no terms.
func (v *View) TermsOf(key string) []*site.Term {
	for _, t := range v.Site.Taxonomies {
		if t.Key == key {
			return t.Terms
		}
	}
	return nil
}

// TopSections returns the first-level sections in the order the site
// presents them: regulations, cases, brands, then any others.
func (v *View) TopSections() []*site.Section {
	if v.fragments != nil {
		return v.fragments.top
	}
	return v.Site.TopSections()
}

// NavCurrent is the aria-current value of a main-navigation link to a
// top-level section: "page" on that section's own list, "true" on the pages
// and lists below it, else "".
func (v *View) NavCurrent(top *site.Section) string {
	if v.Kind == "section" && v.Section == top {
		return "page"
	}
	for s := v.Section; s != nil; s = s.Parent {
		if s == top {
			return "true"
		}
	}
	return ""
}

// NavKey names the place of this page in the site's navigation: what
// NavCurrent says of each top-level section, and the taxonomy and whether a
// term of it is shown. base.html renders the site header once per key (with
// Fragment), since that is all the header depends on besides the kind and
// folder depth.
func (v *View) NavKey() string {
	var b strings.Builder
	for _, top := range v.TopSections() {
		b.WriteString(v.NavCurrent(top))
		b.WriteByte('|')
	}
	if v.Taxonomy != nil {
		b.WriteString(v.Taxonomy.Key)
		if v.Term != nil {
			b.WriteString("/term")
		}
	}
	return b.String()
}

// Facet is a taxonomy that divides the pages of a section, for the links
// beside a section list.
type Facet struct {
	Taxonomy *site.Taxonomy
	Terms    []FacetTerm
}

// FacetTerm is one term of a facet and how many pages of the section carry it.
type FacetTerm struct {
	Term  *site.Term
	Count int
}

// Facets returns the taxonomies, with two terms or more, whose terms hold
// only pages of this section, so that each term's own list shows exactly the
// section's pages with that term (such as 效力状态 for the regulations).
// Views computes them once per section, not once per page of its list.
func (v *View) Facets() []Facet { return v.facets }

// sectionFacets computes the facets of a section.
func sectionFacets(s *site.Site, sec *site.Section) []Facet {
	if sec == nil || len(sec.All) == 0 {
		return nil
	}
	in := make(map[*site.Page]bool, len(sec.All))
	for _, p := range sec.All {
		in[p] = true
	}
	var out []Facet
taxonomies:
	for _, t := range s.Taxonomies {
		f := Facet{Taxonomy: t}
		for _, term := range t.Terms {
			n := 0
			for _, p := range term.Pages {
				if in[p] {
					n++
				}
			}
			if n > 0 && n < len(term.Pages) {
				continue taxonomies
			}
			if n > 0 {
				f.Terms = append(f.Terms, FacetTerm{Term: term, Count: n})
			}
		}
		if len(f.Terms) > 1 {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b Facet) int { return len(a.Terms) - len(b.Terms) })
	return out
}

// Breadcrumbs is the trail from the home page to this one (the nav of
// base.html), "" on a page without Crumbs. Written in Go, as tocList is:
// every page showed it, with a template action and its escapers for each
// step; the output is byte for byte theirs.
func (v *View) Breadcrumbs() template.HTML {
	if len(v.Crumbs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("<nav class=\"breadcrumbs wrap\" aria-label=\"当前位置\"><ol>\n<li><a href=\"" + v.href("") + "\">首页</a></li>\n")
	for _, c := range v.Crumbs {
		b.WriteString(`<li><a href="` + v.href(c.URL) + `">` + escapeHTML(c.Title) + "</a></li>\n")
	}
	here := v.Title
	if v.Term != nil {
		here = v.Term.Name
	}
	b.WriteString(`<li aria-current="page">` + escapeHTML(here) + "</li>\n</ol></nav>")
	return template.HTML(b.String())
}
