package browsertest

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"djkb/internal/chromium/chromiumtest"
)

// focused describes the element that has the keyboard focus.
type focused struct {
	Tag     string  `json:"tag"`
	Text    string  `json:"text"`
	Class   string  `json:"class"`
	ID      string  `json:"id"`
	Href    string  `json:"href"`
	Outline string  `json:"outline"` // computed outline style and width
	Shadow  string  `json:"shadow"`
	Top     float64 `json:"top"`
	Bottom  float64 `json:"bottom"`
	Width   float64 `json:"width"`
}

const focusedJS = `(function () {
	var e = document.activeElement || document.body, cs = getComputedStyle(e), r = e.getBoundingClientRect();
	return {tag: e.tagName.toLowerCase(), text: (e.textContent || e.value || "").trim().slice(0, 40),
		class: e.className || "", id: e.id || "", href: e.getAttribute("href") || "",
		outline: cs.outlineStyle + " " + cs.outlineWidth, shadow: cs.boxShadow,
		top: r.top, bottom: r.bottom, width: r.width};
})()`

func (tb *tab) focused() focused { return eval[focused](tb, focusedJS) }

func (tb *tab) press(keys string) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.KeyEvent(keys)); err != nil {
		tb.t.Fatalf("按键失败：%v", err)
	}
}

// tabTo presses Tab until ok holds for the focused element, at most limit
// times.
func (tb *tab) tabTo(what string, limit int, ok func(focused) bool) focused {
	tb.t.Helper()
	for range limit {
		tb.press(kb.Tab)
		if f := tb.focused(); ok(f) {
			return f
		}
	}
	tb.t.Fatalf("在 %s 按 %d 次 Tab 仍到不了%s", tb.location(), limit, what)
	return focused{}
}

// visibleFocus fails unless the focused element is on screen with a focus
// outline.
func (tb *tab) visibleFocus(f focused) {
	tb.t.Helper()
	if strings.HasPrefix(f.Outline, "none") || strings.HasSuffix(f.Outline, " 0px") {
		tb.t.Errorf("获得焦点的 <%s class=%q>%s 没有可见的焦点轮廓（outline: %s）", f.Tag, f.Class, f.Text, f.Outline)
	}
	if f.Width == 0 || f.Bottom < 0 || f.Top > 2000 {
		tb.t.Errorf("获得焦点的 <%s class=%q>%s 不在屏幕上（top %.0f, bottom %.0f, width %.0f）", f.Tag, f.Class, f.Text, f.Top, f.Bottom, f.Width)
	}
}

// TestKeyboard uses the site by keyboard alone: the skip link, the main
// navigation, a section list's filter, a regulation and its article links.
func TestKeyboard(t *testing.T) {
	b, base := server(t)
	browser := chromiumtest.New(t)
	tb := newTab(t, browser, base)
	reg := regulationWithCases(t, b.Site)
	top := reg.TopSection()

	// The first Tab reaches the skip link; Enter moves the focus to main.
	tb.open(b.pageURL(base, ""))
	f := tb.tabTo("跳到正文的链接", 1, func(f focused) bool { return strings.Contains(f.Class, "skip-link") })
	tb.visibleFocus(f)
	tb.press(kb.Enter)
	if f := tb.focused(); f.ID != "main" {
		t.Errorf("在跳到正文的链接上按 Enter 后，焦点在 <%s id=%q>，应在 main", f.Tag, f.ID)
	}

	// Every focus stop of the home page shows where the focus is.
	tb.open(b.pageURL(base, ""))
	stops := 0
	for range 200 {
		tb.press(kb.Tab)
		f := tb.focused()
		if f.Tag == "body" || (stops > 0 && strings.Contains(f.Class, "skip-link")) {
			break
		}
		stops++
		tb.visibleFocus(f)
	}
	if stops < 10 {
		t.Errorf("首页只有 %d 个可用 Tab 到达的位置", stops)
	}

	// Into the main navigation; Enter follows the link.
	tb.open(b.pageURL(base, ""))
	f = tb.tabTo("主导航中的“"+top.Title+"”", 5, func(f focused) bool { return f.Tag == "a" && f.Text == top.Title })
	tb.visibleFocus(f)
	tb.follow("在主导航上按 Enter", chromedp.KeyEvent(kb.Enter))
	tb.expectPage(b.pageURL(base, top.URL), top.Title)

	// The list filter: type a word, the list narrows, the count says so.
	f = tb.tabTo("列表的筛选框", 40, func(f focused) bool { return f.Tag == "input" && strings.HasPrefix(f.ID, "djkb-filter") })
	tb.visibleFocus(f)
	before := eval[int](tb, `document.querySelectorAll(".page-list > li:not([hidden])").length`)
	word := firstWord(reg.Title)
	tb.press(word)
	// The whole section's list loads on the first filtering: wait for it.
	tb.wait(fmt.Sprintf(`document.querySelectorAll(".page-list > li:not([hidden])").length < %d`, before))
	after := eval[int](tb, `document.querySelectorAll(".page-list > li:not([hidden])").length`)
	if after == 0 || after >= before {
		t.Errorf("在筛选框输入“%s”后列表显示 %d 篇（之前 %d 篇），应减少且不为零", word, after, before)
	}
	// The filter covers the whole section, so the count is out of the
	// section's total, not this page's.
	if s := eval[string](tb, `document.querySelector(".tools-status").textContent`); !strings.Contains(s, fmt.Sprintf("显示 %d / ", after)) || !strings.Contains(s, "本栏目") {
		t.Errorf("筛选后的计数是“%s”，应说明显示 %d 篇、占本栏目多少篇", s, after)
	}

	// The sort order by keyboard: Tab to the select, arrow down to "newest
	// first"; the list follows.
	f = tb.tabTo("排序选择框", 6, func(f focused) bool { return f.Tag == "select" && strings.HasPrefix(f.ID, "djkb-sort") })
	tb.visibleFocus(f)
	tb.press(kb.ArrowDown)
	if v := eval[string](tb, `document.activeElement.value`); v != "new" {
		t.Errorf("在排序框按下方向键后选中的是“%s”，应为按日期从新到旧", v)
	}
	dates := eval[[]string](tb, `Array.prototype.map.call(document.querySelectorAll(".page-list > li:not([hidden])"), function (li) { return li.getAttribute("data-date"); })`)
	for i := 1; i < len(dates); i++ {
		if dates[i] > dates[i-1] {
			t.Errorf("按日期从新到旧排序后，%s 排在 %s 之后", dates[i], dates[i-1])
			break
		}
	}

	// On to a regulation: every focus stop is visible, Enter opens it.
	tb.open(b.pageURL(base, reg.URL))
	f = tb.tabTo("条文的条号按钮", 60, func(f focused) bool {
		tb.visibleFocus(f)
		return strings.Contains(f.Class, "article-no")
	})
	tb.press(kb.Enter)
	if f := tb.focused(); f.Text != "复制链接" {
		t.Errorf("在条号上按 Enter 后焦点在“%s”，应在菜单的“复制链接”上", f.Text)
	}
	tb.press(kb.Enter)
	if f := tb.focused(); f.Text != "已复制" && f.Text != "请从地址栏复制" {
		t.Errorf("按 Enter 后按钮显示“%s”，应告诉读者已复制或如何复制", f.Text)
	}
	if h := eval[string](tb, "decodeURIComponent(location.hash)"); !strings.HasPrefix(h, "#第") {
		t.Errorf("按 Enter 后地址栏的锚点是“%s”，应为该条的锚点", h)
	}
	tb.press(kb.Escape)
	if f := tb.focused(); !strings.Contains(f.Class, "article-no") || eval[bool](tb, `!document.querySelector(".article-menu").hidden`) {
		t.Errorf("按 Esc 后菜单应关闭、焦点回到条号，焦点却在 <%s class=%q>%s", f.Tag, f.Class, f.Text)
	}
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("键盘操作途中出错：\n  %s", strings.Join(p, "\n  "))
	}
}

// firstWord is a short piece of a title to filter by: its first four
// characters after the organ's name.
func firstWord(title string) string {
	r := []rune(strings.TrimPrefix(title, "东江省统计局"))
	return string(r[:min(4, len(r))])
}
