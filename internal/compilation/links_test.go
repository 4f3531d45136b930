package compilation_test

import (
	"strings"
	"testing"

	"djkb/internal/compilation"
)

// linkSite has two regulations in force that link to each other and carry
// footnotes with the same labels, a repealed one, a case and an image.
func linkSite(t *testing.T) (string, *compilation.Digest) {
	s, dir := siteOf(t, map[string]string{
		"content/regulations/a.md": "+++\ntitle = \"甲规定\"\nstatus = \"现行有效\"\nissued = 2020-01-01\n+++\n\n" +
			"第一条　依照[乙办法第二条](b.md#第二条)和[乙办法](b.md)执行[^1]。\n\n" +
			"第二条　原[丙办法](c.md)已废止，参见[案例](../cases/x.md)与[本规定第一条](#第一条)。\n\n" +
			"![示意图](img.png)\n\n[^1]: 甲的注释。\n",
		"content/regulations/b.md": "+++\ntitle = \"乙办法\"\nstatus = \"现行有效\"\nissued = 2021-01-01\n+++\n\n" +
			"第一条　总则[^1]。\n\n第二条　细则。\n\n[^1]: 乙的注释。\n",
		"content/regulations/c.md":    "+++\ntitle = \"丙办法\"\nstatus = \"已废止\"\nissued = 2010-01-01\nrepeal = {decision = \"决定\"}\n+++\n\n第一条　旧规定。\n",
		"content/regulations/img.png": "\x89PNG\r\n\x1a\n",
		"content/cases/x.md":          "+++\ntitle = \"某案例\"\n+++\n\n## 基本情况\n\n正文\n",
	})
	_, html := compile(t, s, dir, compilation.Options{})
	d, _ := compilation.New(s, compilation.Options{AsOf: sampleAsOf, SiteDir: dir})
	return html, d
}

func TestLinksInsideTheDigest(t *testing.T) {
	html, _ := linkSite(t)
	checkInternalLinks(t, html)
	for _, want := range []string{
		`href="#d2-%E7%AC%AC%E4%BA%8C%E6%9D%A1"`, // 乙办法第二条, in the document
		`href="#d2"`,                             // 乙办法 itself
		`href="#d1-%E7%AC%AC%E4%B8%80%E6%9D%A1"`, // 本规定第一条
		`href="../regulations/c/"`,               // the repealed 丙办法, on the site
		`href="../cases/x/"`,                     // a case, on the site
		`src="data:image/png;base64,`,            // the image, embedded
		`<h3 class="item-title">乙办法</h3>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("汇编中没有 %s", want)
		}
	}
}

// TestFootnotesStayWithTheirItem: both regulations have a footnote 1; each
// stays in its own article with its own ids.
func TestFootnotesStayWithTheirItem(t *testing.T) {
	html, d := linkSite(t)
	for _, it := range d.Items {
		start := strings.Index(html, `<article class="item" id="`+it.ID+`"`)
		article := html[start : start+strings.Index(html[start:], "</article>")]
		note := map[string]string{"d1": "甲的注释", "d2": "乙的注释"}[it.ID]
		if !strings.Contains(article, note) || !strings.Contains(article, `id="`+it.ID+`-fn:1"`) || !strings.Contains(article, `href="#`+it.ID+`-fn:1"`) {
			t.Errorf("%s 的脚注不在本文之内或 id 未加前缀", it.ID)
		}
	}
}

func TestBaseURLLinks(t *testing.T) {
	s, dir := siteOf(t, map[string]string{
		"content/regulations/a.md": "+++\ntitle = \"甲规定\"\nstatus = \"现行有效\"\n+++\n\n见[乙](b.md)。\n",
		"content/regulations/b.md": "+++\ntitle = \"乙规定\"\nstatus = \"已修改\"\n+++\n\n正文\n",
	})
	s.Config.BaseURL = "http://djkb.example"
	_, html := compile(t, s, dir, compilation.Options{})
	if !strings.Contains(html, `href="http://djkb.example/regulations/b/"`) {
		t.Errorf("设置 base_url 后，指向站点的链接应使用绝对地址")
	}
}
