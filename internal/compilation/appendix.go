package compilation

import (
	"slices"
	"strings"
	"unicode/utf8"

	"djkb/internal/content"
	"djkb/internal/numerals"
	"djkb/internal/register"
	"djkb/internal/site"
)

// Appendix is one table at the end of the digest.
type Appendix struct {
	ID      string // element id, "a1"
	Number  string // 一, 二, …
	Title   string
	Intro   string
	Columns []Column
	Rows    [][]Cell
	Empty   string // said when there are no rows
}

// Column heads a column of an appendix table; Nowrap keeps short values
// (numbers, dates, results) on one line.
type Column struct {
	Title  string
	Nowrap bool
}

// Cell is one cell of an appendix table; Link, when set, is a place in the
// document.
type Cell struct {
	Text string
	Link string
}

// appendices builds the clean-up results, the 废止 and 宣布失效 lists, the
// documents to be revised and the amended documents, over every regulation
// in scope whatever its status.
func appendices(d *Digest, reg *register.Register, scope []entry) []*Appendix {
	items := make([]*Item, len(scope))
	for i, e := range scope {
		items[i] = newItem(e)
	}
	slices.SortStableFunc(items, compareItems)
	name := func(it *Item) Cell { return d.cell(it.Page) }
	var results, repealed, void, revise, amended [][]Cell
	for _, it := range items {
		r := it.Page.Reg()
		last := register.LastDecision(r)
		if last != nil {
			results = append(results, []Cell{name(it), {Text: it.Status}, {Text: last.Batch}, {Text: last.Result}, {Text: chineseDate(last.Date)}, {Text: last.Note}})
		} else {
			results = append(results, []Cell{name(it), {Text: it.Status}, {Text: "—"}, {Text: "未经清理"}, {}, {}})
		}
		switch it.Status {
		case content.Repealed:
			repealed = append(repealed, []Cell{name(it), {Text: it.DocNumber}, {Text: it.Issuers}, {Text: chineseDate(it.Issued)}, {Text: repealText(r.Repeal)}})
		case content.Void:
			void = append(void, []Cell{name(it), {Text: it.DocNumber}, {Text: it.Issuers}, {Text: chineseDate(it.Issued)}, {Text: repealText(r.Repeal)}})
		case content.Amended:
			amended = append(amended, []Cell{name(it), {Text: it.DocNumber}, d.successor(it.Page, reg)})
		}
		if last != nil && (last.Result == "修改" || last.Result == content.KeepRevise) && len(it.Page.SupersededBy) == 0 && (it.Status == content.InForce || it.Status == content.Amended) {
			revise = append(revise, []Cell{name(it), {Text: it.DocNumber}, {Text: last.Batch}, {Text: last.Note}})
		}
	}
	list := []*Appendix{
		{Title: "法规制度清理结果", Intro: "列出本汇编范围内每份文件最近一次清理的结论。",
			Columns: columns("文件名称", "效力状态*", "清理批次", "结论*", "日期*", "说明"), Rows: results},
		{Title: "废止目录", Intro: "以下文件已废止，不再执行，未收入正文。",
			Columns: columns("文件名称", "文号", "制定机关", "印发日期*", "废止依据"), Rows: repealed},
		{Title: "宣布失效目录", Intro: "以下文件调整对象已消失或适用期已过，宣布失效，未收入正文。",
			Columns: columns("文件名称", "文号", "制定机关", "印发日期*", "失效依据"), Rows: void},
		{Title: "待修改文件目录", Intro: "以下文件经清理需要修改，修改稿印发前仍按原文执行。",
			Columns: columns("文件名称", "文号", "清理批次", "说明"), Rows: revise},
		{Title: "已修改文件目录", Intro: "以下文件已经修改，以修改后的文件为准。",
			Columns: columns("文件名称", "文号", "修改后的文件"), Rows: amended},
	}
	for i, a := range list {
		a.ID, a.Number, a.Empty = "a"+itoa(i+1), numerals.Chinese(i+1), "本汇编范围内没有此类文件。"
		for j, row := range a.Rows {
			a.Rows[j] = append([]Cell{{Text: itoa(j + 1)}}, row...)
		}
		a.Columns = append([]Column{{Title: "序号", Nowrap: true}}, a.Columns...)
		for c := range a.Columns {
			a.Columns[c].Nowrap = a.Columns[c].Nowrap || short(a.Rows, c)
		}
	}
	return list
}

// shortCell is the most characters of a cell that is kept on one line:
// a 文号 or a batch such as 2024年度清理, which a break in the middle makes
// hard to read.
const shortCell = 12

// short reports whether every cell of column c is short.
func short(rows [][]Cell, c int) bool {
	for _, row := range rows {
		if utf8.RuneCountInString(row[c].Text) > shortCell {
			return false
		}
	}
	return len(rows) > 0
}

// columns makes column heads; a title ending in * is not wrapped.
func columns(titles ...string) []Column {
	out := make([]Column, len(titles))
	for i, t := range titles {
		title, nowrap := strings.CutSuffix(t, "*")
		out[i] = Column{Title: title, Nowrap: nowrap}
	}
	return out
}

// cell names a regulation, linking to it when the digest holds it.
func (d *Digest) cell(p *site.Page) Cell {
	if it := d.byURL[p]; it != nil {
		return Cell{Text: p.Title, Link: "#" + it.ID}
	}
	return Cell{Text: p.Title}
}

// successor names the document replacing an amended one: its superseded_by,
// else a newer page with the same title.
func (d *Digest) successor(p *site.Page, reg *register.Register) Cell {
	for _, ref := range p.SupersededBy {
		if ref.Page != nil {
			return d.cell(ref.Page)
		}
		return Cell{Text: ref.Text}
	}
	if q := reg.Newer(p); q != nil {
		return d.cell(q)
	}
	return Cell{Text: "（修改后的文件未收录）"}
}

func repealText(r *content.Repeal) string {
	if r == nil {
		return "（废止依据未录入）"
	}
	s := r.Decision
	if r.DocNumber != "" {
		s += "（" + r.DocNumber + "）"
	}
	if !r.Date.IsZero() {
		s += " " + chineseDate(r.Date)
	}
	return s
}
