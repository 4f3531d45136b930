package compilation_test

import (
	"slices"
	"strings"
	"testing"

	"djkb/internal/compilation"
)

// TestDocumentInSeveralFiles: the 目录 of laws copied from another tool
// names their folders by their index's title, never the slug, and lists a
// law kept one file per 编 as the law, then its parts in reading order,
// each named by the law.
func TestDocumentInSeveralFiles(t *testing.T) {
	s, dir := siteOf(t, map[string]string{
		"content/regulations/laws/index.md":                         "# 国家法律\n",
		"content/regulations/laws/xingfa/README.md":                 "# 中华人民共和国刑法\n\n1979年7月1日通过\n",
		"content/regulations/laws/xingfa/00-supplementary.md":       "# 附则\n\n**第四百五十二条**　本法自1997年10月1日起施行。\n",
		"content/regulations/laws/xingfa/01-general-provisions.md":  "# 第一编　总则\n\n**第一条**　正文。\n",
		"content/regulations/laws/xingfa/02-specific-provisions.md": "# 第二编　分则\n\n**第一百零二条**　正文。\n",
		"content/regulations/laws/xingfa/03-foreign-exchange.md":    "# 关于惩治骗购外汇的决定\n\n正文。\n",
		"content/regulations/laws/asset-appraisal-law/README.md":    "# 中华人民共和国资产评估法\n\n**第一条**　正文。\n",
	})
	d, html := compile(t, s, dir, compilation.Options{})
	if len(d.Groups) != 1 || d.Groups[0].Title != "国家法律" {
		t.Fatalf("目录的分组是 %+v，应只有“国家法律”", d.Groups)
	}
	var titles []string
	for _, it := range d.Items {
		titles = append(titles, it.Title)
	}
	want := []string{
		"中华人民共和国刑法",
		"中华人民共和国刑法 · 第一编　总则",
		"中华人民共和国刑法 · 第二编　分则",
		"中华人民共和国刑法 · 附则",
		"中华人民共和国刑法 · 关于惩治骗购外汇的决定",
		"中华人民共和国资产评估法",
	}
	if !slices.Equal(titles, want) {
		t.Errorf("汇编收录的顺序是\n %q\n应为\n %q", titles, want)
	}
	toc := html[strings.Index(html, `<nav class="toc"`):strings.Index(html, `</nav>`)]
	for _, slug := range []string{">laws<", "xingfa", "README", "asset-appraisal-law"} {
		if strings.Contains(toc, slug) {
			t.Errorf("目录中出现了 %q", slug)
		}
	}
}
