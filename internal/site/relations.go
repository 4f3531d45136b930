package site

import (
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"

	"djkb/internal/diag"
)

// resolveRefs turns the page references of the front matter into pages and
// derives the reverse relations: superseded-by from supersedes, and the cases
// that apply each regulation.
func (s *Site) resolveRefs(diags *diag.List) {
	for _, p := range s.Pages {
		if r := p.Reg(); r != nil {
			p.Supersedes = s.refs(p, "supersedes", r.Supersedes, false, diags)
			p.SupersededBy = s.refs(p, "superseded_by", r.SupersededBy, false, diags)
			p.References = s.refs(p, "references", r.References, false, diags)
		}
		if c := p.Case(); c != nil {
			p.Regulations = s.refs(p, "regulations", c.Regulations, true, diags)
		}
		if b := p.Brand(); b != nil && b.Logo != "" {
			s.resolveLogo(p, b.Logo, diags)
		}
	}
	for _, p := range s.Pages {
		for _, ref := range p.Supersedes {
			if t := ref.Page; t != nil && !hasRef(t.SupersededBy, p) {
				t.SupersededBy = append(t.SupersededBy, Ref{Page: p})
			}
		}
		for _, ref := range p.Regulations {
			if t := ref.Page; t != nil && !slices.Contains(t.Cases, p) {
				t.Cases = append(t.Cases, p)
			}
		}
		for _, ref := range p.References {
			if t := ref.Page; t != nil {
				t.addReferrer(p)
			}
		}
	}
	for _, p := range s.Pages {
		sortPages(p.Cases)
	}
}

func hasRef(refs []Ref, p *Page) bool {
	return slices.ContainsFunc(refs, func(r Ref) bool { return r.Page == p })
}

func (p *Page) addReferrer(from *Page) {
	if from != p && !slices.Contains(p.ReferencedBy, from) {
		p.ReferencedBy = append(p.ReferencedBy, from)
	}
}

// refs resolves a front-matter list of page paths or 文号. Anything that
// names no page is kept as text: a regulation may cite documents the
// knowledge base does not hold, which the clean-up report lists. Only the
// regulations a case applies must exist (strict), since a typo there would
// silently lose a backlink.
func (s *Site) refs(p *Page, key string, values []string, strict bool, diags *diag.List) []Ref {
	var out []Ref
	for _, v := range values {
		if strings.HasSuffix(strings.ToLower(v), ".md") {
			target := s.byPath[strings.TrimPrefix(path.Clean(strings.TrimPrefix(v, "content/")), "/")]
			if target == nil && strict {
				diags.Errorf(p.Src.File, p.Src.Front.Line(key), "“%s”指向的页面“%s”不存在：请写相对于 content 文件夹的路径，例如 regulations/党内法规/某某条例.md", key, v)
				continue
			}
			if target == nil {
				out = append(out, Ref{Text: strings.TrimSuffix(path.Base(v), path.Ext(v)), Missing: v})
				continue
			}
			out = append(out, Ref{Page: target})
			continue
		}
		if t := s.byDocNo[v]; t != nil {
			out = append(out, Ref{Page: t})
			continue
		}
		out = append(out, Ref{Text: v})
	}
	return out
}

// relate fills each page's related pages: those sharing the most tags, then
// the newest.
func (s *Site) relate() {
	const max = 5
	byTag := map[string][]int{} // tag → indexes into order
	order := slices.Clone(s.Pages)
	sortPages(order) // list order breaks ties between equally related pages
	for i, p := range order {
		for _, t := range p.Src.Meta.Tags {
			byTag[t] = append(byTag[t], i)
		}
	}
	// Each page counts the tags it shares with every other and keeps the
	// max best; pages are independent, so the cores share them.
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Go(func() {
			shared := make([]int, len(order))
			var touched []int
			for i := w; i < len(order); i += workers {
				p := order[i]
				for _, t := range p.Src.Meta.Tags {
					for _, j := range byTag[t] {
						if j != i {
							if shared[j] == 0 {
								touched = append(touched, j)
							}
							shared[j]++
						}
					}
				}
				if len(touched) == 0 {
					continue
				}
				slices.SortFunc(touched, func(a, b int) int {
					if c := shared[b] - shared[a]; c != 0 {
						return c
					}
					return a - b
				})
				related := make([]*Page, 0, min(max, len(touched)))
				for _, j := range touched[:min(max, len(touched))] {
					related = append(related, order[j])
				}
				p.Related = related
				for _, j := range touched {
					shared[j] = 0
				}
				touched = touched[:0]
			}
		})
	}
	wg.Wait()
}

// resolveLogo finds a brand's logo, given relative to its Markdown file.
func (s *Site) resolveLogo(p *Page, logo string, diags *diag.List) {
	target := path.Join(path.Dir(p.Src.Path), logo)
	if strings.HasPrefix(logo, "/") {
		target = path.Clean(strings.TrimPrefix(logo, "/"))
	}
	if !s.assetPath[target] {
		diags.Errorf(p.Src.File, p.Src.Front.Line("logo"), "logo 指向的图片“%s”不存在：请把图片放在 content 中，并写相对于本文件的路径", logo)
		return
	}
	p.LogoURL = target
}
