// Package citation recognises citations in Chinese regulatory text, as
// staff write them: 《title》, 《title》第十二条第二款第（三）项, a 简称 the text
// defines (（以下简称《条例》）) and later uses, references back to the same
// document (本条例第十、十八条, 依照第五条, 前条, 前款第（五）项) and 文号
// (中办发〔2019〕12号). It only recognises: what a citation points to is
// for the caller to resolve, and nothing it cannot resolve is to be linked.
// It knows nothing of a site.
package citation

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"djkb/internal/numerals"
)

// Kind is what a citation names.
type Kind uint8

const (
	// Title: 《title》, perhaps with articles.
	Title Kind = iota + 1
	// Abbrev: a 简称 defined earlier in the text; Title is the full title.
	Abbrev
	// Self: the document itself (本条例第五条, 依照第五条).
	Self
	// Near: the article being read or the one before (本条, 前款, 前条).
	Near
	// DocNumber: a 文号.
	DocNumber
)

// Match is one citation in a text.
type Match struct {
	Kind       Kind
	Start, End int    // byte offsets of the whole citation
	Title      string // Title, Abbrev: the title as written between 《》 (the full one for Abbrev)
	Word       string // Self: 本条例, 第; Near: 本条, 前款, 前条…; Abbrev: the 简称
	DocNumber  string // DocNumber: 〔2019〕12号 with its prefix, brackets made 〔〕
	Issuer     string // DocNumber: the Chinese characters before the bracket (up to maxIssuer)
	TitleEnd   int    // Title, Abbrev: the byte after 》
	Articles   []Article
}

// Article is one article a citation names, and the part of the text to
// link to it.
type Article struct {
	Start, End int    // bytes of the text that links to the article
	Label      string // 第十二条, 第十二条之一: Chinese numerals, as the anchors are
	Clause     int    // 第二款 → 2; 0 when none
	Item       int    // 第（三）项 → 3; 0 when none
}

// Scanner reads the texts of one document in order: the 简称 a text
// defines apply to the texts after it.
type Scanner struct {
	abbrevs map[string]string // 简称 → full title
}

// Abbrevs returns the 简称 defined so far (简称 → title).
func (s *Scanner) Abbrevs() map[string]string { return s.abbrevs }

// Scan returns the citations of text, in order.
func (s *Scanner) Scan(text string) []Match {
	var out []Match
	for i := s.skip(text, 0); i < len(text); i = s.skip(text, i) {
		m, ok := s.at(text, i)
		if ok && len(out) > 0 && m.Start < out[len(out)-1].End { // a 文号's issuer overlapping
			m.Issuer = m.Issuer[out[len(out)-1].End-m.Start:]
			m.Start = out[len(out)-1].End
			m.DocNumber = NormalDocNumber(text[m.Start:m.End])
			ok = m.Issuer != ""
		}
		if ok {
			out = append(out, m)
			i = m.End
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

// skip returns the first byte from i on where a citation may start
// (maybeAt), else len(text). Without a 简称 it tries only the bytes that
// begin a lead character's first two bytes (leadPairs), which few do:
// the loop over the others is short and predictable.
func (s *Scanner) skip(text string, i int) int {
	for ; i < len(text); i++ {
		if len(s.abbrevs) == 0 && !mayLead(text, i) {
			continue
		}
		if s.maybeAt(text, i) {
			return i
		}
	}
	return len(text)
}

// leadChars are the characters a citation can start with (besides a
// 简称): 《, 本, 前, 第 and the brackets of a 文号.
var leadChars = []string{"《", "本", "前", "第", "〔", "[", "［", "（", "(", "【"}

// leadBytes are the lead characters' first bytes.
var leadBytes = func() (b [256]bool) {
	for _, s := range leadChars {
		b[s[0]] = true
	}
	return b
}()

// leadPairs marks the first two bytes of the lead characters, any byte
// after a one-byte one.
var leadPairs = func() (t [1 << 16]bool) {
	for _, s := range leadChars {
		for b := range 256 {
			if len(s) == 1 || byte(b) == s[1] {
				t[int(s[0])<<8|b] = true
			}
		}
	}
	return t
}()

// mayLead reports whether a lead character may start at byte i: a test
// that maybeAt makes exact.
func mayLead(text string, i int) bool {
	if i+1 < len(text) {
		return leadPairs[int(text[i])<<8|int(text[i+1])]
	}
	return leadBytes[text[i]]
}

// maybeAt reports cheaply whether a citation may start at byte i: at one
// of the lead characters (most Chinese characters share their first byte
// with one, so the whole character is compared), or at any character when
// the text has defined a 简称. No lead byte is a continuation byte.
func (s *Scanner) maybeAt(text string, i int) bool {
	c := text[i]
	switch {
	case c >= 0xc0 && len(s.abbrevs) > 0:
		return true
	case !leadBytes[c]:
		return false
	case c < utf8.RuneSelf:
		return true
	case i+2 >= len(text):
		return false
	}
	switch rune(c&0x0f)<<12 | rune(text[i+1]&0x3f)<<6 | rune(text[i+2]&0x3f) {
	case '《', '本', '前', '第', '〔', '［', '（', '【':
		return true
	}
	return false
}

// at reads a citation starting at byte i, if there is one.
func (s *Scanner) at(text string, i int) (Match, bool) {
	rest := text[i:]
	switch {
	case strings.HasPrefix(rest, "《"):
		return s.title(text, i)
	case strings.HasPrefix(rest, "本"):
		return self(text, i)
	case strings.HasPrefix(rest, "前"):
		return near(text, i)
	case strings.HasPrefix(rest, "第"):
		return bare(text, i)
	case isDocBracket(rest):
		return docNumber(text, i)
	}
	for abbr, full := range s.abbrevs { // a document defines one or two
		if !strings.HasPrefix(rest, abbr) {
			continue
		}
		if arts, end := articles(text, i+len(abbr)); len(arts) > 0 {
			arts[0].Start = i
			return Match{Kind: Abbrev, Start: i, End: end, Title: full, Word: abbr, Articles: arts}, true
		}
	}
	return Match{}, false
}

// title reads 《…》 (balancing nested 《》), its articles and a 简称 it
// defines.
func (s *Scanner) title(text string, i int) (Match, bool) {
	depth, j := 0, i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		j += size
		switch r {
		case '《':
			depth++
		case '》':
			depth--
		case '\n':
			return Match{}, false
		}
		if depth == 0 {
			break
		}
	}
	if depth != 0 {
		return Match{}, false
	}
	inner := strings.TrimSpace(text[i+len("《") : j-len("》")])
	if inner == "" || utf8.RuneCountInString(inner) > 80 {
		return Match{}, false
	}
	m := Match{Kind: Title, Start: i, Title: inner}
	if full, ok := s.abbrevs[inner]; ok {
		m.Kind, m.Title, m.Word = Abbrev, full, inner
	}
	m.End, m.TitleEnd = j, j
	if arts, end := articles(text, j); len(arts) > 0 {
		arts[0].Start = i
		m.Articles, m.End = arts, end
	}
	if abbr, end := definesAbbrev(text, m.End); abbr != "" {
		if s.abbrevs == nil {
			s.abbrevs = map[string]string{}
		}
		s.abbrevs[abbr] = m.Title
		m.End = end
	}
	return m, true
}

// definesAbbrev reads （以下简称《条例》）, （以下简称“条例”）, （简称条例）
// at i; it returns the 简称 and where the parenthesis ends.
func definesAbbrev(text string, i int) (string, int) {
	rest := text[i:]
	var body string
	switch {
	case strings.HasPrefix(rest, "（"):
		body = rest[len("（"):]
	case strings.HasPrefix(rest, "("):
		body = rest[1:]
	default:
		return "", i
	}
	open := len(rest) - len(body)
	lead := ""
	for _, l := range []string{"以下简称", "下称", "简称"} {
		if strings.HasPrefix(body, l) {
			lead = l
			break
		}
	}
	if lead == "" {
		return "", i
	}
	body = body[len(lead):]
	end := strings.IndexAny(body, "）)")
	if end <= 0 {
		return "", i
	}
	closing := len("）")
	if body[end] == ')' {
		closing = 1
	}
	abbr := strings.Trim(body[:end], "《》“”\"「」 ")
	if abbr == "" || utf8.RuneCountInString(abbr) > 20 || strings.ContainsAny(abbr, "，。；、") {
		return "", i
	}
	return abbr, i + open + len(lead) + end + closing
}

// maxIssuer bounds the characters before a 文号's bracket taken as its
// issuer's code (中办发, 东统机党); the caller tries the shorter tails.
const maxIssuer = 10

// isDocBracket reports whether s starts a 文号's year: 〔2019〕12号, with
// any of the brackets people type.
func isDocBracket(s string) bool {
	_, ok := docYear(s)
	return ok
}

// docYear reads 〔2019〕12号 at the start of s and returns its length.
func docYear(s string) (int, bool) {
	j := 0
	for _, p := range []string{"〔", "[", "［", "（", "(", "【"} {
		if strings.HasPrefix(s, p) {
			j = len(p)
			break
		}
	}
	if j == 0 || len(s) < j+4 || runOf(s[j:j+4], "0123456789") != 4 {
		return 0, false
	}
	j += 4
	k := 0
	for _, p := range []string{"〕", "]", "］", "）", ")", "】"} {
		if strings.HasPrefix(s[j:], p) {
			k = len(p)
			break
		}
	}
	if k == 0 {
		return 0, false
	}
	j += k
	n := runOf(s[j:], "0123456789")
	if n == 0 || !strings.HasPrefix(s[j+n:], "号") {
		return 0, false
	}
	return j + n + len("号"), true
}

// docNumber reads a 文号 whose bracket is at i.
func docNumber(text string, i int) (Match, bool) {
	n, ok := docYear(text[i:])
	if !ok {
		return Match{}, false
	}
	start, count := i, 0
	for start > 0 && count < maxIssuer {
		r, size := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.Is(unicode.Han, r) {
			break
		}
		start -= size
		count++
	}
	if start == i {
		return Match{}, false
	}
	return Match{Kind: DocNumber, Start: start, End: i + n, Issuer: text[start:i], DocNumber: NormalDocNumber(text[start : i+n])}, true
}

// NormalDocNumber writes a 文号 with the brackets 〔〕 and without spaces,
// so that 中办发[2019]12号 and 中办发（2019）12号 are 中办发〔2019〕12号.
func NormalDocNumber(s string) string {
	return docBrackets.Replace(strings.ReplaceAll(s, " ", ""))
}

var docBrackets = strings.NewReplacer("[", "〔", "［", "〔", "（", "〔", "(", "〔", "【", "〔", "]", "〕", "］", "〕", "）", "〕", ")", "〕", "】", "〕")

// selfWords name the document itself; 本章 and 本节 are parts of it.
var selfWords = []string{"本条例", "本规定", "本办法", "本细则", "本准则", "本规则", "本制度", "本意见", "本决定", "本章程", "本法", "本党章", "本通知", "本解释"}

// self reads 本条例第五条 and the like; 本条, 本款 are near.
func self(text string, i int) (Match, bool) {
	for _, w := range selfWords {
		if strings.HasPrefix(text[i:], w) {
			m := Match{Kind: Self, Start: i, End: i + len(w), Word: w}
			if arts, end := articles(text, i+len(w)); len(arts) > 0 {
				arts[0].Start = i
				m.Articles, m.End = arts, end
			}
			return m, true
		}
	}
	return near(text, i)
}

// nearWords are the articles and paragraphs next to the reader.
var nearWords = []string{"本条", "本款", "本项", "前款", "前两款", "前三款", "前条", "前两条", "前三条"}

// near reads 本条, 前款, 前款第（五）项, 前条.
func near(text string, i int) (Match, bool) {
	for _, w := range nearWords {
		if !strings.HasPrefix(text[i:], w) {
			continue
		}
		end := i + len(w)
		if strings.HasPrefix(text[end:], "例") || strings.HasPrefix(text[end:], "件") { // 本条例, 前条件
			return Match{}, false
		}
		_, n := itemAt(text[end:])
		end += n
		return Match{Kind: Near, Start: i, End: end, Word: w}, true
	}
	return Match{}, false
}

// bareLeads are the words after which 第五条 names an article of the same
// document; elsewhere 第一条 may be the first of anything (第一条经验).
var bareLeads = []string{"依照", "按照", "依据", "根据", "违反", "适用", "参照", "符合", "执行", "详见", "参见", "对照"}

// bare reads 第五条 where it names an article of the same document: after
// a word of bareLeads, or followed by 规定 or 第…款.
func bare(text string, i int) (Match, bool) {
	arts, end := articles(text, i)
	if len(arts) == 0 {
		return Match{}, false
	}
	lead := false
	for _, w := range bareLeads {
		if strings.HasSuffix(text[:i], w) {
			lead = true
		}
	}
	after := text[end:]
	if !lead && !strings.HasPrefix(after, "规定") && !strings.HasPrefix(after, "的规定") && arts[0].Clause == 0 && len(arts) == 1 {
		return Match{}, false
	}
	return Match{Kind: Self, Start: i, End: end, Word: "第", Articles: arts}, true
}

// articles reads, at i, 第十二条 or a list of them (第十、十八条;
// 第十条、第十二条; 第十条至第十二条), each perhaps with 之一, 第二款 and
// 第（三）项. It returns nothing when no article starts at i.
func articles(text string, i int) ([]Article, int) {
	var out []Article
	end := i
	for {
		j := end
		if len(out) > 0 {
			sep := ""
			for _, s := range []string{"、", "和", "及", "至", "，"} {
				if strings.HasPrefix(text[j:], s) {
					sep = s
				}
			}
			if sep == "" {
				break
			}
			j += len(sep)
		}
		start := j
		if !strings.HasPrefix(text[j:], "第") {
			break
		}
		j += len("第")
		// 第十、十八条: numbers listed before one 条.
		var nums []string
		var spans [][2]int
		for {
			n := runOf(text[j:], articleNumerals)
			if n == 0 {
				break
			}
			nums = append(nums, text[j:j+n])
			spans = append(spans, [2]int{j, j + n})
			j += n
			if strings.HasPrefix(text[j:], "、") && runOf(text[j+len("、"):], articleNumerals) > 0 {
				j += len("、")
				continue
			}
			break
		}
		if len(nums) == 0 || !strings.HasPrefix(text[j:], "条") {
			break
		}
		j += len("条")
		sub := ""
		if strings.HasPrefix(text[j:], "之") {
			if n := runOf(text[j+len("之"):], "一二三四五六七八九十"); n > 0 {
				sub = text[j : j+len("之")+n]
				j += len("之") + n
			}
		}
		clause := 0
		if strings.HasPrefix(text[j:], "第") {
			k := j + len("第")
			if n := runOf(text[k:], "一二三四五六七八九十0123456789"); n > 0 && strings.HasPrefix(text[k+n:], "款") {
				clause = number(text[k : k+n])
				j = k + n + len("款")
			}
		}
		item, n := itemAt(text[j:])
		j += n
		for k, num := range nums {
			a := Article{Start: spans[k][0], End: spans[k][1], Label: "第" + chinese(num) + "条", Clause: clause, Item: item}
			if k == 0 {
				a.Start = start
			}
			if k == len(nums)-1 {
				a.End = j
				a.Label += sub
			}
			out = append(out, a)
		}
		end = j
	}
	return out, end
}

// itemAt reads 第（三）项 or 第三项 at the start of s.
func itemAt(s string) (int, int) {
	if !strings.HasPrefix(s, "第") {
		return 0, 0
	}
	j := len("第")
	open := false
	for _, p := range []string{"（", "("} {
		if strings.HasPrefix(s[j:], p) {
			j += len(p)
			open = true
			break
		}
	}
	n := runOf(s[j:], "一二三四五六七八九十0123456789")
	if n == 0 {
		return 0, 0
	}
	v := number(s[j : j+n])
	j += n
	if open {
		closed := false
		for _, p := range []string{"）", ")"} {
			if strings.HasPrefix(s[j:], p) {
				j += len(p)
				closed = true
				break
			}
		}
		if !closed {
			return 0, 0
		}
	}
	if !strings.HasPrefix(s[j:], "项") {
		return 0, 0
	}
	return v, j + len("项")
}

const articleNumerals = "零〇一二三四五六七八九十百千0123456789０１２３４５６７８９"

// number reads Arabic (half- or full-width) or Chinese numerals.
func number(s string) int {
	if n, ok := arabic(s); ok {
		return n
	}
	return numerals.Parse(strings.ReplaceAll(s, "〇", "零"))
}

func arabic(s string) (int, bool) {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
		case r >= '０' && r <= '９':
			n = n*10 + int(r-'０')
		default:
			return 0, false
		}
		if n > 1e6 {
			return 0, false
		}
	}
	return n, true
}

// chinese writes an article number as the anchors have it.
func chinese(s string) string {
	if n, ok := arabic(s); ok {
		return numerals.Chinese(n)
	}
	return s
}

func runOf(s, set string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if r == utf8.RuneError || !strings.ContainsRune(set, r) {
			break
		}
		n += size
	}
	return n
}
