package render_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"djkb/internal/site"
	"djkb/internal/sitetest"
)

// TestCitedByListedOnce: a page that cites a regulation is listed under
// 被引用, not again under 引用本页的内容, which keeps the pages that only
// link to it; an article's list shows the first site.CitedByShown citing
// pages with 「等 N 篇」, and the full list page holds every one of them
// by article.
func TestCitedByListedOnce(t *testing.T) {
	dir := t.TempDir()
	many := site.CitedByShown + 3
	files := map[string]string{
		"site.toml": "title = \"测试\"\n",
		"content/regulations/谈话办法.md": "+++\ntitle = \"谈话办法\"\nstatus = \"现行有效\"\n+++\n\n" +
			"第一条　为了规范谈话，制定本办法。\n\n第二条　谈话应当记录。\n",
		// Links to the regulation without citing it: stays under 引用本页的内容.
		"content/cases/只链接.md": "+++\ntitle = \"只链接的案例\"\ndate = 2020-01-01\n+++\n\n见[谈话办法](../regulations/谈话办法.md)。\n",
		// Cites it and links to it: listed under 被引用 only.
		"content/cases/引用并链接.md": "+++\ntitle = \"引用并链接的案例\"\ndate = 2020-01-02\n+++\n\n违反《谈话办法》第二条。另见[谈话办法](../regulations/谈话办法.md)。\n",
	}
	for i := range many {
		files[fmt.Sprintf("content/cases/案例%02d.md", i)] = fmt.Sprintf("+++\ntitle = \"案例%02d\"\ndate = 2021-01-%02d\n+++\n\n违反《谈话办法》第一条。\n", i, i+1)
	}
	sitetest.Write(t, dir, files)
	b := buildSite(t, dir)
	page := b.html["regulations/谈话办法/index.html"]
	full, ok := b.html["regulations/谈话办法/被引用/index.html"]
	if page == "" || !ok {
		t.Fatalf("没有法规页或其被引用全表：%v", keys(b.html))
	}
	section := func(html, id string) string {
		return regexp.MustCompile(`(?s)<section class="link-list[^"]*" aria-labelledby="` + id + `">.*?</section>`).FindString(html)
	}
	citedBy, refs := section(page, "cited-by"), section(page, "referenced-by")
	if !strings.Contains(refs, "只链接的案例") {
		t.Errorf("引用本页的内容应列出只链接的案例：%s", refs)
	}
	for i := range many {
		title := fmt.Sprintf("案例%02d", i)
		if strings.Contains(refs, title) || strings.Contains(refs, "引用并链接的案例") {
			t.Errorf("引用本页的内容又列出了被引用中的页面：%s", refs)
			break
		}
		// Newest first: the last ones are shown, the first three only on the full list.
		shown := i >= many-site.CitedByShown
		if strings.Contains(citedBy, title) != shown {
			t.Errorf("被引用中“%s”出现=%v，应为 %v", title, !shown, shown)
		}
		if !strings.Contains(section(full, "cited-by"), title) {
			t.Errorf("被引用全表缺少“%s”", title)
		}
	}
	if !strings.Contains(citedBy, "引用并链接的案例") {
		t.Errorf("被引用应列出第二条的引用：%s", citedBy)
	}
	if want := fmt.Sprintf(`%%e8%%a2%%ab%%e5%%bc%%95%%e7%%94%%a8/index.html#cited-%%e7%%ac%%ac%%e4%%b8%%80%%e6%%9d%%a1">等 %d 篇</a>`, many); !strings.Contains(strings.ToLower(citedBy), want) {
		t.Errorf("第一条的列表被截断，应以“等 %d 篇”链接到全表：%s", many, citedBy)
	}
	if !strings.Contains(citedBy, fmt.Sprintf(`data-count="%d"`, many)) {
		t.Errorf("被引次数应为全部 %d 篇", many)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
