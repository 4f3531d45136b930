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
