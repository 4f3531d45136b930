package site

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/markdown"
)

// OutLink is a link from a page's text to a page of the site, kept to check
// its anchor once every page is rendered and to build backlinks.
type OutLink struct {
	Target string // content path of the target page
	Anchor string
	Line   int
}

// Linker rewrites the links of one page's Markdown. It implements
// markdown.Resolver; each page being rendered gets its own.
type Linker struct {
	site  *Site
	page  *Page
	diags *diag.List
	// Links are the links to pages found so far.
	Links []OutLink
	// Relative is set once a relative link or image was resolved: the
	// page's HTML then depends on the other pages' URLs.
	Relative  bool
	used      []bool       // of the page's citations, those already linked
	termsUsed map[int]bool // the glossary entries already linked
}

// Linker returns the link resolver for p.
func (s *Site) Linker(p *Page, diags *diag.List) *Linker {
	return &Linker{site: s, page: p, diags: diags}
}

var schemeRe = regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.\-]*):`)

var safeSchemes = map[string]bool{"http": true, "https": true, "mailto": true, "tel": true, "ftp": true}

// Link implements markdown.Resolver.
func (l *Linker) Link(dest string, line int, image bool) (string, bool) {
	file := l.page.Src.File
	dest = strings.TrimSpace(dest)
	if dest == "" {
		return dest, true
	}
	if m := schemeRe.FindStringSubmatch(dest); m != nil {
		if safeSchemes[strings.ToLower(m[1])] {
			return dest, true
		}
		l.diags.Warnf(file, line, "已删除不安全的链接“%s”：只允许 http、https、mailto 等链接", clip(dest))
		return "", false
	}
	if strings.HasPrefix(dest, "//") {
		return dest, true
	}
	raw, frag, _ := strings.Cut(dest, "#")
	raw, _, _ = strings.Cut(raw, "?")
	rawPath, err := url.PathUnescape(raw)
	if err != nil {
		rawPath = raw
	}
	if f, err := url.PathUnescape(frag); err == nil {
		frag = f
	}
	if rawPath == "" { // "#anchor" on the same page
		if frag != "" {
			l.Links = append(l.Links, OutLink{Target: l.page.Src.Path, Anchor: frag, Line: line})
		}
		return dest, true
	}
	l.Relative = true
	var target string
	if strings.HasPrefix(rawPath, "/") {
		target = path.Clean(strings.TrimPrefix(rawPath, "/"))
	} else {
		target = path.Join(path.Dir(l.page.Src.Path), rawPath)
	}
	if target == ".." || strings.HasPrefix(target, "../") {
		l.diags.Errorf(file, line, "链接“%s”指向了站点之外：请只链接 content 文件夹中的文件", clip(dest))
		return "", false
	}
	if target == "." {
		target = ""
	}
	withFrag := func(u string) string {
		if frag == "" {
			return u
		}
		return u + "#" + EscapePath(frag)
	}
	from := l.page.URL
	fileLinks := l.site.Config.FileLinks
	if !image {
		if strings.EqualFold(path.Ext(target), ".md") {
			if p := l.site.byPath[target]; p != nil {
				l.Links = append(l.Links, OutLink{Target: p.Src.Path, Anchor: frag, Line: line})
				return withFrag(Rel(from, p.URL, fileLinks)), true
			}
			if content.IsIndexName(path.Base(target)) {
				if sec := l.site.sections[strings.TrimSuffix(path.Dir(target), ".")]; sec != nil {
					return withFrag(Rel(from, sec.URL, fileLinks)), true
				}
			}
			l.diags.Errorf(file, line, "链接指向的页面“%s”不存在：请检查文件名和路径（路径相对于本文件所在的文件夹）", clip(raw))
			return dest, true
		}
		if sec := l.site.sections[strings.TrimSuffix(target, "/")]; sec != nil {
			return withFrag(Rel(from, sec.URL, fileLinks)), true
		}
		if l.site.pageURLs[dirURL(strings.TrimSuffix(target, "/"))] {
			return withFrag(Rel(from, dirURL(strings.TrimSuffix(target, "/")), fileLinks)), true
		}
	}
	if l.site.assetPath[target] {
		return withFrag(Rel(from, target, false)), true
	}
	what := "链接"
	if image {
		what = "图片"
	}
	l.diags.Errorf(file, line, "%s指向的文件“%s”不存在：请检查文件名和路径（路径相对于本文件所在的文件夹）", what, clip(raw))
	return dest, true
}

func clip(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}

// Link checks the anchors of every link between pages, now that all pages
// are rendered, and records backlinks.
func (s *Site) Link(diags *diag.List) {
	s.Backlinks()
	s.CheckAnchors(diags)
}

// Backlinks records, for every page that a converted page links to, the
// page that links to it.
func (s *Site) Backlinks() {
	for _, p := range append(s.IndexPages(), s.Pages...) {
		for _, l := range p.links {
			if target := s.byPath[l.Target]; target != nil && target != p {
				target.addReferrer(p)
			}
		}
	}
	for _, p := range s.Pages {
		sortPages(p.ReferencedBy)
	}
}

// CheckAnchors reports each link to an anchor its target page lacks; every
// page must be converted.
func (s *Site) CheckAnchors(diags *diag.List) {
	for _, p := range append(s.IndexPages(), s.Pages...) {
		for _, l := range p.links {
			target := s.byPath[l.Target]
			if target == nil { // the page itself is a section index
				target = p
			}
			if l.Anchor == "" || target.HasAnchor(l.Anchor) || strings.HasPrefix(l.Anchor, "fn") {
				continue
			}
			if target == p {
				diags.Errorf(p.Src.File, l.Line, "本页中没有锚点“#%s”：请检查条款号或标题文字", l.Anchor)
			} else if slug := markdown.Slug(l.Anchor); slug != l.Anchor && target.HasAnchor(slug) {
				diags.Errorf(p.Src.File, l.Line, "页面“%s”中没有锚点“#%s”：标题的锚点应写作“#%s”（空格换成“-”）", target.Src.Path, l.Anchor, slug)
			} else {
				diags.Errorf(p.Src.File, l.Line, "页面“%s”中没有锚点“#%s”：请检查条款号（如 #第十二条）或标题文字", target.Src.Path, l.Anchor)
			}
		}
	}
}
