// Package build runs djkb's pipeline from a site folder to a finished
// output folder:
//
//	load (config, files, front matter) → model (pages, sections, links)
//	  → render (Markdown, templates) → index (search) → write (atomic swap)
//
// Every problem found on the way is collected; when any is an error the
// previous output is left untouched.
package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/markdown"
	"djkb/internal/output"
	"djkb/internal/render"
	"djkb/internal/site"
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
}

// Step is one timed stage of the build.
type Step struct {
	Name     string
	Duration time.Duration
}

// Result describes a finished (or refused) build.
type Result struct {
	Pages    int // Markdown pages rendered
	Files    int // HTML files written
	Diags    []diag.Diagnostic
	Warnings int
	Errors   int
	Steps    []Step
	Duration time.Duration
	Site     *site.Site // the model, for djkb serve and friends; nil when loading failed
}

// ErrFailed means the build found errors and wrote nothing.
var ErrFailed = errors.New("构建失败")

// Run builds the site. It returns ErrFailed when the content has errors
// (listed in Result.Diags) and another error when the output could not be
// written; in both cases the previous output is untouched.
func Run(opts Options) (*Result, error) {
	start := time.Now()
	res := &Result{}
	diags := &diag.List{}
	timer := stepTimer{res: res, progress: opts.Progress}
	finish := func(err error) (*Result, error) {
		res.Diags = diags.Items()
		res.Warnings, res.Errors = diags.Count(diag.Warning), diags.Count(diag.Error)
		res.Duration = time.Since(start)
		if err == nil && res.Errors > 0 {
			err = ErrFailed
		}
		return res, err
	}

	timer.start("读取模板")
	layouts := render.NewLayouts(opts.SiteDir, opts.Defaults)
	templates, err := render.LoadTemplates(layouts, render.Funcs())
	if err != nil {
		diags.Add(templateDiag(err))
	}
	s := loadSite(opts, diags, &timer)
	res.Site = s
	if s == nil || diags.HasErrors() {
		return finish(nil)
	}
	res.Pages = len(s.Pages) + len(s.IndexPages())
	cfg := s.Config

	timer.start("生成网页")
	out, err := output.Begin(opts.OutDir)
	if err != nil {
		return finish(err)
	}
	if err := copyStatic(out, opts.SiteDir, opts.Defaults, s.Assets); err != nil {
		out.Abort()
		return finish(err)
	}
	r := &render.Renderer{Site: s, Templates: templates, LiveReload: opts.LiveReload}
	views := r.Views()
	res.Files = len(views)
	for _, err := range r.RenderAll(views, out) {
		diags.Add(renderDiag(err))
	}
	if err := writeFeeds(out, s); err != nil {
		out.Abort()
		return finish(err)
	}
	if diags.HasErrors() {
		out.Abort()
		return finish(nil)
	}

	if cfg.Search && !opts.NoSearch {
		timer.start("生成搜索索引")
		if err := writeSearchIndex(out, s); err != nil {
			out.Abort()
			return finish(err)
		}
	}

	timer.start("替换输出文件夹")
	if err := out.Commit(); err != nil {
		return finish(err)
	}
	timer.stop()
	return finish(nil)
}

// Load reads, models and converts the site without writing anything: what
// djkb check, cleanup and digest work from. The site is nil when the
// configuration cannot be read.
func Load(opts Options) (*site.Site, *diag.List) {
	diags := &diag.List{}
	s := loadSite(opts, diags, &stepTimer{res: &Result{}})
	return s, diags
}

// loadSite runs the load, model and Markdown stages.
func loadSite(opts Options, diags *diag.List, timer *stepTimer) *site.Site {
	timer.start("读取配置")
	cfg, err := config.Load(opts.SiteDir)
	if err != nil {
		diags.Add(configDiag(err))
		return nil
	}
	timer.start("读取内容")
	set := content.Load(opts.SiteDir, content.Options{Drafts: opts.Drafts}, diags)
	timer.start("建立页面关系")
	s := site.New(cfg, set, diags)
	timer.start("转换 Markdown")
	convertAll(s, diags)
	s.Link(diags)
	return s
}

// stepTimer records how long each step takes.
type stepTimer struct {
	res      *Result
	progress func(string)
	name     string
	began    time.Time
}

func (t *stepTimer) start(name string) {
	t.stop()
	t.name, t.began = name, time.Now()
	if t.progress != nil {
		t.progress(name)
	}
}

func (t *stepTimer) stop() {
	if t.name != "" {
		t.res.Steps = append(t.res.Steps, Step{Name: t.name, Duration: time.Since(t.began)})
		t.name = ""
	}
}

// convertAll renders the Markdown of every page on all cores.
func convertAll(s *site.Site, diags *diag.List) {
	conv := markdown.New(markdown.Options{UnsafeHTML: s.Config.UnsafeHTML})
	pages := append(s.IndexPages(), s.Pages...)
	var wg sync.WaitGroup
	work := make(chan *site.Page, 64)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				c := convert(conv, s, p)
				for _, d := range c.diags {
					diags.Add(d)
				}
				if c.res != nil {
					p.SetContent(c.res, c.links)
				}
			}
		}()
	}
	for _, p := range pages {
		work <- p
	}
	close(work)
	wg.Wait()
}

// converted is one page's Markdown, converted, with what its links found.
type converted struct {
	res      *markdown.Result
	links    []site.OutLink
	diags    []diag.Diagnostic
	relative bool // the HTML depends on other pages' URLs
}

func convert(conv *markdown.Converter, s *site.Site, p *site.Page) *converted {
	var diags diag.List
	linker := s.Linker(p, &diags)
	res, err := conv.Convert(markdown.Input{
		Source:        p.Src.Body,
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
	return &converted{res: res, links: linker.Links, diags: diags.Items(), relative: linker.Relative}
}

func writeFeeds(out *output.Dir, s *site.Site) error {
	if err := out.WriteFile("sitemap.xml", render.Sitemap(s)); err != nil {
		return err
	}
	return out.WriteFile("feed.xml", render.Feed(s))
}

// copyStatic copies the embedded static files, then the site's own (which
// override them), then the non-Markdown files of content/.
func copyStatic(out *output.Dir, siteDir string, defaults fs.FS, assets []content.Asset) error {
	siteStatic := filepath.Join(siteDir, "static")
	err := fs.WalkDir(defaults, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel := p[len("static/"):]
		if _, err := os.Stat(filepath.Join(siteStatic, filepath.FromSlash(rel))); err == nil {
			return nil // the site has its own
		}
		f, err := defaults.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return out.CopyFile(rel, f)
	})
	if err != nil {
		return err
	}
	if _, err := os.Stat(siteStatic); err == nil {
		err := filepath.WalkDir(siteStatic, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(siteStatic, p)
			return copyFile(out, filepath.ToSlash(rel), p)
		})
		if err != nil {
			return err
		}
	}
	for _, a := range assets {
		if err := copyFile(out, a.Path, a.Abs); err != nil {
			return err
		}
	}
	return nil
}

func copyFile(out *output.Dir, name, src string) error {
	f, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("无法读取 %s：%w", src, err)
	}
	defer f.Close()
	return out.CopyFile(name, io.Reader(f))
}

func configDiag(err error) diag.Diagnostic {
	var ce *config.Error
	if errors.As(err, &ce) {
		return diag.Diagnostic{Path: config.FileName, Line: ce.Line, Severity: diag.Error, Message: ce.Msg}
	}
	return diag.Diagnostic{Path: config.FileName, Severity: diag.Error, Message: err.Error()}
}

func templateDiag(err error) diag.Diagnostic {
	var te *render.TemplateError
	if errors.As(err, &te) {
		return diag.Diagnostic{Path: te.File, Line: te.Line, Severity: diag.Error, Message: te.Msg}
	}
	return diag.Diagnostic{Severity: diag.Error, Message: err.Error()}
}

func renderDiag(err error) diag.Diagnostic {
	return diag.Diagnostic{Severity: diag.Error, Message: err.Error()}
}
