package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"djkb/internal/chromium/chromiumtest"
)

// TestFileShare opens the sample site built as it is, with its own
// site.toml, from file:// as a reader of a shared drive would, and clicks
// home → a section → a page → the search box → a result. Every click must
// land on a page of the site, never on the browser's folder listing.
func TestFileShare(t *testing.T) {
	b := defaultSite
	b.once.Do(func() { b.err = b.build(repoRoot(t)) })
	if b.err != nil {
		t.Fatal(b.err)
	}
	if !b.FileLinks {
		t.Fatal("示例站点的默认构建没有使用以 index.html 结尾的链接，从共享文件夹打开时点击栏目会显示文件夹列表")
	}
	browser := chromiumtest.New(t)
	tb := newTab(t, browser, b.base(""))
	reg := regulationWithCases(t, b.Site)
	top := reg.TopSection()

	tb.open(b.pageURL("", ""))
	tb.clickLink("首页的栏目卡片", ".section-cards", b.pageURL("", top.URL))
	tb.expectPage(b.pageURL("", top.URL), top.Title)

	first := top.All[0]
	target := b.pageURL("", first.URL)
	tb.clickLink("栏目列表中的文件", ".page-list", target)
	tb.expectPage(target, first.Title)

	// The header's search box: type the title, submit, open the result.
	if err := chromedp.Do(tb.ctx, chromedp.SendKeys(chromedp.CSS("#site-q"), first.Title+"\n")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS(".search-results a"))); err != nil {
		t.Fatalf("在搜索框输入“%s”后没有出现搜索结果：%v", first.Title, err)
	}
	if !strings.HasPrefix(tb.location(), b.pageURL("", "search/")) {
		t.Fatalf("搜索后到了 %s，应到搜索页 %s", tb.location(), b.pageURL("", "search/"))
	}
	tb.clickLink("搜索结果", ".search-results", target)
	tb.expectPage(target, first.Title)
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("从共享文件夹浏览途中出错：\n  %s", strings.Join(p, "\n  "))
	}
}
