package browsertest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"djkb/internal/chromium/chromiumtest"
	"djkb/internal/site"
)

// TestSectionFilterWholeSection filters the regulations' list, over HTTP
// and from file://, by a 效力状态 that only its later pages hold: the menu
// offers it with its count, choosing it lists every such document of the
// section, their links lead to them, and clearing it brings the page back.
func TestSectionFilterWholeSection(t *testing.T) {
	browser := chromiumtest.New(t)
	for _, mode := range []string{"http", "file"} {
		t.Run(mode, func(t *testing.T) {
			b, base := linkMode(t, mode)
			sec := b.Site.TopSections()[0]
			pageSize := b.Site.Config.PageSize
			if len(sec.All) <= pageSize {
				t.Fatalf("栏目“%s”只有一页，测不出跨页筛选", sec.Title)
			}
			// A status none of the first page's documents has.
			var status string
			var want []string
			for _, p := range sec.All {
				if p.Status() != "" && !slices.ContainsFunc(sec.All[:pageSize], func(q *site.Page) bool { return q.Status() == p.Status() }) {
					status = p.Status()
					break
				}
			}
			if status == "" {
				t.Fatal("示例站点中没有只出现在第 2 页以后的效力状态")
			}
			for _, p := range sec.All {
				if p.Status() == status {
					want = append(want, p.Title)
				}
			}
			tb := newTab(t, browser, b.base(base))
			tb.open(b.pageURL(base, sec.URL))
			own := tb.visibleOrder("data-title")

			option := status + "（" + strconv.Itoa(len(want)) + "）"
			if !eval[bool](tb, `Array.prototype.some.call(document.querySelectorAll(".list-tools select option"), function (o) { return o.textContent === `+jsString(option)+`; })`) {
				t.Fatalf("效力状态菜单中没有“%s”", option)
			}
			tb.choose("效力状态", status)
			chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelectorAll(".page-list > li:not([hidden])").length === `+strconv.Itoa(len(want)), chromedp.WithPollingTimeout(5*time.Second)))
			if got := tb.visibleOrder("data-title"); !slices.Equal(got, want) {
				t.Fatalf("选“%s”后列出 %v，应为 %v", status, got, want)
			}
			if eval[bool](tb, `!document.querySelector(".pager").hidden`) {
				t.Error("筛选全栏目时仍显示分页")
			}
			// The link of a document from a later page leads to it.
			tb.follow("打开筛选出的文件", chromedp.Click(chromedp.CSS(".page-list > li:not([hidden]) a")))
			if got := eval[string](tb, `document.querySelector("main h1").textContent`); !strings.Contains(got, want[0]) {
				t.Errorf("点开筛选出的“%s”，到了“%s”", want[0], got)
			}
			if p := tb.takeProblems(); len(p) > 0 {
				t.Errorf("跨页筛选时出错：\n  %s", strings.Join(p, "\n  "))
			}

			tb.open(b.pageURL(base, sec.URL))
			tb.choose("效力状态", status)
			chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelectorAll(".page-list > li:not([hidden])").length === `+strconv.Itoa(len(want)), chromedp.WithPollingTimeout(5*time.Second)))
			tb.choose("效力状态", "")
			if got := tb.visibleOrder("data-title"); !slices.Equal(got, own) {
				t.Errorf("清除筛选后列出 %d 篇，应回到本页的 %d 篇", len(got), len(own))
			}

			// The loaded items are the page's own, as the server wrote
			// them: the same elements, classes, text and links.
			tb.open(b.pageURL(base, sec.URL))
			served := eval[map[string]string](tb, itemsHTML)
			tb.choose("排序", "title")
			chromedp.Run(tb.ctx, chromedp.Poll[bool](`document.querySelectorAll(".page-list > li:not([hidden])").length === `+strconv.Itoa(len(sec.All)), chromedp.WithPollingTimeout(5*time.Second)))
			loaded := eval[map[string]string](tb, itemsHTML)
			if len(loaded) != len(sec.All) {
				t.Errorf("按标题排序后列出 %d 篇，应为本栏目全部 %d 篇", len(loaded), len(sec.All))
			}
			for link, want := range served {
				if got := loaded[link]; got != want {
					t.Errorf("载入的条目与页面上的不同：\n  载入 %s\n  页面 %s", got, want)
				}
			}
		})
	}
}

// itemsHTML maps the link of each item of the list shown to the item's
// HTML, links made absolute.
const itemsHTML = `Object.fromEntries(Array.prototype.map.call(document.querySelectorAll(".page-list > li"), function (li) {
	var c = li.cloneNode(true);
	c.querySelectorAll("a[href]").forEach(function (a) { a.setAttribute("href", a.href); });
	return [c.querySelector("a").href, c.outerHTML];
}))`

// TestSectionCountsAgree checks that the count beside each sub-section of
// the regulations and the count of the same 体系 beside the list agree.
func TestSectionCountsAgree(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	tb.open(b.pageURL(base, b.Site.TopSections()[0].URL))
	type counts map[string]string
	chips := eval[counts](tb, `Object.fromEntries(Array.prototype.map.call(document.querySelectorAll(".subsections a"), function (a) { return [a.firstChild.nodeValue.trim(), a.querySelector(".count").textContent]; }))`)
	facet := eval[counts](tb, `Object.fromEntries(Array.prototype.map.call(document.querySelectorAll("#facet-system + ul a"), function (a) { return [a.firstChild.nodeValue.trim(), a.querySelector(".count").textContent]; }))`)
	if len(chips) == 0 {
		t.Fatal("没有下级栏目")
	}
	for name, n := range chips {
		if facet[name] != n {
			t.Errorf("下级栏目“%s”为 %s 篇，“按体系”为 %q 篇", name, n, facet[name])
		}
	}
}

// TestSectionFilterTooLarge filters a section too large to load whole
// (render's maxListEntries), played by the regulations' list with its
// data-list-all rewritten as the build writes it for such a section: the
// filter works on the page shown, loads nothing, keeps the pager, and its
// status line says how large the section is and links to the search page.
func TestSectionFilterTooLarge(t *testing.T) {
	b := sample(t, false)
	sec := b.Site.TopSections()[0]
	const total = 20000
	all := regexp.MustCompile(`data-list-all="[^"]*"`)
	var mu sync.Mutex
	var loaded []string
	files := http.FileServer(http.Dir(b.Out))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/list.js") {
			mu.Lock()
			loaded = append(loaded, r.URL.Path)
			mu.Unlock()
		}
		if r.URL.Path != "/"+sec.URL {
			files.ServeHTTP(w, r)
			return
		}
		page, err := os.ReadFile(filepath.Join(b.Out, filepath.FromSlash(site.OutputFile(sec.URL))))
		if err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(all.ReplaceAll(page, []byte(`data-list-all="{&#34;total&#34;:`+strconv.Itoa(total)+`,&#34;search&#34;:&#34;../search/?section=x&#34;}"`)))
	}))
	defer srv.Close()
	base := srv.URL + "/"
	tb := newTab(t, chromiumtest.New(t), base)
	tb.open(b.pageURL(base, sec.URL))
	own := tb.visibleOrder("data-status")
	var status string
	for _, s := range own {
		if s != "" {
			status = s
			break
		}
	}
	want := 0
	for _, s := range own {
		if s == status {
			want++
		}
	}
	option := status + "（" + strconv.Itoa(want) + "）"
	if !eval[bool](tb, `Array.prototype.some.call(document.querySelectorAll(".list-tools select option"), function (o) { return o.textContent === `+jsString(option)+`; })`) {
		t.Fatalf("效力状态菜单中没有本页的“%s”", option)
	}
	tb.choose("效力状态", status)
	if got := len(tb.visibleOrder("data-title")); got != want {
		t.Errorf("选“%s”后列出 %d 篇，应为本页的 %d 篇", status, got, want)
	}
	line := eval[string](tb, `document.querySelector(".tools-status").textContent`)
	link := eval[string](tb, `(document.querySelector(".tools-status a") || {}).href || ""`)
	if !strings.Contains(line, "本栏目共 "+strconv.Itoa(total)+" 篇") || link != base+"search/?section=x" {
		t.Errorf("状态行是“%s”（链接 %q），应说明本栏目共 %d 篇并链接到搜索页", line, link, total)
	}
	if eval[bool](tb, `document.querySelector(".pager").hidden`) {
		t.Error("只筛选本页时不应隐藏分页")
	}
	mu.Lock()
	defer mu.Unlock()
	if len(loaded) > 0 {
		t.Errorf("太大的栏目不应载入全部条目，却请求了 %v", loaded)
	}
}
