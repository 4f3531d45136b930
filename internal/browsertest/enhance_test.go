package browsertest

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"djkb/internal/chromium/chromiumtest"
)

// TestCopyArticleLink clicks an article's number, then 复制链接 in the menu
// it opens, and reads the clipboard: it holds the page address with the
// article's anchor.
func TestCopyArticleLink(t *testing.T) {
	b, base := server(t)
	ctx := chromiumtest.New(t)
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name},
			Setting:    browser.PermissionSettingGranted,
			Origin:     strings.TrimSuffix(base, "/"),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	tb := newTab(t, ctx, base)
	reg := regulationWithCases(t, b.Site)
	u := b.pageURL(base, reg.URL)
	tb.open(u)

	n := eval[int](tb, `document.querySelectorAll(".content p.article[id]").length`)
	buttons := eval[int](tb, `document.querySelectorAll(".content p.article[id] > button.article-no:first-child").length`)
	if n == 0 || buttons != n {
		t.Fatalf("%d 条条文有 %d 个条号按钮，应一条一个", n, buttons)
	}
	id := eval[string](tb, `(function () {
		var p = document.querySelectorAll(".content p.article[id]")[1];
		p.querySelector(".article-no").setAttribute("data-test-number", "");
		return p.id;
	})()`)
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("[data-test-number]"))); err != nil {
		t.Fatal(err)
	}
	eval[bool](tb, `(function () { var b = document.querySelector(".article-menu button"); b.setAttribute("data-test-target", ""); return true; })()`)
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("[data-test-target]"))); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("读不到剪贴板：%v", err)
	}
	want := eval[string](tb, "decodeURI("+jsString(u)+")") + "#" + id
	if got != want {
		t.Errorf("剪贴板中是 %q，应为 %q", got, want)
	}
	if h := eval[string](tb, "decodeURIComponent(location.hash)"); h != "#"+id {
		t.Errorf("地址栏的锚点是 %q，应为 %q", h, "#"+id)
	}
	if btn := eval[string](tb, `document.querySelector("[data-test-target]").textContent`); btn != "已复制" {
		t.Errorf("按钮显示“%s”，应为“已复制”", btn)
	}

	// 复制引用 (cite.js, through site.js's clipboard code) copies the
	// citation as people write it, then the link.
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("[data-test-number]"))); err != nil {
		t.Fatal(err)
	}
	eval[bool](tb, `(function () {
		var old = document.querySelector("[data-test-target]");
		if (old) { old.removeAttribute("data-test-target"); }
		var b = Array.prototype.filter.call(document.querySelectorAll(".article-menu .article-menu-extra"), function (b) { return b.textContent === "复制引用"; })[0];
		b.setAttribute("data-test-target", "");
		return true;
	})()`)
	if err := chromedp.Do(tb.ctx, chromedp.Click(chromedp.CSS("[data-test-target]"))); err != nil {
		t.Fatal(err)
	}
	got, err = chromedp.Run(tb.ctx, chromedp.Evaluate[string](`navigator.clipboard.readText()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("读不到剪贴板：%v", err)
	}
	if label := strings.SplitN(id, "-", 2)[0]; !strings.HasPrefix(got, "《"+reg.Title+"》"+label+"\n") {
		t.Errorf("复制引用后剪贴板中是 %q，应以“《%s》%s”开头", got, reg.Title, label)
	}
	if btn := eval[string](tb, `document.querySelector("[data-test-target]").textContent`); btn != "已复制引用" {
		t.Errorf("按钮显示“%s”，应为“已复制引用”", btn)
	}
}

// visibleOrder returns an attribute of the list items that are shown, in
// their order on the page.
func (tb *tab) visibleOrder(attr string) []string {
	return eval[[]string](tb, `Array.prototype.map.call(document.querySelectorAll(".page-list > li:not([hidden])"), function (li) { return li.getAttribute(`+jsString(attr)+`) || ""; })`)
}

// choose picks an option of the list tools' select with that label, as a
// reader would, and lets the page react.
func (tb *tab) choose(label, value string) {
	tb.t.Helper()
	ok := eval[bool](tb, `(function (label, value) {
		var labels = document.querySelectorAll(".list-tools label");
		for (var i = 0; i < labels.length; i++) {
			if (labels[i].firstChild.nodeValue === label) {
				var s = labels[i].querySelector("select");
				s.value = value;
				s.dispatchEvent(new Event("change"));
				return s.value === value;
			}
		}
		return false;
	})(`+jsString(label)+`, `+jsString(value)+`)`)
	if !ok {
		tb.t.Fatalf("列表工具中没有“%s”选项“%s”", label, value)
	}
}

// TestListTools sorts and filters a section list in place and checks the
// result against the items' own data.
func TestListTools(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	// A list of one page: TestSectionFilterWholeSection filters across pages.
	sec := regulationWithCases(t, b.Site).Section
	if len(sec.All) > b.Site.Config.PageSize {
		t.Fatalf("栏目“%s”不止一页", sec.Title)
	}
	tb.open(b.pageURL(base, sec.URL))

	original := tb.visibleOrder("data-title")
	tb.choose("排序", "title")
	got := tb.visibleOrder("data-title")
	sorted := eval[[]string](tb, `(function (a) { return a.slice().sort(function (x, y) { return x.localeCompare(y, "zh-CN"); }); })(`+jsList(original)+`)`)
	if !slices.Equal(got, sorted) {
		t.Errorf("按标题排序后的顺序：\n%v\n应为：\n%v", got, sorted)
	}
	tb.choose("排序", "old")
	dates := tb.visibleOrder("data-date")
	if !slices.IsSorted(dates) {
		t.Errorf("按日期从旧到新排序后的日期不是升序：%v", dates)
	}
	tb.choose("排序", "")
	if got := tb.visibleOrder("data-title"); !slices.Equal(got, original) {
		t.Errorf("恢复默认顺序后：\n%v\n应为原来的：\n%v", got, original)
	}

	tb.choose("效力状态", "现行有效")
	statuses := tb.visibleOrder("data-status")
	want := eval[int](tb, `document.querySelectorAll('.page-list > li[data-status="现行有效"]').length`)
	if len(statuses) != want || slices.ContainsFunc(statuses, func(s string) bool { return s != "现行有效" }) {
		t.Errorf("只看“现行有效”时显示的是 %v，应为 %d 篇现行有效的文件", statuses, want)
	}
	if len(statuses) == len(original) {
		t.Log("本页所有文件都现行有效，状态筛选没有可去掉的")
	}
	tb.choose("效力状态", "")

	// The text filter, typed with a pinyin input method: the letters of a
	// composition hide nothing, the committed phrase keeps the items that
	// hold it.
	if err := chromedp.Do(tb.ctx, chromedp.Focus(chromedp.CSS(".list-tools input[type=search]"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tb.ctx, input.ImeSetComposition, input.ImeSetCompositionParams{Text: "tiaoli", SelectionStart: 6, SelectionEnd: 6}); err != nil {
		t.Fatal(err)
	}
	if got := tb.visibleOrder("data-title"); len(got) != len(original) {
		t.Errorf("输入法拼写“tiaoli”时列表只显示 %d 篇，应仍显示全部 %d 篇", len(got), len(original))
	}
	if _, err := chromedp.Call(tb.ctx, input.InsertText, input.InsertTextParams{Text: "条例"}); err != nil {
		t.Fatal(err)
	}
	holding := eval[[]string](tb, `Array.prototype.filter.call(document.querySelectorAll(".page-list > li"), function (li) { return li.textContent.indexOf("条例") >= 0; }).map(function (li) { return li.getAttribute("data-title"); })`)
	if got := tb.visibleOrder("data-title"); len(holding) == 0 || len(holding) == len(original) || !slices.Equal(got, holding) {
		t.Errorf("输入“条例”后显示 %v，应为含“条例”的 %v（本页共 %d 篇）", got, holding, len(original))
	}
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("使用列表工具时出错：\n  %s", strings.Join(p, "\n  "))
	}
}

func jsList(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = jsString(s)
	}
	return "[" + strings.Join(q, ",") + "]"
}

// TestWithoutJavaScript reads every kind of page with scripts switched off:
// the content, the lists and the article anchors are all there, and the
// enhancements are simply absent.
func TestWithoutJavaScript(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	noJS := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	if err := chromedp.Do(tb.ctx, noJS); err != nil {
		t.Fatal(err)
	}
	pageSize := b.Site.Config.PageSize
	for _, k := range pagesOfEachKind(t, b) {
		if k.Kind == "search" {
			continue // search needs JavaScript
		}
		tb.open(b.pageURL(base, k.URL))
		if n := eval[int](tb, `document.querySelectorAll(".list-tools, .term-tools, .article-menu, button.article-no, .page-tools, .toc-float").length`); n != 0 {
			t.Errorf("%s 页在脚本关闭时出现了 %d 个只应由脚本添加的控件", k.Kind, n)
		}
		switch k.Kind {
		case "section":
			sec := b.Site.TopSections()[0]
			if n := eval[int](tb, `document.querySelectorAll(".page-list > li").length`); n != min(pageSize, len(sec.All)) {
				t.Errorf("栏目页列出 %d 篇，应为 %d 篇", n, min(pageSize, len(sec.All)))
			}
		case "regulation":
			if n := eval[int](tb, `document.querySelectorAll(".content p.article[id^='第']").length`); n == 0 {
				t.Error("法规页的条文没有锚点")
			}
		case "bookmarks":
			if s := eval[string](tb, `document.querySelector("main").innerText`); !strings.Contains(s, "需要浏览器启用 JavaScript") {
				t.Errorf("脚本关闭时“我的收藏”页没有说明需要 JavaScript：%q", s)
			}
		case "taxonomy":
			if n := eval[int](tb, `document.querySelectorAll(".term-list > li").length`); n != len(b.Site.Taxonomies[0].Terms) {
				t.Errorf("分类页列出 %d 项，应为 %d 项", n, len(b.Site.Taxonomies[0].Terms))
			}
		}
	}
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("脚本关闭时出错：\n  %s", strings.Join(p, "\n  "))
	}
}

// TestTOCFollowsReading scrolls a regulation to its last chapter and checks
// that the table of contents marks that chapter.
func TestTOCFollowsReading(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	reg := regulationWithCases(t, b.Site)
	tb.open(b.pageURL(base, reg.URL))
	last := reg.TOC[len(reg.TOC)-1]
	if err := chromedp.Do(tb.ctx,
		chromedp.Evaluate[chromedp.Void](`document.getElementById(`+jsString(last.ID)+`).scrollIntoView()`),
	); err != nil {
		t.Fatal(err)
	}
	// The page marks the chapter on its next scroll handler, which under
	// load may take a while: wait for it, then check what it marked.
	marked := `(function () { var a = document.querySelector(".toc a[aria-current]"); return a ? a.textContent : ""; })()`
	chromedp.Run(tb.ctx, chromedp.Poll[bool](marked+" === "+jsString(last.Text), chromedp.WithPollingTimeout(5*time.Second)))
	if got := eval[string](tb, marked); got != last.Text {
		t.Errorf("读到“%s”时目录标出的是“%s”", last.Text, got)
	}
}
