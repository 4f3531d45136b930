package browsertest

import (
	"strings"
	"testing"

	"djkb/internal/chromium/chromiumtest"
)

// TestCleanupPageReadable opens the clean-up page on a phone and on a
// desktop: nothing is wider than the window or cut off, no cell is a
// column of a few characters, and the page shows no site.toml internals.
func TestCleanupPageReadable(t *testing.T) {
	b, base := server(t)
	tb := newTab(t, chromiumtest.New(t), base)
	type layout struct {
		Page      float64 `json:"page"`
		Window    float64 `json:"window"`
		Narrowest float64 `json:"narrowest"`
		Clipped   int     `json:"clipped"`
		Cells     int     `json:"cells"`
		Config    bool    `json:"config"`
	}
	const measure = `(function () {
		var cells = document.querySelectorAll(".cleanup-table td"), narrowest = 1e9, clipped = 0;
		Array.prototype.forEach.call(cells, function (td) {
			var r = td.getBoundingClientRect();
			if (td.textContent.trim().length > 4) { narrowest = Math.min(narrowest, r.width); }
			if (r.right > innerWidth + 1 || td.scrollWidth > td.clientWidth + 1) { clipped++; }
		});
		Array.prototype.forEach.call(document.querySelectorAll(".cleanup-table"), function (table) {
			if (table.scrollWidth > table.clientWidth + 1) { clipped++; }
		});
		return {page: document.documentElement.scrollWidth, window: innerWidth, narrowest: narrowest, clipped: clipped,
			cells: cells.length, config: /site\.toml|trial_years|review_years|batch =/.test(document.body.textContent)};
	})()`
	for _, s := range []screen{{Width: 390, Height: 844, Phone: true}, {Width: 1280, Height: 900}} {
		tb.show(b.pageURL(base, "cleanup/"), s)
		l := eval[layout](tb, measure)
		if l.Cells == 0 {
			t.Fatal("清理页没有表格")
		}
		if l.Page > l.Window {
			t.Errorf("%d px：页面宽 %v px，超出窗口", s.Width, l.Page)
		}
		if l.Clipped > 0 {
			t.Errorf("%d px：%d 处表格或单元格的内容被截断或要横向滚动", s.Width, l.Clipped)
		}
		if s.Phone && l.Narrowest < 250 {
			t.Errorf("%d px：最窄的单元格只有 %v px 宽", s.Width, l.Narrowest)
		}
		if l.Config {
			t.Errorf("%d px：清理页显示了 site.toml 的设置", s.Width)
		}
	}
	if p := tb.takeProblems(); len(p) > 0 {
		t.Errorf("打开清理页时出错：\n  %s", strings.Join(p, "\n  "))
	}
}
