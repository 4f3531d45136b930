package site

import (
	"djkb/internal/fphash"
	"djkb/internal/glossary"
	"djkb/internal/markdown"
)

// terms links the first mention of each glossary term on a page to its
// entry on the glossary page (术语表).
type terms struct {
	page    *Page    // the glossary page
	anchors []string // each entry's heading anchor
	match   *glossary.Matcher
	hash    uint64 // the entries and where they are: a change converts every page again
}

// buildTerms reads the glossary page, if the site has one.
func (s *Site) buildTerms() {
	p := s.byPath[glossary.Path]
	if p == nil {
		return
	}
	entries := glossary.Parse(p.Src.Body())
	if len(entries) == 0 {
		return
	}
	// Only the terms themselves are linked: an entry's other names are
	// often ordinary words too (支部委员会 under 三会一课).
	heads := make([]glossary.Entry, len(entries))
	for i, e := range entries {
		heads[i] = glossary.Entry{Names: e.Names[:1]}
	}
	t := &terms{page: p, match: glossary.NewMatcher(heads)}
	var h fphash.Hash
	h.WriteString(p.URL + "\x00")
	for _, e := range entries {
		t.anchors = append(t.anchors, markdown.Slug(e.Names[0]))
		for _, n := range e.Names {
			h.WriteString(n + "\x00")
		}
		h.WriteString("\x01")
	}
	t.hash = h.Sum64()
	s.terms = t
}

// TermsHash fingerprints the glossary as pages link to it: a session
// converts every page again when it changes.
func (s *Site) TermsHash() uint64 {
	if s.terms == nil {
		return 0
	}
	return s.terms.hash
}

// Terms implements markdown.Glosser: the first mention on the page of
// each glossary term, linked to its entry. The glossary page links none.
func (l *Linker) Terms(text string) []markdown.Cite {
	t := l.site.terms
	if t == nil || l.page == t.page {
		return nil
	}
	found := t.match.Find(text, func(entry int) bool {
		if l.termsUsed[entry] {
			return true
		}
		if l.termsUsed == nil {
			l.termsUsed = map[int]bool{}
		}
		l.termsUsed[entry] = true
		return false
	})
	if len(found) == 0 {
		return nil
	}
	dest := Rel(l.page.URL, t.page.URL, l.site.Config.FileLinks)
	out := make([]markdown.Cite, len(found))
	for i, m := range found {
		out[i] = markdown.Cite{Start: m.Start, End: m.End, Dest: dest + "#" + EscapePath(t.anchors[m.Entry])}
	}
	l.Relative = true
	return out
}
