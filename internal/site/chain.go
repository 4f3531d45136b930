package site

import (
	"cmp"
	"encoding/json"
	"html/template"
	"slices"
	"strings"
	"time"

	"djkb/internal/content"
	"djkb/internal/fphash"
	"djkb/internal/parallel"
	"djkb/internal/revision"
)

// Chain is the versions of one regulation, oldest first: regulation pages
// linked by supersedes / superseded_by, or with the same title (TitleKey)
// and different dates. Only regulations with two versions or more have one.
type Chain struct {
	Versions []*Page
	// Articles[i] are the articles of Versions[i].
	Articles [][]revision.Article
	// Steps[i] compares Versions[i] with Versions[i+1]; each has a page.
	Steps []*Step
	// Sum fingerprints what the chain shows on each of its pages, for
	// djkb serve: every version's card, dates and text.
	Sum uint64

	data, brief template.JS
	texts       bool // the versions' articles fit in Texts
}

// Step is the 修订对照 of two versions of a chain.
type Step struct {
	Chain    *Chain
	Old, New *Page
	URL      string
	*revision.Comparison
}

// CompareDir is the folder, below a version's URL, of the comparison
// with the version before it.
const CompareDir = "修订对照/"

// Index returns the position of p in the chain, -1 when absent.
func (c *Chain) Index(p *Page) int { return slices.Index(c.Versions, p) }

// Current is the version in force: the newest whose status is 现行有效,
// else the newest.
func (c *Chain) Current() *Page {
	for _, p := range slices.Backward(c.Versions) {
		if p.ShownStatus() == content.InForce {
			return p
		}
	}
	return c.Versions[len(c.Versions)-1]
}

// StepTo returns the comparison of p with the version before it, or nil.
func (c *Chain) StepTo(p *Page) *Step {
	if i := c.Index(p); i > 0 {
		return c.Steps[i-1]
	}
	return nil
}

// Data is the chain as the pages' scripts read it (JSON): each version's
// site-relative URL, title, dates, 文号 and status, and, for each article
// of the newest version, its history through the versions.
func (c *Chain) Data() template.JS { return c.data }

// DataFor is the chain's data as p's page needs it: the articles' history
// (沿革) only on the newest version's page, which alone shows it.
func (c *Chain) DataFor(p *Page) template.JS {
	if p == c.Versions[len(c.Versions)-1] {
		return c.data
	}
	return c.brief
}

// Texts is every version's articles (JSON: a list per version of
// [number, text]), from which the comparison pages' selector compares any
// two versions in the browser (static/js/compare.js); empty for a chain
// of two, whose one comparison has its page, and for chains too long to
// send (maxTextBytes). It is made when asked for, by the one view that
// writes it, so that a build does not hold every chain's texts at once.
func (c *Chain) Texts() template.JS {
	if !c.texts {
		return ""
	}
	return marshalTexts(c.Articles)
}

// Release lets the versions' articles and the comparisons go, for a
// build that has written the chain's comparison pages and texts: no other
// page reads them, and what the versions' pages show of the chain (Data,
// DataFor, Sum, the steps' URLs) stays. Rows, Summary and Texts are not
// to be called after.
func (c *Chain) Release() {
	c.Articles = nil
	for _, st := range c.Steps {
		st.Comparison = nil
	}
}

// TextsURL is the URL of the script that hands Texts to the selector, one
// for the chain beside its newest comparison page, loaded only when a
// reader picks two versions; "" when there are no texts.
func (c *Chain) TextsURL() string {
	if !c.texts {
		return ""
	}
	return c.Steps[len(c.Steps)-1].URL + "texts.js"
}

// Start is the date a version took effect: its 施行日期, else its date.
func Start(p *Page) time.Time {
	if r := p.Reg(); r != nil && !r.Effective.IsZero() {
		return r.Effective
	}
	return p.Date
}

// PresumedStatus is the page's recorded 效力状态, or for a regulation that
// records none (a file copied in without front matter): 已废止 with a
// repeal decision, 已修改 when another page replaces it or a later version
// exists, and 现行有效 otherwise.
func (p *Page) PresumedStatus() string {
	if s := p.Status(); s != "" || p.Reg() == nil {
		return s
	}
	switch {
	case p.Reg().Repeal != nil:
		return content.Repealed
	case len(p.SupersededBy) > 0 || p.Later() != nil:
		return content.Amended
	}
	return content.InForce
}

// ShownStatus is what the page says of its status: PresumedStatus, except
// that a version recorded 现行有效 while a later version has taken effect
// shows 已被替代 (the clean-up reports the contradiction).
func (p *Page) ShownStatus() string {
	s := p.PresumedStatus()
	if s == content.InForce && p.Chain != nil {
		for _, q := range p.Chain.Versions[p.Chain.Index(p)+1:] {
			if q.PresumedStatus() != content.Pending {
				return Replaced
			}
		}
	}
	return s
}

// Replaced is the status shown on a version recorded 现行有效 that a
// later version has replaced.
const Replaced = "已被替代"

// InForce reports whether the page shows no notice of being out of force.
func (p *Page) InForce() bool { return p.ShownStatus() == content.InForce }

// Later returns the newest version of p's chain dated after p, or nil.
func (p *Page) Later() *Page {
	if p.Chain == nil || p.Date.IsZero() {
		return nil
	}
	for _, q := range slices.Backward(p.Chain.Versions) {
		if q.Date.After(p.Date) {
			return q
		}
	}
	return nil
}

// buildChains groups the regulations into version chains. It runs once
// the references are resolved.
func (s *Site) buildChains() {
	var regs []*Page
	idx := map[*Page]int{}
	for _, p := range s.Pages {
		if p.Kind == content.KindRegulation && p.Reg() != nil {
			idx[p] = len(regs)
			regs = append(regs, p)
		}
	}
	parent := make([]int, len(regs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) { parent[find(a)] = find(b) }
	byKey := map[string]int{} // TitleKey → first dated page's index
	dates := map[string]time.Time{}
	differ := map[string]bool{}
	for i, p := range regs {
		for _, r := range append(p.Supersedes, p.SupersededBy...) {
			if j, ok := idx[r.Page]; ok {
				union(i, j)
			}
		}
		if p.Date.IsZero() {
			continue
		}
		k := versionKey(p)
		if j, ok := byKey[k]; ok {
			differ[k] = differ[k] || !dates[k].Equal(p.Date)
			union(i, j)
		} else {
			byKey[k], dates[k] = i, p.Date
		}
	}
	groups := map[int][]*Page{}
	for i, p := range regs {
		groups[find(i)] = append(groups[find(i)], p)
	}
	for _, g := range groups {
		if len(g) < 2 || !linked(g, differ) {
			continue
		}
		c := &Chain{Versions: order(g)}
		for _, p := range c.Versions {
			p.Chain = c
		}
		s.Chains = append(s.Chains, c)
	}
	slices.SortFunc(s.Chains, func(a, b *Chain) int { return strings.Compare(a.Versions[0].Src.Path, b.Versions[0].Src.Path) })
	s.compareAll()
}

// versionKey is what same-titled versions of one regulation share: the
// title and the first issuer. Provinces issue rules of one title (河道管理
// 条例) that are different documents, not versions of each other.
func versionKey(p *Page) string {
	k := TitleKey(p.Title)
	if r := p.Reg(); len(r.Issuer) > 0 {
		k += "\x00" + r.Issuer[0]
	}
	return k
}

// linked reports whether a group is a chain: some page names another, or
// same-titled pages differ in date (two copies of one document are not
// versions of it).
func linked(g []*Page, differ map[string]bool) bool {
	for _, p := range g {
		if len(p.Supersedes) > 0 || len(p.SupersededBy) > 0 || differ[versionKey(p)] {
			return true
		}
	}
	return false
}

// order sorts versions oldest first: by date, a page before the page that
// supersedes it, then by path.
func order(g []*Page) []*Page {
	slices.SortStableFunc(g, func(a, b *Page) int {
		if hasRef(b.Supersedes, a) || hasRef(a.SupersededBy, b) {
			return -1
		}
		if hasRef(a.Supersedes, b) || hasRef(b.SupersededBy, a) {
			return 1
		}
		return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.Src.Path, b.Src.Path))
	})
	return g
}

// compare splits every version into articles and compares the consecutive
// ones, and prepares what the pages' scripts read.
func (c *Chain) compare(old map[uint64]*compared) *compared {
	var h, text fphash.Hash
	for _, p := range c.Versions {
		h.WriteString(p.URL + "\x00" + p.Title + "\x00" + p.PresumedStatus())
		fphash.WriteComparable(&h, p.Src.Hash)
		fphash.WriteComparable(&h, p.Src.FrontHash)
		fphash.WriteComparable(&text, p.Src.Hash)
	}
	c.Sum = h.Sum64()
	done := old[text.Sum64()]
	if done == nil {
		done = &compared{key: text.Sum64()}
		for _, p := range c.Versions {
			done.articles = append(done.articles, revision.Split(p.Src.Body()))
		}
		vs := make([]*revision.Version, len(done.articles))
		for i, a := range done.articles {
			vs[i] = revision.NewVersion(a)
		}
		for i := 1; i < len(vs); i++ {
			done.steps = append(done.steps, revision.CompareVersions(vs[i-1], vs[i]))
		}
		done.texts = len(vs) > 2 && textBytes(done.articles) <= maxTextBytes
	}
	c.Articles, c.texts = done.articles, done.texts
	for i := 1; i < len(c.Versions); i++ {
		c.Steps = append(c.Steps, &Step{Chain: c, Old: c.Versions[i-1], New: c.Versions[i], URL: c.Versions[i].URL + CompareDir, Comparison: done.steps[i-1]})
	}
	if done.dataSum != c.Sum || done.data == "" {
		done.data, done.brief = c.marshalData()
		done.dataSum = c.Sum
	}
	c.data, c.brief = done.data, done.brief
	return done
}

// compared is what comparing a chain's texts gives, kept by djkb serve
// from one build to the next for the chains whose files are unchanged.
type compared struct {
	key      uint64 // the versions' texts
	articles [][]revision.Article
	steps    []*revision.Comparison
	texts    bool
	data     template.JS // for dataSum: the pages' URLs, titles and statuses
	brief    template.JS // data without the articles' history
	dataSum  uint64
}

// compareCache keeps the last build's comparisons, by the versions' texts.
var compareCache kept[map[uint64]*compared]

// compareAll compares the chains on all cores, reusing the last build's
// comparisons of unchanged texts.
func (s *Site) compareAll() {
	old := compareCache.last()
	done := make([]*compared, len(s.Chains))
	parallel.Each(len(s.Chains), func(i int) { done[i] = s.Chains[i].compare(old) })
	if !keep.Load() {
		return
	}
	next := make(map[uint64]*compared, len(done))
	for _, d := range done {
		next[d.key] = d
	}
	compareCache.store(next)
}

// maxTextBytes bounds the versions' articles a chain's selector loads:
// a page on an office intranet should not fetch megabytes for a
// comparison a reader may not ask for, while four versions of a long
// regulation still fit. Longer chains have the comparison of each
// version with the one before only.
const maxTextBytes = 512 << 10

// versionData is one version as the scripts read it.
type versionData struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Issued    string `json:"issued,omitempty"`
	Start     string `json:"start,omitempty"`
	Until     string `json:"until,omitempty"` // Validity: first day no longer in force
	Ended     bool   `json:"ended,omitempty"` // Validity: ended at a day not recorded
	DocNumber string `json:"doc,omitempty"`
	Status    string `json:"status"`
	Compare   string `json:"compare,omitempty"` // URL of the comparison with the version before
}

// historyEvent is one step of an article's 沿革: in version V it was
// added, changed, moved or kept (from its old number From).
type historyEvent struct {
	V    int    `json:"v"`
	Kind string `json:"k"`
	From string `json:"from,omitempty"`
}

// marshalData returns the chain's data, and the same without the
// articles' history, which only the newest version's page shows.
func (c *Chain) marshalData() (data, brief template.JS) {
	d := struct {
		Versions []versionData             `json:"versions"`
		Current  int                       `json:"current"`
		History  map[string][]historyEvent `json:"history,omitempty"`
	}{Current: c.Index(c.Current())}
	for i, p := range c.Versions {
		v := versionData{URL: p.URL, Title: p.Title, Issued: isoDate(p.Date), Start: isoDate(Start(p)), Status: p.ShownStatus()}
		if r := p.Reg(); r != nil {
			v.DocNumber = r.DocNumber
		}
		// The as-of reading picks versions by the rule the search page's
		// 当时有效 filter uses: one rule, in Validity.
		if in, ok := p.Validity(); ok {
			v.Until, v.Ended = isoDate(in.Until), in.Ended
		}
		if i > 0 {
			v.Compare = c.Steps[i-1].URL
		}
		d.Versions = append(d.Versions, v)
	}
	byNew := make([]map[string]*revision.Change, len(c.Steps))
	for i, st := range c.Steps {
		byNew[i] = make(map[string]*revision.Change, len(st.Changes))
		for k := range st.Changes {
			if ch := &st.Changes[k]; ch.New != nil && byNew[i][ch.New.Label] == nil {
				byNew[i][ch.New.Label] = ch
			}
		}
	}
	brief = marshalJS(d)
	last := len(c.Versions) - 1
	d.History = make(map[string][]historyEvent, len(c.Articles[last]))
	for _, a := range c.Articles[last] {
		d.History[a.Label] = c.history(a.Label, byNew)
	}
	return marshalJS(d), brief
}

// history traces the article of the newest version numbered label back
// through the versions, oldest event first: the version it entered (制定
// with the first version, else 新增) and what each later one did to it.
// byNew[i] finds the changes of step i by the new article's number.
func (c *Chain) history(label string, byNew []map[string]*revision.Change) []historyEvent {
	var out []historyEvent
	entered := historyEvent{V: 0, Kind: "制定"}
	for i := len(c.Steps) - 1; i >= 0; i-- {
		found := byNew[i][label]
		if found == nil || found.Old == nil { // added then, or the text rewritten
			entered = historyEvent{V: i + 1, Kind: string(revision.Added)}
			break
		}
		e := historyEvent{V: i + 1, Kind: string(found.Kind)}
		if found.Renumbered() {
			e.From = found.Old.Label
		}
		out = append(out, e)
		label = found.Old.Label
	}
	out = append(out, entered)
	slices.Reverse(out)
	return out
}

// textBytes is the size of the versions' articles that Texts bounds.
func textBytes(versions [][]revision.Article) int {
	size := 0
	for _, arts := range versions {
		for _, a := range arts {
			size += len(a.Label) + len(a.Text)
		}
	}
	return size
}

// marshalTexts is Texts of the versions' articles.
func marshalTexts(versions [][]revision.Article) template.JS {
	out := make([][][2]string, len(versions))
	for i, arts := range versions {
		out[i] = make([][2]string, len(arts))
		for k, a := range arts {
			out[i][k] = [2]string{a.Label, a.Text}
		}
	}
	return marshalJS(out)
}

func marshalJS(v any) template.JS {
	b, err := json.Marshal(v) // escapes <, > and & for a script element
	if err != nil {
		panic(err)
	}
	return template.JS(b)
}

func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// IsCurrent reports whether p is the version of its chain in force.
func (p *Page) IsCurrent() bool { return p.Chain != nil && p.Chain.Current() == p }

// VersionNo is p's place in its chain, 1 for the oldest; 0 without a chain.
func (p *Page) VersionNo() int {
	if p.Chain == nil {
		return 0
	}
	return p.Chain.Index(p) + 1
}

// Rows is the comparison as the page shows it, one row an article: the
// old text beside the new, the changed characters marked; an article that
// did not change shows its text once. Written here rather than in the
// template, which is slow over a law's hundreds of articles.
func (st *Step) Rows() template.HTML {
	var b strings.Builder
	for _, ch := range st.Changes {
		b.WriteString(`<div class="cmp-row cmp-`)
		b.WriteString(ch.Kind.Class())
		b.WriteString(`"><p class="cmp-head"><span class="cmp-kind">`)
		b.WriteString(string(ch.Kind))
		b.WriteString(`</span>`)
		switch {
		case ch.Renumbered():
			b.WriteString(ch.Old.Label + " → " + ch.New.Label)
		case ch.New != nil:
			b.WriteString(ch.New.Label)
		default:
			b.WriteString(ch.Old.Label)
		}
		b.WriteString("</p>\n")
		if ch.Kind == revision.Unchanged || ch.Kind == revision.Moved {
			b.WriteString(`<div class="cmp-both">`)
			b.WriteString(template.HTMLEscapeString(ch.New.Text))
			b.WriteString("</div>\n</div>\n")
			continue
		}
		side(&b, "cmp-old", "旧", ch.OldSide())
		side(&b, "cmp-new", "新", ch.NewSide())
		b.WriteString("</div>\n")
	}
	return template.HTML(b.String())
}

func side(b *strings.Builder, class, name string, segs []revision.Segment) {
	b.WriteString(`<div class="` + class + `"><span class="cmp-side">` + name + `</span>`)
	for _, s := range segs {
		text := template.HTMLEscapeString(s.Text)
		switch s.Op {
		case '-':
			b.WriteString("<del>" + text + "</del>")
		case '+':
			b.WriteString("<ins>" + text + "</ins>")
		default:
			b.WriteString(text)
		}
	}
	b.WriteString("</div>\n")
}
