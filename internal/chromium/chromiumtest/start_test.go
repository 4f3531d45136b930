package chromiumtest_test

import (
	"djkb/internal/chromium/chromiumtest"
	"github.com/chromedp/chromedp"
	"testing"
)

func TestStart(t *testing.T) {
	ctx := chromiumtest.New(t)
	v, err := chromedp.Run(ctx, chromedp.Evaluate[int]("1+2"))
	if err != nil || v != 3 {
		t.Fatal(v, err)
	}
}
