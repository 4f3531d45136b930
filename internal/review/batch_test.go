package review_test

import (
	"testing"

	"djkb/internal/review"
)

func TestBatchFallsBackToNewest(t *testing.T) {
	s := loadSample(t)
	name, outcomes, named := review.Batch(s, review.NewRegister(s))
	if named || name != "2026年度清理" || len(outcomes) != 2 {
		t.Fatalf("Batch = %q, %d 条, named=%v；site.toml 的批次尚无结论，应退回最近的“2026年度清理”（2 条）", name, len(outcomes), named)
	}
	s.Config.Cleanup.Batch = "2024年度清理"
	name, outcomes, named = review.Batch(s, review.NewRegister(s))
	if !named || name != "2024年度清理" || len(outcomes) < 10 {
		t.Fatalf("Batch = %q, %d 条, named=%v", name, len(outcomes), named)
	}
	if outcomes[0].Result != "修改" || outcomes[len(outcomes)-1].Result != "继续有效" {
		t.Errorf("结论应按 废止、宣布失效、修改、继续有效 排列：首条 %s，末条 %s", outcomes[0].Result, outcomes[len(outcomes)-1].Result)
	}
}

func TestPresumedStatus(t *testing.T) {
	s := siteOf(t, map[string]string{
		"甲法(2010-01-01).md": "# 甲法\n\n正文\n",
		"甲法(2020-01-01).md": "# 甲法\n\n正文\n",
		"乙法.md":             "# 乙法\n\n正文\n",
		"丙办法.md":            reg(`title = "丙办法"`+"\nrepeal = {decision = \"决定\"}", "正文"),
	})
	reg := review.NewRegister(s)
	for path, want := range map[string]string{
		"regulations/甲法(2010-01-01).md": "已修改",
		"regulations/甲法(2020-01-01).md": "现行有效",
		"regulations/乙法.md":             "现行有效",
		"regulations/丙办法.md":            "已废止",
	} {
		p := s.Page(path)
		if got := reg.Status(p); got != want || !reg.Presumed(p) {
			t.Errorf("%s 推定为 %q（Presumed=%v），应为 %q", path, got, reg.Presumed(p), want)
		}
	}
}
