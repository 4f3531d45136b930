package browsertest

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"djkb/internal/chromium/chromiumtest"
	"djkb/internal/content"
	"djkb/internal/site"
)

// longestRegulation is the regulation of the sample site with articles
// and the most headings, as its built page shows them.
func longestRegulation(t *testing.T, b *builtSite) *site.Page {
	t.Helper()
	var best *site.Page
	for _, p := range b.Site.Pages {
		if p.Kind != content.KindRegulation || len(p.TOC) < 3 || (best != nil && len(p.TOC) <= len(best.TOC)) {
			continue
		}
		page, err := os.ReadFile(filepath.Join(b.Out, filepath.FromSlash(site.OutputFile(p.URL))))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Count(string(page), `class="article"`) > 5 {
			best = p
		}
	}
	if best == nil {
		t.Fatal("示例站点中没有带目录和条文的法规")
	}
	return best
}

// lastLinesJS measures the last line of the text of each article: the
// average advance of its characters in ems. A line set at its natural
// width advances one em per Chinese character and less for digits; a line
// stretched letter by letter by text-align: justify advances more. The
// article's own controls are not its text.
const lastLinesJS = `(function () {
	var out = [];
	Array.prototype.forEach.call(document.querySelectorAll(".content p.article[id]"), function (p) {
		var chars = [], walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT), n;
		while ((n = walk.nextNode())) {
			if (n.parentNode.closest("button, .article-menu")) continue;
			for (var i = 0; i < n.nodeValue.length; i++) {
				if (/\s/.test(n.nodeValue[i])) continue;
				var r = document.createRange();
				r.setStart(n, i);
				r.setEnd(n, i + 1);
				var b = r.getBoundingClientRect();
				if (b.width > 0) chars.push(b);
			}
		}
		if (chars.length < 2) return;
		var last = chars[chars.length - 1], line = chars.filter(function (c) { return Math.abs(c.top - last.top) < 2; });
		if (line.length < 2) return;
		var em = parseFloat(getComputedStyle(p).fontSize);
		out.push({id: p.id, advance: (last.right - line[0].left) / line.length / em, height: p.getBoundingClientRect().height});
	});
	return out;
})()`

type lastLine struct {
	ID      string  `json:"id"`
	Advance float64 `json:"advance"`
	Height  float64 `json:"height"`
}

// TestArticleControlKeepsJustification checks, on a phone and a wide
// screen, that the last line of every article is set at its natural
// width with the article's control present, and that opening the control's
// menu moves no line of the text.
func TestArticleControlKeepsJustification(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	reg := longestRegulation(t, b)
	for _, s := range []screen{phone, desktop} {
		tb.show(b.pageURL(base, reg.URL), s)
		if n := eval[int](tb, `document.querySelectorAll(".content p.article > button.article-no").length`); n == 0 {
			t.Fatalf("%s px：条文没有条号按钮", s.Name)
		}
		lines := eval[[]lastLine](tb, lastLinesJS)
		if len(lines) == 0 {
			t.Fatalf("%s px：量不到条文的末行", s.Name)
		}
		for _, l := range lines {
			if l.Advance > 1.06 {
				t.Errorf("%s px：%s 的末行被两端对齐拉开（每字平均 %.2f em，应不超过 1 em）", s.Name, l.ID, l.Advance)
			}
		}
		// Open the menu of the second article: no line moves.
		eval[bool](tb, `(function () { document.querySelectorAll(".content p.article > button.article-no")[1].click(); return true; })()`)
		if !eval[bool](tb, `!document.querySelector(".article-menu").hidden`) {
			t.Fatalf("%s px：点击条号后菜单没有打开", s.Name)
		}
		after := eval[[]lastLine](tb, lastLinesJS)
		for i := range min(len(lines), len(after)) {
			if lines[i].Height != after[i].Height || lines[i].Advance != after[i].Advance {
				t.Errorf("%s px：打开菜单后 %s 的排版变了（高 %.1f → %.1f）", s.Name, lines[i].ID, lines[i].Height, after[i].Height)
			}
		}
		// The menu lies inside the screen.
		if r := eval[[]float64](tb, `(function () { var r = document.querySelector(".article-menu").getBoundingClientRect(); return [r.left, r.right]; })()`); r[0] < 0 || r[1] > float64(s.Width) {
			t.Errorf("%s px：菜单超出屏幕（%.0f 到 %.0f）", s.Name, r[0], r[1])
		}
	}
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("页面出错：\n  %s", strings.Join(p, "\n  "))
	}
}

// TestContentsStayInView scrolls a long regulation to its end: on a wide
// screen the table of contents is still in view and marks the last part;
// on a phone the floating 目录 button is at hand and opens the contents
// with that part marked.
func TestContentsStayInView(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	reg := longestRegulation(t, b)
	last := reg.TOC[len(reg.TOC)-1].Text
	toEnd := func() {
		eval[bool](tb, `(window.scrollTo(0, document.documentElement.scrollHeight), true)`)
		chromedp.Run(tb.ctx, chromedp.Poll[bool](`(function () { var a = document.querySelector(".toc a[aria-current]"); return !!a && a.textContent === `+jsString(last)+`; })()`, chromedp.WithPollingTimeout(5*time.Second)))
	}
	tb.show(b.pageURL(base, reg.URL), desktop)
	toEnd()
	r := eval[[]float64](tb, `(function () { var r = document.querySelector(".toc").getBoundingClientRect(); return [r.top, r.bottom, innerHeight, scrollY]; })()`)
	if r[3] < 200 {
		t.Fatalf("页面只滚动了 %.0f 像素：法规太短，测不出目录是否跟随", r[3])
	}
	if r[0] < 0 || r[1] > r[2] || r[1] <= r[0] {
		t.Errorf("1280 px：滚到文末后目录不在屏幕上（上 %.0f，下 %.0f，屏高 %.0f）", r[0], r[1], r[2])
	}
	if got := eval[string](tb, `(document.querySelector(".toc a[aria-current]") || {}).textContent || ""`); got != last {
		t.Errorf("1280 px：滚到文末时目录标出的是“%s”，应为“%s”", got, last)
	}
	if !eval[bool](tb, `!!document.querySelector(".toc .toc-top a[href='#main']")`) {
		t.Error("目录下没有“回到顶部”")
	}

	tb.show(b.pageURL(base, reg.URL), screen{Name: "390", Width: 390, Height: 844, Phone: true})
	toEnd()
	chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelector(".toc-float-button").getBoundingClientRect().width > 0`, chromedp.WithPollingTimeout(5*time.Second)))
	btn := eval[[]float64](tb, `(function () { var r = document.querySelector(".toc-float-button").getBoundingClientRect(); return [r.top, r.bottom, r.width, innerHeight]; })()`)
	if btn[2] == 0 || btn[0] < 0 || btn[1] > btn[3] {
		t.Fatalf("390 px：滚到文末后“目录”按钮不在屏幕上（%v）", btn)
	}
	eval[bool](tb, `(document.querySelector(".toc-float-button").click(), true)`)
	if got := eval[string](tb, `(function () { var p = document.querySelector(".toc-panel"); if (p.hidden) return "（未打开）"; var a = p.querySelector("a[aria-current]"); return a ? a.textContent : ""; })()`); got != last {
		t.Errorf("390 px：打开的目录标出的是“%s”，应为“%s”", got, last)
	}
	tb.press(kb.Escape)
	if !eval[bool](tb, `document.querySelector(".toc-panel").hidden`) {
		t.Error("390 px：按 Esc 后目录面板没有关闭")
	}
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("页面出错：\n  %s", strings.Join(p, "\n  "))
	}
}

// TestBookmarks bookmarks an article of a regulation, over HTTP and from
// file://, reloads, and finds it on the bookmarks page with the page among
// the recent ones; a page whose file changed since the last visit is
// marked on the bookmarks page, in its section's list (the page shown and
// the whole section, loaded) and on itself, and a
// page the site no longer has is marked on the bookmarks page. The Sums
// those marks compare with (js/sums.js) are loaded only once the reader
// has read something.
func TestBookmarks(t *testing.T) {
	for _, fileLinks := range []bool{false, true} {
		name := "http"
		if fileLinks {
			name = "file"
		}
		t.Run(name, func(t *testing.T) { testBookmarks(t, fileLinks) })
	}
}

func testBookmarks(t *testing.T, fileLinks bool) {
	b := sample(t, fileLinks)
	base := b.base("")
	if !fileLinks {
		_, base = server(t)
	}
	tb := newTab(t, chromiumtest.New(t), base)
	reg := regulationWithCases(t, b.Site)
	sumsScripts := `document.querySelectorAll('script[src$="js/sums.js"]').length`
	tb.open(b.pageURL(base, reg.TopSection().URL))
	if n := eval[int](tb, sumsScripts); n != 0 {
		t.Errorf("读者还没有浏览记录，栏目列表却载入了 js/sums.js（%d 次）", n)
	}
	// sumsLoaded waits until the page's scripts have had the Sums.
	sumsLoaded := func() {
		t.Helper()
		eval[bool](tb, `(function () { window.testSums = false; djkbKeep.sums(function () { window.testSums = true; }); return true; })()`)
		tb.wait("window.testSums === true")
	}
	tb.open(b.pageURL(base, reg.URL))
	id := eval[string](tb, `(function () {
		var p = document.querySelectorAll(".content p.article[id]")[1];
		p.querySelector(".article-no").click();
		document.querySelector(".article-menu button[aria-pressed]").click();
		return p.id;
	})()`)
	if got := eval[string](tb, `document.querySelector(".article-menu button[aria-pressed]").getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("点“收藏本条”后按钮的 aria-pressed 是 %q", got)
	}
	tb.open(b.pageURL(base, reg.URL)) // reload
	tb.open(b.pageURL(base, "bookmarks/"))
	sumsLoaded()
	type entry struct {
		Text string `json:"text"`
		Href string `json:"href"`
		Mark string `json:"mark"`
	}
	list := func(sel string) []entry {
		return eval[[]entry](tb, `Array.prototype.map.call(document.querySelectorAll(`+jsString(sel+" li")+`), function (li) {
			var a = li.querySelector("a"), m = li.querySelector(".changed-mark");
			return {text: a.textContent, href: decodeURI(a.href), mark: m ? m.textContent : ""};
		})`)
	}
	saved := list("#bookmarks-saved")
	wantHref := eval[string](tb, "decodeURI("+jsString(b.pageURL(base, reg.URL))+")") + "#" + id
	if len(saved) != 1 || saved[0].Text != reg.Title+" "+id || saved[0].Href != wantHref {
		t.Fatalf("“我的收藏”列出 %+v，应只有 %q → %s", saved, reg.Title+" "+id, wantHref)
	}
	if saved[0].Mark != "" {
		t.Errorf("刚收藏的条文被标为“%s”", saved[0].Mark)
	}
	recent := list("#bookmarks-recent")
	if len(recent) == 0 || recent[0].Text != reg.Title || recent[0].Mark != "" {
		t.Errorf("最近浏览列出 %+v，第一项应为 %q，没有标记", recent, reg.Title)
	}

	// The reader saw another version of the page last time, and kept a
	// page the site no longer has.
	eval[bool](tb, `(function () {
		var s = djkbKeep.get("seen", {}); s[`+jsString(reg.URL)+`] = "old"; djkbKeep.set("seen", s);
		var k = djkbKeep.get("bookmarks", []); k.push({p: "gone/", k: "gone/", t: "已删除", s: "x", at: 0}); djkbKeep.set("bookmarks", k);
		return true;
	})()`)
	tb.open(b.pageURL(base, "bookmarks/"))
	sumsLoaded()
	if s := list("#bookmarks-saved"); len(s) != 2 || s[0].Mark != "有更新" || s[1].Mark != "本站已没有此页" {
		t.Errorf("页面更新后，收藏项应标出“有更新”，已删除的页面应标出“本站已没有此页”：%+v", s)
	}
	for pg := 1; ; pg++ {
		tb.open(b.pageURL(base, site.ListPageURL(reg.TopSection().URL, pg)))
		sumsLoaded()
		n := eval[int](tb, `document.querySelectorAll('.page-item[data-title=`+jsString(reg.Title)+`] .changed-mark').length`)
		if n == 1 || pg > 20 || !eval[bool](tb, `!!document.querySelector(".pager a[rel=next]")`) {
			if n != 1 {
				t.Errorf("栏目列表中 %q 没有标出“有更新”", reg.Title)
			}
			if all := eval[int](tb, `document.querySelectorAll('.page-item .changed-mark').length`); all != n {
				t.Errorf("栏目列表标出了 %d 项“有更新”，应只有 %d 项", all, n)
			}
			break
		}
	}
	// Sorted, the list shows the whole section, loaded: marked too.
	tb.open(b.pageURL(base, reg.TopSection().URL))
	tb.choose("排序", "title")
	tb.wait(`document.querySelector(".pager").hidden`)
	sumsLoaded()
	if n := eval[int](tb, `document.querySelectorAll('.page-item[data-title=`+jsString(reg.Title)+`] .changed-mark').length`); n != 1 {
		t.Errorf("排序后的全栏目列表中 %q 有 %d 个“有更新”，应为 1 个", reg.Title, n)
	}
	tb.open(b.pageURL(base, reg.URL))
	if !eval[bool](tb, `!!document.querySelector("main .changed-mark")`) {
		t.Error("页面更新后再打开，页面上没有“有更新”的提示")
	}
	tb.open(b.pageURL(base, reg.URL))
	if eval[bool](tb, `!!document.querySelector("main .changed-mark")`) {
		t.Error("看过更新后再打开，页面上仍提示有更新")
	}
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("页面出错：\n  %s", strings.Join(p, "\n  "))
	}
}

// TestSearchShortcut presses "/" on pages of several kinds: it goes to the
// page's search box, unless the reader is typing in a field; Esc leaves
// the box. The home and search pages show only their own search box.
func TestSearchShortcut(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	reg := regulationWithCases(t, b.Site)
	for _, c := range []struct{ url, box string }{{reg.URL, "site-q"}, {"", "home-q"}, {"search/", "search-q"}} {
		tb.open(b.pageURL(base, c.url))
		if c.box != "site-q" && eval[bool](tb, `!!document.getElementById("site-q")`) {
			t.Errorf("%s 有自己的搜索框，页头不应再有一个", tb.location())
		}
		tb.typeKey("/", "Slash", 191)
		if f := tb.focused(); f.ID != c.box {
			t.Errorf("在 %s 按 / 后焦点在 <%s id=%q>，应在搜索框 #%s", tb.location(), f.Tag, f.ID, c.box)
		}
		tb.typeKey("a", "KeyA", 65)
		tb.typeKey("/", "Slash", 191)
		tb.typeKey("b", "KeyB", 66)
		if v := eval[string](tb, `document.activeElement.value || ""`); v != "a/b" {
			t.Errorf("在搜索框中输入“a/b”得到“%s”", v)
		}
		tb.press(kb.Escape)
		if f := tb.focused(); f.Tag == "input" {
			t.Errorf("在 %s 的搜索框中按 Esc 后焦点仍在 #%s", tb.location(), f.ID)
		}
	}
	// The home page's box shows its whole placeholder on a phone.
	tb.show(b.pageURL(base, ""), screen{Name: "390", Width: 390, Height: 844, Phone: true})
	room := eval[[]float64](tb, `(function () {
		var i = document.getElementById("home-q"), cs = getComputedStyle(i), c = document.createElement("canvas").getContext("2d");
		c.font = cs.fontSize + " " + cs.fontFamily;
		return [c.measureText(i.placeholder).width, i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight)];
	})()`)
	if room[0] > room[1] {
		t.Errorf("390 px：首页搜索框的提示文字宽 %.0f 像素，框内只有 %.0f 像素", room[0], room[1])
	}
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("页面出错：\n  %s", strings.Join(p, "\n  "))
	}
}

// typeKey presses a key that types text as a keyboard does: one keydown
// that carries the text, which the page may cancel, then the keyup.
func (tb *tab) typeKey(text, code string, keyCode int64) {
	tb.t.Helper()
	for _, ev := range []input.DispatchKeyEventParams{
		{Type: input.DispatchKeyEventTypeKeyDown, Key: text, Text: text, Code: code, WindowsVirtualKeyCode: keyCode},
		{Type: input.DispatchKeyEventTypeKeyUp, Key: text, Code: code, WindowsVirtualKeyCode: keyCode},
	} {
		if _, err := chromedp.Call(tb.ctx, input.DispatchKeyEvent, ev); err != nil {
			tb.t.Fatalf("按键失败：%v", err)
		}
	}
}

// TestSearchCountAndSubresults searches the sample site for a phrase that a
// few dozen pages hold: the count is exact (no 约) and is the number of
// results the page lists in the end, and every sub-result, the first
// included, shows its excerpt.
func TestSearchCountAndSubresults(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	tb.open(b.pageURL(base, "search/") + "?q=" + url.QueryEscape("三会一课"))
	if _, err := chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelectorAll(".search-results:not(.search-synonym-results) > .search-result").length > 0`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("搜索没有结果：%v", err)
	}
	status := eval[string](tb, `document.querySelector(".search-status").textContent`)
	for range 20 {
		if eval[bool](tb, `document.querySelector(".search-more").hidden`) {
			break
		}
		n := eval[int](tb, `(document.querySelector(".search-more").click(), document.querySelectorAll(".search-results:not(.search-synonym-results) > .search-result").length)`)
		chromedp.Run(tb.ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelectorAll(".search-results:not(.search-synonym-results) > .search-result").length > %d`, n), chromedp.WithPollingTimeout(5*time.Second)))
	}
	n := eval[int](tb, `document.querySelectorAll(".search-results:not(.search-synonym-results) > .search-result").length`)
	if n <= 10 {
		t.Fatalf("“三会一课”只找到 %d 条：测不出第一页之后的计数", n)
	}
	if strings.Contains(status, "约") || !strings.Contains(status, fmt.Sprintf("找到 %d 条", n)) {
		t.Errorf("搜索状态是“%s”，列出的结果共 %d 条：应说“找到 %d 条”", status, n, n)
	}
	if bare := eval[int](tb, `Array.prototype.filter.call(document.querySelectorAll(".result-subs li"), function (li) { var e = li.querySelector(".result-sub-excerpt"); return !e || !e.textContent.trim(); }).length`); bare > 0 {
		t.Errorf("%d 个子结果没有摘录", bare)
	}
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("页面出错：\n  %s", strings.Join(p, "\n  "))
	}
}

// TestRegulationPrintout prints a regulation from its page: the title, the
// 文号 and the text are on the paper; the site's frame, the contents, the
// page's tools, its facts panel and its links are not.
func TestRegulationPrintout(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	var reg *site.Page
	for _, p := range b.Site.Pages {
		if r := p.Reg(); r != nil && r.DocNumber != "" && len(p.TOC) > 1 {
			reg = p
			break
		}
	}
	if reg == nil {
		t.Fatal("示例站点中没有带文号和目录的法规")
	}
	tb.show(b.pageURL(base, reg.URL), screen{Name: "print", Width: 794, Height: 1123, Print: true})
	shown := func(sel string) bool {
		return eval[bool](tb, `(function () { var e = document.querySelector(`+jsString(sel)+`); return !!e && e.getClientRects().length > 0; })()`)
	}
	for _, sel := range []string{"main h1", ".page-header-facts .doc-number", ".content.doc p.article"} {
		if !shown(sel) {
			t.Errorf("打印时看不到 %s", sel)
		}
	}
	for _, sel := range []string{".site-header", ".breadcrumbs", ".single-aside", ".toc", ".page-tools", ".meta-panel", ".link-list", ".site-footer"} {
		if shown(sel) {
			t.Errorf("打印时不应印出 %s", sel)
		}
	}
	if !eval[bool](tb, `!!document.querySelector(".page-tools button") && Array.prototype.some.call(document.querySelectorAll(".page-tools button"), function (b) { return b.textContent === "打印"; })`) {
		t.Error("页面上没有“打印”按钮")
	}
}
