package render

import (
	"encoding/binary"
	"strconv"

	"djkb/internal/fphash"
	"djkb/internal/parallel"
	"djkb/internal/site"
)

// Fingerprints let djkb serve re-render only the pages an edit affects. A
// view's fingerprint covers everything the templates can show on it: the
// site-wide parts every page has (navigation, footer), the view's own page
// or list, and a "card" of every other page it mentions (title, URL,
// summary, date and front matter, which is what lists and links show; not
// its Sum, which only the page itself and js/sums.js show, nor the time of
// its file, which only the home page's 最近更新 shows). When
// an edit leaves a view's fingerprint unchanged, its HTML is unchanged too.
// The equivalence test of djkb serve checks that promise. Fingerprints are
// the same in every process (fphash): djkb build keeps them in its cache.

type hasher struct {
	fphash.Hash
	cardSums map[*site.Page]uint64 // card of each page, hashed once a build
}

func newHasher(cardSums map[*site.Page]uint64) *hasher {
	return &hasher{cardSums: cardSums}
}

func (h *hasher) str(s string) {
	h.WriteString(s)
	h.WriteByte(0)
}

func (h *hasher) num(n uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	h.Write(b[:])
}

// card hashes what a list item or a link shows of a page.
func (h *hasher) card(p *site.Page) {
	if p == nil {
		h.str("-")
		return
	}
	if sum, ok := h.cardSums[p]; ok {
		h.num(sum)
		return
	}
	h.str(p.URL)
	h.str(p.Title)
	h.str(p.Summary)
	h.num(uint64(p.Date.Unix()))
	h.num(p.Src.FrontHash)
	h.str(p.LogoURL)
}

func (h *hasher) cards(pages []*site.Page) {
	h.num(uint64(len(pages)))
	for _, p := range pages {
		h.card(p)
	}
}

func (h *hasher) citedBy(p *site.Page) {
	for _, c := range p.CitedBy() {
		h.str(c.Anchor)
		h.cards(c.Pages)
	}
}

func (h *hasher) refs(refs []site.Ref) {
	h.num(uint64(len(refs)))
	for _, r := range refs {
		h.card(r.Page)
		h.str(r.Text)
	}
}

func (h *hasher) section(s *site.Section) {
	h.str(s.URL)
	h.str(s.Title)
	h.str(s.Description)
	h.num(uint64(len(s.All)))
}

// siteFingerprint hashes the parts of the site every page shows.
func siteFingerprint(s *site.Site) uint64 {
	h := newHasher(nil)
	h.str(strconv.Quote(s.Config.Title + "\x00" + s.Config.Unit + "\x00" + s.Config.Description))
	h.str(strconv.FormatBool(s.Config.FileLinks))
	for _, sec := range s.TopSections() {
		h.section(sec)
	}
	for _, t := range s.Taxonomies {
		h.str(t.Name)
		h.str(t.URL)
		h.str(t.Key)
	}
	return h.Sum64()
}

// Fingerprints returns the fingerprint of each view, in order. Lists show
// the same pages again and again: each page's card is hashed once, and the
// views are shared among the cores.
func (r *Renderer) Fingerprints(views []*View) []uint64 {
	global := siteFingerprint(r.Site)
	pages := r.Site.Pages
	cardSums := make(map[*site.Page]uint64, len(pages))
	for _, p := range pages {
		h := newHasher(nil)
		h.card(p)
		cardSums[p] = h.Sum64()
	}
	out := make([]uint64, len(views))
	parallel.Each(len(views), func(i int) { out[i] = r.fingerprint(views[i], global, cardSums) })
	return out
}

func (r *Renderer) fingerprint(v *View, global uint64, cardSums map[*site.Page]uint64) uint64 {
	h := newHasher(cardSums)
	h.num(global)
	h.str(v.Kind)
	h.str(v.Title)
	h.str(v.URLPath)
	for _, c := range v.Crumbs {
		h.str(c.Title)
		h.str(c.URL)
	}
	if p := v.Pager; p != nil {
		h.num(uint64(p.Number))
		h.num(uint64(p.Count))
	}
	h.cards(v.Pages)
	if p := v.Page; p != nil {
		h.card(p)
		h.num(p.Src.Hash)
		h.num(p.ContentHash)
		h.num(uint64(p.Edited.Unix()))
		h.card(p.Prev)
		h.card(p.Next)
		h.card(p.Document)
		h.cards(p.Chapters)
		h.cards(p.Related)
		h.cards(p.Cases)
		h.cards(p.ReferencedBy)
		h.refs(p.Supersedes)
		h.refs(p.SupersededBy)
		h.refs(p.References)
		h.refs(p.Regulations)
		if p.Chain != nil {
			h.num(p.Chain.Sum)
		}
		h.num(p.CiteSum)
		h.citedBy(p)
		for _, t := range r.Site.Taxonomies {
			for _, term := range p.Terms[t.Path] {
				h.str(term.URL)
				h.str(term.Name)
			}
		}
	}
	if st := v.Step; st != nil {
		h.num(st.Chain.Sum)
	}
	if p := v.Cited; p != nil {
		h.card(p)
		h.citedBy(p)
	}
	if s := v.Section; s != nil {
		h.section(s)
		for _, c := range s.Children {
			h.section(c)
		}
	}
	if c := v.counts; c != nil { // the filter's menus: the whole section's values
		for _, vc := range []valueCounts{c.Status, c.Group} {
			for _, s := range vc.order {
				h.str(s)
				h.num(uint64(vc.n[s]))
			}
			h.str("")
		}
		h.str(c.GroupName)
	}
	for _, f := range v.facets {
		h.str(f.Taxonomy.Key)
		for _, t := range f.Terms {
			h.str(t.Term.Name)
			h.num(uint64(t.Count))
		}
	}
	if t := v.Taxonomy; t != nil {
		h.str(t.Name)
		if v.Term == nil { // the taxonomy's own page lists every term
			for _, term := range t.Terms {
				h.str(term.Name)
				h.num(uint64(len(term.Pages)))
			}
		}
	}
	if term := v.Term; term != nil {
		h.str(term.Name)
		h.num(uint64(len(term.Pages)))
	}
	if c := v.Cleanup(); c != nil {
		h.str(c.Key())
	}
	if v.Kind == sumsKind {
		h.sums(r.Site.Pages)
	}
	if v.Kind == "home" {
		for _, sec := range r.Site.TopSections() {
			for _, c := range sec.Children {
				h.section(c)
			}
		}
		recent := r.Site.Recent(r.Site.Config.RecentCount)
		h.cards(recent)
		for _, p := range recent { // 最近更新 shows their dates, a file's time for some
			h.num(uint64(p.Updated().UnixNano()))
		}
		for _, t := range r.Site.Taxonomies {
			for _, term := range t.Terms {
				h.str(term.Name)
				h.num(uint64(len(term.Pages)))
			}
		}
	}
	return h.Sum64()
}
