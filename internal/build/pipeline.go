package build

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"io/fs"
	"os"
	"strings"
	"time"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/minify"
	"djkb/internal/parallel"
	"djkb/internal/render"
	"djkb/internal/site"
	"djkb/internal/sitefs"
)

// sink receives the files of a build: a folder on disk for djkb build, a
// map in memory for djkb serve.
type sink interface {
	WriteFile(name string, data []byte) error
}

// pipeline runs the stages of a build. A one-shot build uses a zero
// pipeline; a Session keeps one with its caches between builds.
type pipeline struct {
	opts Options

	sources   *content.Cache                       // parsed files, nil for none
	conv      map[*content.Source]*converted       // converted Markdown, nil for none
	env       uint64                               // what links resolved against when conv was filled
	templates *render.Templates                    // parsed layouts, nil until loaded
	skip      func(v *render.View, fp uint64) bool // views whose output is unchanged; nil renders all
	// index, when set, takes over writing the search index (djkb serve
	// writes it in the background).
	index func(s *site.Site)
	// sitemap, when set, keeps the last sitemap for a Session: it lists
	// every page, and most edits change none of its URLs and dates.
	sitemap *sitemapCache
	// oneShot frees what a build that runs once no longer needs: each
	// page's Markdown once converted (a third of the memory), its parts
	// once the index has them and its HTML once it is written. Less live
	// data means fewer collections while the pages render beside the index.
	// With the built-in layouts it also converts most pages just before
	// rendering them (see loadSite), so that their HTML is never all held.
	oneShot bool
	// static lists the site's own static files, as loadSite found them.
	static []sitefs.File
}

// run builds the site into the sink that open returns. It returns the sink
// (nil when nothing was written) for the caller to commit or throw away.
func (p *pipeline) run(open func() (sink, error)) (*Result, sink, error) {
	start := time.Now()
	res := &Result{}
	diags := &diag.List{}
	timer := stepTimer{res: res, progress: p.opts.Progress}
	var indexDone chan error // the search index being written beside the pages
	finish := func(out sink, err error) (*Result, sink, error) {
		if indexDone != nil {
			if ierr := <-indexDone; err == nil {
				err = ierr
			}
		}
		timer.stop()
		res.Diags = diags.Items()
		res.Warnings, res.Errors = diags.Count(diag.Warning), diags.Count(diag.Error)
		res.Duration = time.Since(start)
		if err == nil && res.Errors > 0 {
			err = ErrFailed
		}
		return res, out, err
	}

	timer.start("读取模板")
	if p.templates == nil {
		layouts := render.NewLayouts(p.opts.SiteDir, p.opts.Defaults)
		templates, err := render.LoadTemplates(layouts, render.Funcs())
		if err != nil {
			diags.Add(TemplateDiag(err))
		}
		p.templates = templates
	}
	s, deferred := p.loadSite(diags, &timer, p.oneShot && p.templates != nil && p.templates.Builtin())
	res.Site = s
	if s == nil || diags.HasErrors() || p.templates == nil {
		return finish(nil, nil)
	}
	res.Pages = len(s.Pages) + len(s.IndexPages())

	timer.start("生成网页")
	out, err := open()
	if err != nil {
		return finish(nil, err)
	}
	if err := copyStatic(out, p.static, p.opts.Defaults, s.Assets); err != nil {
		return finish(out, err)
	}
	r := &render.Renderer{Site: s, Templates: p.templates, LiveReload: p.opts.LiveReload, ReleaseHTML: p.oneShot, DeferReport: deferred != nil}
	views := r.Views()
	res.Files = len(views)
	if deferred != nil {
		var errs []error
		views, errs = p.convertAndRender(s, r, views, deferred, out, diags)
		for _, err := range errs {
			diags.Add(renderDiag(err))
		}
		res.Rendered = res.Files - len(views)
		if diags.HasErrors() {
			return finish(out, nil)
		}
		r.StartReport()
	}
	withIndex := s.Config.Search && !p.opts.NoSearch
	if withIndex && p.index == nil {
		// The index needs only the pages' text: write it on the side
		// while the pages render.
		docs := searchDocs(s, nil)
		indexDone = make(chan error, 1)
		go func() { indexDone <- writeIndex(out, handOver(docs)) }()
	}
	if p.oneShot {
		go releaseParts(s, views, p.templates)
	}
	if p.skip != nil {
		prints := r.Fingerprints(views)
		keep := views[:0:0]
		for i, v := range views {
			if !p.skip(v, prints[i]) {
				keep = append(keep, v)
			}
		}
		views = keep
	}
	res.Rendered += len(views)
	for _, err := range r.RenderAll(views, out) {
		diags.Add(renderDiag(err))
	}
	if err := writeFeeds(out, s, p.sitemap); err != nil {
		return finish(out, err)
	}
	if diags.HasErrors() {
		return finish(out, nil)
	}
	if withIndex {
		timer.start("生成搜索索引") // what is left of it once the pages are written
		if p.index != nil {
			p.index(s)
		}
	}
	return finish(out, nil)
}

// releaseParts lets the pages' parts, and so their text (as much memory as
// the pages' HTML), go once the other readers are done: the index has its
// own copy of the parts, the clean-up report reads them as the pages begin
// to render, and a layout only if it names them.
func releaseParts(s *site.Site, views []*render.View, t *render.Templates) {
	if t.Mentions("Parts") {
		return
	}
	for _, v := range views {
		if v.Kind == "cleanup" {
			v.Cleanup() // waits for the report
		}
	}
	for _, pg := range s.Pages {
		pg.Parts = nil
	}
}

// loadSite runs the load, model and Markdown stages. It returns nil when
// the configuration cannot be read. With stream, it converts only the
// pages that can link to others (see mayLink) and returns the rest, for
// convertAndRender: their backlinks are then known, and each can be
// converted and rendered in one go, so that the build never holds every
// page's HTML at once.
func (p *pipeline) loadSite(diags *diag.List, timer *stepTimer, stream bool) (*site.Site, []*site.Page) {
	timer.start("读取配置")
	cfg, err := config.Load(p.opts.SiteDir)
	if err != nil {
		diags.Add(configDiag(err))
		return nil, nil
	}
	timer.start("读取内容")
	set := content.LoadCached(p.opts.SiteDir, content.Options{Drafts: p.opts.Drafts, UnsafeHTML: cfg.UnsafeHTML}, p.sources, diags)
	p.static = listStatic(p.opts.SiteDir, diags)
	timer.start("建立页面关系")
	s := site.New(cfg, set, staticFiles(p.static, p.opts.Defaults), diags)
	if p.opts.NoMarkdown {
		return s, nil
	}
	timer.start("转换 Markdown")
	pages := append(s.IndexPages(), s.Pages...)
	if !stream || cfg.UnsafeHTML { // raw HTML may hold links mayLink does not see
		p.convertAll(s, pages, diags)
		s.Link(diags)
		s.CheckStructure(diags)
		return s, nil
	}
	var linking, deferred []*site.Page
	for _, pg := range pages {
		if pg.IsIndex || mayLink(pg.Src.Body) {
			linking = append(linking, pg)
		} else {
			deferred = append(deferred, pg)
		}
	}
	p.convertAll(s, linking, diags)
	s.Backlinks()
	return s, deferred
}

// staticFiles lists what copyStatic copies from the static/ folders, for
// the model to check against: the site's own files, then the built-in ones
// (less the scripts' tests) that the site does not replace.
func staticFiles(own []sitefs.File, defaults fs.FS) []site.StaticFile {
	out := make([]site.StaticFile, 0, len(own))
	overridden := make(map[string]bool, len(own))
	for _, f := range own {
		overridden[f.Rel] = true
		out = append(out, site.StaticFile{Path: f.Rel})
	}
	if defaults == nil {
		return out
	}
	fs.WalkDir(defaults, staticDir, func(p string, d fs.DirEntry, err error) error {
		if rel := strings.TrimPrefix(p, staticDir+"/"); err == nil && !d.IsDir() && !overridden[rel] && !strings.HasPrefix(rel, jsTests) {
			out = append(out, site.StaticFile{Path: rel, Builtin: true})
		}
		return nil
	})
	return out
}

// mayLink reports whether Markdown can hold a link or an image: inline
// ones are written "](", and references need a definition "]:".
func mayLink(md []byte) bool {
	return bytes.Contains(md, []byte("](")) || bytes.Contains(md, []byte("]:"))
}

// convertAndRender converts the deferred pages, each just before its view
// is rendered, and lets its HTML go once written; then it checks what
// needed every page converted. It returns the views still to render.
func (p *pipeline) convertAndRender(s *site.Site, r *render.Renderer, views []*render.View, deferred []*site.Page, out sink, diags *diag.List) ([]*render.View, []error) {
	isDeferred := make(map[*site.Page]bool, len(deferred))
	for _, pg := range deferred {
		isDeferred[pg] = true
	}
	var now, later []*render.View
	for _, v := range views {
		if v.Page != nil && isDeferred[v.Page] {
			now = append(now, v)
		} else {
			later = append(later, v)
		}
	}
	conv := newConverter(s)
	found := make([][]diag.Diagnostic, len(now)) // not the conversions: they hold the HTML
	errs := r.RenderEach(now, func(i int) {
		pg := now[i].Page
		c := convert(conv, s, pg)
		pg.Src.Body = nil
		c.attach(pg)
		found[i] = c.diags
	}, out)
	for _, d := range found {
		diags.AddAll(d)
	}
	s.CheckAnchors(diags)
	s.CheckStructure(diags)
	return later, errs
}

// convertAll renders the Markdown of pages on all cores, reusing the
// conversions a Session kept where the source and, for pages with relative
// links, every URL they could point to are unchanged.
func (p *pipeline) convertAll(s *site.Site, pages []*site.Page, diags *diag.List) {
	env := linkEnv(s)
	envChanged := env != p.env
	p.env = env
	conv := newConverter(s)
	results := make([]*converted, len(pages))
	var todo []int
	for i, pg := range pages {
		if c, ok := p.conv[pg.Src]; ok && !(envChanged && c.relative) {
			results[i] = c
		} else {
			todo = append(todo, i)
		}
	}
	parallel.Each(len(todo), func(k int) {
		i := todo[k]
		results[i] = convert(conv, s, pages[i])
		if p.oneShot {
			pages[i].Src.Body = nil
		}
	})
	if p.conv != nil {
		clear(p.conv)
	}
	for i, pg := range pages {
		c := results[i]
		diags.AddAll(c.diags)
		c.attach(pg)
		if p.conv != nil {
			p.conv[pg.Src] = c
		}
	}
}

// linkEnv fingerprints everything a relative link can resolve to: the
// pages, sections and files of the site and the link style.
func linkEnv(s *site.Site) uint64 {
	var h maphash.Hash
	h.SetSeed(hashSeed)
	fmt.Fprint(&h, s.Config.FileLinks)
	for _, p := range s.Pages {
		h.WriteString(p.Src.Path)
		h.WriteByte(0)
		h.WriteString(p.URL)
		h.WriteByte(0)
	}
	for _, sec := range s.Sections {
		h.WriteString(sec.Path)
		h.WriteByte(0)
	}
	for _, a := range s.Assets {
		h.WriteString(a.Path)
		h.WriteByte(0)
	}
	return h.Sum64()
}

func writeFeeds(out sink, s *site.Site, cache *sitemapCache) error {
	if err := out.WriteFile("sitemap.xml", cache.get(s)); err != nil {
		return err
	}
	return out.WriteFile("feed.xml", render.Feed(s))
}

// sitemapCache holds a sitemap and what it was made from; a nil cache
// makes it every time.
type sitemapCache struct {
	key  uint64
	data []byte
}

func (c *sitemapCache) get(s *site.Site) []byte {
	if c == nil {
		return render.Sitemap(s)
	}
	var h maphash.Hash
	h.SetSeed(hashSeed)
	h.WriteString(s.Config.BaseURL)
	for _, sec := range s.Sections {
		h.WriteString(sec.URL)
		h.WriteByte(0)
	}
	for _, p := range s.Pages {
		h.WriteString(p.URL)
		maphash.WriteComparable(&h, p.Date.UnixNano())
	}
	if key := h.Sum64(); key != c.key || c.data == nil {
		c.key, c.data = key, render.Sitemap(s)
	}
	return c.data
}

// jsTests is where the built-in scripts' tests (node --test) sit in
// static/: they are not part of a site.
const jsTests = "js/test/"

// staticDir is the site's folder of files copied as they are.
const staticDir = "static"

// listStatic lists the site's own static files; sitefs reports those it
// refuses.
func listStatic(siteDir string, diags *diag.List) []sitefs.File {
	var files []sitefs.File
	sitefs.New(siteDir).Walk(staticDir, diags, nil, func(f sitefs.File) { files = append(files, f) })
	return files
}

// copyStatic copies the embedded static files, then the site's own (which
// override them), then the non-Markdown files of content/. Built-in files
// are minified and the scripts' tests left out; a site's own files are
// copied as they are, unless they are byte for byte a built-in one (as
// this repository's static/ is, being both the defaults and the sample
// site's).
func copyStatic(out sink, own []sitefs.File, defaults fs.FS, contentFiles []content.Asset) error {
	builtin := func(rel string, data []byte) error {
		if strings.HasPrefix(rel, jsTests) {
			return nil
		}
		return out.WriteFile(rel, minify.File(rel, data))
	}
	for _, f := range staticFiles(own, defaults) {
		if !f.Builtin {
			continue
		}
		data, err := fs.ReadFile(defaults, staticDir+"/"+f.Path)
		if err == nil {
			err = builtin(f.Path, data)
		}
		if err != nil {
			return err
		}
	}
	for _, f := range own {
		data, err := readSource(f.Abs)
		if err != nil {
			return err
		}
		if def, err := fs.ReadFile(defaults, staticDir+"/"+f.Rel); err == nil && bytes.Equal(def, data) {
			err = builtin(f.Rel, data)
		} else {
			err = out.WriteFile(f.Rel, data)
		}
		if err != nil {
			return err
		}
	}
	for _, a := range contentFiles {
		data, err := readSource(a.Abs)
		if err != nil {
			return err
		}
		if err := out.WriteFile(a.Path, data); err != nil {
			return err
		}
	}
	return nil
}

// readSource reads a file of the site that a build copies.
func readSource(src string) ([]byte, error) {
	data, err := os.ReadFile(src)
	if err != nil {
		return nil, fmt.Errorf("无法读取 %s：%w", src, err)
	}
	return data, nil
}
