package corpus

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
)

// renderer writes the Markdown of synthetic documents. It is shared by
// the generating goroutines and never changed after it is made.
type renderer struct {
	src          textSource
	stateParts   []string // chapter names for state rules
	partyParts   []string // chapter names for Party rules
	sectionNames []string
	titles       []string // every title in the library, for 《》 citations
}

// newRenderer prepares the names a document's outline draws from.
// chapters and sections come from training and may be empty.
func newRenderer(src textSource, chapters, sections, titles []string) *renderer {
	skip := []string{"总则", "附则", "法律责任", "一般规定"}
	var state []string
	for _, c := range chapters {
		if !slices.Contains(skip, c) {
			state = append(state, c)
		}
	}
	if len(state) == 0 {
		state = stateChapters
	}
	if len(sections) == 0 {
		sections = stateChapters
	}
	return &renderer{src: src, stateParts: state, partyParts: partyChapters, sectionNames: sections, titles: titles}
}

// render writes the whole file of p: front matter, title, history and
// text, growing the text until the file reaches p.size.
func (g *renderer) render(p *docPlan, r *rand.Rand) []byte {
	b := bytes.NewBuffer(make([]byte, 0, p.size+4096))
	writeFrontMatter(b, p, r)
	b.WriteString("# " + p.meta.title + "\n\n")
	if p.meta.prose {
		g.writeProse(b, p, r)
	} else {
		writeHistory(b, p, r)
		g.writeArticles(b, p, r)
	}
	return b.Bytes()
}

// docWriter holds the state of one document being written.
type docWriter struct {
	g       *renderer
	b       *bytes.Buffer
	p       *docPlan
	r       *rand.Rand
	self    string // 法, 条例, 办法… as in 本条例
	bold    bool   // articles as **第一条** rather than 第一条
	article int
}

// writeArticles writes a text of numbered articles, grouped in
// chapters (and sections, and in very long texts parts) when long.
func (g *renderer) writeArticles(b *bytes.Buffer, p *docPlan, r *rand.Rand) {
	w := &docWriter{g: g, b: b, p: p, r: r, self: selfName(p.meta.title), bold: r.IntN(2) == 0}
	sections := g.sectionNames
	if p.cat.kind >= kindParty {
		sections = g.partyParts
	}
	o := newOutline(r, p.size, g.chapterNames(p.cat.kind), sections)
	tail := 250
	if o.chapters {
		tail = 900
	}
	o.open(b, r, "总则")
	w.writeArticle(w.purpose())
	if r.IntN(2) == 0 {
		w.writeArticle("本" + w.self + "适用于" + pick(r, subjects) + pick(r, verbs) + pick(r, objects) + "的活动。")
	}
	for b.Len()+tail < p.size {
		o.next(b, r)
		w.writeArticle(w.paragraph())
		w.extraParagraphs()
	}
	if o.chapters && p.cat.kind < kindParty && r.IntN(10) < 7 {
		o.close(b, "法律责任")
		for range 2 + r.IntN(3) {
			w.writeArticle(penaltySentence(r, w.self))
		}
	}
	o.close(b, "附则")
	if r.IntN(2) == 0 {
		w.writeArticle("本" + w.self + "由" + p.meta.issuers[0] + "负责解释。")
	}
	end := "本" + w.self + "自" + p.effective.zh() + "起施行。"
	if r.IntN(3) == 0 {
		end += "《" + pick(r, g.titles) + "》同时废止。"
	}
	w.writeArticle(end)
}

// chapterNames picks the chapter vocabulary for a kind of rule.
func (g *renderer) chapterNames(k docKind) []string {
	if k >= kindParty {
		return g.partyParts
	}
	return g.stateParts
}

// writeArticle writes the next article, starting with text.
func (w *docWriter) writeArticle(text string) {
	w.article++
	label := articleLabel(w.article)
	if w.bold {
		label = "**" + label + "**"
	}
	w.b.WriteString(label + "　")
	w.writeParagraph(text)
}

// writeParagraph writes text and, if it ends in a colon, its items.
func (w *docWriter) writeParagraph(text string) {
	w.b.WriteString(text + "\n\n")
	if !strings.HasSuffix(text, "：") {
		return
	}
	n := 2 + w.r.IntN(5)
	if w.r.IntN(10) == 0 {
		n += 5 + w.r.IntN(8)
	}
	for i := 1; i <= n; i++ {
		item := strings.TrimRight(w.fix(w.g.src.item(w.r)), "；。，、：")
		end := "；"
		if i == n {
			end = "。"
		}
		w.b.WriteString(itemLabel(i) + item + end + "\n\n")
	}
}

// extraParagraphs adds the second and later paragraphs (款) of an article.
func (w *docWriter) extraParagraphs() {
	for w.r.IntN(100) < 35 {
		w.writeParagraph(w.paragraph())
	}
}

// paragraph draws one paragraph of prose, now and then (more often in
// Party documents, whose wording the law corpus lacks) a stock sentence.
func (w *docWriter) paragraph() string {
	odds := 10
	if w.p.cat.kind >= kindParty {
		odds = 4
	}
	if w.r.IntN(odds) == 0 {
		return templateSentence(w.r, w.self, pick(w.r, w.g.titles))
	}
	return w.fix(w.g.src.clause(w.r))
}

// fix makes trained text speak of this document: 本法 becomes 本条例
// in a 条例.
func (w *docWriter) fix(s string) string {
	if w.self == "法" {
		return s
	}
	return strings.ReplaceAll(s, "本法", "本"+w.self)
}

// purpose writes the first article: 为了……，根据……，制定本条例。
func (w *docWriter) purpose() string {
	basis, purposes := "宪法", statePurposes
	if w.p.cat.kind >= kindParty {
		basis, purposes = "《中国共产党章程》", partyPurposes
	} else if w.p.cat.kind != kindLaw {
		basis = "《" + pick(w.r, w.g.titles) + "》等有关法律、法规"
	}
	s := "为了" + pick(w.r, purposes) + "，" + pick(w.r, []string{"", "", "加强" + pick(w.r, objects) + "，"}) + "根据" + basis
	if w.p.cat.kind == kindLocal || w.p.cat.kind == kindUnit || w.p.cat.kind == kindPartyNorm {
		s += "，结合本" + pick(w.r, []string{"省", "单位", "地区"}) + "实际"
	}
	return s + "，制定本" + w.self + "。"
}

// penaltySentence writes an article of the 法律责任 chapter.
func penaltySentence(r *rand.Rand, self string) string {
	return "违反本" + self + "规定，" + pick(r, subjects) + "未按照规定" + pick(r, verbs) + pick(r, objects) + "的，由" +
		pick(r, subjects) + "责令改正，给予警告；" + pick(r, conditions) + "，" + pick(r, penalties) + "。"
}
