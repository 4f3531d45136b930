package review_test

import (
	"testing"

	"djkb/internal/review"
)

// TestPageIgnoresHeldMarkdown: the site page must be the same whether or
// not the Markdown bodies are still held (djkb serve keeps them, a build
// frees them), so lines in the text are left out.
func TestPageIgnoresHeldMarkdown(t *testing.T) {
	s := loadSample(t)
	held := review.NewPage(s).Key()
	for _, p := range s.Pages {
		p.Src.ReleaseBody()
	}
	if freed := review.NewPage(s).Key(); freed != held {
		t.Errorf("清理页面随正文是否保留而不同")
	}
	pg := review.NewPage(s)
	if pg.Checked != 49 || pg.Counts.Errors != 7 || pg.Batch != "2026年度清理" || pg.WantedBatch != "2026年度法规制度集中清理" {
		t.Errorf("清理页面数据不对：%+v", pg)
	}
}
