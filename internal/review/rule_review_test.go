package review_test

import "testing"

func TestReviewOverdue(t *testing.T) {
	runRule(t, "review-overdue", []ruleCase{
		{"最近一次清理超过五年", map[string]string{
			"a.md": reg(`title = "甲制度"
status = "现行有效"
issued = 2017-05-10
cleanup = [{batch = "2019年度清理", result = "继续有效", date = 2019-12-20}, {batch = "2018年度清理", result = "继续有效", date = 2018-12-20}]`, "正文"),
		}, []string{"a.md|warning|自最近一次清理“2019年度清理”（2019年12月20日）以来已超过 5 年"}},
		{"从未清理，自印发起算", map[string]string{
			"a.md": reg(`title = "甲制度"
status = "现行有效"
issued = 2020-05-10`, "正文"),
		}, []string{"a.md|warning|自印发（2020年5月10日）以来已超过 5 年"}},
		{"五年之内", map[string]string{
			"a.md": reg(`title = "甲制度"
status = "现行有效"
issued = 2010-05-10
cleanup = [{batch = "2021年度清理", result = "继续有效", date = 2021-12-20}]`, "正文"),
		}, nil},
		{"已废止和未标状态的不查", map[string]string{
			"a.md": reg(`title = "甲制度"
status = "已废止"
issued = 2010-05-10`, "正文"),
			"乙制度(2010-01-01).md": "# 乙制度\n\n正文\n",
		}, nil},
	})
}
