package compilation

import (
	"context"
	"fmt"
	"html/template"
	"io"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// PDF prints the digest on A4 through a headless Chromium started with
// chromium.New for chromium.Print (browser is its context) and returns the
// file and its number of pages.
//
// The 目录 needs the page on which each entry starts, which only printing
// tells, and a digest of a thousand regulations runs to thousands of pages.
// So the digest is printed in parts, at the same time, in tabs of their
// own: the front matter (cover, 编辑说明, 目录) with blank page numbers, and
// the body (the systems and the appendices) cut between items into runs of
// about 900 pages (see runCount), which one tab per processor prints in
// turn. Every item starts on a new page, so the parts' pages add up to the
// whole. Their named destinations give every entry's page; the front
// matter is printed again with the numbers filled in (in boxes as wide as
// before, so that it keeps its length); pdfcpu joins the parts into one
// file with page numbers in the footer and bookmarks (see joinPDF), and
// the result is checked. Chromium's tagged-PDF structure is left out: it
// would double the time, and the bookmarks are made here.
//
// The temporary HTML files are written in dir, beside digest/index.html,
// so that links to the site resolve as they do from the HTML.
func (d *Digest) PDF(browser context.Context, dir string) ([]byte, int, error) {
	removeLeftovers(dir)
	saved, terms := d.markIndex()
	defer d.unmarkIndex(saved)
	d.HasIndex = len(terms) > 0
	defer func() { d.HasIndex = false }()
	chunks := d.splitBody(d.runCount(runtime.GOMAXPROCS(0)))
	d.planChunks(chunks)
	for _, c := range chunks {
		for _, g := range c.groups {
			for _, sg := range g.Subgroups {
				for _, it := range sg.Items {
					c.owns = append(c.owns, it.ixIDs...)
				}
			}
		}
	}
	frontIDs := []string{"notes", "toc"}
	owner := map[string]int{"notes": 0, "toc": 0}
	if d.HasIndex {
		owner["index"] = len(chunks) + 1 // printed after the body
	}
	wanted := set(frontIDs)
	for _, id := range d.tocIDs() {
		wanted[id] = true
	}
	for i, c := range chunks {
		for _, id := range c.owns {
			owner[id] = i + 1
			wanted[id] = true // the bookmarks point to every group, heading and item
		}
		for _, id := range c.links {
			wanted[id] = true
		}
	}
	front := part{front: true, anchors: partAnchors(0, frontIDs, d.tocIDs(), owner, wanted)}
	parts := []part{front}
	for i, c := range chunks {
		parts = append(parts, part{body: true, groups: c.groups, appendix: c.appendix, anchors: partAnchors(i+1, c.owns, c.links, owner, wanted)})
	}

	// One tab prints the front matter; the others take the runs of the
	// body in turn, so that a slow run does not hold up the rest.
	workers := min(runtime.GOMAXPROCS(0), len(chunks))
	tabs := make([]context.Context, 1+workers)
	for i := range tabs {
		tab, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		defer cancel()
		tabs[i] = tab
	}
	pdfs := make([][]byte, len(parts))
	errs := make([]error, len(parts))
	queue := make(chan int, len(parts))
	for i := 1; i < len(parts); i++ {
		queue <- i
	}
	close(queue)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		pdfs[0], errs[0] = d.printPart(tabs[0], dir, parts[0])
	}()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range queue {
				pdfs[i], errs[i] = d.printPart(tabs[1+w], dir, parts[i])
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, 0, err
		}
	}
	docs, err := readPDFs(pdfs)
	if err != nil {
		return nil, 0, err
	}

	pages := map[string]int{}
	total := 0
	for i, doc := range docs {
		dests, err := destinations(doc)
		if err != nil {
			return nil, 0, err
		}
		for id, p := range dests {
			if o, ok := ownerOf(id, owner); ok && o == i {
				pages[id] = total + p
			}
		}
		total += doc.PageCount
	}
	if d.HasIndex {
		// The index goes last: its pages move nothing before it.
		d.IndexEntries = indexEntries(terms, pages)
		idx, err := d.printPart(tabs[0], dir, part{index: true, anchors: partAnchors(len(parts), []string{"index"}, nil, owner, set([]string{"index"}))})
		if err != nil {
			return nil, 0, err
		}
		doc, err := readPDF(idx)
		if err != nil {
			return nil, 0, err
		}
		pages["index"] = total + 1
		total += doc.PageCount
		docs = append(docs, doc)
	}
	want, err := d.tocPages(pages)
	if err != nil {
		return nil, 0, err
	}
	front.pages = want
	frontPages := docs[0].PageCount
	pdf, err := d.printPart(tabs[0], dir, front)
	if err == nil {
		docs[0], err = readPDF(pdf)
	}
	if err != nil {
		return nil, 0, err
	}
	if docs[0].PageCount != frontPages {
		return nil, 0, fmt.Errorf("填入页码后目录的页数变了（原为 %d 页）：请检查 digest.css 中 .toc-page 的宽度", frontPages)
	}

	pdf, joined, err := joinPDF(docs, owner, d.outline(), d.Title)
	if err != nil {
		return nil, 0, err
	}
	if got, err := d.tocPages(joined); err != nil || !maps.Equal(got, want) {
		return nil, 0, fmt.Errorf("合并后的 PDF 页码与目录不符")
	}
	return pdf, total, nil
}

// part says which part of the digest to render, and how.
type part struct {
	front, body bool
	index       bool           // the 索引
	groups      []*Group       // the body's groups, when not all of them
	appendix    bool           // with groups: the appendices follow
	pages       map[string]int // page numbers for the 目录
	anchors     template.HTML  // see partAnchors
}

// printStyle is added to a part printed for the PDF: the page numbers are
// written into the joined file instead, and the page is not laid out for
// the screen first, which for a long part takes seconds.
const printStyle = template.CSS("@page { @bottom-center { content: none; } } @media screen { body { display: none; } }")

// outline is the bookmarks: 编辑说明, 目录, each system with its headings
// and items, and the appendices.
func (d *Digest) outline() []*outlineNode {
	out := []*outlineNode{{title: "编辑说明", dest: "notes"}, {title: "目录", dest: "toc"}}
	for _, g := range d.Groups {
		gn := &outlineNode{title: g.Title, dest: g.ID}
		for _, sg := range g.Subgroups {
			parent := gn
			if sg.Title != "" {
				parent = &outlineNode{title: sg.Title, dest: sg.ID}
				gn.kids = append(gn.kids, parent)
			}
			for _, it := range sg.Items {
				parent.kids = append(parent.kids, &outlineNode{title: it.Title, dest: it.ID})
			}
		}
		out = append(out, gn)
	}
	if len(d.Appendix) > 0 {
		an := &outlineNode{title: "附录", dest: d.Appendix[0].ID}
		for _, a := range d.Appendix {
			an.kids = append(an.kids, &outlineNode{title: "附录" + a.Number + "　" + a.Title, dest: a.ID})
		}
		out = append(out, an)
	}
	if d.HasIndex {
		out = append(out, &outlineNode{title: "索引", dest: "index"})
	}
	return out
}

// tocIDs are the elements the 目录 gives a page number.
func (d *Digest) tocIDs() []string {
	ids := []string{"notes"}
	for _, g := range d.Groups {
		ids = append(ids, g.ID)
	}
	for _, it := range d.Items {
		ids = append(ids, it.ID)
	}
	for _, a := range d.Appendix {
		ids = append(ids, a.ID)
	}
	if d.HasIndex {
		ids = append(ids, "index")
	}
	return ids
}

// tocPages picks the 目录's entries out of a PDF's destinations.
func (d *Digest) tocPages(dests map[string]int) (map[string]int, error) {
	out := map[string]int{}
	for _, id := range d.tocIDs() {
		n, ok := dests[id]
		if !ok || n == 0 {
			return nil, fmt.Errorf("打印出的 PDF 中找不到“%s”的位置：汇编模板应保留每一项的 id 和 {{.Anchors}}", id)
		}
		out[id] = n
	}
	return out, nil
}

// printPart renders a part and prints it.
func (d *Digest) printPart(tab context.Context, dir string, p part) ([]byte, error) {
	return printHTML(tab, dir, func(w io.Writer) error { return d.render(w, p) })
}

// printPrefix starts the names of the temporary files of printing.
const printPrefix = ".djkb-print-"

// removeLeftovers removes the temporary files of a print that was killed.
func removeLeftovers(dir string) {
	old, _ := filepath.Glob(filepath.Join(dir, printPrefix+"*.html"))
	for _, f := range old {
		os.Remove(f)
	}
}

// printHTML writes a document with write into a temporary file in dir,
// loads it and prints it.
func printHTML(tab context.Context, dir string, write func(io.Writer) error) ([]byte, error) {
	f, err := os.CreateTemp(dir, printPrefix+"*.html")
	if err != nil {
		return nil, fmt.Errorf("无法写入临时文件：%w", err)
	}
	defer os.Remove(f.Name())
	out := &errWriter{w: f}
	err = write(out)
	if cerr := f.Close(); out.err == nil && cerr != nil {
		out.err = cerr
	}
	if out.err != nil {
		err = fmt.Errorf("无法写入临时文件：%w", out.err)
	}
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(f.Name())
	if err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if err := chromedp.Do(tab, chromedp.Navigate(u.String())); err != nil {
		return nil, fmt.Errorf("Chromium 无法打开汇编：%w", err)
	}
	untagged := false
	pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		chromedp.PDFStream(),
		func(p *page.PrintToPDFParams) {
			p.DisplayHeaderFooter = new(bool)
			p.GenerateTaggedPDF = &untagged
			p.GenerateDocumentOutline = &untagged
		},
	))
	if err != nil {
		return nil, fmt.Errorf("Chromium 打印失败：%w", err)
	}
	return pdf, nil
}

func set(ids []string) map[string]bool {
	m := make(map[string]bool, len(ids))
	for _, id := range ids {
		m[id] = true
	}
	return m
}
