package build

import (
	"bytes"
	"cmp"
	"fmt"
	"hash/maphash"
	"io/fs"
	"iter"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/minify"
	"djkb/internal/output"
	"djkb/internal/parallel"
	"djkb/internal/render"
	"djkb/internal/review"
	"djkb/internal/search"
	"djkb/internal/site"
	"djkb/internal/sitefs"
)

// strategy is what differs between djkb build, which builds a site once,
// and djkb serve's Session, which builds it again after every edit: what
// the pipeline keeps, reuses and lets go. The stages are the same.
type strategy struct {
	// release: the build renders every page once and ends. Each page's
	// Markdown is let go once converted, its HTML once written and its
	// parts once the index and the clean-up report have read them; with
	// the built-in layouts, pages that cannot link are converted just
	// before they are rendered. The build never holds all of them at once.
	release bool
	// cache, for a Session, keeps parsed files, converted Markdown and the
	// last sitemap between builds, and the fingerprints of the views whose
	// output the session holds: those views are not rendered again. A
	// session writes the search index itself, in the background; without
	// a cache the index is written beside the pages.
	cache *cache
}

// oneShot is the strategy of djkb build.
var oneShot = strategy{release: true}

// cache is what a Session keeps from one build for the next.
type cache struct {
	sources *content.Cache                 // parsed files
	conv    map[*content.Source]*converted // converted Markdown
	env     uint64                         // what links resolved against when conv was filled
	terms   uint64                         // the glossary pages linked to (site.TermsHash) when conv was filled
	sitemap sitemapCache                   // the last sitemap: most edits change none of its URLs and dates
	// prints holds the fingerprint of each view's output file that the
	// session holds from its last build.
	prints map[string]uint64
}

// pipeline runs the stages of a build, the same for every strategy:
//
//	load (templates, config, files) → model → convert → link
//	  → render (static files, pages, feeds) → index → write
type pipeline struct {
	opts      Options
	strategy  strategy
	templates *render.Templates // parsed layouts, nil until loaded
	static    []sitefs.File     // the site's own static files, as loadSite found them
	// persist is djkb build's cache beside the output, nil without one;
	// run opens it.
	persist *diskCache
	// reconvert: a rebuild with the cache converts every page before it
	// knows which views to render, and keeps each page's Markdown rather
	// than its HTML (a third of the size); the pages rendered again are
	// converted again (see convertAgain).
	reconvert bool
}

// rendered is what the render stage tells a Session: the fingerprint of
// each view's file, and the files it did not render again.
type rendered struct {
	prints map[string]uint64
	kept   []string
}

// run builds the site into the writer that open returns. It returns the
// writer (nil when nothing was written) for the caller to commit or throw
// away.
func (p *pipeline) run(open func() (output.Writer, error)) (*Result, output.Writer, *rendered, error) {
	start := time.Now()
	res := &Result{}
	diags := &diag.List{}
	timer := stepTimer{res: res, progress: p.opts.Progress}
	var index indexRun // the search index, written beside the pages
	finish := func(out output.Writer, done *rendered, err error) (*Result, output.Writer, *rendered, error) {
		if ierr := index.wait(); err == nil {
			err = ierr
		}
		timer.stop()
		res.Diags = diags.Items()
		res.Warnings, res.Errors = diags.Count(diag.Warning), diags.Count(diag.Error)
		res.Duration = time.Since(start)
		if err == nil && res.Errors > 0 {
			err = ErrFailed
		}
		return res, out, done, err
	}

	// Load and model.
	rebuild := false // djkb build with a cache of the last build's files
	if p.persist != nil {
		timer.start("读取构建缓存")
		p.persist.open(p.opts)
		rebuild = p.persist.rebuild()
	}
	timer.start("读取模板")
	if p.templates == nil {
		p.templates = p.loadTemplates(diags)
	}
	// A rebuild with a cache fingerprints every view before rendering
	// any, so it converts every page first.
	stream := p.strategy.release && p.templates != nil && p.templates.Builtin() && !rebuild
	p.reconvert = rebuild && p.strategy.release && p.templates != nil && !p.templates.Mentions(".HTML")
	s, later := p.loadSite(diags, &timer, stream)
	res.Site = s
	if s == nil || diags.HasErrors() || p.templates == nil {
		return finish(nil, nil, nil)
	}
	res.Pages = len(s.Pages) + len(s.IndexPages())

	// Render, and index beside it.
	timer.start("生成网页")
	out, err := open()
	if err != nil {
		return finish(nil, nil, err)
	}
	if err := copyStatic(out, p.static, p.opts.Defaults, s.Assets); err != nil {
		return finish(out, nil, err)
	}
	report := startReport(s, later == nil)
	r := &render.Renderer{Site: s, Templates: p.templates, LiveReload: p.opts.LiveReload, Report: report.get}
	views := r.Views()
	all := views
	res.Files = len(views)
	// The index reads the pages as they are converted; see docGate.
	gate := newGate(s.Pages, later)
	var taken chan struct{} // closed once the index has read the pages' parts
	if s.Config.Search && !p.opts.NoSearch && p.strategy.cache == nil {
		taken = make(chan struct{})
		index = startIndex(out, streamDocs(s, gate, p.dropParts(), taken))
	} else {
		gate.close() // nothing to wait for
	}
	if later != nil {
		views = p.renderChains(s, r, views, out, diags)
		var errs []error
		views, errs = p.convertAndRender(s, r, views, later, gate, out, diags)
		for _, err := range errs {
			diags.Add(renderDiag(err))
		}
		res.Rendered = res.Files - len(views)
		if diags.HasErrors() {
			return finish(out, nil, nil)
		}
		report.start()
	}
	gate.close()
	if p.strategy.release {
		go p.releaseParts(s, report, taken)
	}
	views, done := p.skipUnchanged(r, views)
	var prints []uint64 // of all, for the cache
	if rebuild {
		timer.start("沿用未变的网页")
		prints = r.Fingerprints(all)
		if views, err = p.reuse(all, prints, out); err != nil {
			return finish(out, nil, err)
		}
		timer.start("生成网页")
	}
	res.Rendered += len(views)
	for _, err := range r.RenderEach(views, out, p.convertAgain(s, views), p.releaseHTML(views)) {
		diags.Add(renderDiag(err))
	}
	if err := writeFeeds(out, s, p.sitemap()); err != nil {
		return finish(out, nil, err)
	}
	if diags.HasErrors() {
		return finish(out, nil, nil)
	}
	if p.persist != nil {
		timer.start("记录构建缓存")
		if prints == nil {
			prints = r.Fingerprints(all)
		}
		p.persist.record(all, prints, out.(*output.Dir))
	}
	if index != nil {
		timer.start("生成搜索索引") // what is left of it once the pages are written
	}
	return finish(out, done, nil)
}

// indexRun is the search index being written on the side.
type indexRun chan error

// startIndex writes the index of docs into out on a goroutine of its own.
func startIndex(out output.Writer, docs iter.Seq[search.Doc]) indexRun {
	done := make(indexRun, 1)
	go func() { done <- writeIndex(out, docs) }()
	return done
}

// wait returns the index's error once it is written; nil for no index.
func (r indexRun) wait() error {
	if r == nil {
		return nil
	}
	return <-r
}

// loadTemplates parses the site's layouts over the built-in ones; nil when
// they have errors, which go to diags.
func (p *pipeline) loadTemplates(diags *diag.List) *render.Templates {
	templates, err := render.LoadTemplates(render.NewLayouts(p.opts.SiteDir, p.opts.Defaults), render.Funcs())
	if err != nil {
		diags.Add(TemplateDiag(err))
	}
	return templates
}

// report is the clean-up page's report, which checks every regulation: it
// is made on a core of its own while the pages render, once start is
// called; get waits for it.
type report struct {
	start func()
	get   func() render.Report
}

// startReport prepares the report of s, and starts it now unless the
// pages are still being converted (later: start it once they are).
func startReport(s *site.Site, now bool) *report {
	done := make(chan *review.Page, 1)
	r := &report{start: sync.OnceFunc(func() { go func() { done <- review.NewPage(s) }() })}
	r.get = sync.OnceValue(func() render.Report { r.start(); return <-done })
	if now {
		r.start()
	}
	return r
}

// releaseParts lets the pages' parts, and so their text, go once the other
// readers are done: the index reads them as the pages render (until taken
// is closed; nil for no index) and keeps their text in a temporary file,
// the clean-up report reads them too (as review.Prepare, once a page is
// converted), and a layout only if it names them.
func (p *pipeline) releaseParts(s *site.Site, report *report, taken <-chan struct{}) {
	if !p.dropParts() {
		return
	}
	report.get()
	if taken != nil {
		<-taken
	}
	for _, pg := range s.Pages {
		pg.ReleaseParts()
	}
}

// dropParts reports whether a page's parts may go once the index has read
// them: in a one-shot build, unless a layout reads them.
func (p *pipeline) dropParts() bool {
	return p.strategy.release && !p.templates.Mentions("Parts")
}

// releaseHTML returns, for a one-shot build, what to do once view i is
// written: let its page's HTML go. Only a page's own view shows its HTML,
// unless a layout reads pages' .HTML itself; then nothing is let go.
// An index page's HTML stays: its list pages show it.
func (p *pipeline) releaseHTML(views []*render.View) func(i int) {
	if !p.strategy.release || p.templates.Mentions(".HTML") {
		return nil
	}
	return func(i int) {
		if pg := views[i].Page; pg != nil && !pg.IsIndex {
			pg.ReleaseHTML()
		}
	}
}

// skipUnchanged leaves out, for a Session, the views whose fingerprint is
// the one of the file the session holds from its last build.
func (p *pipeline) skipUnchanged(r *render.Renderer, views []*render.View) ([]*render.View, *rendered) {
	c := p.strategy.cache
	if c == nil {
		return views, nil
	}
	done := &rendered{prints: make(map[string]uint64, len(views))}
	prints := r.Fingerprints(views)
	keep := views[:0:0]
	for i, v := range views {
		name := site.OutputFile(v.URLPath)
		done.prints[name] = prints[i]
		if old, ok := c.prints[name]; ok && old == prints[i] {
			done.kept = append(done.kept, name)
		} else {
			keep = append(keep, v)
		}
	}
	return keep, done
}

// reuse leaves out, for djkb build with a cache, the views whose files
// the last builds left with the same fingerprint (see diskCache.reuse),
// letting their pages' HTML go, and returns the views still to render.
func (p *pipeline) reuse(views []*render.View, prints []uint64, out output.Writer) ([]*render.View, error) {
	done, err := p.persist.reuse(views, prints, out.(*output.Dir))
	release := p.releaseHTML(views)
	todo := views[:0:0]
	for i, v := range views {
		switch {
		case !done[i]:
			todo = append(todo, v)
		case release != nil:
			release(i)
		}
	}
	return todo, err
}

// sitemap is the sitemap cache of a Session, nil for a one-shot build.
func (p *pipeline) sitemap() *sitemapCache {
	if p.strategy.cache == nil {
		return nil
	}
	return &p.strategy.cache.sitemap
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
	var sources *content.Cache
	if p.strategy.cache != nil {
		sources = p.strategy.cache.sources
	}
	set := content.LoadCached(p.opts.SiteDir, content.Options{Drafts: p.opts.Drafts, UnsafeHTML: cfg.UnsafeHTML}, sources, diags)
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
		if pg.IsIndex || mayLink(pg.Src.Body()) {
			linking = append(linking, pg)
		} else {
			deferred = append(deferred, pg)
		}
	}
	p.convertAll(s, linking, diags)
	if diags.HasErrors() {
		// The build stops before the deferred pages are rendered: check
		// them now, so that it reports what djkb check reports.
		p.convertAll(s, deferred, diags)
		s.Link(diags)
		s.CheckStructure(diags)
		return s, nil
	}
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

// renderChains renders the version chains' views (comparison pages and
// texts) before the others, for a one-shot build with the built-in
// layouts, and lets each chain's articles and comparisons go once they
// are written (site.Chain.Release): no other view reads them, so the
// build does not hold them while the pages render. It returns the views
// still to render.
func (p *pipeline) renderChains(s *site.Site, r *render.Renderer, views []*render.View, out output.Writer, diags *diag.List) []*render.View {
	var chains, rest []*render.View
	for _, v := range views {
		if v.Step != nil {
			chains = append(chains, v)
		} else {
			rest = append(rest, v)
		}
	}
	for _, err := range r.RenderEach(chains, out, nil, nil) {
		diags.Add(renderDiag(err))
	}
	for _, c := range s.Chains {
		c.Release()
	}
	return rest
}

// convertAndRender converts the deferred pages, each just before its view
// is rendered, and lets its HTML go once written; then it checks what
// needed every page converted. It returns the views still to render.
func (p *pipeline) convertAndRender(s *site.Site, r *render.Renderer, views []*render.View, deferred []*site.Page, gate *docGate, out output.Writer, diags *diag.List) ([]*render.View, []error) {
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
	// In the order the index reads them, which the gate needs.
	slices.SortStableFunc(now, func(a, b *render.View) int { return cmp.Compare(gate.place(a.Page), gate.place(b.Page)) })
	conv := newConverter(s)
	found := make([][]diag.Diagnostic, len(now)) // not the conversions: they hold the HTML
	errs := r.RenderEach(now, out, func(i int) {
		pg := now[i].Page
		gate.admit(pg)
		c := convert(conv, s, pg)
		c.attach(pg)
		review.Prepare(pg)
		pg.Src.ReleaseBody()
		gate.converted(pg)
		found[i] = c.diags
	}, p.releaseHTML(now))
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
	c := p.strategy.cache
	var kept map[*content.Source]*converted
	envChanged, termsChanged := false, false
	if c != nil {
		env := linkEnv(s)
		envChanged, c.env = env != c.env, env
		// Any page may mention a term added to the glossary.
		termsChanged, c.terms = s.TermsHash() != c.terms, s.TermsHash()
		kept = c.conv
	}
	conv := newConverter(s)
	results := make([]*converted, len(pages))
	var todo []int
	for i, pg := range pages {
		if k, ok := kept[pg.Src]; ok && !termsChanged && !(envChanged && k.relative) && k.cites == pg.CitesHash() {
			results[i] = k
		} else {
			todo = append(todo, i)
		}
	}
	parallel.Each(len(todo), func(k int) {
		i := todo[k]
		results[i] = convert(conv, s, pages[i])
		if p.strategy.release {
			results[i].attach(pages[i])
			review.Prepare(pages[i])
			if p.reconvert && !pages[i].IsIndex {
				pages[i].ReleaseHTML()
				results[i].res.HTML = ""
			} else {
				pages[i].Src.ReleaseBody()
			}
		}
	})
	clear(kept)
	for i, pg := range pages {
		r := results[i]
		diags.AddAll(r.diags)
		if !p.strategy.release { // a one-shot build attached it as it converted
			r.attach(pg)
		}
		if kept != nil {
			kept[pg.Src] = r
		}
	}
}

// convertAgain returns, for a rebuild that kept the pages' Markdown rather
// than their HTML (reconvert), what to do before view i is rendered: give
// its page its HTML again. The pages whose views are not rendered let
// their Markdown go now.
func (p *pipeline) convertAgain(s *site.Site, views []*render.View) func(i int) {
	if !p.reconvert {
		return nil
	}
	again := make(map[*site.Page]bool, len(views))
	for _, v := range views {
		if v.Page != nil && !v.Page.IsIndex {
			again[v.Page] = true
		}
	}
	for _, pg := range s.Pages {
		if !again[pg] {
			pg.Src.ReleaseBody()
		}
	}
	conv := newConverter(s)
	return func(i int) {
		pg := views[i].Page
		if !again[pg] {
			return
		}
		// The same Markdown converts to the same HTML; its problems were
		// reported the first time.
		if c := convert(conv, s, pg); c.res != nil {
			pg.RestoreHTML(c.res.HTML)
		}
		pg.Src.ReleaseBody()
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

func writeFeeds(out output.Writer, s *site.Site, cache *sitemapCache) error {
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
func copyStatic(out output.Writer, own []sitefs.File, defaults fs.FS, contentFiles []content.Asset) error {
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
