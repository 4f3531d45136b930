package compilation

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strings"
	"time"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/register"
	"djkb/internal/review"
	"djkb/internal/site"

	"github.com/chromedp/chromedp"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Report is a clean-up batch's 清理情况报告 and the annexes of its 清理决定:
// the figures of what was decided, by 体系 and by 制定机关, and the lists of
// the documents repealed (附件1), declared void (附件2) and kept in force
// (附件3, those to be revised marked).
type Report struct {
	Title     string           `json:"title"`
	Unit      string           `json:"unit,omitempty"`
	Batch     config.BatchInfo `json:"batch"`
	InScope   int              `json:"in_scope"` // documents the batch has to decide
	Totals    Tally            `json:"totals"`
	BySystem  []Tally          `json:"by_system"`
	ByIssuer  []Tally          `json:"by_issuer"`
	Annexes   []*Annex         `json:"annexes"`
	Amend     []AnnexRow       `json:"amend"` // decided 修改: listed in the report, not annexed
	Generated time.Time        `json:"-"`

	opts Options
}

// Tally counts the decisions of one part (all, a 体系, a 制定机关).
type Tally struct {
	Name     string `json:"name,omitempty"`
	Reviewed int    `json:"reviewed"`
	Keep     int    `json:"keep"`   // 继续有效, including those to be revised
	Revise   int    `json:"revise"` // of which 继续有效但需适时修改
	Amend    int    `json:"amend"`  // 修改
	Repeal   int    `json:"repeal"` // 废止
	Void     int    `json:"void"`   // 宣布失效
}

// Annex is one numbered list of the decision.
type Annex struct {
	Number int        `json:"number"`
	ID     string     `json:"id"`
	Title  string     `json:"title"`
	Rows   []AnnexRow `json:"rows"`
}

// AnnexRow is one document of an annex.
type AnnexRow struct {
	No        int       `json:"no"`
	Path      string    `json:"path"`
	Title     string    `json:"title"`
	DocNumber string    `json:"doc_number,omitempty"`
	Issued    time.Time `json:"issued,omitzero"`
	System    string    `json:"system"`
	Issuer    string    `json:"issuer,omitempty"`
	Result    string    `json:"result"`
	Ground    string    `json:"ground,omitempty"`
	Note      string    `json:"note,omitempty"`
	Revise    bool      `json:"revise,omitempty"` // 需适时修改
}

// IssuedText is the issue date as printed.
func (r AnnexRow) IssuedText() string { return chineseDate(r.Issued) }

// NewReport gathers the report of the batch named batch (the current one
// when ""). It is an error when no document records a decision of it.
func NewReport(s *site.Site, batch string, opts Options) (*Report, error) {
	info := s.Config.Cleanup.Current
	if batch != "" && batch != info.Name {
		info = config.BatchInfo{Name: batch}
	}
	if info.Name == "" {
		return nil, fmt.Errorf("没有指定清理批次：请用 --batch 写明批次名称，或在 site.toml 的 [cleanup] 中写 batch")
	}
	if opts.AsOf.IsZero() {
		opts.AsOf = register.Today()
	}
	rep := &Report{Title: strings.TrimSuffix(info.Name, "清理") + "清理情况报告", Unit: s.Config.Unit, Batch: info, Generated: opts.AsOf, opts: opts}
	reg := register.New(s)
	var rows []AnnexRow
	for _, p := range reg.Pages() {
		if review.InBatchScope(p, reg.Status(p), info.Name) {
			rep.InScope++
		}
		d := review.DecisionIn(p, info.Name)
		if d == nil {
			continue
		}
		r := p.Reg()
		issuer := ""
		if len(r.Issuer) > 0 {
			issuer = r.Issuer[0]
		}
		rows = append(rows, AnnexRow{Path: p.Src.Path, Title: p.Title, DocNumber: r.DocNumber, Issued: r.Issued,
			System: systemOf(p), Issuer: issuer, Result: d.Result, Ground: d.Ground, Note: d.Note, Revise: d.Result == content.KeepRevise})
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("还没有文件记入清理批次“%s”的结论：请先用 djkb cleanup decide 记入结论，或核对批次名称", info.Name)
	}
	slices.SortStableFunc(rows, func(a, b AnnexRow) int {
		return cmp.Or(systemRank(a.System, b.System), compareDay(a.Issued, b.Issued), strings.Compare(a.Title, b.Title))
	})
	systems, issuers := map[string]*Tally{}, map[string]*Tally{}
	tally := func(m map[string]*Tally, list *[]Tally, name string) *Tally {
		if name == "" {
			name = "未注明"
		}
		if m[name] == nil {
			*list = append(*list, Tally{Name: name})
			m[name] = &Tally{}
		}
		return m[name]
	}
	for _, row := range rows {
		for _, t := range []*Tally{&rep.Totals, tally(systems, &rep.BySystem, row.System), tally(issuers, &rep.ByIssuer, row.Issuer)} {
			t.count(row.Result)
		}
	}
	fill := func(list []Tally, m map[string]*Tally) {
		for i := range list {
			name := list[i].Name
			list[i] = *m[name]
			list[i].Name = name
		}
	}
	fill(rep.BySystem, systems)
	fill(rep.ByIssuer, issuers)
	slices.SortStableFunc(rep.BySystem, func(a, b Tally) int { return systemRank(a.Name, b.Name) })
	slices.SortStableFunc(rep.ByIssuer, func(a, b Tally) int { return cmp.Compare(b.Reviewed, a.Reviewed) })

	annex := func(n int, title string, keep func(AnnexRow) bool) *Annex {
		a := &Annex{Number: n, ID: fmt.Sprintf("annex%d", n), Title: title, Rows: []AnnexRow{}}
		for _, row := range rows {
			if keep(row) {
				row.No = len(a.Rows) + 1
				a.Rows = append(a.Rows, row)
			}
		}
		return a
	}
	rep.Annexes = []*Annex{
		annex(1, "决定废止的文件目录", func(r AnnexRow) bool { return r.Result == "废止" }),
		annex(2, "决定宣布失效的文件目录", func(r AnnexRow) bool { return r.Result == "宣布失效" }),
		annex(3, "继续有效的文件目录", func(r AnnexRow) bool { return r.Result == content.KeepInForce || r.Revise }),
	}
	rep.Amend = annex(0, "", func(r AnnexRow) bool { return r.Result == "修改" }).Rows
	return rep, nil
}

func (t *Tally) count(result string) {
	t.Reviewed++
	switch result {
	case content.KeepInForce:
		t.Keep++
	case content.KeepRevise:
		t.Keep++
		t.Revise++
	case "修改":
		t.Amend++
	case "废止":
		t.Repeal++
	case "宣布失效":
		t.Void++
	}
}

// compareDay orders dates, the missing last.
func compareDay(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// Summary is the report's opening paragraph: the figures in the words of a
// 清理情况报告.
func (r *Report) Summary() string {
	t := r.Totals
	kind := ""
	if r.Batch.Kind != "" {
		kind = "（" + r.Batch.Kind + "清理"
		if r.Batch.Trigger != "" {
			kind += "，因《" + strings.Trim(r.Batch.Trigger, "《》") + "》开展"
		}
		kind += "）"
	}
	s := fmt.Sprintf("本次清理%s共清理文件 %d 件。其中，继续有效的 %d 件（其中需适时修改的 %d 件），需要修改的 %d 件，决定废止的 %d 件，决定宣布失效的 %d 件。",
		kind, t.Reviewed, t.Keep, t.Revise, t.Amend, t.Repeal, t.Void)
	if open := r.InScope - t.Reviewed; open > 0 {
		s += fmt.Sprintf("另有 %d 件尚未作出结论。", open)
	}
	return s
}

// WriteJSON writes the figures and annexes as JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// reportLayout is the template of the report in layouts/digest.html.
const reportLayout = "cleanup-report"

// reportView is what {{define "cleanup-report"}} sees.
type reportView struct {
	*Report
	CSS        template.CSS
	PrintStyle template.CSS // as in the digest: the join numbers the pages
	Anchors    template.HTML
}

// WriteHTML writes the report and its annexes as one HTML document.
func (r *Report) WriteHTML(w io.Writer) error { return r.render(w, "") }

func (r *Report) render(w io.Writer, anchors template.HTML) error {
	return renderLayout(w, r.opts, reportLayout, func(css template.CSS) any {
		return reportView{Report: r, CSS: css, Anchors: anchors, PrintStyle: map[bool]template.CSS{true: printStyle}[anchors != ""]}
	})
}

// renderLayout renders the {{define name}} of layouts/digest.html with the
// data view makes from the digest's stylesheet.
func renderLayout(w io.Writer, opts Options, name string, view func(css template.CSS) any) error {
	d := &Digest{opts: opts}
	t, err := d.template()
	if err != nil {
		return err
	}
	if t.Lookup(name) == nil {
		return fmt.Errorf(`layouts/%s 中没有 {{define "%s"}}…{{end}}：请从 djkb 自带的模板中复制这一段`, layoutName, name)
	}
	css, err := d.stylesheet()
	if err != nil {
		return err
	}
	out := &errWriter{w: w}
	if err := t.ExecuteTemplate(out, name, view(template.CSS(css))); err != nil {
		if out.err != nil {
			return out.err
		}
		return fmt.Errorf("渲染 %s 时模板出错：%w", name, err)
	}
	return nil
}

// PDF prints the report through the browser as the digest is printed: A4,
// page numbers in the footer, a bookmark for the report and each annex.
func (r *Report) PDF(browser context.Context, dir string) ([]byte, int, error) {
	ids := []string{"report"}
	outline := []*outlineNode{{title: "清理情况报告", dest: "report"}}
	owner := map[string]int{"report": 0}
	for _, a := range r.Annexes {
		ids = append(ids, a.ID)
		owner[a.ID] = 0
		outline = append(outline, &outlineNode{title: fmt.Sprintf("附件%d　%s", a.Number, a.Title), dest: a.ID})
	}
	anchors := partAnchors(0, ids, nil, owner, set(ids))
	return printOne(browser, dir, func(w io.Writer) error { return r.render(w, anchors) }, owner, outline, r.Title)
}

// printOne prints a document of one part in a tab of its own and joins it
// like the digest: page numbers, bookmarks, title.
func printOne(browser context.Context, dir string, write func(io.Writer) error, owner map[string]int, outline []*outlineNode, title string) ([]byte, int, error) {
	removeLeftovers(dir)
	tab, cancel := newTab(browser)
	defer cancel()
	pdf, err := printHTML(tab, dir, write)
	if err != nil {
		return nil, 0, err
	}
	doc, err := readPDF(pdf)
	if err != nil {
		return nil, 0, err
	}
	pages := doc.PageCount
	out, _, err := joinPDF([]*model.Context{doc}, owner, outline, title)
	return out, pages, err
}

// newTab opens a tab of its own in the browser.
func newTab(browser context.Context) (context.Context, context.CancelFunc) {
	return chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
}

// TotalsRows is the totals as a table of one row.
func (r *Report) TotalsRows() []Tally { return []Tally{r.Totals} }

// checklistView is what {{define "review-checklist"}} sees.
type checklistView struct {
	Title      string
	Lists      []review.Checklist
	CSS        template.CSS
	PrintStyle template.CSS
	Anchors    template.HTML
}

// WriteChecklists writes the 审查 checklists as one printable document,
// each document's on pages of its own.
func WriteChecklists(w io.Writer, lists []review.Checklist, opts Options) error {
	return writeChecklists(w, lists, opts, "")
}

func writeChecklists(w io.Writer, lists []review.Checklist, opts Options, anchors template.HTML) error {
	return renderLayout(w, opts, "review-checklist", func(css template.CSS) any {
		return checklistView{Title: "备案审查表", Lists: lists, CSS: css, Anchors: anchors, PrintStyle: map[bool]template.CSS{true: printStyle}[anchors != ""]}
	})
}

// ChecklistsPDF prints the checklists as the digest is printed.
func ChecklistsPDF(browser context.Context, dir string, lists []review.Checklist, opts Options) ([]byte, int, error) {
	owner := map[string]int{}
	var ids []string
	var outline []*outlineNode
	for i, l := range lists {
		id := fmt.Sprintf("c%d", i+1)
		ids = append(ids, id)
		owner[id] = 0
		outline = append(outline, &outlineNode{title: l.Title, dest: id})
	}
	anchors := partAnchors(0, ids, nil, owner, set(ids))
	return printOne(browser, dir, func(w io.Writer) error { return writeChecklists(w, lists, opts, anchors) }, owner, outline, "备案审查表")
}
