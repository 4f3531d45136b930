package docimport

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"djkb/internal/numerals"
)

// Doc is what the recogniser read from one document.
type Doc struct {
	Title     string
	DocNumber string   // normalised to 中办发〔2019〕12号
	Issuers   []string // 制定机关
	Caption   string   // the 题注 as written, parentheses included
	Issued    time.Time
	Effective time.Time
	History   []Event // the dated steps of the 题注
	Body      string  // Markdown, shaped as djkb's regulations are written
	Articles  int
	Problems  []string // what to check, in editors' words

	adopted time.Time // the 题注's date of adoption, the issue date when no other is found
	onIssue bool      // the text takes effect on the day it is issued
}

// Event is one dated step of a 题注: "2019年8月19日中共中央发布".
type Event struct {
	Date time.Time
	Text string
}

// spaces are the blanks documents put between words and around them.
const spaces = " \t\u3000\u00a0"

// Patterns of the 红头 and the body. Numerals are matched loosely here and
// read by parseNumber.
var (
	docNumberRe = regexp.MustCompile(`([\p{Han}A-Za-z]{1,20}?)[ \x{3000}]*[〔\[［【（(][ \x{3000}]*([12][0-9]{3})[ \x{3000}]*[〕\]］】）)][ \x{3000}]*第?[ \x{3000}]*([0-9]{1,5})[ \x{3000}]*号`)
	dateRe      = regexp.MustCompile(`([0-9〇○零一二三四五六七八九]{4})[ \x{3000}]*年[ \x{3000}]*([0-9一二三四五六七八九十]{1,3})[ \x{3000}]*月[ \x{3000}]*([0-9一二三四五六七八九十]{1,3})[ \x{3000}]*日`)
	structureRe = regexp.MustCompile(`^第([0-9零〇一二三四五六七八九十百]+)(分编|编|章|节)(?:[ \t\x{3000}]+|$)?(.*)$`)
	articleRe   = regexp.MustCompile(`^(\*\*|__)?[ \t\x{3000}]*(第[零〇一二三四五六七八九十百千万0-9]+条(?:之[一二三四五六七八九十]+)?)[ \t\x{3000}]*(\*\*|__)?[ \t\x{3000}]*`)
	itemHeadRe  = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	enumRe      = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[.、．]|第[零〇一二三四五六七八九十百千0-9]+[条章节编])`)
	secrecyRe   = regexp.MustCompile(`^(?:绝密|机密|秘密|特急|加急|平急|特提|份号|[0-9]{4,8}$)|★`)
	effectiveRe = regexp.MustCompile(`自(.{6,16}?日|发布之日|印发之日|公布之日)起(?:施行|执行|实施)`)
	imageRe     = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	headingRe   = regexp.MustCompile(`^(#{1,6})[ \t]+`)
)

// rank orders the levels of a document's structure, from 编 down to 节.
var rank = map[string]int{"编": 0, "分编": 1, "章": 2, "节": 3}

// plain is a block's text without Markdown markup: heading marks, bold,
// backslash escapes and images go, lines are joined and blanks trimmed.
func plain(block string) string {
	s := headingRe.ReplaceAllString(block, "")
	s = imageRe.ReplaceAllString(s, "")
	s = strings.NewReplacer("**", "", "__", "", "\n", "").Replace(s)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i+1]) >= 0 {
			i++
		}
		b.WriteByte(s[i])
	}
	return strings.TrimFunc(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, b.String()), unicode.IsSpace)
}

// narrowDigits writes full-width digits as ASCII ones.
func narrowDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= '０' && r <= '９' }) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

// FindDocNumber finds a 文号 in s and writes it in the standard form with
// 〔〕, whichever brackets the document used: 中办发〔2019〕12号.
func FindDocNumber(s string) (string, bool) {
	m := docNumberRe.FindStringSubmatch(narrowDigits(s))
	if m == nil {
		return "", false
	}
	return m[1] + "〔" + m[2] + "〕" + m[3] + "号", true
}

// parseNumber reads Arabic digits or Chinese numerals; years written digit
// by digit (二〇一九) are read so too.
func parseNumber(s string, year bool) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if !year {
		return numerals.Parse(s)
	}
	n := 0
	for _, r := range s {
		d := strings.IndexRune("〇一二三四五六七八九", r)
		if r == '○' || r == '零' {
			d = 0
		}
		n = n*10 + d/3 // IndexRune counts bytes; each numeral is three
	}
	return n
}

// dateAt reads the date of a dateRe match, or reports that it is no date.
func dateAt(m []string) (time.Time, bool) {
	y, mo, d := parseNumber(m[1], true), parseNumber(m[2], false), parseNumber(m[3], false)
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	return t, t.Year() == y && int(t.Month()) == mo && t.Day() == d && y >= 1900
}

// ParseCaption reads the dated steps of a 题注 such as （2019年7月25日中共
// 中央政治局会议审议批准　2019年8月19日中共中央发布）: each date with the
// words that follow it. bad counts the dates that are not real dates.
func ParseCaption(caption string) (events []Event, bad int) {
	s := narrowDigits(caption)
	idx := dateRe.FindAllStringSubmatchIndex(s, -1)
	for i, loc := range idx {
		end := len(s)
		if i+1 < len(idx) {
			end = idx[i+1][0]
		}
		m := make([]string, 4)
		for j := range m {
			m[j] = s[loc[2*j]:loc[2*j+1]]
		}
		t, ok := dateAt(m)
		if !ok {
			bad++
			continue
		}
		// "根据" and "自" belong to the next date: 根据2023年……修正; 自2023年7月1日起施行.
		text := strings.Trim(s[loc[1]:end], spaces+"（）()，,；;。")
		text = strings.Trim(trimAnySuffix(text, []string{"根据", "自"}), spaces+"，,；;")
		events = append(events, Event{Date: t, Text: strings.TrimPrefix(text, "起")})
	}
	return events, bad
}

// issuingVerbs end the words of a 题注 step that issued the document; what
// comes before them names the issuer.
var issuingVerbs = []string{"印发", "发布", "公布", "颁布"}

// captionFacts takes the dates and the issuers from a 题注's steps: the
// last step that issued the document, the last step that adopted or
// amended it, and the step that says 施行.
func captionFacts(events []Event) (issued, adopted, effective time.Time, issuers []string) {
	for _, e := range events {
		switch {
		case strings.HasSuffix(e.Text, "施行"):
			effective = e.Date
		case hasAnySuffix(e.Text, issuingVerbs):
			issued = e.Date
			issuers = splitIssuers(trimAnySuffix(e.Text, issuingVerbs))
		default:
			adopted = e.Date
		}
	}
	return
}

func hasAnySuffix(s string, suffixes []string) bool {
	return trimAnySuffix(s, suffixes) != s
}

func trimAnySuffix(s string, suffixes []string) string {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return strings.TrimSuffix(s, x)
		}
	}
	return s
}

// splitIssuers splits "中共中央办公厅、国务院办公厅" into its organs; the
// words of a step that are no organ (修订, 联合) are dropped.
func splitIssuers(s string) []string {
	s = strings.TrimSuffix(strings.TrimSuffix(s, "修订"), "联合")
	var out []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(spaces+"、，,和", r) }) {
		if utf8.RuneCountInString(f) >= 2 {
			out = append(out, f)
		}
	}
	return out
}

// Banner reads the 红头 banner line "中共东江省委办公厅文件" and returns the
// organs that issue the document.
func Banner(p string) ([]string, bool) {
	n := utf8.RuneCountInString(p)
	if !strings.HasSuffix(p, "文件") || n < 4 || n > 40 || strings.ContainsAny(p, "《》。，：") {
		return nil, false
	}
	issuers := splitIssuers(strings.TrimSuffix(p, "文件"))
	return issuers, len(issuers) > 0
}

// sentence reports whether p ends as a sentence or clause does.
func sentence(p string) bool {
	last, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune("。；，：:;,", last)
}

// titleShaped reports whether p can be (part of) a title: a short line,
// not a sentence, not a numbered item.
func titleShaped(p string) bool {
	n := utf8.RuneCountInString(p)
	return n >= 2 && n <= 80 && !enumRe.MatchString(p) && !sentence(p) && !dateOnly(p)
}

// dateOnly reports whether p is nothing but a date, as a 落款 is.
func dateOnly(p string) bool {
	loc := dateRe.FindStringIndex(narrowDigits(p))
	return loc != nil && loc[0] == 0 && loc[1] == len(narrowDigits(p))
}

// parenthesised reports whether p is wrapped in one pair of parentheses.
func parenthesised(p string) bool {
	return (strings.HasPrefix(p, "（") || strings.HasPrefix(p, "(")) &&
		(strings.HasSuffix(p, "）") || strings.HasSuffix(p, ")"))
}

// captionWords are words only a 题注 holds, not a title's （试行）.
var captionWords = []string{"通过", "批准", "发布", "印发", "公布", "施行", "修正", "修订"}

func captionShaped(p string) bool {
	if !parenthesised(p) {
		return false
	}
	if dateRe.MatchString(narrowDigits(p)) {
		return true
	}
	for _, w := range captionWords {
		if strings.Contains(p, w) && utf8.RuneCountInString(p) > 12 {
			return true
		}
	}
	return false
}

// Structure reads a heading of the document's structure, "第一章　总则":
// its kind (编, 分编, 章 or 节), the label and the name.
func Structure(p string) (kind, label, name string, ok bool) {
	m := structureRe.FindStringSubmatch(p)
	if m == nil || utf8.RuneCountInString(p) > 40 || sentence(p) {
		return "", "", "", false
	}
	return m[2], "第" + m[1] + m[2], strings.Trim(m[3], spaces), true
}

// Article splits a block that starts an article into its label (第十二条)
// and its text after the label, markup around the label taken away.
func Article(block string) (label, rest string, ok bool) {
	block = strings.TrimLeft(block, spaces)
	m := articleRe.FindStringSubmatch(block)
	if m == nil {
		return "", "", false
	}
	rest = block[len(m[0]):]
	if open, closed := m[1], m[3]; open != "" && closed == "" {
		if strings.HasSuffix(rest, open) {
			rest = strings.TrimSuffix(rest, open)
		} else {
			rest = open + rest
		}
	}
	return m[2], rest, true
}

// articleNumber is the number of an article label, or 0 for 第十二条之一
// and labels it cannot read.
func articleNumber(label string) int {
	if strings.Contains(label, "之") {
		return 0
	}
	return parseNumber(strings.TrimSuffix(strings.TrimPrefix(label, "第"), "条"), false)
}

// Recognise reads a document given as Markdown blocks: the 红头 and title
// lines at its head, and the structure of its body.
func Recognise(blocks []string) *Doc {
	d := &Doc{}
	body := d.readHead(blocks)
	body = d.readAttached(body)
	d.shapeBody(body)
	if d.Issued.IsZero() {
		d.Issued = d.adopted
	}
	if d.Effective.IsZero() && d.onIssue {
		d.Effective = d.Issued
	}
	d.check()
	return d
}

// headNoise is how many blocks of a page's menus and the like may come
// before the title.
const headNoise = 8

// readHead takes the banner, 文号, title and 题注 from the head of the
// document and returns the blocks of the body.
func (d *Doc) readHead(blocks []string) []string {
	var kept []string // blocks of the head that are no part of the 红头
	for i := 0; i < len(blocks); i++ {
		p := plain(blocks[i])
		if p == "" {
			kept = append(kept, blocks[i])
			continue
		}
		if markup(blocks[i]) {
			switch {
			case d.Title != "":
				return append(kept, blocks[i:]...)
			case strings.HasPrefix(blocks[i], "|") && d.readHeadTable(blocks[i]):
				// a 红头 laid out in a table
			case i < headNoise:
				kept = append(kept, blocks[i]) // a web page's menu
			default:
				return append(kept, blocks[i:]...)
			}
			continue
		}
		if d.Title == "" {
			if issuers, ok := Banner(p); ok && d.Issuers == nil {
				d.Issuers = issuers
				continue
			}
			if no, ok := FindDocNumber(p); ok && d.DocNumber == "" && utf8.RuneCountInString(p) <= 40 {
				d.DocNumber = no
				continue
			}
			if secrecyRe.MatchString(p) && utf8.RuneCountInString(p) <= 20 {
				continue
			}
			if _, _, _, ok := Structure(p); !ok && titleShaped(p) && !captionShaped(p) {
				d.Title = p
				continue
			}
			return append(kept, blocks[i:]...)
		}
		switch no, ok := FindDocNumber(p); {
		case ok && d.DocNumber == "" && utf8.RuneCountInString(p) <= 40:
			d.DocNumber = no // the 文号 under the title, as web pages print it
			continue
		case captionShaped(p):
			d.readCaption(p)
			return append(kept, blocks[i+1:]...)
		case parenthesised(p) && utf8.RuneCountInString(p) <= 12:
			d.Title += p // （试行） on a line of its own
			continue
		case titleShaped(p) && (unfinished(d.Title) || i+1 < len(blocks) && captionShaped(plain(blocks[i+1]))):
			if _, _, _, ok := Structure(p); !ok {
				d.Title += p // a long title over two lines
				continue
			}
		}
		return append(kept, blocks[i:]...)
	}
	return kept
}

// unfinished reports whether a title line plainly goes on in the next
// line: a 《 not closed, or a last word that cannot end a title.
func unfinished(title string) bool {
	if strings.Count(title, "《") > strings.Count(title, "》") {
		return true
	}
	for _, w := range []string{"的", "和", "与", "及", "关于", "《"} {
		if strings.HasSuffix(title, w) {
			return true
		}
	}
	return false
}

// printNoticeRe reads the title of a notice that issues a document:
// 关于印发《东江省直机关党员积分管理办法》的通知.
var printNoticeRe = regexp.MustCompile(`^(?:中共[^《》]*)?关于(?:印发|转发|颁布|发布)《([^《》]+)》的通知$`)

// readAttached makes a notice that issues one document (关于印发《X》的
// 通知) the page of that document when the document follows in the body:
// its title becomes the page's title, and its own 题注 is read. The notice's
// text stays at the top of the body for the editor to keep or delete.
func (d *Doc) readAttached(body []string) []string {
	m := printNoticeRe.FindStringSubmatch(d.Title)
	if m == nil {
		return body
	}
	for i, b := range body {
		if p := plain(b); p == m[1] && !markup(b) {
			d.Title = m[1]
			rest := body[i+1:]
			if len(rest) > 0 && d.Caption == "" && captionShaped(plain(rest[0])) {
				d.readCaption(plain(rest[0]))
				rest = rest[1:]
			}
			d.problem("这是印发通知：标题已取所印发的《%s》，通知的正文留在页面开头，请核对后决定保留还是删去", m[1])
			return append(body[:i:i], rest...)
		}
	}
	return body
}

// markup reports whether a block is a table, list, quote or code, which
// no title or 题注 is.
func markup(block string) bool {
	for _, prefix := range []string{"|", "- ", "* ", "+ ", ">", "```", "    "} {
		if strings.HasPrefix(block, prefix) {
			return true
		}
	}
	return listStartRe.MatchString(block)
}

// readHeadTable reads the banner and 文号 from the cells of a table at the
// head of a document, as some 红头 templates lay them out, and reports
// whether it found either.
func (d *Doc) readHeadTable(table string) bool {
	found := false
	for _, cell := range strings.FieldsFunc(table, func(r rune) bool { return r == '|' || r == '\n' }) {
		p := plain(cell)
		if issuers, ok := Banner(p); ok && d.Issuers == nil {
			d.Issuers, found = issuers, true
		} else if no, ok := FindDocNumber(p); ok && d.DocNumber == "" {
			d.DocNumber, found = no, true
		}
	}
	return found
}

func (d *Doc) readCaption(p string) {
	d.Caption = p
	events, bad := ParseCaption(p)
	d.History = events
	issued, adopted, effective, issuers := captionFacts(events)
	d.Issued, d.adopted, d.Effective = issued, adopted, effective
	if len(issuers) > 0 {
		d.Issuers = issuers
	}
	if bad > 0 || len(events) == 0 {
		d.problem("题注“%s”中的日期没有全部认出：请核对并补写 issued（印发日期）和 effective（施行日期）", p)
	}
}

// shapeBody writes the body as djkb's regulations are written: 编, 章 and
// 节 as headings one level below another, each article a paragraph that
// starts "第X条　".
func (d *Doc) shapeBody(blocks []string) {
	present := map[int]bool{}
	for _, b := range blocks {
		if kind, _, _, ok := Structure(plain(b)); ok {
			present[rank[kind]] = true
		}
	}
	level := map[int]int{}
	next := 2
	for r := 0; r < len(rank); r++ {
		if present[r] {
			level[r] = next
			next++
		}
	}
	var out []string
	var signed string // the block before a date line: the organ that signed
	prev := 0
	for i := 0; i < len(blocks); i++ {
		b, p := blocks[i], plain(blocks[i])
		if strings.HasPrefix(b, " ") { // a list item's further paragraph
			out = append(out, b)
			continue
		}
		switch kind, label, name, ok := Structure(p); {
		case ok:
			b = strings.Repeat("#", level[rank[kind]]) + " " + label
			if name != "" {
				b += "\u3000" + name
			}
		case len(present) == 0 && itemHeadRe.MatchString(p) && !sentence(p) && utf8.RuneCountInString(p) <= 30:
			b = "## " + p
		default:
			if label, rest, ok := Article(b); ok {
				if rest == "" && i+1 < len(blocks) && plain(blocks[i+1]) != "" && !strings.HasPrefix(blocks[i+1], "#") {
					i++
					rest = strings.TrimLeft(blocks[i], spaces)
				}
				b = label + "\u3000" + rest
				d.Articles++
				if n := articleNumber(label); n > 0 {
					if prev > 0 && n != prev+1 {
						d.problem("%s之后是%s：请核对是否漏了条文，或一条被拆成了两段", "第"+numerals.Chinese(prev)+"条", label)
					}
					prev = n
				}
			} else if strings.HasPrefix(b, "# ") {
				b = "#" + b // the page shows its title as the only first-level heading
			} else {
				b = strings.TrimLeft(b, "\u3000")
			}
			d.readDates(p, signed)
		}
		signed = p
		out = append(out, b)
	}
	d.Body = strings.Join(out, "\n\n")
}

// readDates takes from a body paragraph what the head did not give: the
// date of a 落款 (a line that is only a date) with the organ signed above
// it, and the date the text says it takes effect.
func (d *Doc) readDates(p, above string) {
	if dateOnly(p) && d.Issued.IsZero() {
		if t, ok := dateAt(dateRe.FindStringSubmatch(narrowDigits(p))); ok {
			d.Issued = t
			if d.Issuers == nil && titleShaped(above) && utf8.RuneCountInString(above) <= 30 {
				d.Issuers = []string{above}
			}
		}
	}
	if !d.Effective.IsZero() {
		return
	}
	m := effectiveRe.FindStringSubmatch(narrowDigits(p))
	switch {
	case m == nil:
	case strings.HasSuffix(m[1], "之日"):
		d.onIssue = true // 自发布之日起施行
	default:
		if dm := dateRe.FindStringSubmatch(m[1]); dm != nil {
			if t, ok := dateAt(dm); ok {
				d.Effective = t
			}
		}
	}
}

// articleForms are the 名称类别 that are always written in articles.
var articleForms = []string{"条例", "规定", "办法", "细则", "规则", "准则"}

// check lists what the editor must look at because it was not found.
func (d *Doc) check() {
	if d.Title == "" {
		d.problem("没有认出标题：已用文件名作标题，请核对 title")
	}
	if d.DocNumber == "" {
		d.problem("没有认出文号（如 中办发〔2019〕12号）：原件有文号的，请补写 doc_number")
	}
	if d.Issued.IsZero() {
		d.problem("没有认出印发日期：请补写 issued")
	}
	if len(d.Issuers) == 0 {
		d.problem("没有认出制定机关：请补写 issuer")
	}
	if f := form(d.Title); d.Articles == 0 && slices.Contains(articleForms, f) {
		d.problem("标题是%s，但没有认出“第X条”：请核对条文是否每条单独一段、以“第X条”开头", f)
	}
}

func (d *Doc) problem(format string, args ...any) {
	d.Problems = append(d.Problems, fmt.Sprintf(format, args...))
}
