package render

import (
	"html/template"

	"djkb/internal/site"
)

// View is what a template sees when it renders one output page.
type View struct {
	Site     *site.Site
	Kind     string // home, section, regulation, case, brand, page, taxonomy, term, search, 404
	Title    string
	URLPath  string // site-relative URL of this page
	Root     string // relative path from this page to the site root, "" at the root
	Page     *site.Page
	Section  *site.Section
	Pages    []*site.Page // the list shown on list pages (one pager page)
	Pager    *Pager
	Taxonomy *site.Taxonomy
	Term     *site.Term
	Crumbs   []Crumb
	// LiveReload is set by djkb serve to inject its reload script.
	LiveReload bool
}

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
}

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
	return template.HTML(v.Page.Content)
}

// TopSections returns the first-level sections in the order the site
// presents them: regulations, cases, brands, then any others.
func (v *View) TopSections() []*site.Section { return v.Site.TopSections() }
