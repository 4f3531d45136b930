// Package site is djkb's model of a knowledge base: pages, sections,
// taxonomies and the links between them, built from loaded sources. It
// decides every URL and resolves every reference, so that the renderers only
// read it.
package site

import (
	"cmp"
	"html/template"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/markdown"
)

// Site is the whole knowledge base.
type Site struct {
	Config     config.Config
	Home       *Section   // the root section; its Index is content/_index.md
	Sections   []*Section // every section, sorted by path, the root first
	Pages      []*Page    // every regular page (not section indexes), sorted by path
	Taxonomies []*Taxonomy
	Assets     []content.Asset
	Chains     []*Chain // the regulations with versions, by the first version's path

	byPath    map[string]*Page    // "regulations/a.md"
	byDocNo   map[string]*Page    // 文号 → the page carrying it
	sections  map[string]*Section // "regulations/a" → section
	assetPath map[string]bool
	pageURLs  map[string]bool
	terms     *terms // the glossary's terms, when the site has one
}

// Section is a folder of content.
type Section struct {
	Path        string // relative to content/, "" for the root
	URL         string
	Title       string
	Description string
	Kind        content.Kind
	Index       *Page // the folder's index (_index.md, index.md or README.md), or nil
	Parent      *Section
	Children    []*Section
	Pages       []*Page // pages directly in this folder, in list order
	All         []*Page // pages in this folder and below, in list order
}

// Page is one Markdown page.
type Page struct {
	Src     *content.Source
	Kind    content.Kind
	Title   string
	URL     string
	Date    time.Time
	Section *Section
	IsIndex bool // a section's index page

	// A document kept as a folder of files (see isDocument) is the page
	// of its index; its other files are its Chapters, in reading order,
	// and each of them names it as its Document.
	Document *Page
	Chapters []*Page

	// From the Markdown, set by SetContent. Layouts show a page's HTML
	// through its view's Content. The HTML and the parts are the page's
	// largest data: a build that needs them no more lets them go with
	// ReleaseHTML and ReleaseParts.
	html    template.HTML
	parts   []markdown.Part
	TOC     []markdown.Heading
	Summary string
	// ContentHash fingerprints HTML, for djkb serve.
	ContentHash uint64
	anchors     []string // the ids of the page's elements, sorted

	// Relations, set by New and Link.
	Supersedes   []Ref
	SupersededBy []Ref // declared here and derived from other pages' supersedes
	References   []Ref
	Regulations  []Ref   // for a case: the regulations it applies
	Cases        []*Page // for a regulation: the cases that apply it
	ReferencedBy []*Page // pages that link here in text or references
	Related      []*Page
	Prev, Next   *Page
	Terms        map[string][]*Term // taxonomy path → terms of this page
	LogoURL      string             // for a brand: site-relative URL of its logo
	Chain        *Chain             // for a regulation with versions
	// CiteSum fingerprints what the page shows of the articles it cites.
	CiteSum   uint64
	cites     []Cite    // citations in the text that resolve, in order
	citedBy   []CitedBy // of this page, by article
	place     int       // in Site.Pages
	cutURL    string    // CitedByURL
	citeJSON  template.JS
	citesHash uint64

	// Sum fingerprints the page's file, the same from one build to the
	// next: a browser compares it with the one it saw at a reader's last
	// visit. Edited is when the page last changed, as its date field (or
	// the date in its file name) says, else the latest step of its 修订沿革;
	// zero when it says nothing. Not the
	// file's time, which a copy or a checkout changes, and which would make
	// two builds of the same files differ.
	Sum    string
	Edited time.Time

	links []OutLink
}

// Ref is a reference from front matter: a page of the site, or a document
// known only by its text (a 文号 or a title).
type Ref struct {
	Page    *Page
	Text    string
	Missing string // the page path written, when it names no page of the site
}

// Label is the text to show for the reference.
func (r Ref) Label() string {
	if r.Page != nil {
		return r.Page.Title
	}
	return r.Text
}

// Meta returns the page's front matter.
func (p *Page) Meta() *content.Meta { return &p.Src.Meta }

// Reg returns the regulation fields, or nil when the page is not a regulation.
func (p *Page) Reg() *content.Regulation { return p.Src.Meta.Regulation }

// Case returns the case fields, or nil.
func (p *Page) Case() *content.Case { return p.Src.Meta.Case }

// Brand returns the brand fields, or nil.
func (p *Page) Brand() *content.Brand { return p.Src.Meta.Brand }

// Status is the 效力状态 of a regulation, "" for other pages.
func (p *Page) Status() string {
	if r := p.Reg(); r != nil {
		return r.Status
	}
	return ""
}

// TopSection is the first-level section the page belongs to, or nil.
func (p *Page) TopSection() *Section {
	s := p.Section
	for s != nil && s.Parent != nil && s.Parent.Parent != nil {
		s = s.Parent
	}
	if s == nil || s.Parent == nil {
		return nil
	}
	return s
}

// HasAnchor reports whether the rendered page has an element with that id.
func (p *Page) HasAnchor(id string) bool {
	_, found := slices.BinarySearch(p.anchors, id)
	return found
}

// HTML is the page's converted Markdown, "" before SetContent or after
// ReleaseHTML.
func (p *Page) HTML() template.HTML { return p.html }

// Parts are the page's text by heading, for the search index and the
// clean-up checks; nil before SetContent or after ReleaseParts.
func (p *Page) Parts() []markdown.Part { return p.parts }

// ReleaseHTML lets the page's HTML go, for a build that has written the
// page and shows its HTML nowhere else.
func (p *Page) ReleaseHTML() { p.html = "" }

// RestoreHTML gives a page whose HTML was let go (ReleaseHTML) the HTML
// its Markdown converts to again, for a build that renders it after all.
func (p *Page) RestoreHTML(html string) { p.html = template.HTML(html) }

// ReleaseParts lets the page's parts go, for a build whose index and
// clean-up report have read them.
func (p *Page) ReleaseParts() { p.parts = nil }

// SetContent attaches the converted Markdown of the page and the links to
// other pages its resolver found.
func (p *Page) SetContent(r *markdown.Result, links []OutLink, contentHash uint64) {
	p.links = links
	p.ContentHash = contentHash
	p.html, p.TOC, p.parts, p.Summary, p.anchors = template.HTML(r.HTML), r.TOC, r.Parts, r.Summary, r.Anchors
	if s := p.Src.Meta.Summary; s != "" {
		p.Summary = s
	}
}

// Page returns the page at a content path ("regulations/a.md"), or nil.
func (s *Site) Page(contentPath string) *Page { return s.byPath[contentPath] }

// SectionAt returns the section of a content folder ("regulations/a"), or nil.
func (s *Site) SectionAt(dir string) *Section { return s.sections[dir] }

// defaultTitles name the top-level sections that have no _index.md.
var defaultTitles = map[string]string{"regulations": "法规制度", "cases": "典型案例", "brands": "党建品牌"}

// New builds the model from loaded sources and the files the build copies
// from static/. Problems (duplicate URLs, references to missing pages) go
// to diags.
func New(cfg config.Config, set *content.Set, static []StaticFile, diags *diag.List) *Site {
	s := &Site{
		Config:    cfg,
		Assets:    set.Assets,
		byPath:    map[string]*Page{},
		byDocNo:   map[string]*Page{},
		sections:  map[string]*Section{},
		assetPath: map[string]bool{},
		pageURLs:  map[string]bool{},
	}
	for _, a := range set.Assets {
		s.assetPath[a.Path] = true
	}
	s.Home = s.section("")
	for _, src := range set.Sources {
		src = decided(cfg.Cleanup.Current, src)
		p := &Page{Src: src, Kind: src.Kind, Title: src.Meta.Title, URL: pageURL(src), IsIndex: src.IsSection, Date: pageDate(src),
			Sum: strconv.FormatUint(uint64(src.Sum), 36), Edited: edited(src)}
		s.pageURLs[p.URL] = true
		dir := path.Dir(src.Path)
		if dir == "." {
			dir = ""
		}
		if src.IsSection {
			sec := s.section(dir)
			if sec.Index != nil {
				diags.Errorf(src.File, 0, "文件夹“%s”有两个说明文件：%s 和 %s。一个文件夹只能有一个（_index.md、index.md 或 README.md 之一），请把两者合并成一个，或把其中一个改名",
					path.Join(content.Dir, dir), sec.Index.Src.File, src.File)
				continue
			}
			sec.Index = p
			sec.Title = p.Title
			sec.Description = src.Meta.Description
			p.Section = sec
			continue
		}
		p.Section = s.section(dir)
		p.Section.Pages = append(p.Section.Pages, p)
		s.addPage(p)
	}
	s.makeDocuments()
	for _, sec := range s.Sections {
		sortPages(sec.Pages)
		linkNeighbours(sec.Pages)
	}
	for _, sec := range slices.Backward(s.Sections) {
		sec.All = append(sec.All, sec.Pages...)
		for _, c := range sec.Children {
			sec.All = append(sec.All, c.All...)
		}
		sortPages(sec.All)
	}
	s.resolveRefs(diags)
	s.buildChains()
	s.buildCitations(diags)
	s.buildTerms()
	s.buildTaxonomies()
	s.checkOutputs(static, diags)
	s.relate()
	return s
}

// addPage registers a regular page: by path and by 文号.
func (s *Site) addPage(p *Page) {
	s.byPath[p.Src.Path] = p
	s.Pages = append(s.Pages, p)
	if r := p.Reg(); r != nil && r.DocNumber != "" {
		if _, dup := s.byDocNo[r.DocNumber]; !dup {
			s.byDocNo[r.DocNumber] = p
		}
	}
}

// linkNeighbours sets Prev and Next along a section's pages in list order,
// walking each document's chapters right after it.
func linkNeighbours(pages []*Page) {
	var prev *Page
	step := func(p *Page) {
		if prev != nil {
			prev.Next, p.Prev = p, prev
		}
		prev = p
	}
	for _, p := range pages {
		step(p)
		for _, c := range p.Chapters {
			step(c)
		}
	}
}

// section returns the section of a folder, creating it and its parents.
func (s *Site) section(dir string) *Section {
	if sec, ok := s.sections[dir]; ok {
		return sec
	}
	sec := &Section{Path: dir, URL: dirURL(dir), Title: path.Base(dir), Kind: content.KindOfPath(dir + "/")}
	if t, ok := defaultTitles[dir]; ok {
		sec.Title = t
	}
	if dir == "" {
		sec.Title = ""
		sec.Kind = content.KindPage
	} else {
		parent := path.Dir(dir)
		if parent == "." {
			parent = ""
		}
		sec.Parent = s.section(parent)
		sec.Parent.Children = append(sec.Parent.Children, sec)
		slices.SortFunc(sec.Parent.Children, func(a, b *Section) int { return strings.Compare(a.Path, b.Path) })
	}
	s.sections[dir] = sec
	i, _ := slices.BinarySearchFunc(s.Sections, dir, func(a *Section, d string) int { return strings.Compare(a.Path, d) })
	s.Sections = slices.Insert(s.Sections, i, sec)
	return sec
}

// pageDate is the date a page is listed by: the issue date of a regulation,
// else the front-matter or file-name date.
// edited is when a page says it last changed: its date, else the latest
// dated step of its history.
func edited(src *content.Source) time.Time {
	if !src.Meta.Date.IsZero() {
		return src.Meta.Date
	}
	var last time.Time
	if r := src.Meta.Regulation; r != nil {
		for _, e := range r.History {
			if e.Date.After(last) {
				last = e.Date
			}
		}
	}
	return last
}

func pageDate(src *content.Source) time.Time {
	if r := src.Meta.Regulation; r != nil && !r.Issued.IsZero() {
		return r.Issued
	}
	return src.Meta.Date
}

// sortPages orders a list: by weight when set, then newest first, then by
// title and path.
func sortPages(pages []*Page) {
	slices.SortStableFunc(pages, func(a, b *Page) int {
		wa, wb := a.Src.Meta.Weight, b.Src.Meta.Weight
		if wa != wb {
			switch {
			case wa == 0:
				return 1
			case wb == 0:
				return -1
			}
			return wa - wb
		}
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.Src.Path, b.Src.Path)
	})
}

// IndexPages returns the _index.md pages of the sections that have one.
func (s *Site) IndexPages() []*Page {
	var out []*Page
	for _, sec := range s.Sections {
		if sec.Index != nil {
			out = append(out, sec.Index)
		}
	}
	return out
}

var topOrder = map[string]int{"regulations": 1, "cases": 2, "brands": 3}

// TopSections returns the first-level sections: regulations, cases and
// brands first, then others by path.
func (s *Site) TopSections() []*Section {
	out := slices.Clone(s.Home.Children)
	slices.SortStableFunc(out, func(a, b *Section) int {
		oa, ob := topOrder[a.Path], topOrder[b.Path]
		if oa == 0 {
			oa = 99
		}
		if ob == 0 {
			ob = 99
		}
		return oa - ob
	})
	return out
}

// Recent returns the n newest pages: those that have a date, newest
// first, then, when they are fewer than n, the others by when their files
// changed (see Updated). A document's chapters are shown through their
// document.
func (s *Site) Recent(n int) []*Page {
	var dated, undated []*Page
	for _, p := range s.Pages {
		switch {
		case p.Document != nil:
		case !p.Date.IsZero():
			dated = append(dated, p)
		default:
			undated = append(undated, p)
		}
	}
	sortByDate(dated)
	if len(dated) < n {
		slices.SortStableFunc(undated, func(a, b *Page) int {
			return cmp.Or(b.Src.ModTime.Compare(a.Src.ModTime), strings.Compare(a.Src.Path, b.Src.Path))
		})
		dated = append(dated, undated[:min(len(undated), n-len(dated))]...)
	}
	return dated[:min(len(dated), n)]
}

// Updated is the date 最近更新 shows for a page: its date, else when its
// file last changed.
func (p *Page) Updated() time.Time {
	if !p.Date.IsZero() {
		return p.Date
	}
	return p.Src.ModTime
}

func sortByDate(pages []*Page) {
	slices.SortStableFunc(pages, func(a, b *Page) int {
		if c := b.Date.Compare(a.Date); c != 0 {
			return c
		}
		return strings.Compare(a.Src.Path, b.Src.Path)
	})
}
