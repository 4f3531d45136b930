// Package build runs djkb's pipeline from a site folder to a finished
// output folder. pipeline.run is the whole of it, read top to bottom; each
// stage is a step of --timings:
//
//	load     templates, site.toml, content/ and static/    读取模板、读取配置、读取内容
//	           (render.LoadTemplates, config.Load, content.Load, sitefs)
//	model    pages, sections, URLs, relations              建立页面关系 (site.New)
//	convert  each page's Markdown to HTML                  转换 Markdown (markdown)
//	link     anchors and backlinks, checked                (site.Link)
//	render   static files, every view, feeds               生成网页 (render)
//	index    the search index, beside the pages            生成搜索索引 (search)
//	write    the swap of the new output for the old        替换输出文件夹 (output)
//
// After the model stage the site model is only read: a page's large data
// (its Markdown, HTML and parts) changes only through its owner's methods,
// when the build's strategy says it is needed no more. What djkb build and
// djkb serve's Session do differently is that strategy (see strategy), not
// the stages.
//
// Every problem found on the way is collected; when any is an error the
// previous output is left untouched.
//
// The packages depend one way (go list -deps): diag, rawfile, parallel,
// fphash, numerals, minify, chromium and search import no other package
// of djkb, markdown only numerals; then sitefs → config → content → site
// → render and review → compilation; build imports those below it; serve
// imports build; cli imports everything and cmd/djkb only cli.
package build

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path/filepath"
	"time"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/fphash"
	"djkb/internal/markdown"
	"djkb/internal/output"
	"djkb/internal/render"
	"djkb/internal/site"
	"djkb/internal/sitefs"
)

// Options says what to build and where.
type Options struct {
	SiteDir  string
	OutDir   string
	Drafts   bool              // include pages with draft = true
	NoSearch bool              // skip the search index
	Defaults fs.FS             // embedded layouts/ and static/
	Progress func(step string) // called as each step starts; may be nil
	// LiveReload injects djkb serve's reload script into every page.
	LiveReload bool
	// NoMarkdown makes Load stop before converting the Markdown: the pages
	// keep their source but have no content, links or backlinks. djkb digest
	// converts the bodies it prints itself, with ids and links of its own.
	NoMarkdown bool
	// NoCache makes djkb build ignore its cache beside the output (see
	// diskCache), neither reading nor writing it.
	NoCache bool
}

// Step is one timed stage of the build.
type Step struct {
	Name     string
	Duration time.Duration
	CPU      time.Duration // CPU time the process used meanwhile, 0 where unknown
}

// Result describes a finished (or refused) build.
type Result struct {
	Pages    int // Markdown pages rendered
	Files    int // HTML pages of the site
	Rendered int // HTML pages rendered by this build (djkb serve skips unchanged ones)
	Diags    []diag.Diagnostic
	Warnings int
	Errors   int
	Steps    []Step
	Duration time.Duration
	Site     *site.Site // the model, for djkb serve and friends; nil when loading failed
}

// hashSeed keys the fingerprints djkb serve compares within one process.
var hashSeed = maphash.MakeSeed()

// ErrFailed means the build found errors; the output is untouched.
var ErrFailed = errors.New("构建失败")

// Run builds the site. It returns ErrFailed when the content has errors
// (listed in Result.Diags) and another error when the output could not be
// written; in both cases the previous output is untouched.
func Run(opts Options) (*Result, error) {
	if err := checkOutDir(opts.SiteDir, opts.OutDir); err != nil {
		return &Result{}, err
	}
	p := &pipeline{opts: opts, strategy: oneShot}
	if !opts.NoCache {
		p.persist = newDiskCache(opts.OutDir)
	}
	res, out, _, err := p.run(func() (output.Writer, error) { return output.Begin(opts.OutDir) })
	if out == nil {
		return res, err
	}
	dir := out.(*output.Dir)
	switch {
	case errors.Is(err, ErrFailed):
		dir.Abort()
		return res, err
	case err != nil: // could not write: perhaps the disk is full, so free it
		dir.Discard()
		return res, err
	}
	timer := stepTimer{res: res, progress: opts.Progress}
	began := len(res.Steps)
	timer.start("替换输出文件夹")
	err = dir.Commit()
	if err == nil && p.persist != nil {
		timer.start("写入构建缓存")
		if p.persist.save() != nil {
			p.persist.forget() // the output is built all the same
		}
	}
	timer.stop()
	for _, st := range res.Steps[began:] {
		res.Duration += st.Duration
	}
	return res, err
}

// inputs are the folders of a site that a build reads.
var inputs = []string{content.Dir, "layouts", "static"}

// checkOutDir refuses an output folder that a build would replace along
// with the site itself: the site folder, a folder holding it, or one inside
// the folders the build reads. Links are followed, so that no spelling of
// the same folder slips through.
func checkOutDir(siteDir, outDir string) error {
	site, out := realPath(siteDir), realPath(outDir)
	if sitefs.Within(out, site) {
		return fmt.Errorf("输出文件夹 %s 就是站点文件夹或包含站点文件夹：构建会整体替换输出文件夹，站点的文件会被移走。"+
			"请用 -d 指定站点中的一个子文件夹（默认 public）或站点外的文件夹", outDir)
	}
	for _, in := range inputs {
		dir := filepath.Join(site, in)
		if sitefs.Within(dir, out) || sitefs.Within(out, dir) {
			return fmt.Errorf("输出文件夹 %s 与站点的 %s/ 文件夹重叠：构建的结果会被当作站点内容再次读取，或替换掉站点内容。"+
				"请用 -d 指定 %s/ 之外的文件夹（默认 public）", outDir, in, in)
		}
	}
	return nil
}

// realPath is p made absolute with its links resolved, as far as p exists.
func realPath(p string) string {
	p, _ = filepath.Abs(p)
	rest := ""
	for dir := p; ; dir = filepath.Dir(dir) {
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(real, rest)
		}
		if filepath.Dir(dir) == dir {
			return p
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// Load reads, models and converts the site without writing anything: what
// djkb check, cleanup and digest work from. The site is nil when the
// configuration cannot be read.
func Load(opts Options) (*site.Site, *diag.List) {
	diags := &diag.List{}
	p := &pipeline{opts: opts}
	s, _ := p.loadSite(diags, &stepTimer{res: &Result{}}, false)
	return s, diags
}

// stepTimer records how long each step takes, and the CPU time it uses.
type stepTimer struct {
	res      *Result
	progress func(string)
	name     string
	began    time.Time
	cpu      time.Duration
}

func (t *stepTimer) start(name string) {
	t.stop()
	t.name, t.began, t.cpu = name, time.Now(), cpuTime()
	if t.progress != nil {
		t.progress(name)
	}
}

func (t *stepTimer) stop() {
	if t.name != "" {
		t.res.Steps = append(t.res.Steps, Step{Name: t.name, Duration: time.Since(t.began), CPU: cpuTime() - t.cpu})
		t.name = ""
	}
}

// converted is one page's Markdown, converted, with what its links found.
type converted struct {
	res      *markdown.Result
	links    []site.OutLink
	diags    []diag.Diagnostic
	relative bool   // the HTML depends on other pages' URLs
	hash     uint64 // of the HTML
	cites    uint64 // the page's citations as resolved (site.Page.CitesHash)
}

// newConverter returns the Markdown converter for the site's settings.
func newConverter(s *site.Site) *markdown.Converter {
	return markdown.New(markdown.Options{UnsafeHTML: s.Config.UnsafeHTML})
}

// attach gives the page its converted Markdown; a page whose conversion
// failed keeps none.
func (c *converted) attach(p *site.Page) {
	if c.res != nil {
		p.SetContent(c.res, c.links, c.hash)
	}
}

func convert(conv *markdown.Converter, s *site.Site, p *site.Page) *converted {
	var diags diag.List
	linker := s.Linker(p, &diags)
	res, err := conv.Convert(markdown.Input{
		Source:        p.Src.Body(),
		FirstLine:     p.Src.BodyLine,
		Articles:      p.Kind == content.KindRegulation,
		DropTitle:     p.Src.TitleFromBody,
		Resolver:      linker,
		SummaryLength: s.Config.SummaryLength,
	})
	if err != nil {
		diags.Errorf(p.Src.File, 0, "Markdown 转换失败：%v", err)
		res = nil
	}
	c := &converted{res: res, links: linker.Links, diags: diags.Items(), relative: linker.Relative, cites: p.CitesHash()}
	if res != nil {
		c.hash = fphash.String(res.HTML)
	}
	return c
}

func configDiag(err error) diag.Diagnostic {
	var ce *config.Error
	if errors.As(err, &ce) {
		return diag.Diagnostic{Path: config.FileName, Line: ce.Line, Severity: diag.Error, Message: ce.Msg}
	}
	return diag.Diagnostic{Path: config.FileName, Severity: diag.Error, Message: err.Error()}
}

// TemplateDiag turns a template parse error into a diagnostic.
func TemplateDiag(err error) diag.Diagnostic {
	var te *render.TemplateError
	if errors.As(err, &te) {
		return diag.Diagnostic{Path: te.File, Line: te.Line, Severity: diag.Error, Message: te.Msg}
	}
	return diag.Diagnostic{Severity: diag.Error, Message: err.Error()}
}

func renderDiag(err error) diag.Diagnostic {
	return diag.Diagnostic{Severity: diag.Error, Message: err.Error()}
}
