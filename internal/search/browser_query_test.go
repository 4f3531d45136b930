package search_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"djkb/internal/chromium/chromiumtest"
)

// TestBrowserQueryForms types queries the way staff type them into the
// search box, over HTTP and from file://: pinyin initials (shyk) find the
// 三会一课 pages first, and traditional characters (三會一課), which load
// their table beside the bundle, find the same.
func TestBrowserQueryForms(t *testing.T) {
	for _, file := range []bool{false, true} {
		dir := testSite(t, sortedDocs(handCorpus()), file)
		page := ""
		if file {
			page = (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "search", "index.html"))}).String()
		} else {
			srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
			defer srv.Close()
			page = srv.URL + "/search/"
		}
		ctx := chromiumtest.New(t)
		for _, q := range []string{"shyk", "三會一課"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, `document.querySelector('.search-status').textContent.indexOf('共收录') >= 0`)
			if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-q"), q)); err != nil {
				t.Fatal(err)
			}
			waitFor(t, ctx, `document.querySelectorAll('.search-result').length >= 3 && !document.getElementById('djkb-search').hasAttribute('aria-busy') &&
				decodeURIComponent(location.search) === '?q=`+q+`'`)
			first := eval[string](t, ctx, `document.querySelector('.search-result').textContent`)
			if !strings.Contains(first, "三会一课") {
				t.Errorf("file=%v: first result for %s: %q", file, q, first)
			}
			status := eval[string](t, ctx, `document.querySelector('.search-status').textContent`)
			if q == "shyk" && !strings.Contains(status, "按拼音「shyk」搜索「三会一课」") {
				t.Errorf("file=%v: status for shyk: %q", file, status)
			}
		}
	}
}

// TestBrowserHighlight follows a sub-result, over HTTP and from file://,
// and finds the query marked on the page it opens, the first mark after
// the article the link named, with a bar that steps through the marks and
// clears them.
func TestBrowserHighlight(t *testing.T) {
	for _, file := range []bool{false, true} {
		dir := testSite(t, sortedDocs(handCorpus()), file)
		page := ""
		if file {
			page = (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, "search", "index.html"))}).String()
		} else {
			srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
			defer srv.Close()
			page = srv.URL + "/search/"
		}
		ctx := chromiumtest.New(t)
		if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, `document.querySelector('.search-status').textContent.indexOf('共收录') >= 0`)
		if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("search-q"), "三会一课")); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, `decodeURIComponent(location.search) === '?q=三会一课' && !document.getElementById('djkb-search').hasAttribute('aria-busy') &&
			document.querySelector('.result-subs a[data-hl]') !== null`)
		href := eval[string](t, ctx, `document.querySelector('.result-subs a').href`)
		if !strings.Contains(href, "?hl=%E4%B8%89%E4%BC%9A%E4%B8%80%E8%AF%BE#") {
			t.Errorf("file=%v: sub-result link %q does not carry the query before its anchor", file, href)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(href)); err != nil {
			t.Fatal(err)
		}
		waitFor(t, ctx, `document.djkbHighlight && document.djkbHighlight.current() >= 0`)
		got := eval[map[string]any](t, ctx, `(() => {
			const marks = Array.from(document.querySelectorAll('mark.djkb-hl'));
			const cur = marks[document.djkbHighlight.current()];
			const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
			return {n: marks.length, text: marks.map(m => m.textContent).join('|'), inTarget: !!target && target.contains(cur),
				bar: document.querySelector('.djkb-hl-bar').textContent};
		})()`)
		if n, _ := got["n"].(float64); n < 1 || !strings.HasPrefix(got["text"].(string), "三会一课") || got["inTarget"] != true {
			t.Errorf("file=%v: marks on arrival: %v", file, got)
		}
		if bar := got["bar"].(string); !strings.Contains(bar, "第 1 / ") || !strings.Contains(bar, "下一处") || !strings.Contains(bar, "清除") {
			t.Errorf("file=%v: bar %q", file, bar)
		}
		eval[bool](t, ctx, `(() => { Array.from(document.querySelectorAll('.djkb-hl-bar button')).find(b => b.textContent === '清除').click(); return true; })()`)
		if n := eval[int](t, ctx, `document.querySelectorAll('mark').length + document.querySelectorAll('.djkb-hl-bar').length`); n != 0 {
			t.Errorf("file=%v: %d marks or bars left after 清除", file, n)
		}
	}
}
