package render

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"sync"

	"djkb/internal/content"
	"djkb/internal/output"
	"djkb/internal/parallel"
	"djkb/internal/site"
)

// Renderer renders the pages of one site. It only reads the site: what the
// build keeps or lets go between pages is the build's business.
type Renderer struct {
	Site       *site.Site
	Templates  *Templates
	LiveReload bool
	// Report returns the clean-up page's report, waiting for it if need
	// be; the build makes it. Nil shows the page without one.
	Report func() Report
}

// Report is the clean-up page's report (package review makes it): the
// cleanup layout shows its fields, and Key fingerprints it.
type Report interface {
	Key() string
}

// Views returns every HTML page of the site, in a stable order.
func (r *Renderer) Views() []*View {
	s := r.Site
	var views []*View
	frags := &fragments{templates: r.Templates, done: map[fragmentKey]template.HTML{}, top: s.TopSections()}
	add := func(v *View) {
		v.Site = s
		v.fragments = frags
		v.LiveReload = r.LiveReload
		v.Root = site.Rel(v.URLPath, "", false)
		if v.Root == "./" {
			v.Root = ""
		}
		views = append(views, v)
	}
	add(&View{Kind: "home", Title: s.Config.Title, Page: s.Home.Index, Section: s.Home})
	for _, sec := range s.Sections[1:] {
		facets := sectionFacets(s, sec)
		list := paginate(s, sec.URL, sec.All)
		counts := sectionCounts(sec)
		for _, v := range list {
			v.Kind, v.Title, v.Section, v.Page, v.facets, v.counts = "section", sec.Title, sec, sec.Index, facets, counts
			v.Crumbs = sectionCrumbs(sec.Parent)
			add(v)
		}
		if len(list[0].Pages) < len(sec.All) && wholeListLoads(sec) {
			add(entriesView(sec))
		}
	}
	for _, p := range s.Pages {
		add(&View{Kind: pageKind(p), Title: p.Title, URLPath: p.URL, Page: p, Section: p.Section, Crumbs: pageCrumbs(p)})
		if u := p.CitedByURL(); u != "" {
			add(&View{Kind: "citedby", Title: p.Title + " 被引用", URLPath: u, Cited: p, Section: p.Section,
				Crumbs: append(pageCrumbs(p), Crumb{Title: p.Title, URL: p.URL})})
		}
	}
	for _, t := range s.Taxonomies {
		add(&View{Kind: "taxonomy", Title: t.Name, URLPath: t.URL, Taxonomy: t})
		for _, term := range t.Terms {
			for _, v := range paginate(s, term.URL, term.Pages) {
				v.Kind, v.Title, v.Taxonomy, v.Term = "term", t.Name+"："+term.Name, t, term
				v.Crumbs = []Crumb{{Title: t.Name, URL: t.URL}}
				add(v)
			}
		}
	}
	for _, c := range s.Chains {
		for _, st := range c.Steps {
			add(&View{Kind: "compare", Title: st.New.Title + " 修订对照", URLPath: st.URL, Step: st, Section: st.New.Section,
				Crumbs: append(sectionCrumbs(st.New.Section), Crumb{Title: st.New.Title, URL: st.New.URL})})
		}
		if u := c.TextsURL(); u != "" {
			add(&View{Kind: textsKind, Title: c.Current().Title, URLPath: u, Step: c.Steps[len(c.Steps)-1]})
		}
	}
	add(&View{Kind: "search", Title: "搜索", URLPath: "search/"})
	add(&View{Kind: "bookmarks", Title: "我的收藏", URLPath: "bookmarks/"})
	add(sumsView())
	add(&View{Kind: "cleanup", Title: "法规制度清理", URLPath: "cleanup/", report: r.Report})
	add(&View{Kind: "404", Title: "页面不存在", URLPath: "404.html"})
	return views
}

func pageKind(p *site.Page) string {
	switch p.Kind {
	case content.KindRegulation, content.KindCase, content.KindBrand:
		return string(p.Kind)
	}
	return "page"
}

// sectionCrumbs is the trail from the home page down to sec.
func sectionCrumbs(sec *site.Section) []Crumb {
	var crumbs []Crumb
	for s := sec; s != nil && s.Parent != nil; s = s.Parent {
		crumbs = append([]Crumb{{Title: s.Title, URL: s.URL}}, crumbs...)
	}
	return crumbs
}

// pageCrumbs is the trail from the home page down to a page: its section,
// and the document it is a chapter of.
func pageCrumbs(p *site.Page) []Crumb {
	crumbs := sectionCrumbs(p.Section)
	if d := p.Document; d != nil {
		crumbs = append(crumbs, Crumb{Title: d.Title, URL: d.URL})
	}
	return crumbs
}

// paginate splits a list into the site's numbered list pages: the first
// at base, the others at base/page/N/. A list longer than those pages hold
// (Config.ListPages) shows its first entries only.
func paginate(s *site.Site, base string, pages []*site.Page) []*View {
	size, count := s.Config.PageSize, s.ListPages(len(pages))
	listed := min(len(pages), count*size)
	urlOf := func(n int) string { return site.ListPageURL(base, n) }
	views := make([]*View, count)
	for i := range count {
		n := i + 1
		lo, hi := i*size, min(listed, (i+1)*size)
		p := &Pager{Number: n, Count: count, Total: len(pages), Listed: listed}
		if n > 1 {
			p.Prev = urlOf(n - 1)
		}
		if n < count {
			p.Next = urlOf(n + 1)
		}
		for j := max(1, n-4); j <= min(count, n+4); j++ {
			p.Pages = append(p.Pages, PagerLink{Number: j, URL: urlOf(j), Current: j == n})
		}
		views[i] = &View{URLPath: urlOf(n), Pages: pages[lo:hi], Pager: p}
	}
	return views
}

// buffers recycles the output buffers of RenderAll: pages are large, and
// allocating a fresh buffer for each costs more than rendering it.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// Render executes the template of one view and returns the page.
func (r *Renderer) Render(v *View) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.renderTo(&buf, v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func (r *Renderer) renderTo(buf *bytes.Buffer, v *View) error {
	switch v.Kind {
	case entriesKind:
		return r.renderEntries(buf, v)
	case textsKind:
		renderTexts(buf, v)
		return nil
	case sumsKind:
		return r.renderSums(buf)
	}
	t, err := r.Templates.Lookup(v.Kind)
	if err != nil {
		return err
	}
	if v.Page != nil {
		buf.Grow(len(v.Page.HTML()) + 16<<10)
	}
	if err := t.ExecuteTemplate(buf, "base", v); err != nil {
		return fmt.Errorf("渲染 %s 时模板出错：%s", site.OutputFile(v.URLPath), strings.TrimPrefix(err.Error(), "template: "))
	}
	return nil
}

// RenderAll renders every view in parallel and writes it to w. It returns
// the first template error of each template file, deduplicated.
func (r *Renderer) RenderAll(views []*View, w output.Writer) []error {
	return r.RenderEach(views, w, nil, nil)
}

// RenderEach is RenderAll with two hooks, each run on the goroutine that
// renders view i: prepare(i), when set, just before it is rendered, and
// written(i), when set, once it is written.
func (r *Renderer) RenderEach(views []*View, w output.Writer, prepare, written func(i int)) []error {
	var (
		mu   sync.Mutex
		errs []error
		seen = map[string]bool{}
	)
	parallel.Each(len(views), func(i int) {
		if prepare != nil {
			prepare(i)
		}
		v := views[i]
		buf := buffers.Get().(*bytes.Buffer)
		buf.Reset()
		err := r.renderTo(buf, v)
		if err == nil {
			err = w.WriteFile(site.OutputFile(v.URLPath), buf.Bytes())
		}
		buffers.Put(buf)
		if written != nil {
			written(i)
		}
		if err != nil {
			mu.Lock()
			key := v.Kind + err.Error()
			if len(errs) < 20 && !seen[key] {
				seen[key] = true
				errs = append(errs, err)
			}
			mu.Unlock()
		}
	})
	return errs
}
