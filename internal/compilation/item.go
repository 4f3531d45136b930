package compilation

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"time"

	"djkb/internal/content"
	"djkb/internal/markdown"
	"djkb/internal/parallel"
	"djkb/internal/register"
	"djkb/internal/site"
)

// Item is one regulation of the digest.
type Item struct {
	ID        string // element id, "d12"; its ids inside start "d12-"
	Page      *site.Page
	Title     string
	System    string
	Subgroup  string
	Status    string // as of the cut-off date
	Presumed  bool   // the file records no status; it is presumed in force
	DocNumber string
	Issuers   string
	Issued    time.Time
	Effective time.Time
	History   []content.Event
	Caption   string        // 题注, see caption
	Body      template.HTML // the text, re-rendered for the digest
	ixIDs     []string      // ids of the index's marks in Body, while printing
}

func newItem(e entry) *Item {
	r := e.page.Reg()
	return &Item{
		Page: e.page, Title: e.page.Title, System: systemOf(e.page), Subgroup: subgroupOf(e.page),
		Status: e.status, Presumed: e.presumed,
		DocNumber: r.DocNumber, Issuers: strings.Join(r.Issuer, "、"), Issued: r.Issued, Effective: r.Effective,
		History: r.History, Caption: caption(e.page),
	}
}

// caption is the 题注 printed under the title, in the form of printed
// compilations: （2019年7月25日中共中央政治局会议审议批准　2019年8月19日中共中央发布）.
// A caption key written in the file wins; else the 修订沿革 gives one
// "date event" per event; else the issue date and issuer: 发布 for a
// 党内法规, 印发 for the rest.
func caption(p *site.Page) string {
	if c, _ := p.Meta().Value("caption").(string); strings.TrimSpace(c) != "" {
		c = strings.TrimSpace(c)
		if !strings.HasPrefix(c, "（") {
			c = "（" + c + "）"
		}
		return c
	}
	r := p.Reg()
	var parts []string
	for _, e := range r.History {
		if e.Event != "" {
			parts = append(parts, chineseDate(e.Date)+e.Event)
		}
	}
	if len(parts) == 0 && !r.Issued.IsZero() && len(r.Issuer) > 0 {
		verb := "印发"
		if r.System == "党内法规" {
			verb = "发布"
		}
		parts = append(parts, chineseDate(r.Issued)+strings.Join(r.Issuer, "、")+verb)
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "　") + "）"
}

// Facts is the header line under the title: 文号, 制定机关, 印发 and 施行
// dates, and the status when it is not plainly 现行有效.
func (it *Item) Facts() []string {
	var out []string
	add := func(s string) {
		if s != "" {
			out = append(out, s)
		}
	}
	add(it.DocNumber)
	switch {
	case it.Issuers != "" && !it.Issued.IsZero():
		add(it.Issuers + " " + chineseDate(it.Issued) + "印发")
	case it.Issuers != "":
		add(it.Issuers)
	case !it.Issued.IsZero():
		add(chineseDate(it.Issued) + "印发")
	}
	if !it.Effective.IsZero() {
		add("自" + chineseDate(it.Effective) + "起施行")
	}
	switch {
	case it.Presumed:
		add("效力状态未标注，按现行有效收录")
	case it.Status != content.InForce:
		add("效力状态：" + it.Status)
	}
	return out
}

func chineseDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// renderItems converts the Markdown of every item on all cores, with ids
// prefixed by the item's id and links resolved within the digest.
func (d *Digest) renderItems() error {
	conv := markdown.New(markdown.Options{UnsafeHTML: d.site.Config.UnsafeHTML})
	assets := newAssets(d.site)
	errs := make([]error, len(d.Items))
	parallel.Each(len(d.Items), func(i int) { errs[i] = d.renderItem(conv, assets, d.Items[i]) })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func (d *Digest) renderItem(conv *markdown.Converter, assets *assets, it *Item) error {
	src := it.Page.Src
	if src.Body() == nil && it.Page.HTML() != "" {
		return fmt.Errorf("%s：正文已释放，无法编入汇编", src.File)
	}
	res, err := conv.Convert(markdown.Input{
		Source:    src.Body(),
		FirstLine: src.BodyLine,
		Articles:  true,
		DropTitle: src.TitleFromBody || register.TitleKey(content.FirstHeading(src.Body())) == register.TitleKey(it.Title),
		Resolver:  &resolver{d: d, page: it.Page, prefix: it.ID + "-", assets: assets},
		IDPrefix:  it.ID + "-",
	})
	if err != nil {
		return fmt.Errorf("%s：Markdown 转换失败：%v", src.File, err)
	}
	it.Body = template.HTML(shiftHeadings([]byte(res.HTML)))
	return nil
}

// shiftHeadings moves the headings of a regulation's text below the
// digest's own (system h1, sector h2, title h3): h1 and h2 become h4, h3
// h5, and deeper ones h6, so that the PDF bookmarks nest properly. It
// changes one digit of each tag, in place, and returns html.
func shiftHeadings(html []byte) []byte {
	for i := 0; ; {
		j := bytes.IndexByte(html[i:], '<')
		if j < 0 {
			return html
		}
		n := i + j + 1
		if n < len(html) && html[n] == '/' {
			n++
		}
		if n+2 < len(html) && html[n] == 'h' && html[n+1] >= '1' && html[n+1] <= '6' && (html[n+2] == '>' || html[n+2] == ' ') {
			html[n+1] = "445666"[html[n+1]-'1']
		}
		i = n
	}
}
