package search_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"djkb/internal/chromium/chromiumtest"
)

// The browser tests open a test site's search page in headless Chromium, over
// HTTP and from file://: they type a query, use a filter, follow a
// sub-result to its anchor, use the keyboard, and check that hostile content
// and queries do no harm.

func TestBrowserHTTP(t *testing.T) {
	dir := testSite(t, sortedDocs(handCorpus()), false)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	browserJourney(t, srv.URL+"/search/", false)
}

func TestBrowserFile(t *testing.T) {
	dir := testSite(t, sortedDocs(handCorpus()), true)
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "search", "index.html"))}
	browserJourney(t, u.String(), true)
}

// eval runs a script and decodes its (awaited) result.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitFor polls a condition until it holds.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](cond, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", cond, err)
	}
}

func browserJourney(t *testing.T, page string, fileLinks bool) {
	ctx := chromiumtest.New(t)
	run := func(actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatal(err)
		}
	}
	run(chromedp.Navigate(page))
	waitFor(t, ctx, `document.querySelector('.search-status').textContent.indexOf('共收录') >= 0`)

	// Typing shows results as you type, with the query in the URL.
	run(chromedp.SendKeys(chromedp.ID("search-q"), "三会一课"))
	// Results of the first keystrokes may show before the whole query's:
	// wait for the answer to the whole query.
	waitFor(t, ctx, `decodeURIComponent(location.search) === '?q=三会一课' && document.querySelectorAll('.search-result').length >= 3 &&
		(document.querySelector('.result-excerpt mark') || {}).textContent === '三会一课'`)
	titles := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('.result-title a')).map(a => a.textContent)`)
	if !slices.Contains(titles, "中国共产党支部工作条例（试行）") {
		t.Errorf("results for 三会一课: %q", titles)
	}
	if loc := eval[string](t, ctx, `decodeURIComponent(location.search)`); loc != "?q=三会一课" {
		t.Errorf("URL after typing: %q", loc)
	}
	// Over HTTP the index files are fetched (from file://, script tags
	// load them: the rest of the journey shows that they do).
	if !fileLinks {
		how := eval[[]string](t, ctx, `Array.from(new Set(performance.getEntriesByType('resource').filter(e => /\/search\/[dptm]\//.test(e.name)).map(e => e.initiatorType)))`)
		if !slices.Equal(how, []string{"fetch"}) {
			t.Errorf("index files loaded over HTTP by %q, want fetch", how)
		}
	}
	marks := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('.result-excerpt mark')).map(m => m.textContent)`)
	if len(marks) == 0 || marks[0] != "三会一课" {
		t.Errorf("highlights: %q", marks)
	}

	// A filter narrows the results and joins the URL.
	run(chromedp.Click(chromedp.CSS(`input[type=checkbox][id^="facet-section-"] ~ .facet-name`)))
	waitFor(t, ctx, `location.search.indexOf('section=') >= 0`)
	waitFor(t, ctx, `(() => { const b = Array.from(document.querySelectorAll('.result-section')).map(e => e.textContent);
		const want = document.querySelector('input[id^="facet-section-"]:checked + .facet-name').textContent;
		return b.length > 0 && b.every(x => x === want); })()`)
	run(chromedp.Click(chromedp.CSS(`.facet-clear`)))
	waitFor(t, ctx, `location.search.indexOf('section=') < 0 && document.querySelectorAll('.search-result').length >= 3`)

	// The keyboard reaches the results.
	run(chromedp.Focus(chromedp.ID("search-q")), chromedp.KeyEvent(kb.ArrowDown))
	if cls := eval[string](t, ctx, `document.activeElement.closest('.result-title') ? 'title' : document.activeElement.outerHTML`); cls != "title" {
		t.Errorf("arrow down from the box focused %s", cls)
	}

	// A sub-result leads to its article.
	href := eval[string](t, ctx, `(() => { const a = Array.from(document.querySelectorAll('.result-subs a')).find(a => a.textContent === '第十九条'); return a ? a.getAttribute('href') : ''; })()`)
	if !strings.HasSuffix(href, "#"+url.PathEscape("第十九条")) {
		t.Fatalf("sub-result link %q", href)
	}
	if fileLinks != strings.Contains(href, "index.html?hl=") {
		t.Errorf("sub-result link %q in file-links mode %v", href, fileLinks)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`.result-subs a[href=%q]`, href)))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector(':target') !== null`)
	if id := eval[string](t, ctx, `document.querySelector(':target').id`); id != "第十九条" {
		t.Errorf("followed a sub-result to #%s", id)
	}

	// Back on the search page: hostile content shows as text, hostile
	// queries do no harm.
	run(chromedp.Navigate(page + "?q=" + url.QueryEscape("红色引擎")))
	waitFor(t, ctx, `document.querySelectorAll('.search-result').length >= 1`)
	if n := eval[int](t, ctx, `document.querySelectorAll('#djkb-search script, #djkb-search b').length`); n != 0 {
		t.Errorf("markup from the content was inserted: %d elements", n)
	}
	if title := eval[string](t, ctx, `document.querySelector('.result-title a').textContent`); !strings.Contains(title, "<script>alert(1)</script>") {
		t.Errorf("title shown as %q", title)
	}
	took := eval[float64](t, ctx, `(async () => {
		const t0 = performance.now();
		const qs = ['数据'.repeat(50000), '.*+?^${}()|[]\\', '👍🏽👨‍👩‍👧 🇨🇳', '\ud800\udfff\ud800', '"', '-', '- -', '<img src=x onerror=alert(1)>'];
		for (const q of qs) await djkbSearch.search(q, {limit: 5});
		return performance.now() - t0; })()`)
	if took > 5000 {
		t.Errorf("hostile queries took %.0f ms", took)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('img').length`); n != 0 {
		t.Errorf("a query inserted an image")
	}
}

// TestBrowserInputMethod types as a person with a pinyin input method does:
// the letters of a composition are not searched, and the arrow keys that
// pick a candidate stay with the input method; the committed phrase is.
func TestBrowserInputMethod(t *testing.T) {
	dir := testSite(t, sortedDocs(handCorpus()), false)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx := chromiumtest.New(t)
	call := func(f func(context.Context) error) {
		t.Helper()
		if err := f(ctx); err != nil {
			t.Fatal(err)
		}
	}
	compose := func(text string) {
		t.Helper()
		call(func(c context.Context) error {
			_, err := chromedp.Call(c, input.ImeSetComposition, input.ImeSetCompositionParams{Text: text, SelectionStart: int64(len(text)), SelectionEnd: int64(len(text))})
			return err
		})
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/search/"), chromedp.Focus(chromedp.ID("search-q"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector('.search-status').textContent.indexOf('共收录') >= 0`)

	compose("sanhui")
	time.Sleep(500 * time.Millisecond) // well past the box's pause before it searches
	if got := eval[string](t, ctx, `location.search + '|' + document.querySelectorAll('.search-result').length`); got != "|0" {
		t.Errorf("a composition's letters were searched: %q", got)
	}

	call(func(c context.Context) error {
		_, err := chromedp.Call(c, input.InsertText, input.InsertTextParams{Text: "三会一课"})
		return err
	})
	waitFor(t, ctx, `decodeURIComponent(location.search) === '?q=三会一课' && document.querySelectorAll('.search-result').length >= 3`)

	compose("dang")
	call(func(c context.Context) error {
		_, err := chromedp.Call(c, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeRawKeyDown, Key: "ArrowDown", Code: "ArrowDown", WindowsVirtualKeyCode: 40})
		return err
	})
	time.Sleep(500 * time.Millisecond)
	if got := eval[string](t, ctx, `document.activeElement.id + '|' + decodeURIComponent(location.search)`); got != "search-q|?q=三会一课" {
		t.Errorf("an arrow key while composing went to the results: focus and query %q", got)
	}
}

// TestBrowserDelta opens the search page of a site whose index is a main
// index and a delta, as djkb serve leaves it after edits: the new text is
// found, the removed text and the deleted page are not, and the filters
// count the edited documents as they are now.
func TestBrowserDelta(t *testing.T) {
	main := sortedDocs(handCorpus())
	dir := testSite(t, main, false)
	writeDeltaIndex(t, filepath.Join(dir, "search"), main, editedCorpus())
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx := chromiumtest.New(t)
	page := srv.URL + "/search/"
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?q="+url.QueryEscape("增量索引测试短语"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelectorAll('.search-result').length >= 1`)
	if titles := eval[[]string](t, ctx, `Array.from(document.querySelectorAll('.result-title a')).map(a => a.textContent)`); len(titles) != 1 || titles[0] != "机关党委会议制度" {
		t.Errorf("results for the added phrase: %q", titles)
	}
	if mark := eval[string](t, ctx, `(document.querySelector('.result-excerpt mark') || {}).textContent || ''`); mark != "增量索引测试短语" {
		t.Errorf("the added phrase is highlighted as %q", mark)
	}
	type answer struct {
		Total   int      `json:"total"`
		Partial bool     `json:"partial"`
		Paths   []string `json:"paths"`
		Counts  []string `json:"counts"`
	}
	ask := func(q string, filters string) answer {
		return eval[answer](t, ctx, `djkbSearch.search(`+fmt.Sprintf("%q", q)+`, {limit: 50, facets: true, filters: `+filters+`}).then(r => ({
			total: r.total, partial: r.partial, paths: r.results.map(x => x.path),
			counts: r.facets.flatMap(f => f.values.map(v => f.key + ':' + v.value + '=' + v.count))}))`)
	}
	if a := ask("严格落实三会一课", "{}"); !a.Partial && a.Total != 0 {
		t.Errorf("the removed phrase still matches: %+v", a)
	}
	if a := ask("红色引擎", "{}"); slices.Contains(a.Paths, "brands/红色引擎.md") {
		t.Errorf("the deleted page is still found: %+v", a)
	}
	if a := ask("新建案例", "{}"); !slices.Contains(a.Paths, "cases/机关党建/新建案例.md") {
		t.Errorf("the created page is not found: %+v", a)
	}
	// The organ regulation was repealed: 已废止 counts it, 现行有效 not.
	browse := ask("", "{}")
	for _, want := range []string{"status:已废止=2", "status:现行有效=4", "tags:新专题=1", "section:党建品牌=0"} {
		if !slices.Contains(browse.Counts, want) && !(strings.HasSuffix(want, "=0") && !containsPrefix(browse.Counts, strings.TrimSuffix(want, "0"))) {
			t.Errorf("facet counts %q lack %s", browse.Counts, want)
		}
	}
	repealed := ask("", `{status: ["已废止"]}`)
	if !slices.Contains(repealed.Paths, "regulations/党内法规/中国共产党党和国家机关基层组织工作条例.md") || repealed.Total != 2 {
		t.Errorf("filtered by 已废止: %+v", repealed)
	}
	// The page shows the new counts too.
	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?status="+url.QueryEscape("已废止"))); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelectorAll('.search-result').length === 2`)
}

func containsPrefix(list []string, p string) bool {
	for _, x := range list {
		if strings.HasPrefix(x, p) {
			return true
		}
	}
	return false
}

// TestBrowserMalformedQuery types a query holding half of an emoji (a lone
// surrogate, as a broken paste leaves) after one that found nothing, and
// opens a shared link whose query is not UTF-8: the page answers the query
// it holds, with the broken part as U+FFFD, and never keeps the last answer.
func TestBrowserMalformedQuery(t *testing.T) {
	dir := testSite(t, sortedDocs(handCorpus()), false)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	ctx := chromiumtest.New(t)
	page := srv.URL + "/search/"
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, `document.querySelector('.search-status').textContent.indexOf('共收录') >= 0`)
	eval[bool](t, ctx, `window.errs = [];
		addEventListener('error', (e) => errs.push(String(e.message)));
		addEventListener('unhandledrejection', (e) => errs.push(String(e.reason)));
		window.typeQuery = (q) => { const i = document.getElementById('search-q'); i.value = q; i.dispatchEvent(new Event('input')); };
		true`)
	found := `document.querySelector('.search-status').textContent.indexOf('找到') === 0 &&
		(document.querySelector('.result-excerpt mark') || {}).textContent === '党建'`

	eval[bool](t, ctx, `typeQuery('zzzqqq'); true`)
	waitFor(t, ctx, `document.querySelector('.search-status').textContent.indexOf('没有找到') === 0`)
	eval[bool](t, ctx, `typeQuery('\uD83D党建'); true`)
	waitFor(t, ctx, found)
	if q := eval[string](t, ctx, `decodeURIComponent(location.search)`); q != "?q=\uFFFD党建" {
		t.Errorf("URL after a lone surrogate: %q", q)
	}
	if errs := eval[[]string](t, ctx, `errs`); len(errs) != 0 {
		t.Errorf("the page threw: %q", errs)
	}
	// A search that fails takes the last results away with it.
	eval[bool](t, ctx, `djkbSearch.search = () => Promise.reject(new Error('索引损坏')); typeQuery('三会一课'); true`)
	waitFor(t, ctx, `document.querySelector('.search-status').textContent.indexOf('搜索出错：索引损坏') === 0 &&
		document.querySelectorAll('.search-result').length === 0 && document.querySelector('.search-more').hidden`)

	if err := chromedp.Do(ctx, chromedp.Navigate(page+"?q=%ED%A0%BD%E5%85%9A%E5%BB%BA")); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, found)
	if q := eval[string](t, ctx, `document.getElementById('search-q').value`); q != "\uFFFD\uFFFD\uFFFD党建" {
		t.Errorf("the box holds %q for a query that is not UTF-8", q)
	}
}
