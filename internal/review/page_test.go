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
	if pg.Checked != 49 || pg.Counts.Errors != 8 || pg.Batch != "2026年度集中清理" || pg.WantedBatch != "" {
		t.Errorf("清理页面数据不对：%+v", pg)
	}
}

// TestPageShowsBatchProgress: the page counts the batch's decisions and
// lists what it has still to decide and the 备案审查 still due.
func TestPageShowsBatchProgress(t *testing.T) {
	pg := review.NewPage(loadSample(t))
	if pg.Progress.Batch != "2026年度集中清理" || pg.Progress.Decided != 20 || pg.Progress.Total != 38 || len(pg.Pending) != 18 {
		t.Errorf("进度 %+v，待定 %d 件；应为 20/38，待定 18 件", pg.Progress, len(pg.Pending))
	}
	overdue := 0
	for _, f := range pg.Filing {
		if f.Overdue {
			overdue++
		}
	}
	if len(pg.Filing) != 2 || overdue != 1 {
		t.Errorf("备案审查待办 %+v，应为 2 件，1 件超期", pg.Filing)
	}
}
