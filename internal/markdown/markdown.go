// Package markdown turns one page's Markdown into HTML with goldmark and
// gathers what the rest of the site needs from it: the table of contents,
// the element ids, the plain text by heading and article (for search and
// excerpts) and the summary. Links are rewritten through a Resolver, so this
// package knows nothing of the site's URLs.
package markdown

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"djkb/internal/numerals"
)

// Options are the site-wide Markdown settings.
type Options struct {
	UnsafeHTML bool // let raw HTML through; off by default
}

// Converter renders Markdown; it is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// New returns a Converter with GFM, footnotes, definition lists and the CJK
// extension, so that a line break between Chinese characters never becomes a
// space.
func New(opts Options) *Converter {
	rendererOpts := []goldmark.Option{}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	// goldmark's own parser, but with the link reference definitions
	// looked for only where one can start.
	p := parser.NewParser(
		parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(util.Prioritized(linkRefDefinitions{}, 100)),
	)
	md := goldmark.New(append(rendererOpts,
		goldmark.WithParser(p),
		goldmark.WithExtensions(
			extension.GFM,
			extension.NewFootnote(extension.WithFootnoteIDPrefixFunction(footnotePrefix)),
			extension.DefinitionList,
			extension.NewCJK(extension.WithEastAsianLineBreaks(extension.EastAsianLineBreaksCSS3Draft), extension.WithEscapedSpace()),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)...)
	// Registered after GFM's, with a higher priority, so it wins.
	md.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(taskCheckBoxRenderer{}, 100),
		util.Prioritized(paragraphRenderer{}, 100),
	), html.WithWriter(newFastWriter())) // after the CJK extension's writer, so it wins
	return &Converter{md: md}
}

// linkRefDefinitions runs goldmark's transformer of link reference
// definitions ("[label]: /url") only on paragraphs that start with "[", as
// every definition does: it makes a block reader for each paragraph it is
// given, and next to no paragraph of a regulation starts with "[".
type linkRefDefinitions struct{}

func (linkRefDefinitions) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	if node.Lines().Len() == 0 {
		return
	}
	line := node.Lines().At(0)
	first := bytes.TrimLeft(line.Value(reader.Source()), " \t")
	if len(first) > 0 && first[0] == '[' {
		parser.LinkReferenceParagraphTransformer.Transform(node, reader, pc)
	}
}

// Resolver rewrites link and image destinations for the page being rendered.
type Resolver interface {
	// Link returns the destination to write for dest, found on the given
	// file line. ok = false removes the link (keeping its text) or the image.
	Link(dest string, line int, image bool) (out string, ok bool)
}

// Citer is a Resolver that also links citations in the text (《条例》第五条):
// for the text of a text node, found on the given file line, it returns
// the spans to make links, in order and not overlapping. text shares the
// page's source: Cite may read it only until it returns.
type Citer interface {
	Cite(text string, line int) []Cite
	// CiteLines are the file lines that hold citations to link, in
	// ascending order: Cite is asked only about text on them.
	CiteLines() []int
}

// Glosser is a Resolver that also links terms of the site's glossary in
// the text: for the text of a text node, it returns the spans to link, in
// order and not overlapping. Citations are linked first. text shares the
// page's source: Terms may read it only until it returns.
type Glosser interface {
	Terms(text string) []Cite
}

// Cite is a span of a text node to link: bytes Start to End, to Dest.
type Cite struct {
	Start, End int
	Dest       string
}

// Input is one page to convert.
type Input struct {
	Source        []byte
	FirstLine     int  // file line on which Source starts, for messages
	Articles      bool // give paragraphs that start "第X条" an anchor
	DropTitle     bool // drop the first "# " heading: the page shows its title itself
	Resolver      Resolver
	SummaryLength int // in characters, each Chinese character counting one
	// IDPrefix is put before every element id, so that several pages can
	// share one document (the printed digest) without clashing ids.
	IDPrefix string
}

// Heading is one entry of the table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Part is the plain text of the page from one heading or article to the next.
type Part struct {
	Anchor  string // element id, "" for the text before the first heading
	Heading string
	Text    string
}

// Result is a converted page.
type Result struct {
	HTML    string
	TOC     []Heading
	Anchors []string // every element id on the page, sorted
	Parts   []Part
	Summary string // plain text
}

// ArticleLabel returns "第十二条" when line starts an article, else "": up
// to three * or _ of bold or italic markup and ASCII spaces, then 第,
// numerals, 条, and perhaps 之 and numerals (第一百零一条之一). It runs on
// every paragraph of a regulation, so it is written out rather than left to
// a regular expression.
func ArticleLabel(line []byte) string {
	i := 0
	for i < len(line) && i < 3 && (line[i] == '*' || line[i] == '_') {
		i++
	}
	for i < len(line) && strings.IndexByte(" \t\n\f\r", line[i]) >= 0 {
		i++
	}
	start := i
	if !bytes.HasPrefix(line[i:], []byte("第")) {
		return ""
	}
	i += len("第")
	n := runWhile(line[i:], articleNumeral)
	if n == 0 || !bytes.HasPrefix(line[i+n:], []byte("条")) {
		return ""
	}
	i += n + len("条")
	if bytes.HasPrefix(line[i:], []byte("之")) {
		if n := runWhile(line[i+len("之"):], subArticleNumeral); n > 0 {
			i += len("之") + n
		}
	}
	return internLabel(line[start:i])
}

// commonLabels holds one copy of the labels most articles have, 第一条 to
// 第九百九十九条 (and 第1条 to 第999条): a build keeps a label for every
// article it reads, and a copy each made them the most numerous of the
// small objects the collector walks on every cycle.
var commonLabels = sync.OnceValue(func() map[string]string {
	const n = 999
	m := make(map[string]string, 2*n)
	for i := 1; i <= n; i++ {
		for _, l := range []string{"第" + numerals.Chinese(i) + "条", "第" + strconv.Itoa(i) + "条"} {
			m[l] = l
		}
	}
	return m
})

// internLabel returns the label written in b, the common copy when there
// is one.
func internLabel(b []byte) string {
	if l, ok := commonLabels()[string(b)]; ok {
		return l
	}
	return string(b)
}

// articleNumeral reports whether r may stand in an article's number
// (第一百零一条, 第101条): a switch rather than a search of a string of
// them, since ArticleLabel runs on every paragraph the site has.
func articleNumeral(r rune) bool {
	switch r {
	case '零', '〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '万':
		return true
	}
	return '0' <= r && r <= '9'
}

// subArticleNumeral reports whether r may stand after 之 (第一百零一条之一).
func subArticleNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十':
		return true
	}
	return false
}

// runOf returns the length in bytes of the run of characters of set that
// b starts with.
func runOf(b []byte, set string) int {
	return runWhile(b, func(r rune) bool { return strings.ContainsRune(set, r) })
}

// runWhile returns the length in bytes of the run of characters for which
// in is true that b starts with.
func runWhile(b []byte, in func(rune) bool) int {
	n := 0
	for n < len(b) {
		r, size := utf8.DecodeRune(b[n:])
		if r == utf8.RuneError || !in(r) {
			break
		}
		n += size
	}
	return n
}

// Convert renders one page.
func (c *Converter) Convert(in Input) (*Result, error) {
	ids := newIDs(in.IDPrefix)
	ctx := parser.NewContext(parser.WithIDs(ids))
	src := in.Source
	doc := c.md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	p := &page{in: in, src: src, ids: ids, res: &Result{}}
	p.transform(doc)
	if in.IDPrefix != "" {
		doc.(*ast.Document).AddMeta(prefixMetaKey, in.IDPrefix)
	}
	out := htmlWriter{articles: p.articles}
	out.Grow(len(src) + len(src)/4)
	if err := c.md.Renderer().Render(&out, src, doc); err != nil {
		return nil, err
	}
	p.res.HTML = out.String()
	for id := range ids.used {
		p.res.Anchors = append(p.res.Anchors, id)
	}
	sort.Strings(p.res.Anchors)
	return p.res, nil
}

// htmlWriter collects a page's HTML in a strings.Builder, which hands it
// over as a string without copying it. Being a util.BufWriter, it also
// spares the renderer a bufio.Writer of its own, and a copy, per page, and
// it hands paragraphRenderer the article anchors.
type htmlWriter struct {
	strings.Builder
	articles []articleAnchor // not yet rendered, in document order
}

func (w *htmlWriter) Available() int { return w.Cap() - w.Len() }
func (w *htmlWriter) Buffered() int  { return 0 }
func (w *htmlWriter) Flush() error   { return nil }

const prefixMetaKey = "djkb-id-prefix"

// footnotePrefix gives footnote ids the page's IDPrefix.
func footnotePrefix(n ast.Node) []byte {
	for ; n != nil; n = n.Parent() {
		if d, ok := n.(*ast.Document); ok {
			if p, ok := d.Meta()[prefixMetaKey].(string); ok {
				return []byte(p)
			}
			break
		}
	}
	return nil
}

// page is the state of one conversion.
type page struct {
	in         Input
	src        []byte
	ids        *ids
	res        *Result
	lineStarts []int
	articles   []articleAnchor
}

// transform walks the document once: it drops the title heading, anchors
// articles, rewrites links, and collects the table of contents, the parts
// and the summary.
func (p *page) transform(doc ast.Node) {
	if p.in.DropTitle {
		if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 {
			if id, ok := h.AttributeString("id"); ok {
				p.ids.free(string(id.([]byte)))
			}
			doc.RemoveChild(doc, h)
		}
	}
	var (
		parts   []Part
		cur     = &textWriter{}
		curPart = Part{}
		summary string
		more    bool
	)
	cur.b.Grow(len(p.src)) // plain text is rarely longer than its Markdown
	flush := func() {
		curPart.Text = cur.cut()
		if curPart.Text != "" || curPart.Anchor != "" {
			parts = append(parts, curPart)
		}
	}
	for n, next := doc.FirstChild(), ast.Node(nil); n != nil; n = next {
		next = n.NextSibling()
		switch b := n.(type) {
		case *ast.Heading:
			id := attrID(b)
			title := plainText(b, p.src)
			if b.Level <= 4 {
				p.res.TOC = append(p.res.TOC, Heading{Level: b.Level, ID: id, Text: title})
			}
			flush()
			curPart = Part{Anchor: id, Heading: title}
			continue
		case *ast.Paragraph:
			if p.in.Articles && b.Lines().Len() > 0 {
				first := b.Lines().At(0)
				if label := ArticleLabel(first.Value(p.src)); label != "" {
					id := p.ids.unique(label)
					p.articles = append(p.articles, articleAnchor{b, id})
					flush()
					curPart = Part{Anchor: id, Heading: label}
				}
			}
		case *ast.HTMLBlock:
			if !more && isMoreMarker(b, p.src) {
				more = true
				summary = joinParts(append(parts, Part{Text: cur.text()}), -1)
				doc.RemoveChild(doc, b)
				continue
			}
		}
		cur.add(n, p.src)
		cur.newline()
	}
	flush()
	p.res.Parts = parts
	if !more {
		summary = truncate(joinParts(parts, p.in.SummaryLength+1), p.in.SummaryLength)
	}
	p.res.Summary = summary
	p.rewriteLinks(doc)
}

func attrID(n ast.Node) string {
	if v, ok := n.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			return string(b)
		}
	}
	return ""
}

func isMoreMarker(b *ast.HTMLBlock, src []byte) bool {
	var raw []byte
	for i := range b.Lines().Len() {
		seg := b.Lines().At(i)
		raw = append(raw, seg.Value(src)...)
	}
	return strings.TrimSpace(string(raw)) == "<!--more-->"
}

// joinParts joins the texts of parts with spaces, stopping once it holds
// at least limit characters (no limit when negative): a summary needs only
// the start of a long regulation.
func joinParts(parts []Part, limit int) string {
	var b strings.Builder
	runes := 0
	for _, p := range parts {
		if p.Text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		text := p.Text
		if limit >= 0 && len(text) > 4*limit {
			text = text[:4*limit] // a character is at most 4 bytes
		}
		b.WriteString(strings.ReplaceAll(text, "\n", " "))
		runes += utf8.RuneCountInString(text)
		if limit >= 0 && runes >= limit {
			break
		}
	}
	return strings.ToValidUTF8(b.String(), "")
}

// truncate cuts s to at most n characters, ending with "…" when cut.
func truncate(s string, n int) string {
	if n <= 0 || utf8.RuneCountInString(s) <= n {
		return s
	}
	i, count := 0, 0
	for i = range s {
		if count == n {
			break
		}
		count++
	}
	return strings.TrimSpace(s[:i]) + "…"
}

// rewriteLinks sends every link and image destination through the resolver.
func (p *page) rewriteLinks(doc ast.Node) {
	var drop []ast.Node
	var links []*ast.Link
	var texts []*ast.Text // where citations may be linked
	citer, cites := p.in.Resolver.(Citer)
	var citeLines []int
	if cites {
		citeLines = citer.CiteLines()
		cites = len(citeLines) > 0
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if l, ok := n.(*ast.Link); ok {
			links = append(links, l)
		}
		if p.in.Resolver == nil {
			return ast.WalkContinue, nil
		}
		switch l := n.(type) {
		case *ast.Text:
			if cites && citable(l) {
				texts = append(texts, l)
			}
		case *ast.Link:
			out, ok := p.in.Resolver.Link(string(l.Destination), p.destLine(l, l.Destination), false)
			if !ok {
				drop = append(drop, l)
			}
			l.Destination = []byte(out)
		case *ast.Image:
			out, ok := p.in.Resolver.Link(string(l.Destination), p.destLine(l, l.Destination), true)
			if !ok {
				drop = append(drop, l)
			}
			l.Destination = []byte(out)
		case *ast.AutoLink:
			if l.AutoLinkType == ast.AutoLinkURL {
				url := l.URL(p.src)
				if _, ok := p.in.Resolver.Link(string(url), p.destLine(l, url), false); !ok {
					drop = append(drop, l)
				}
			}
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		p.linkCitations(citer, citeLines, t)
	}
	if g, ok := p.in.Resolver.(Glosser); ok {
		p.linkTerms(g, doc)
	}
	for _, n := range drop {
		parent := n.Parent()
		if _, isImage := n.(*ast.Image); !isImage {
			for c := n.FirstChild(); c != nil; {
				next := c.NextSibling()
				parent.InsertBefore(parent, n, c)
				c = next
			}
			if al, ok := n.(*ast.AutoLink); ok {
				parent.InsertBefore(parent, n, ast.NewString(al.Label(p.src)))
			}
		}
		parent.RemoveChild(parent, n)
	}
	for _, l := range links {
		if l.Parent() != nil {
			p.punctuationOut(l)
		}
	}
}

// Full-width punctuation whose glyph is half blank: an underline under it
// overhangs the text, so links leave it outside.
const (
	openingPunct = "《〈「『“‘（【〔〖"
	closingPunct = "》〉」』”’）】〕〗，。、；：！？"
)

// punctuationOut moves the full-width brackets, quotation marks and stops
// that start or end a link's text out of the link: [《条例》](…) renders as
// 《<a>条例</a>》. A link made only of them keeps them.
func (p *page) punctuationOut(l *ast.Link) {
	for c := l.FirstChild(); ; c = c.NextSibling() {
		if c == nil {
			return // nothing but punctuation
		}
		t, ok := c.(*ast.Text)
		if !ok {
			break
		}
		v := t.Segment.Value(p.src)
		if runOf(v, openingPunct+closingPunct) < len(v) {
			break
		}
	}
	parent := l.Parent()
	if t, ok := l.FirstChild().(*ast.Text); ok {
		seg := t.Segment
		if n := runOf(seg.Value(p.src), openingPunct); n == seg.Len() {
			l.RemoveChild(l, t)
			parent.InsertBefore(parent, l, t)
		} else if n > 0 {
			parent.InsertBefore(parent, l, ast.NewTextSegment(seg.WithStop(seg.Start+n)))
			t.Segment = seg.WithStart(seg.Start + n)
		}
	}
	if t, ok := l.LastChild().(*ast.Text); ok {
		seg := t.Segment
		if n := runOfLast(seg.Value(p.src), closingPunct); n == seg.Len() {
			l.RemoveChild(l, t)
			parent.InsertAfter(parent, l, t)
		} else if n > 0 {
			parent.InsertAfter(parent, l, ast.NewTextSegment(seg.WithStart(seg.Stop-n)))
			t.Segment = seg.WithStop(seg.Stop - n)
		}
	}
}

// runOfLast returns the length in bytes of the run of characters of set
// that b ends with.
func runOfLast(b []byte, set string) int {
	n := 0
	for n < len(b) {
		r, size := utf8.DecodeLastRune(b[:len(b)-n])
		if r == utf8.RuneError || !strings.ContainsRune(set, r) {
			break
		}
		n += size
	}
	return n
}

// destLine returns the file line on which the destination of link n is
// written: where it follows the link's text, or else where the link starts
// (the "[" or "<"). A reference link is reported where it is used.
func (p *page) destLine(n ast.Node, dest []byte) int {
	off := n.Pos()
	if off < 0 { // not set by the parser: the first line of the block
		for b := n; b != nil; b = b.Parent() {
			if b.Type() == ast.TypeBlock && b.Lines().Len() > 0 {
				off = b.Lines().At(0).Start
				break
			}
		}
		return p.lineAt(off)
	}
	if l, ok := n.(*ast.Link); ok && l.Reference != nil {
		return p.lineAt(off)
	}
	// Between the end of the text and the destination stand only markup,
	// spaces and at most one line break with its indent or "> ".
	from := min(max(off, lastTextEnd(n)), len(p.src))
	if i := bytes.Index(p.src[from:min(len(p.src), from+destWindow+len(dest))], dest); i >= 0 && len(dest) > 0 {
		off = from + i
	}
	return p.lineAt(off)
}

const destWindow = 32

// lastTextEnd returns the offset just after the last text inside n, or -1.
func lastTextEnd(n ast.Node) int {
	end := -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			end = t.Segment.Stop
		}
		return ast.WalkContinue, nil
	})
	return end
}

// lineAt returns the file line of byte offset off of the page's source.
func (p *page) lineAt(off int) int {
	if off < 0 {
		return p.in.FirstLine
	}
	if p.lineStarts == nil {
		p.lineStarts = make([]int, 1, bytes.Count(p.src, []byte{'\n'})+1)
		for i := 0; ; {
			j := bytes.IndexByte(p.src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			p.lineStarts = append(p.lineStarts, i)
		}
	}
	line := sort.SearchInts(p.lineStarts, off+1) - 1
	return p.in.FirstLine + line
}

// citable reports whether a text node may hold a citation to link: not
// in a link, code or a heading.
func citable(t *ast.Text) bool {
	for n := t.Parent(); n != nil; n = n.Parent() {
		switch n.(type) {
		case *ast.Link, *ast.Image, *ast.AutoLink, *ast.CodeSpan, *ast.Heading:
			return false
		}
		if n.Type() == ast.TypeBlock {
			return true
		}
	}
	return true
}

// linkCitations splits a text node around the citations the Citer links.
func (p *page) linkCitations(c Citer, lines []int, t *ast.Text) {
	value := t.Segment.Value(p.src)
	if len(value) < len("第一条") {
		return
	}
	line := p.lineAt(t.Segment.Start)
	if _, ok := slices.BinarySearch(lines, line); ok {
		p.linkSpans(t, c.Cite(borrow(value), line), "cite")
	}
}

// linkTerms links the glossary terms the Glosser finds in the text nodes
// that are not in a link, code or heading, in reading order.
func (p *page) linkTerms(g Glosser, doc ast.Node) {
	var texts []*ast.Text
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*ast.Text); ok && entering && citable(t) {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		if spans := g.Terms(borrow(t.Segment.Value(p.src))); len(spans) > 0 {
			p.linkSpans(t, spans, "term")
		}
	}
}

// linkSpans splits a text node around spans, each becoming a link of the
// class given.
func (p *page) linkSpans(t *ast.Text, spans []Cite, class string) {
	if len(spans) == 0 {
		return
	}
	seg := t.Segment
	value := seg.Value(p.src)
	parent := t.Parent()
	at := 0
	piece := func(from, to int) *ast.Text {
		n := ast.NewTextSegment(text.NewSegment(seg.Start+from, seg.Start+to))
		parent.InsertBefore(parent, t, n)
		return n
	}
	for _, s := range spans {
		if s.Start < at || s.End > len(value) || s.End <= s.Start {
			continue
		}
		if s.Start > at {
			piece(at, s.Start)
		}
		l := ast.NewLink()
		l.Destination = []byte(s.Dest)
		l.SetAttributeString("class", []byte(class))
		l.AppendChild(l, ast.NewTextSegment(text.NewSegment(seg.Start+s.Start, seg.Start+s.End)))
		parent.InsertBefore(parent, t, l)
		p.punctuationOut(l) // 《条例》 underlines only 条例
		at = s.End
	}
	t.Segment = text.NewSegment(seg.Start+at, seg.Stop)
	if at == len(value) && !t.SoftLineBreak() && !t.HardLineBreak() {
		parent.RemoveChild(parent, t)
	}
}

// borrow returns b as a string without copying it, for the Citer and the
// Glosser, which read the text of every text node but keep none of it: a
// copy of each was most of what linking terms allocated. b must not
// change while the string is read, and the page's source never does.
func borrow(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
