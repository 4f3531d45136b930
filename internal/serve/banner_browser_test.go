package serve

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/chromium/chromiumtest"
	"djkb/internal/sitetest"
)

// TestBannerInViewBrowser saves a broken file while an editor reads far
// down a long page in djkb serve, and checks in Chromium that the error
// banner of the reloaded page is in the window; then fixes the file and
// checks that the page reloads where the editor was.
func TestBannerInViewBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	var body strings.Builder
	for i := 1; i <= 150; i++ {
		fmt.Fprintf(&body, "第%d条　这一条的内容足够长，让页面可以向下滚动很远，编辑在这里读到一半时保存了文件。\n\n", i)
	}
	good := "+++\ntitle = \"甲条例\"\n+++\n" + body.String()
	site := t.TempDir()
	sitetest.Write(t, site, map[string]string{
		"site.toml":                "title = \"测试站点\"\n",
		"content/regulations/甲.md": good,
	})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{
			Build: build.Options{SiteDir: site, Defaults: djkb.Defaults, NoSearch: true},
			Ready: func(url string) { ready <- url },
		})
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(20 * time.Second):
		t.Fatal("server did not start")
	}

	b := chromiumtest.New(t)
	type view struct {
		Y       float64 `json:"y"`
		Height  float64 `json:"height"`
		Banner  bool    `json:"banner"`
		Top     float64 `json:"top"`
		Bottom  float64 `json:"bottom"`
		Version string  `json:"version"`
	}
	const look = `(() => { const e = document.getElementById('djkb-build-errors'); const r = e && e.getBoundingClientRect();
		return {y: scrollY, height: innerHeight, banner: !!e, top: r ? r.top : 0, bottom: r ? r.bottom : 0, version: String(performance.timeOrigin)}; })()`
	if err := chromedp.Do(b,
		chromedp.EmulateViewport(1280, 800),
		chromedp.Navigate(base+"regulations/%E7%94%B2/"),
		chromedp.Sleep(500*time.Millisecond), // the event stream opens
	); err != nil {
		t.Fatal(err)
	}
	before, err := chromedp.Run(b, chromedp.Evaluate[view](`scrollTo(0, 3000), `+look))
	if err != nil {
		t.Fatal(err)
	}
	if before.Y < 2900 {
		t.Fatalf("the page does not scroll: at %v", before.Y)
	}
	// reloaded waits for the page to load again after an edit and show
	// the banner or not as wanted: a save can reach the server as two file
	// events, and the page reload once for each, so the first reload seen
	// may still be the previous build's. At the deadline it returns what
	// the page shows, for the caller's checks.
	reloaded := func(text string, banner bool) view {
		t.Helper()
		sitetest.Write(t, site, map[string]string{"content/regulations/甲.md": text})
		// The reload interrupts what is evaluated meanwhile: ask again.
		var v view
		for deadline := time.Now().Add(20 * time.Second); ; {
			if time.Now().After(deadline) {
				if v.Version == before.Version {
					t.Fatal("the page did not reload")
				}
				break
			}
			time.Sleep(200 * time.Millisecond)
			loaded, err := chromedp.Run(b, chromedp.Evaluate[bool](`document.readyState === 'complete'`))
			if err != nil || !loaded {
				continue
			}
			time.Sleep(300 * time.Millisecond) // the scroll is set on load
			if v, err = chromedp.Run(b, chromedp.Evaluate[view](look)); err == nil && v.Version != before.Version && v.Banner == banner {
				break
			}
		}
		before.Version = v.Version
		return v
	}

	broken := reloaded(strings.Replace(good, "title = \"甲条例\"", "title = \"甲条例", 1), true)
	if !broken.Banner {
		t.Fatal("no error banner after a failed save")
	}
	if broken.Top < 0 || broken.Bottom > broken.Height || broken.Bottom-broken.Top < 20 {
		t.Errorf("the banner is out of view: %v to %v in a window %v high, scrolled to %v", broken.Top, broken.Bottom, broken.Height, broken.Y)
	}
	if dir := os.Getenv("DJKB_SHOTS"); dir != "" { // to look at the banner
		if png, err := chromedp.Run(b, chromedp.CaptureScreenshot()); err == nil {
			os.WriteFile(filepath.Join(dir, "serve-banner-1280.png"), png, 0o644)
		}
	}
	if math.Abs(broken.Y-before.Y) > 2 {
		t.Errorf("the failed save moved the page from %v to %v", before.Y, broken.Y)
	}

	fixed := reloaded(good, false)
	if fixed.Banner {
		t.Error("the banner stays after the fix")
	}
	if math.Abs(fixed.Y-before.Y) > 2 {
		t.Errorf("the good reload lost the place: %v, was %v", fixed.Y, before.Y)
	}
	cancel()
	<-done
}
