package browsertest

import (
	"bytes"
	"context"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"djkb/internal/chromium/chromiumtest"
)

var (
	shotsDir = flag.String("shots", "", "TestScreenshots 把 README 用的截图写到这个文件夹（相对路径从仓库根目录算起），例如 docs/screenshots")
	shotsAll = flag.Bool("shots-all", false, "TestScreenshots 另外为每类页面拍整页截图（桌面、手机、深色、打印），供设计时查看")
)

// screen is a viewport to take screenshots in.
type screen struct {
	Name          string
	Width, Height int64
	Phone         bool
	Dark, Print   bool
}

var (
	desktop = screen{Name: "1280", Width: 1280, Height: 900}
	phone   = screen{Name: "390", Width: 390, Height: 1500, Phone: true}
)

// readmeShots are the screenshots the README shows; the test writes them
// with -shots.
var readmeShots = []struct {
	Kind   string
	Screen screen
}{
	{"home", desktop},
	{"home", phone},
	{"regulation", desktop},
	{"regulation", phone},
	{"compare", desktop},
	{"section", phone},
}

// TestScreenshots takes the README screenshots of the sample site:
//
//	go test ./internal/browsertest -run TestScreenshots -args -shots docs/screenshots
//
// Without -shots it writes them to a temporary folder and only checks them.
// With -shots-all it also takes full-page shots of every page kind.
func TestScreenshots(t *testing.T) {
	b, base := server(t)
	browser := chromiumtest.New(t)
	dir := *shotsDir
	switch {
	case dir == "":
		dir = t.TempDir()
	case !filepath.IsAbs(dir):
		dir = filepath.Join(repoRoot(t), dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	urls := map[string]string{}
	for _, k := range pagesOfEachKind(t, b) {
		urls[k.Kind] = k.URL
	}
	tb := newTab(t, browser, base)
	for _, s := range readmeShots {
		name := s.Kind + "-" + s.Screen.Name + ".png"
		img := tb.shot(b.pageURL(base, urls[s.Kind]), s.Screen, false)
		checkPNG(t, name, img, s.Screen.Width)
		writeShot(t, dir, name, img)
	}
	if *shotsAll {
		screens := []screen{desktop, phone,
			{Name: "1280-dark", Width: 1280, Height: 900, Dark: true},
			{Name: "390-dark", Width: 390, Height: 844, Phone: true, Dark: true},
			{Name: "print", Width: 794, Height: 1123, Print: true},
		}
		for _, k := range append(pagesOfEachKind(t, b), statusVariants(b)...) {
			for _, s := range screens {
				writeShot(t, dir, "all-"+k.Kind+"-"+s.Name+".png", tb.shot(b.pageURL(base, k.URL), s, true))
			}
		}
	}
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("拍截图时页面出错：\n%s", strings.Join(p, "\n"))
	}
}

// shot loads a page in a screen and returns a PNG of the viewport, or of the
// whole page when full is set.
func (tb *tab) shot(u string, s screen, full bool) []byte {
	tb.t.Helper()
	tb.show(u, s)
	capture := chromedp.CaptureScreenshot()
	if full {
		capture = chromedp.FullScreenshot(100)
	}
	img, err := chromedp.Run(tb.ctx, capture)
	if err != nil {
		tb.t.Fatalf("截图 %s 失败：%v", u, err)
	}
	return img
}

// show loads a page in a screen: its size, phone or not, light or dark,
// screen or print.
func (tb *tab) show(u string, s screen) {
	tb.t.Helper()
	opts := []chromedp.EmulateViewportOption{}
	if s.Phone {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateScale(1))
	}
	media := emulation.SetEmulatedMediaParams{Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "light"}}}
	if s.Dark {
		media.Features[0].Value = "dark"
	}
	if s.Print {
		media.Media = "print"
	}
	setMedia := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, media)
		return err
	})
	if err := chromedp.Do(tb.ctx, chromedp.EmulateViewport(s.Width, s.Height, opts...), setMedia, chromedp.Navigate(u)); err != nil {
		tb.t.Fatalf("打开 %s 失败：%v", u, err)
	}
}

// checkPNG fails unless img is a PNG of the given width that is not one
// flat colour.
func checkPNG(t *testing.T, name string, img []byte, width int64) {
	t.Helper()
	m, err := png.Decode(bytes.NewReader(img))
	if err != nil {
		t.Fatalf("%s 不是 PNG：%v", name, err)
	}
	r := m.Bounds()
	if int64(r.Dx()) != width {
		t.Errorf("%s 宽 %d 像素，应为 %d", name, r.Dx(), width)
	}
	colours := map[[4]uint32]bool{}
	for y := r.Min.Y; y < r.Max.Y && len(colours) < 10; y += 7 {
		for x := r.Min.X; x < r.Max.X; x += 7 {
			c := m.At(x, y)
			r, g, b, a := c.RGBA()
			colours[[4]uint32{r, g, b, a}] = true
		}
	}
	if len(colours) < 10 {
		t.Errorf("%s 几乎是一片纯色：页面可能没有渲染出来", name)
	}
}

func writeShot(t *testing.T, dir, name string, img []byte) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, name), img, 0o644); err != nil {
		t.Fatal(err)
	}
}
