package render_test

import (
	"strings"
	"testing"

	"djkb/internal/sitetest"
)

// TestGlossaryTermLinks: a glossary term's first mention on a page links
// to its entry; later mentions, mentions in headings, links and code, and
// the glossary page itself link nothing, and an entry's other names are
// left as text.
func TestGlossaryTermLinks(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"site.toml":           "title = \"测试\"\n",
		"content/glossary.md": "+++\ntitle = \"术语表\"\n+++\n\n## 三会一课\n\n又称：支部委员会、党课\n\n三会一课是基本制度。\n\n## 党建\n\n又称：党的建设\n",
		"content/学习/甲.md": "+++\ntitle = \"甲\"\n+++\n\n## 三会一课的要求\n\n落实三会一课，抓好党建。再说三会一课。\n\n" +
			"召开支部委员会，上好党课。见[三会一课](../glossary.md)和 `党建`。\n",
	})
	b := buildSite(t, dir)
	page := b.html["学习/甲/index.html"]
	link := func(anchor string) string {
		return `href="../../glossary/index.html#` + anchor + `" class="term">`
	}
	if n := strings.Count(page, link("%E4%B8%89%E4%BC%9A%E4%B8%80%E8%AF%BE")); n != 1 {
		t.Errorf("三会一课 links to its entry %d times, want once:\n%s", n, page)
	}
	if n := strings.Count(page, link("%E5%85%9A%E5%BB%BA")); n != 1 {
		t.Errorf("党建 links to its entry %d times, want once", n)
	}
	if strings.Contains(page, `class="term">支部委员会`) || strings.Contains(page, `class="term">党课`) {
		t.Error("an entry's other names were linked")
	}
	if !strings.Contains(page, `<h2 id="三会一课的要求">三会一课的要求</h2>`) {
		t.Error("a term in a heading was linked")
	}
	if strings.Contains(b.html["glossary/index.html"], `class="term"`) {
		t.Error("the glossary page links its own terms")
	}
}
