package digest

import (
	"context"
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// PDF prints the digest on A4 through a headless Chromium started with
// chromium.New (browser is its context) and returns the file and its
// number of pages. The 目录 gets the right page numbers: a
// first print tells on which page each entry starts (see Destinations); the
// numbers are filled in, in boxes as wide as before so that nothing moves,
// and the document is printed again and checked. The temporary HTML files
// are written in dir, beside digest/index.html, so that links to the site
// resolve as they do from the HTML.
func (d *Digest) PDF(browser context.Context, dir string) ([]byte, int, error) {
	var pages map[string]int
	for range 3 {
		html, err := d.HTML(pages)
		if err != nil {
			return nil, 0, err
		}
		pdf, err := printHTML(browser, dir, html)
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
		if pages != nil && maps.Equal(got, pages) {
			return pdf, total, nil
		}
		pages = got
	}
	return nil, 0, fmt.Errorf("目录页码在三次打印后仍在变动，请检查 digest.css 是否让目录的行高随页码变化")
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
		if !ok {
			return nil, fmt.Errorf("打印出的 PDF 中找不到“%s”的位置：汇编模板的目录应链接到每一项（href=\"#%s\"）", id, id)
		}
		out[id] = n
	}
	return out, nil
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
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(
		chromedp.PDFPaper(chromedp.PaperA4),
		chromedp.PDFPreferCSSPageSize(),
		chromedp.PDFPrintBackground(),
		chromedp.PDFOutlineAndTagged(),
		chromedp.PDFStream(),
		func(p *page.PrintToPDFParams) { p.DisplayHeaderFooter = new(bool) },
	))
	if err != nil {
		return nil, fmt.Errorf("Chromium 打印失败：%w", err)
	}
	return pdf, nil
}
