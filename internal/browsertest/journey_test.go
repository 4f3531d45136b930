package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"djkb/internal/chromium/chromiumtest"
	"djkb/internal/content"
	"djkb/internal/site"
)

// TestJourney follows a reader over HTTP and from file://: the home page, a
// section, a regulation that cases apply, a backlink to one of those cases,
// and the breadcrumb back to the case's section.
func TestJourney(t *testing.T) {
	browser := chromiumtest.New(t)
	for _, mode := range []string{"http", "file"} {
		t.Run(mode, func(t *testing.T) {
			b, base := linkMode(t, mode)
			tb := newTab(t, browser, b.base(base))
			reg := regulationWithCases(t, b.Site)
			cas := reg.Cases[0]
			top := reg.TopSection()

			tb.open(b.pageURL(base, ""))
			tb.clickLink("首页的栏目卡片", ".section-cards", b.pageURL(base, top.URL))
			tb.expectPage(b.pageURL(base, top.URL), top.Title)

			// Down the sub-sections and through the pager to the regulation.
			for _, sec := range sectionsBetween(top, reg.Section) {
				tb.clickLink("下级栏目", ".subsections", b.pageURL(base, sec.URL))
				tb.expectPage(b.pageURL(base, sec.URL), sec.Title)
			}
			target := b.pageURL(base, reg.URL)
			for !tb.hasLink(".page-list", target) {
				tb.follow("翻到下一页", chromedp.Click(chromedp.CSS(`.pager a[rel="next"]`)))
			}
			tb.clickLink("列表中的法规", ".page-list", target)
			tb.expectPage(target, reg.Title)

			caseURL := b.pageURL(base, cas.URL)
			tb.clickLink("“适用本法规的案例”", "#cases-applying + ul", caseURL)
			tb.expectPage(caseURL, cas.Title)
			if !tb.hasLink(".applies", target) {
				t.Errorf("案例页的“本案适用的法规”没有链接回 %s", reg.Title)
			}

			back := b.pageURL(base, cas.Section.URL)
			tb.clickLink("面包屑导航", ".breadcrumbs", back)
			tb.expectPage(back, cas.Section.Title)
			if !tb.hasLink(".page-list", caseURL) {
				t.Errorf("面包屑回到的 %s 列表中没有该案例", cas.Section.Title)
			}
			if p := tb.takeProblems(); len(p) > 0 {
				t.Errorf("浏览途中出错：\n  %s", strings.Join(p, "\n  "))
			}
		})
	}
}

// regulationWithCases is the first regulation that a case applies.
func regulationWithCases(t *testing.T, s *site.Site) *site.Page {
	t.Helper()
	for _, p := range s.Pages {
		if p.Kind == content.KindRegulation && len(p.Cases) > 0 {
			return p
		}
	}
	t.Fatal("示例站点中没有被案例适用的法规")
	return nil
}

// sectionsBetween returns the sections below top down to sec (included),
// from the top down.
func sectionsBetween(top, sec *site.Section) []*site.Section {
	var path []*site.Section
	for s := sec; s != nil && s != top; s = s.Parent {
		path = append([]*site.Section{s}, path...)
	}
	return path
}

// markLink finds, inside scope, the link to the absolute address target and
// marks it for a click. It reports whether there is one.
func (tb *tab) markLink(scope, target string) bool {
	js := `(function (scope, target) {
		var old = document.querySelector("[data-test-target]");
		if (old) { old.removeAttribute("data-test-target"); }
		var links = document.querySelectorAll(scope + " a[href]");
		for (var i = 0; i < links.length; i++) {
			// A search result adds ?hl= (the words to highlight on arrival):
			// not part of the page's address.
			var href = target.indexOf("?") < 0 ? links[i].href.replace(/\?[^#]*/, "") : links[i].href;
			if (decodeURI(href) === decodeURI(target)) {
				links[i].setAttribute("data-test-target", "");
				return true;
			}
		}
		return false;
	})(` + jsString(scope) + `, ` + jsString(target) + `)`
	return eval[bool](tb, js)
}

func (tb *tab) hasLink(scope, target string) bool {
	tb.t.Helper()
	return tb.markLink(scope, target)
}

// clickLink clicks, with the mouse, the link to target inside scope and
// waits for the new page.
func (tb *tab) clickLink(what, scope, target string) {
	tb.t.Helper()
	if !tb.markLink(scope, target) {
		tb.t.Fatalf("在 %s 的%s（%s）中找不到指向 %s 的链接", tb.location(), what, scope, target)
	}
	tb.follow("点击"+what, chromedp.Click(chromedp.CSS("[data-test-target]")))
}

// expectPage checks the address and the main heading of the page.
func (tb *tab) expectPage(u, title string) {
	tb.t.Helper()
	got := tb.location()
	if !strings.Contains(u, "?") {
		got = eval[string](tb, `decodeURI(location.href.replace(/\?[^#]*/, ""))`)
	}
	if got != eval[string](tb, "decodeURI("+jsString(u)+")") {
		tb.t.Fatalf("到了 %s，应到 %s", got, u)
	}
	if h1 := eval[string](tb, `document.querySelector("main h1").textContent.trim()`); h1 != title {
		tb.t.Errorf("%s 的一级标题是“%s”，应为“%s”", u, h1, title)
	}
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\r", `\r`, "\u2028", `\u2028`, "\u2029", `\u2029`)
	return `"` + r.Replace(s) + `"`
}
