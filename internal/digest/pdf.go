package digest

import (
	"context"
	"fmt"
	"html/template"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// PDF prints the digest on A4 through a headless Chromium started with
// chromium.New (browser is its context) and returns the file and its
// number of pages.
//
// The 目录 needs the page on which each entry starts, which only printing
// tells. So the front matter (cover, 编辑说明, 目录) and the body (the
// systems and the appendices) are printed apart: the front matter once with
// blank page numbers to learn its length; the body, numbered on from there,
// whose named destinations give every entry's page; the front matter again
// with the numbers filled in (in boxes as wide as before, so that it keeps
// its length). The two are joined into one file with bookmarks, and the
// result is checked. Each part is printed once in full, and without
// Chromium's tagged-PDF structure, which would double the time.
//
// The temporary HTML files are written in dir, beside digest/index.html,
// so that links to the site resolve as they do from the HTML.
func (d *Digest) PDF(browser context.Context, dir string) ([]byte, int, error) {
	frontIDs, bodyIDs := []string{"notes", "toc"}, d.bodyIDs()
	frontAnchors := anchors(frontIDs, bodyIDs)
	front, err := d.printPart(browser, dir, part{front: true, anchors: frontAnchors})
	if err != nil {
		return nil, 0, err
	}
	frontDests, frontPages, err := Destinations(front)
	if err != nil {
		return nil, 0, err
	}
	body, err := d.printPart(browser, dir, part{body: true, pageStart: frontPages, anchors: anchors(bodyIDs, nil)})
	if err != nil {
		return nil, 0, err
	}
	bodyDests, bodyPages, err := Destinations(body)
	if err != nil {
		return nil, 0, err
	}
	pages := map[string]int{}
	for _, id := range frontIDs {
		pages[id] = frontDests[id]
	}
	for _, id := range bodyIDs {
		pages[id] = frontPages + bodyDests[id]
	}
	want, err := d.tocPages(pages)
	if err != nil {
		return nil, 0, err
	}
	front, err = d.printPart(browser, dir, part{front: true, anchors: frontAnchors, pages: want})
	if err != nil {
		return nil, 0, err
	}
	if _, n, err := Destinations(front); err != nil || n != frontPages {
		return nil, 0, fmt.Errorf("填入页码后目录的页数变了（%d 页变为 %d 页）：请检查 digest.css 中 .toc-page 的宽度", frontPages, n)
	}
	pdf, err := mergePDFs([]pdfPart{{pdf: front, own: set(frontIDs)}, {pdf: body, own: set(bodyIDs)}}, d.outline(), d.Title)
	if err != nil {
		return nil, 0, err
	}
	dests, total, err := Destinations(pdf)
	if err != nil {
		return nil, 0, err
	}
	got, err := d.tocPages(dests)
	if err != nil {
		return nil, 0, err
	}
	if !maps.Equal(got, want) || total != frontPages+bodyPages {
		return nil, 0, fmt.Errorf("合并后的 PDF 页码与目录不符")
	}
	return pdf, total, nil
}

// part says which part of the digest to render, and how.
type part struct {
	front, body bool
	pages       map[string]int // page numbers for the 目录
	pageStart   int            // the page counter before the first page
	anchors     template.HTML  // see anchors
}

// bodyIDs are the elements of the body that the 目录 or the bookmarks
// point to.
func (d *Digest) bodyIDs() []string {
	var ids []string
	for _, g := range d.Groups {
		ids = append(ids, g.ID)
		for _, sg := range g.Subgroups {
			ids = append(ids, sg.ID)
			for _, it := range sg.Items {
				ids = append(ids, it.ID)
			}
		}
	}
	for _, a := range d.Appendix {
		ids = append(ids, a.ID)
	}
	return ids
}

// anchors makes an invisible block for a part printed alone: a link to
// each element it holds, so that Chromium records their pages as named
// destinations, and an empty element for each one it links to in another
// part, so that Chromium keeps those links (the join points them to the
// other part).
func anchors(own, elsewhere []string) template.HTML {
	var b strings.Builder
	b.WriteString(`<div class="print-anchors" aria-hidden="true">`)
	for _, id := range own {
		b.WriteString(`<a href="#` + id + `">.</a>`)
	}
	for _, id := range elsewhere {
		b.WriteString(`<span id="` + id + `"></span>`)
	}
	b.WriteString(`</div>`)
	return template.HTML(b.String())
}

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
func (d *Digest) printPart(browser context.Context, dir string, p part) ([]byte, error) {
	html, err := d.render(p)
	if err != nil {
		return nil, err
	}
	return printHTML(browser, dir, html)
}

// printHTML loads html from a temporary file in dir and prints it.
func printHTML(ctx context.Context, dir string, html []byte) ([]byte, error) {
	f, err := os.CreateTemp(dir, ".djkb-print-*.html")
	if err != nil {
		return nil, fmt.Errorf("无法写入临时文件：%w", err)
	}
	defer os.Remove(f.Name())
	_, err = f.Write(html)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, fmt.Errorf("无法写入临时文件：%w", err)
	}
	abs, err := filepath.Abs(f.Name())
	if err != nil {
		return nil, err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	if err := chromedp.Do(ctx, chromedp.Navigate(u.String())); err != nil {
		return nil, fmt.Errorf("Chromium 无法打开汇编：%w", err)
	}
	untagged := false
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(
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
