package site

import (
	"html/template"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"djkb/internal/citation"
	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/fphash"
	"djkb/internal/markdown"
	"djkb/internal/parallel"
	"djkb/internal/revision"
)

// Cite is a citation in a page's text that resolves to a page of the site
// (and an article of it): found in the model stage, linked by the convert
// stage (Linker.Cite) and counted for the cited page's 被引用.
type Cite struct {
	Line   int
	Text   string // the text that becomes the link, as the Markdown has it
	Target *Page
	Anchor string // 第十二条, "" for the page itself
}

// CitedBy is one page citing an article, or the whole page (Anchor "").
type CitedBy struct {
	Anchor string
	Pages  []*Page
}

// CitedByShown bounds the pages a cited page lists under one article,
// newest first: a document cited in thousands of pages would otherwise
// carry them all. Where a list is cut, the page's full list
// (CitedByURL) has the rest.
const CitedByShown = 10

// CitedByDir is the folder, below a page's URL, of its full 被引用 list.
const CitedByDir = "被引用/"

// Shown is the citing pages the cited page itself lists under the
// article: the first CitedByShown.
func (c CitedBy) Shown() []*Page { return c.Pages[:min(len(c.Pages), CitedByShown)] }

// Cut reports whether the article's list on the cited page is cut.
func (c CitedBy) Cut() bool { return len(c.Pages) > CitedByShown }

// CitedByURL is the site-relative URL of the page's full 被引用 list, ""
// when each of its lists is short enough to show whole.
func (p *Page) CitedByURL() string { return p.cutURL }

// citesPage reports whether the page's text cites target: whether it is
// in one of target's 被引用 lists.
func (p *Page) citesPage(target *Page) bool {
	return slices.ContainsFunc(p.cites, func(c Cite) bool { return c.Target == target })
}

// Unlisted returns the pages of list that the page's footer has not
// listed already: the cases that apply it and the pages that cite it.
func (p *Page) Unlisted(list []*Page) []*Page {
	var out []*Page
	for _, q := range list {
		if !q.citesPage(p) && !slices.Contains(p.Cases, q) {
			out = append(out, q)
		}
	}
	return out
}

// citeAliases are names staff use for documents whose titles say more.
var citeAliases = map[string]string{"党章": "中国共产党章程"}

// CiteKey is the form of a title citations are matched by: TitleKey,
// without a leading 中华人民共和国 or 中国共产党, so that 《公务员法》 and
// 《中华人民共和国公务员法》, 《纪律处分条例》 and 《中国共产党纪律处分条例》
// meet.
func CiteKey(title string) string {
	if full, ok := citeAliases[title]; ok {
		title = full
	}
	k := TitleKey(title)
	for _, p := range []string{"中华人民共和国", "中国共产党"} {
		if rest := strings.TrimPrefix(k, p); rest != "" {
			k = rest
		}
	}
	return k
}

// citeIndex is what citations resolve against, built in the model stage.
type citeIndex struct {
	byKey    map[string][]*Page // CiteKey → regulations, newest first
	byDocNo  map[string]*Page   // normalised 文号 → page
	articles map[*Page][]string // regulation → its article labels, in order
	sorted   map[*Page][]string // the same, sorted
	entry    map[*Page]*srcEntry
	exact    map[*Page]string // regulation → its title as compared (revision.Key)
}

// buildCitations finds the citations of every page, resolves them, and
// records what cites each regulation. Citations whose document is known
// but whose article is not are reported: the editor has the number wrong.
// Documents the knowledge base does not hold are the clean-up report's
// (check 4), not a build warning.
func (s *Site) buildCitations(diags *diag.List) {
	idx := &citeIndex{byKey: map[string][]*Page{}, byDocNo: map[string]*Page{}, articles: map[*Page][]string{}, sorted: map[*Page][]string{}, exact: map[*Page]string{}}
	es := entries(s.Pages)
	defer publish(s.Pages, es)
	isReg := func(p *Page) bool { return p.Kind == content.KindRegulation && p.Reg() != nil }
	// A chapter of a document kept in several files may have no front
	// matter, but holds the document's articles.
	hasArticles := func(p *Page) bool { return isReg(p) || p.Document != nil }
	parallel.Each(len(s.Pages), func(i int) { es[i].read(s.Pages[i].Src) })
	idx.entry = make(map[*Page]*srcEntry, len(s.Pages))
	for i, p := range s.Pages {
		idx.entry[p] = es[i]
		if !hasArticles(p) {
			continue
		}
		idx.articles[p], idx.sorted[p] = es[i].articleLabels(p.Src)
		if !isReg(p) {
			continue
		}
		k, exact := es[i].titleKeys(p.Title)
		idx.exact[p] = exact
		idx.byKey[k] = append(idx.byKey[k], p)
		if d := p.Reg().DocNumber; d != "" {
			idx.byDocNo[citation.NormalDocNumber(d)] = p
		}
	}
	for _, list := range idx.byKey {
		sortByDate(list)
	}
	env := idx.env(s.Pages)
	all := make([]*resolution, len(s.Pages))
	parallel.Each(len(s.Pages), func(i int) {
		p, e := s.Pages[i], es[i]
		if r := e.resolved; r != nil && r.env == env && idx.depsAsWere(r.deps, s.byPath) {
			all[i] = r
			return
		}
		all[i] = idx.resolveAll(p, e.citations(p.Src))
		all[i].env = env
		e.resolved = all[i]
	})
	for i, p := range s.Pages {
		p.cites = all[i].bind(s.byPath)
		p.citesHash = all[i].hash
		for _, b := range all[i].bad {
			diags.Warnf(p.Src.File, b.line, "%s：请核对条号；引用的文件中没有这一条，因此没有加链接", b.msg)
		}
	}
	cg := citeGroups(s.Pages)
	last := citedByCache.last()
	made := make([]*citedByEntry, len(s.Pages))
	parallel.Each(len(s.Pages), func(t int) {
		if len(cg.of(t)) > 0 {
			made[t] = s.citedByOf(s.Pages[t], cg, idx.entry[s.Pages[t]], last)
		}
	})
	keepCitedBy(s.Pages, made)
	s.citeData(idx, all, env, cg)
}

// citeGroup is a site's citations grouped by the page they cite: for
// each page (by its place in Site.Pages), the citations of it in the
// order of the citing pages, then of their text.
type citeGroup struct {
	start   []int32 // the citations of page t are cites[start[t]:start[t+1]]
	cites   []groupedCite
	sortKey []uint64 // of each citing page, for citedByKey
}

type groupedCite struct {
	from   int32 // the citing page's place in Site.Pages
	anchor string
}

func (g *citeGroup) of(t int) []groupedCite { return g.cites[g.start[t]:g.start[t+1]] }

// citeGroups groups the pages' citations (bound) by the page they cite;
// each page's place is set first.
func citeGroups(pages []*Page) *citeGroup {
	for i, p := range pages {
		p.place = i
	}
	g := &citeGroup{start: make([]int32, len(pages)+1), sortKey: make([]uint64, len(pages))}
	for i, p := range pages {
		if len(p.cites) > 0 && keep.Load() {
			g.sortKey[i] = sortKey(p)
		}
		for _, c := range p.cites {
			g.start[c.Target.place+1]++
		}
	}
	for t := range pages {
		g.start[t+1] += g.start[t]
	}
	g.cites = make([]groupedCite, g.start[len(pages)])
	next := slices.Clone(g.start[:len(pages)])
	for i, p := range pages {
		for _, c := range p.cites {
			t := c.Target.place
			g.cites[next[t]] = groupedCite{int32(i), c.Anchor}
			next[t]++
		}
	}
	return g
}

// citedByEntry is a page's 被引用 as djkb serve keeps it between builds:
// the lists with the citing pages by place, and the fingerprint of what
// they were made of (citedByKey).
type citedByEntry struct {
	key   uint64
	lists []citedByList
}

type citedByList struct {
	anchor string
	from   []int32
}

// citedByCache keeps the last build's 被引用 of each cited page, by path.
var citedByCache kept[map[string]*citedByEntry]

func keepCitedBy(pages []*Page, made []*citedByEntry) {
	if !keep.Load() {
		return
	}
	next := make(map[string]*citedByEntry, len(made))
	for t, e := range made {
		if e != nil {
			next[pages[t].Src.Path] = e
		}
	}
	citedByCache.store(next)
}

// citedByKey fingerprints what the 被引用 of page t is made of: the page's
// file (the order of its articles), and each citation of it, with the
// citing page's place and what sortPages orders it by (g.sortKey).
func citedByKey(pages []*Page, t int, g *citeGroup) uint64 {
	var h fphash.Hash
	fphash.WriteComparable(&h, pages[t].Src.Hash)
	fphash.WriteComparable(&h, t)
	for _, c := range g.of(t) {
		fphash.WriteComparable(&h, c.from)
		fphash.WriteComparable(&h, g.sortKey[c.from])
		writeStrings(&h, c.anchor)
	}
	return h.Sum64()
}

// sortKey fingerprints what sortPages orders a page by.
func sortKey(p *Page) uint64 {
	var h fphash.Hash
	fphash.WriteComparable(&h, p.Src.Meta.Weight)
	fphash.WriteComparable(&h, p.Date.UnixNano())
	writeStrings(&h, p.Title, p.Src.Path)
	return h.Sum64()
}

// citedByOf sets the 被引用 of p (at place t), and the pages that cite it
// among its referrers: the lists of the last build where their key is the
// same, else made afresh. It returns them for the next build.
func (s *Site) citedByOf(p *Page, g *citeGroup, e *srcEntry, kept map[string]*citedByEntry) *citedByEntry {
	t := p.place
	cites := g.of(t)
	var key uint64
	if keep.Load() { // djkb serve
		key = citedByKey(s.Pages, t, g)
	}
	made := kept[p.Src.Path]
	if made == nil || made.key != key {
		made = &citedByEntry{key: key, lists: makeCitedBy(s.Pages, cites, e)}
	}
	p.citedBy = make([]CitedBy, len(made.lists))
	for i, l := range made.lists {
		c := CitedBy{Anchor: l.anchor, Pages: make([]*Page, len(l.from))}
		for j, q := range l.from {
			c.Pages[j] = s.Pages[q]
		}
		if c.Cut() {
			p.cutURL = p.URL + CitedByDir
		}
		p.citedBy[i] = c
	}
	// The citing pages are referrers too, in the order of the pages.
	known, last := len(p.ReferencedBy), int32(-1)
	for _, c := range cites {
		if q := s.Pages[c.from]; c.from != last && q != p && !slices.Contains(p.ReferencedBy[:known], q) {
			p.ReferencedBy = append(p.ReferencedBy, q)
		}
		last = c.from
	}
	return made
}

// makeCitedBy makes the 被引用 lists of a page from its citations: one
// list for the whole document, then one per article in the order of the
// text (e's positions), each list's pages in list order.
func makeCitedBy(pages []*Page, cites []groupedCite, e *srcEntry) []citedByList {
	var out []CitedBy
	at := map[string]int{}
	for _, c := range cites {
		i, ok := at[c.anchor]
		if !ok {
			i = len(out)
			at[c.anchor] = i
			out = append(out, CitedBy{Anchor: c.anchor})
		}
		list := &out[i]
		if n := len(list.Pages); n == 0 || list.Pages[n-1] != pages[c.from] {
			list.Pages = append(list.Pages, pages[c.from])
		}
	}
	for _, c := range out {
		if len(c.Pages) > 1 {
			sortPages(c.Pages)
		}
	}
	if len(out) > 1 {
		sortCitedBy(out, e.positions())
	}
	lists := make([]citedByList, len(out))
	for i, c := range out {
		l := citedByList{anchor: c.Anchor, from: make([]int32, len(c.Pages))}
		for j, q := range c.Pages {
			l.from[j] = int32(q.place)
		}
		lists[i] = l
	}
	return lists
}

// sortCitedBy puts the whole document first, then the articles in the
// order of the text.
func sortCitedBy(cs []CitedBy, at map[string]int) {
	type placed struct {
		at int
		c  CitedBy
	}
	ps := make([]placed, len(cs))
	for i, c := range cs {
		ps[i] = placed{-1, c}
		if j, ok := at[c.Anchor]; ok && c.Anchor != "" {
			ps[i].at = j
		}
	}
	slices.SortStableFunc(ps, func(a, b placed) int { return a.at - b.at })
	for i, p := range ps {
		cs[i] = p.c
	}
}

// CitedBy lists, article by article, the pages whose text cites this one
// (Anchor "" for citations of the whole document).
func (p *Page) CitedBy() []CitedBy { return p.citedBy }

type badCite struct {
	line int
	msg  string
}

// mdLinkRe finds the links an editor wrote: their text is theirs.
var mdLinkRe = regexp.MustCompile(`!?\[[^\]]*\]\([^)]*\)`)

// found is a citation as the scan found it, before resolving: its text
// and the match, with offsets into that text.
type found struct {
	line    int
	article string // the article being read, for 前条
	text    string
	m       citation.Match
	// Title, Abbrev: the cited title's CiteKey and revision.Key, made
	// once with the scan, which djkb serve keeps.
	key, exact string
}

// keep is set by djkb serve's session: only a process that builds the
// same site again keeps the caches below, which a one-shot build would
// only have to carry (and its garbage collector to scan).
var keep atomic.Bool

// KeepBetweenBuilds makes the model keep, from one build to the next,
// what it derives from each unchanged file alone.
func KeepBetweenBuilds() { keep.Store(true) }

// ForgetKept drops what the model kept: the next build derives everything
// afresh, as after a change of the site's configuration or layouts.
func ForgetKept() {
	srcCache.forget()
	compareCache.forget()
	citedByCache.forget()
	outputsCache.forget()
	valuesCache.forget()
}

// srcCache keeps, by source, what the model derives from one file's text
// alone: its citations as found, its article labels, title keys and
// popover texts; and its citations as resolved, with what they held for
// (resolution). djkb serve builds the model after every edit, and most
// files are unchanged; each build keeps only the entries of its own files.
var srcCache kept[map[*content.Source]*srcEntry]

type srcEntry struct {
	hash     uint64
	scanned  bool
	found    []found
	labels   []string          // the article labels, with found
	sorted   []string          // nil until asked for
	at       map[string]int    // label → place, nil until asked for
	previews map[string]string // article → text for a popover, nil until asked for
	citeJSON template.JS       // the page's popover data, for citeSum
	citeSum  uint64
	resolved *resolution // the page's citations, nil until resolved
	// The title's CiteKey and revision.Key, when keyed.
	citeKey, exact string
	keyed          bool
}

// entries returns each page's entry: the last build's where the file is
// unchanged, else an empty one. publish keeps them for the next build.
func entries(pages []*Page) []*srcEntry {
	old := srcCache.last()
	out := make([]*srcEntry, len(pages))
	for i, p := range pages {
		if e := old[p.Src]; e != nil && e.hash == p.Src.Hash {
			out[i] = e
		} else {
			out[i] = &srcEntry{hash: p.Src.Hash}
		}
	}
	return out
}

func publish(pages []*Page, es []*srcEntry) {
	if !keep.Load() {
		return
	}
	next := make(map[*content.Source]*srcEntry, len(pages))
	for i, p := range pages {
		next[p.Src] = es[i]
	}
	srcCache.store(next)
}

// read scans the page's file, once, for its citations and the labels of
// its articles.
func (e *srcEntry) read(src *content.Source) {
	if !e.scanned {
		e.found, e.labels = scan(src)
		e.scanned = true
	}
}

func (e *srcEntry) citations(src *content.Source) []found {
	e.read(src)
	return e.found
}

// titleKeys returns the CiteKey and the revision.Key of the page's title,
// made once.
func (e *srcEntry) titleKeys(title string) (string, string) {
	if !e.keyed {
		e.citeKey, e.exact, e.keyed = CiteKey(title), revision.Key(title), true
	}
	return e.citeKey, e.exact
}

// articleLabels returns the labels of the page's articles, in order (the
// anchors are the first of a repeated number), and sorted.
func (e *srcEntry) articleLabels(src *content.Source) ([]string, []string) {
	e.read(src)
	if e.sorted == nil && len(e.labels) > 0 {
		e.sorted = slices.Sorted(slices.Values(e.labels))
	}
	return e.labels, e.sorted
}

// positions maps the page's article labels to their place in the text
// (the first of a repeated number); articleLabels has been called.
func (e *srcEntry) positions() map[string]int {
	if e.at == nil {
		e.at = make(map[string]int, len(e.labels))
		for i, l := range slices.Backward(e.labels) {
			e.at[l] = i
		}
	}
	return e.at
}

// previewsOf makes, once each, the text of the page's cited articles as a
// popover shows it; most articles are never cited.
// A version of a chain has its articles split already (arts).
func (e *srcEntry) previewsOf(src *content.Source, labels []string, arts []revision.Article) {
	missing := map[string]bool{}
	for _, l := range labels {
		if _, ok := e.previews[l]; !ok {
			missing[l] = true
		}
	}
	if len(missing) == 0 {
		return
	}
	if e.previews == nil {
		e.previews = map[string]string{}
	}
	if arts == nil {
		arts = revision.SplitSome(src.Body(), func(l string) bool { return missing[l] })
	}
	for _, a := range arts {
		if missing[a.Label] { // the first of a repeated number
			e.previews[a.Label] = clipRunes(a.Text, maxPreview)
			delete(missing, a.Label)
		}
	}
	for l := range missing {
		e.previews[l] = ""
	}
}

// scan reads a page's Markdown line by line for citations and for the
// labels of its articles, in one pass: a line that starts an article,
// after spaces, is its anchor, in code too, not in a quotation.
func scan(src *content.Source) ([]found, []string) {
	body := src.Body()
	if body == nil {
		return nil, nil
	}
	// The body as a string without copying it: it does not change while
	// the model is built, and what the scan keeps it copies (rebase).
	all := unsafe.String(unsafe.SliceData(body), len(body))
	var sc citation.Scanner
	var out []found
	var labels []string
	article, fence := "", false
	line := src.BodyLine - 1
	for at := 0; at < len(all); {
		end := strings.IndexByte(all[at:], '\n')
		if end < 0 {
			end = len(all)
		} else {
			end += at
		}
		raw := all[at:end]
		start := end - len(strings.TrimLeft(raw, " \t"))
		label := markdown.ArticleLabel(body[start:end]) // an article's anchor
		if label != "" {
			labels = append(labels, label)
		}
		at = end + 1
		line++
		text := strings.TrimLeft(raw, " \t>")
		if strings.HasPrefix(text, "```") || strings.HasPrefix(text, "~~~") {
			fence = !fence
			continue
		}
		if fence || strings.HasPrefix(text, "#") || len(text) == 0 {
			continue
		}
		if end-len(text) != start { // after > in a quotation, not an anchor
			label = markdown.ArticleLabel(body[end-len(text) : end])
		}
		skipFirst := false
		if label != "" {
			article, skipFirst = label, true
		}
		ms := sc.Scan(text)
		if len(ms) == 0 {
			continue
		}
		var links [][]int
		if strings.Contains(text, "](") {
			links = mdLinkRe.FindAllStringIndex(text, -1)
		}
		for _, m := range ms {
			if skipFirst && m.Start == strings.Index(text, "第") && m.Kind == citation.Self && m.Word == "第" {
				continue // the article's own number
			}
			if inLink(links, m.Start, m.End) || !linkable(m, article) {
				continue
			}
			// A copy, and keys made of the copy: the text itself can go.
			f := found{line: line, article: article, text: strings.Clone(text[m.Start:m.End]), m: rebase(m)}
			if m.Kind == citation.Title || m.Kind == citation.Abbrev {
				f.key, f.exact = CiteKey(f.m.Title), revision.Key(f.m.Title)
			}
			out = append(out, f)
		}
	}
	return out, labels
}

// rebase makes a match's offsets relative to its own text, and its
// strings copies: the text they are parts of is the file's, which a build
// lets go once converted.
func rebase(m citation.Match) citation.Match {
	d := m.Start
	m.Start, m.End = 0, m.End-d
	if m.TitleEnd > 0 {
		m.TitleEnd -= d
	}
	m.Title, m.Word, m.DocNumber, m.Issuer = strings.Clone(m.Title), strings.Clone(m.Word), strings.Clone(m.DocNumber), strings.Clone(m.Issuer)
	arts := make([]citation.Article, len(m.Articles))
	for i, a := range m.Articles {
		a.Start, a.End = a.Start-d, a.End-d
		a.Label = strings.Clone(a.Label)
		arts[i] = a
	}
	m.Articles = arts
	return m
}

// resolution is a page's citations as resolved, kept by djkb serve with
// the page's entry: it holds while the page's file, the citation
// environment (citeIndex.env) and the article numbers of each page it
// cites (deps) are as they were.
type resolution struct {
	env   uint64
	cites []Cite // without Target: bind finds it by paths[i]
	paths []string
	bad   []badCite
	deps  []dep
	hash  uint64 // citesHash of the cites
}

// dep is a page whose article numbers a resolution read.
type dep struct {
	path   string
	labels []string
}

// bind returns the citations with their targets among the pages of this
// build.
func (r *resolution) bind(byPath map[string]*Page) []Cite {
	if len(r.cites) == 0 {
		return nil
	}
	out := slices.Clone(r.cites)
	for i := range out {
		out[i].Target = byPath[r.paths[i]]
	}
	return out
}

// depsAsWere reports whether the pages a resolution read still have the
// article numbers it read.
func (idx *citeIndex) depsAsWere(deps []dep, byPath map[string]*Page) bool {
	for _, d := range deps {
		p := byPath[d.path]
		if p == nil {
			return false
		}
		if now := idx.articles[p]; !sameSlice(now, d.labels) && !slices.Equal(now, d.labels) {
			return false
		}
	}
	return true
}

// sameSlice reports whether a and b are one slice: an unchanged file's
// entry keeps its labels.
func sameSlice(a, b []string) bool {
	return len(a) == len(b) && unsafe.SliceData(a) == unsafe.SliceData(b)
}

// env fingerprints what resolving citations reads of the site besides
// the citing page's own file and the cited pages' article numbers: each
// page with articles, its address, title, 文号, dates, status, version
// chain and chapters.
func (idx *citeIndex) env(pages []*Page) uint64 {
	var h fphash.Hash
	for _, p := range pages {
		if _, ok := idx.articles[p]; !ok {
			continue
		}
		writeStrings(&h, p.Src.Path, p.URL, string(p.Kind), p.Title, p.PresumedStatus())
		fphash.WriteComparable(&h, p.Date)
		fphash.WriteComparable(&h, Start(p))
		if r := p.Reg(); r != nil {
			writeStrings(&h, r.DocNumber)
		}
		if c := p.Chain; c != nil {
			writeStrings(&h, c.Versions[0].Src.Path)
			fphash.WriteComparable(&h, c.Index(p))
		}
		for _, ch := range p.Chapters {
			writeStrings(&h, ch.Src.Path)
		}
		h.WriteByte(1)
	}
	return h.Sum64()
}

// resolveAll resolves the citations a page's scan found.
func (idx *citeIndex) resolveAll(p *Page, fs []found) *resolution {
	r := &resolution{}
	for _, f := range fs {
		c, b := idx.resolve(p, f, &r.deps)
		r.cites = append(r.cites, c...)
		r.bad = append(r.bad, b...)
	}
	r.hash = citesHash(r.cites)
	for i := range r.cites {
		r.paths = append(r.paths, r.cites[i].Target.Src.Path)
		r.cites[i].Target = nil // kept, it would keep this build's pages
	}
	return r
}

// linkable reports whether a match can become a link on any page: not
// 本法 without an article, nor 本条 or 前款, the text the reader is at;
// 前条 only within an article. Most matches are these, and the scan
// keeps none of them.
func linkable(m citation.Match, article string) bool {
	switch m.Kind {
	case citation.Self:
		return len(m.Articles) > 0
	case citation.Near:
		return m.Word == "前条" && article != ""
	}
	return true
}

func inLink(links [][]int, start, end int) bool {
	for _, l := range links {
		if start < l[1] && end > l[0] {
			return true
		}
	}
	return false
}

// resolve turns a match into the citations to link; nothing that does not
// resolve is linked.
// The pages whose article numbers it reads go to deps.
func (idx *citeIndex) resolve(from *Page, f found, deps *[]dep) ([]Cite, []badCite) {
	m, text, article, line := f.m, f.text, f.article, f.line
	if !linkable(m, article) {
		return nil, nil
	}
	var target *Page
	name := ""
	switch m.Kind {
	case citation.Title, citation.Abbrev:
		target = idx.version(from, f.key, f.exact)
		name = "《" + m.Title + "》"
	case citation.Self:
		if from.Kind != content.KindRegulation {
			return nil, nil
		}
		target, name = from, "本文件"
	case citation.Near: // 前条
		labels := idx.articles[from]
		*deps = idx.addDep(*deps, from)
		if i := slices.Index(labels, article); i > 0 {
			return []Cite{{Line: line, Text: text[m.Start:m.End], Target: from, Anchor: labels[i-1]}}, nil
		}
		return nil, nil
	case citation.DocNumber:
		for i := 0; i < len(m.Issuer); {
			if p := idx.byDocNo[citation.NormalDocNumber(text[m.Start+i:m.End])]; p != nil && p != from {
				return []Cite{{Line: line, Text: text[m.Start+i : m.End], Target: p}}, nil
			}
			_, size := utf8.DecodeRuneInString(m.Issuer[i:])
			i += size
		}
		return nil, nil
	}
	if target == nil {
		return nil, nil
	}
	if len(m.Articles) == 0 {
		if target == from {
			return nil, nil
		}
		end := m.End
		if m.TitleEnd > 0 {
			end = m.TitleEnd // not the 简称 it defines
		}
		return []Cite{{Line: line, Text: text[m.Start:end], Target: target}}, nil
	}
	*deps = idx.addDep(*deps, target)
	for _, ch := range target.Chapters {
		*deps = idx.addDep(*deps, ch)
	}
	var out []Cite
	var bad []badCite
	for _, a := range m.Articles {
		holder := idx.holder(target, a.Label)
		if holder == nil {
			if target != from { // 本法第五百条 in a law copied in is its own affair
				bad = append(bad, badCite{line, "“" + text[a.Start:a.End] + "”：" + name + "没有" + a.Label})
			}
			continue
		}
		out = append(out, Cite{Line: line, Text: text[a.Start:a.End], Target: holder, Anchor: a.Label})
	}
	return out, bad
}

// addDep adds p to deps unless it is there.
func (idx *citeIndex) addDep(deps []dep, p *Page) []dep {
	for _, d := range deps {
		if d.path == p.Src.Path {
			return deps
		}
	}
	return append(deps, dep{p.Src.Path, idx.articles[p]})
}

// holder is the page that holds an article of target: target itself, or,
// for a document kept in several files, the chapter that holds it.
func (idx *citeIndex) holder(target *Page, label string) *Page {
	if _, ok := slices.BinarySearch(idx.sorted[target], label); ok {
		return target
	}
	for _, ch := range target.Chapters {
		if _, ok := slices.BinarySearch(idx.sorted[ch], label); ok {
			return ch
		}
	}
	return nil
}

// version chooses the page a title citation goes to (key is the title's
// CiteKey, cited its revision.Key): the only document of that title, or,
// among the versions of one chain, the version in force when the citing
// page was dated (a case is judged under the rule of its time), else the
// current one. Different documents sharing a short title are ambiguous and
// not linked.
func (idx *citeIndex) version(from *Page, key, cited string) *Page {
	pages := idx.byKey[key]
	switch {
	case len(pages) == 0:
		return nil
	case len(pages) == 1:
		return pages[0]
	}
	c := pages[0].Chain
	var exact *Page // a version whose title is the one cited, （试行） and all
	for _, p := range pages {
		if p.Chain == nil || p.Chain != c {
			return nil
		}
		if idx.exact[p] == cited {
			exact = p
		}
	}
	if exact != nil && idx.exact[c.Current()] != cited {
		return exact
	}
	if from.Chain == c || from.Date.IsZero() {
		return c.Current()
	}
	var at *Page
	for _, v := range c.Versions {
		if s := Start(v); !s.IsZero() && !s.After(from.Date) {
			at = v
		}
	}
	if at == nil {
		return c.Current()
	}
	return at
}

// citeTarget is what a page's scripts show of a cited article (popover).
type citeTarget struct {
	Title  string `json:"t"`
	Label  string `json:"a,omitempty"`
	Status string `json:"s,omitempty"` // when not in force
	Text   string `json:"x,omitempty"`
}

// maxPreview bounds the characters of an article a popover shows.
const maxPreview = 300

// citeData prepares, for each citing page, the text of the articles it
// cites (JSON keyed by the link as the page writes it), and its
// fingerprint.
func (s *Site) citeData(idx *citeIndex, all []*resolution, env uint64, cg *citeGroup) {
	parallel.Each(len(s.Pages), func(i int) {
		var cited []string // the articles of it cited
		for _, c := range cg.of(i) {
			if c.anchor != "" {
				cited = append(cited, c.anchor)
			}
		}
		if len(cited) == 0 {
			return
		}
		t := s.Pages[i]
		var arts []revision.Article
		if t.Chain != nil {
			arts = t.Chain.Articles[t.Chain.Index(t)]
		}
		idx.entry[t].previewsOf(t.Src, cited, arts)
	})
	texts := func(t *Page) map[string]string { return idx.entry[t].previews }
	for i, p := range s.Pages {
		if len(p.cites) == 0 {
			continue
		}
		// The fingerprint of what the JSON is made of; the JSON only when
		// it changed.
		p.CiteSum = s.citeSum(p, all[i], env)
		if e := idx.entry[p]; e.citeSum == p.CiteSum && e.citeJSON != "" {
			p.citeJSON = e.citeJSON // djkb serve: what it cites is as it was
			continue
		}
		data := map[string]citeTarget{}
		for _, c := range p.cites {
			if key := s.citeDest(p, c); !hasKey(data, key) {
				data[key] = citeTargetOf(c, texts)
			}
		}
		p.citeJSON = marshalJS(data)
		e := idx.entry[p]
		e.citeJSON, e.citeSum = p.citeJSON, p.CiteSum
	}
}

// citeSum fingerprints what a page's popover data is made of: the
// page's address, its citations (citesHash: where each goes), the cited
// pages' titles and statuses (env) and the files of the pages whose
// articles it cites (the articles' texts).
func (s *Site) citeSum(p *Page, r *resolution, env uint64) uint64 {
	var h fphash.Hash
	h.WriteString(p.URL)
	fphash.WriteComparable(&h, s.Config.FileLinks)
	fphash.WriteComparable(&h, env) // the cited pages' titles and statuses
	fphash.WriteComparable(&h, p.citesHash)
	for _, d := range r.deps { // the pages whose articles it cites
		fphash.WriteComparable(&h, s.byPath[d.path].Src.Hash)
	}
	return h.Sum64()
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

func citeTargetOf(c Cite, texts func(*Page) map[string]string) citeTarget {
	t := citeTarget{Title: c.Target.Title, Label: c.Anchor, Text: texts(c.Target)[c.Anchor]}
	if st := c.Target.ShownStatus(); st != content.InForce {
		t.Status = st
	}
	return t
}

// CiteData is the JSON of the articles the page cites, for the popover.
func (p *Page) CiteData() template.JS { return p.citeJSON }

func clipRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "……"
}

// Cite implements markdown.Citer: the citations the model found on this
// line, where the text node holds them.
func (l *Linker) Cite(text string, line int) []markdown.Cite {
	cites := l.page.cites // in the order of their lines
	if l.used == nil {
		l.used = make([]bool, len(cites))
	}
	var out []markdown.Cite
	at := 0
	first := sort.Search(len(cites), func(i int) bool { return cites[i].Line >= line })
	for i := first; i < len(cites) && cites[i].Line == line; i++ {
		c := cites[i]
		if l.used[i] {
			continue
		}
		j := strings.Index(text[at:], c.Text)
		if j < 0 {
			continue
		}
		l.used[i] = true
		start := at + j
		out = append(out, markdown.Cite{Start: start, End: start + len(c.Text), Dest: l.site.citeDest(l.page, c)})
		at = start + len(c.Text)
		l.Relative = true
	}
	return out
}

// CiteLines implements markdown.Citer: the lines of the page's citations.
func (l *Linker) CiteLines() []int {
	var lines []int
	for _, c := range l.page.cites {
		if n := len(lines); n == 0 || lines[n-1] != c.Line {
			lines = append(lines, c.Line)
		}
	}
	return lines
}

// citeDest is the link a citation on page p becomes.
func (s *Site) citeDest(p *Page, c Cite) string {
	dest := ""
	if c.Target != p {
		dest = Rel(p.URL, c.Target.URL, s.Config.FileLinks)
	}
	if c.Anchor != "" {
		dest += "#" + EscapePath(c.Anchor)
	}
	return dest
}

// CitesHash fingerprints the page's citations as resolved: where each
// goes. The page's converted HTML holds them, so a session converts the
// page again when it changes, though the page's own file did not.
func (p *Page) CitesHash() uint64 { return p.citesHash }

func citesHash(cites []Cite) uint64 {
	if len(cites) == 0 {
		return 0
	}
	var h fphash.Hash
	for _, c := range cites {
		fphash.WriteComparable(&h, c.Line)
		writeStrings(&h, c.Text, c.Target.URL, c.Anchor)
	}
	return h.Sum64()
}

// writeStrings hashes each string followed by a zero byte, without
// joining them first (a hash reads its bytes as one stream).
func writeStrings(h *fphash.Hash, ss ...string) {
	for _, s := range ss {
		h.WriteString(s)
		h.WriteByte(0)
	}
}
