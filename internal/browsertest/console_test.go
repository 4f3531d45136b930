package browsertest

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"djkb/internal/chromium/chromiumtest"
)

// TestNoErrors opens every kind of page over HTTP and from file:// and
// fails on any console error, uncaught exception, failed request or request
// that leaves the site.
func TestNoErrors(t *testing.T) {
	browser := chromiumtest.New(t)
	for _, mode := range []string{"http", "file"} {
		t.Run(mode, func(t *testing.T) {
			b, base := linkMode(t, mode)
			tb := newTab(t, browser, b.base(base))
			for _, k := range pagesOfEachKind(t, b) {
				u := b.pageURL(base, k.URL)
				tb.open(u)
				// Give late scripts (a search index loading) a moment.
				if err := chromedp.Do(tb.ctx, chromedp.Sleep(300*time.Millisecond)); err != nil {
					t.Fatal(err)
				}
				if n := eval[int](tb, `document.querySelectorAll("main h1").length`); n != 1 {
					t.Errorf("%s 页（%s）有 %d 个一级标题，应为 1 个", k.Kind, u, n)
				}
				if p := tb.takeProblems(); len(p) > 0 {
					t.Errorf("%s 页（%s）：\n  %s", k.Kind, u, strings.Join(p, "\n  "))
				}
			}
		})
	}
}

// linkMode returns the build for "http" (served, with its server address)
// or "file" (file_links = true, opened from disk; the address is "").
func linkMode(t *testing.T, mode string) (*builtSite, string) {
	t.Helper()
	if mode == "file" {
		return sample(t, true), ""
	}
	return server(t)
}
