package review_test

import "testing"

func TestImpossibleDates(t *testing.T) {
	runRule(t, "impossible-dates", []ruleCase{
		{"施行早于印发", map[string]string{
			"a.md": reg(`title = "甲办法"
status = "现行有效"
issued = 2024-03-15
effective = 2024-03-01`, "正文"),
		}, []string{"a.md|error|施行日期（2024年3月1日）早于印发日期（2024年3月15日）"}},
		{"未到施行日期却现行有效", map[string]string{
			"a.md": reg(`title = "甲办法"
status = "现行有效"
issued = 2026-05-10
effective = 2027-01-01`, "正文"),
		}, []string{"a.md|error|2027年1月1日才施行，状态却已是现行有效"}},
		{"已到施行日期仍标尚未施行", map[string]string{
			"a.md": reg(`title = "甲办法"
status = "尚未施行"
issued = 2026-01-10
effective = 2026-03-01`, "正文"),
		}, []string{"a.md|warning|已于2026年3月1日施行，状态仍是尚未施行"}},
		{"有效期届满仍现行有效", map[string]string{
			"a.md": reg(`title = "甲办法"
status = "现行有效"
trial = "无"
issued = 2021-01-10
valid_until = 2025-12-31`, "正文"),
		}, []string{"a.md|error|有效期至2025年12月31日，已届满"}},
		{"正常的日期", map[string]string{
			"a.md": reg(`title = "甲办法"
status = "现行有效"
issued = 2024-03-15
effective = 2024-03-15
valid_until = 2027-12-31`, "正文"),
			"b.md": reg(`title = "乙办法"
status = "尚未施行"
issued = 2026-06-01
effective = 2026-07-01`, "正文"),
			"c.md": reg(`title = "丙办法"
status = "现行有效"
effective = 2026-06-30`, "正文"),
		}, nil},
	})
}
