package site

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"djkb/internal/config"
	"djkb/internal/content"
)

// Taxonomy is a classification with its own list pages, such as 专题.
type Taxonomy struct {
	config.Taxonomy
	URL   string
	Terms []*Term // sorted: by page count, then name (years newest first)
}

// Term is one value of a taxonomy and the pages that carry it.
type Term struct {
	Name     string
	URL      string
	Pages    []*Page
	Taxonomy *Taxonomy
	first    *Page // the first page, in path order, that carries it: messages name it
}

// Values returns the page's values for a taxonomy or facet key: a derived
// field (year, section), a field of the content schema as decoded, or any
// other front-matter key holding text.
func (p *Page) Values(key string) []string {
	switch key {
	case "year":
		if y := p.Year(); y != 0 {
			return []string{strconv.Itoa(y)}
		}
		return nil
	case "section":
		if t := p.TopSection(); t != nil {
			return []string{t.Title}
		}
		return nil
	}
	return p.Src.Meta.Strings(key)
}

// Year is the year a page belongs to: a case's year, a brand's founding
// year, else the year of its date.
func (p *Page) Year() int {
	if c := p.Case(); c != nil && c.Year != 0 {
		return c.Year
	}
	if b := p.Brand(); b != nil && b.Established != 0 {
		return b.Established
	}
	return content.Year(p.Date)
}

// termSegment makes a term usable as one URL segment.
func termSegment(name string) string {
	r := strings.NewReplacer("/", "-", "\\", "-")
	seg := strings.TrimSpace(r.Replace(name))
	if seg == "." || seg == ".." {
		seg = fmt.Sprintf("term-%x", name)
	}
	return seg
}

// valuesCache keeps, for djkb serve, each loaded file's values of the
// taxonomies' keys, by the file as loaded: read through reflection, they
// were much of the model's time on every edit.
var valuesCache kept[map[*content.Source][][]string] // by the taxonomies' order in site.toml

// taxonomyValues returns, for each page, its values of each taxonomy's
// key: from valuesCache where the page's file is the one loaded before;
// nil for the key "section", which the page's section gives, not its file.
func (s *Site) taxonomyValues() [][][]string {
	old := valuesCache.last()
	out := make([][][]string, len(s.Pages))
	for i, p := range s.Pages {
		vs, ok := old[p.Src]
		if !ok {
			vs = make([][]string, len(s.Config.Taxonomies))
			for j, tc := range s.Config.Taxonomies {
				if tc.Key != "section" {
					vs[j] = p.Values(tc.Key)
				}
			}
		}
		out[i] = vs
	}
	if keep.Load() {
		next := make(map[*content.Source][][]string, len(s.Pages))
		for i, p := range s.Pages {
			next[p.Src] = out[i]
		}
		valuesCache.store(next)
	}
	return out
}

func (s *Site) buildTaxonomies() {
	values := s.taxonomyValues()
	for j, tc := range s.Config.Taxonomies {
		t := &Taxonomy{Taxonomy: tc, URL: tc.Path + "/"}
		byName := map[string]*Term{}
		for i, p := range s.Pages {
			vs := values[i][j]
			if tc.Key == "section" {
				vs = p.Values(tc.Key)
			}
			for _, v := range vs {
				term := byName[v]
				if term == nil {
					term = &Term{Name: v, URL: t.URL + termSegment(v) + "/", Taxonomy: t, first: p}
					byName[v] = term
					t.Terms = append(t.Terms, term)
				}
				if !slices.Contains(term.Pages, p) {
					term.Pages = append(term.Pages, p)
				}
				if p.Terms == nil {
					p.Terms = map[string][]*Term{}
				}
				p.Terms[tc.Path] = append(p.Terms[tc.Path], term)
			}
		}
		for _, term := range t.Terms {
			sortPages(term.Pages)
		}
		slices.SortStableFunc(t.Terms, func(a, b *Term) int {
			if tc.Key == "year" {
				return strings.Compare(b.Name, a.Name)
			}
			if d := len(b.Pages) - len(a.Pages); d != 0 {
				return d
			}
			return strings.Compare(a.Name, b.Name)
		})
		s.Taxonomies = append(s.Taxonomies, t)
	}
}
