package compilation

import (
	"bufio"
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"djkb/internal/site"
)

// The 索引 at the back of the printed 汇编: the glossary's terms, the
// regulations' tags and the keywords of their titles, each with the pages
// on which it occurs, in pinyin order. Page numbers are known only once
// the body is printed: each occurrence is marked with an element of its
// own id, Chromium records the page of each (see partAnchors), and the
// index is printed after the body, as the last part, with the numbers
// filled in.

// IndexEntry is one line of the 索引.
type IndexEntry struct {
	Term  string
	Pages []int
}

// PageList is the pages as printed: 12，15，37.
func (e IndexEntry) PageList() string {
	parts := make([]string, len(e.Pages))
	for i, p := range e.Pages {
		parts[i] = strconv.Itoa(p)
	}
	return strings.Join(parts, "，")
}

// indexTerm is a term and the ids of its marked occurrences.
type indexTerm struct {
	term string
	ids  []string
}

// At most this many occurrences of a term are marked in one item, and in
// the whole digest: an index names where a term is treated, not every
// page that mentions it.
const (
	perItem = 1
	perTerm = 20
)

// indexTerms gathers the terms of the index: the glossary's, the tags of
// the items and the keywords of their titles, each once.
func (d *Digest) indexTerms() []string {
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		t = strings.TrimSpace(t)
		if utf8.RuneCountInString(t) >= 2 && !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, t := range glossaryTerms(d.site) {
		add(t)
	}
	for _, it := range d.Items {
		for _, t := range it.Page.Meta().Tags {
			add(t)
		}
		add(TitleKeyword(it.Title))
	}
	return out
}

// glossaryTerms reads the terms of content/glossary.md: its level-2 and
// level-3 headings, or its front matter's terms list.
func glossaryTerms(s *site.Site) []string {
	p := s.Page("glossary.md")
	if p == nil {
		return nil
	}
	var out []string
	if list, ok := p.Meta().Params["terms"].([]any); ok {
		for _, t := range list {
			if s, ok := t.(string); ok {
				out = append(out, s)
			}
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(p.Src.Body()))
	for sc.Scan() {
		line := sc.Text()
		for _, prefix := range []string{"## ", "### "} {
			if h, ok := strings.CutPrefix(line, prefix); ok {
				h = strings.TrimSpace(strings.Trim(strings.TrimSpace(h), "#"))
				if h, _, _ = strings.Cut(h, "（"); h != "" {
					out = append(out, h)
				}
			}
		}
	}
	return out
}

var (
	bracketRe     = regexp.MustCompile(`[（(][^（）()]*[）)]`)
	titlePrefixRe = regexp.MustCompile(`^(?:中国共产党|中华人民共和国|关于|\p{Han}{1,6}?(?:省直机关|省直属机关|统计局机关|统计局|省党委|厅|局)|机关)+`)
	titleSuffixRe = regexp.MustCompile(`(?:的若干|若干)?(?:实施细则|实施办法|实施意见|工作条例|工作细则|工作规则|工作规定|管理办法|管理规定|使用规范|条例|规定|办法|细则|规则|准则|意见|制度|指引|规范|章程)$`)
)

// TitleKeyword is the keyword a title is indexed under: the title without
// its version or trial marker, issuing body and form (quotation marks are
// kept, so that the keyword is found as printed), as
// 党员教育管理 for 中国共产党党员教育管理工作条例. A title that is all body
// and form (中国共产党章程) is kept whole.
func TitleKeyword(title string) string {
	t := bracketRe.ReplaceAllString(title, "")
	t = strings.NewReplacer("《", "", "》", "", " ", "").Replace(t)
	whole := t
	t = titlePrefixRe.ReplaceAllString(t, "")
	t = titleSuffixRe.ReplaceAllString(t, "")
	t = strings.TrimSuffix(t, "的")
	t = strings.TrimSuffix(t, "工作")
	t = strings.TrimSuffix(t, "管理")
	t = strings.TrimRight(t, "和、")
	if utf8.RuneCountInString(t) < 2 {
		return whole
	}
	return t
}

// markIndex marks the occurrences of the index's terms in the items'
// text, returning the items' bodies as they were (for restoring) and the
// terms with their occurrence ids. An item's title counts as an occurrence
// of its own keyword (at the item's id).
func (d *Digest) markIndex() ([]template.HTML, []*indexTerm) {
	if d.opts.NoIndex {
		return nil, nil
	}
	terms := d.indexTerms()
	if len(terms) == 0 {
		return nil, nil
	}
	byTerm := map[string]*indexTerm{}
	list := make([]*indexTerm, len(terms))
	for i, t := range terms {
		list[i] = &indexTerm{term: t}
		byTerm[t] = list[i]
	}
	m := newMatcher(terms)
	saved := make([]template.HTML, len(d.Items))
	for i, it := range d.Items {
		saved[i] = it.Body
		if kw := byTerm[TitleKeyword(it.Title)]; kw != nil && strings.Contains(it.Title, kw.term) {
			kw.ids = append(kw.ids, it.ID)
		}
		inItem := map[string]int{}
		n := 0
		it.Body = template.HTML(mapText(string(it.Body), func(text string) string {
			return m.replace(text, func(term string) string {
				t := byTerm[term]
				if inItem[term] >= perItem || len(t.ids) >= perTerm {
					return term
				}
				inItem[term]++
				n++
				id := fmt.Sprintf("%s-ix%d", it.ID, n)
				t.ids = append(t.ids, id)
				it.ixIDs = append(it.ixIDs, id)
				return `<span class="ix" id="` + id + `">` + term + `</span>`
			})
		}))
	}
	return saved, list
}

// matcher finds terms in text, the longest at each place, by their first
// character: a regular expression of a thousand alternatives would be slow
// on the text of a thousand regulations.
type matcher map[rune][]string

func newMatcher(terms []string) matcher {
	m := matcher{}
	for _, t := range terms {
		r, _ := utf8.DecodeRuneInString(t)
		m[r] = append(m[r], t)
	}
	for _, list := range m {
		// Longest first, so that 党支部标准化 is matched before 党支部.
		slices.SortStableFunc(list, func(a, b string) int { return len(b) - len(a) })
	}
	return m
}

// replace returns text with each term found replaced by f(term).
func (m matcher) replace(text string, f func(string) string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		found := ""
		for _, t := range m[r] {
			if strings.HasPrefix(text[i:], t) {
				found = t
				break
			}
		}
		if found == "" {
			i += size
			continue
		}
		b.WriteString(text[last:i])
		b.WriteString(f(found))
		i += len(found)
		last = i
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}

// mapText applies f to the text between the tags of html, leaving the
// tags, and the text of headings' anchors, as they are.
func mapText(html string, f func(string) string) string {
	var b strings.Builder
	b.Grow(len(html) + len(html)/8)
	for html != "" {
		lt := strings.IndexByte(html, '<')
		if lt < 0 {
			b.WriteString(f(html))
			break
		}
		b.WriteString(f(html[:lt]))
		gt := strings.IndexByte(html[lt:], '>')
		if gt < 0 {
			b.WriteString(html[lt:])
			break
		}
		b.WriteString(html[lt : lt+gt+1])
		html = html[lt+gt+1:]
	}
	return b.String()
}

// indexEntries turns the marked occurrences into the index's lines, with
// the pages the printed PDF gives them, in pinyin order.
func indexEntries(terms []*indexTerm, pages map[string]int) []IndexEntry {
	var out []IndexEntry
	for _, t := range terms {
		var ps []int
		for _, id := range t.ids {
			if p := pages[id]; p > 0 && !slices.Contains(ps, p) {
				ps = append(ps, p)
			}
		}
		if len(ps) == 0 {
			continue
		}
		slices.Sort(ps)
		out = append(out, IndexEntry{Term: t.term, Pages: ps})
	}
	SortPinyin(out)
	return out
}

// SortPinyin sorts entries by the pinyin of their terms, quotation marks
// left out (“五好党支部” goes under W).
func SortPinyin(entries []IndexEntry) {
	c := collate.New(language.Chinese)
	unquote := strings.NewReplacer("“", "", "”", "", "‘", "", "’", "", "\"", "")
	slices.SortStableFunc(entries, func(a, b IndexEntry) int {
		return c.CompareString(unquote.Replace(a.Term), unquote.Replace(b.Term))
	})
}

// unmarkIndex gives the items back the bodies markIndex changed; the
// index's entries stay, for a look at what was printed.
func (d *Digest) unmarkIndex(saved []template.HTML) {
	for i, b := range saved {
		d.Items[i].Body = b
		d.Items[i].ixIDs = nil
	}
}
