package review_test

import "testing"

func TestTrialExpired(t *testing.T) {
	runRule(t, "trial-expired", []ruleCase{
		{"超期且无清理结论", map[string]string{
			"a（试行）.md": reg(`title = "甲办法（试行）"
status = "现行有效"
trial = "试行"
issued = 2020-05-20
effective = 2020-06-01`, "正文"),
		}, []string{"a（试行）.md|error|已于2025年6月1日届满，此后没有清理结论"}},
		{"期内的清理结论不算", map[string]string{
			"a.md": reg(`title = "甲办法（暂行）"
status = "现行有效"
trial = "暂行"
effective = 2020-06-01
cleanup = [{batch = "2022年度清理", result = "继续有效", date = 2022-12-20}]`, "正文"),
		}, []string{"a.md|error|最近一次清理结论（2022年度清理，2022年12月20日）早于期满"}},
		{"期满后已有清理结论", map[string]string{
			"a.md": reg(`title = "甲办法（试行）"
status = "现行有效"
trial = "试行"
effective = 2020-06-01
cleanup = [{batch = "2025年度清理", result = "继续有效", date = 2025-12-18}]`, "正文"),
		}, nil},
		{"未满五年", map[string]string{
			"a.md": reg(`title = "甲办法（试行）"
status = "现行有效"
trial = "试行"
effective = 2021-07-01`, "正文"),
		}, nil},
		{"有效期短于五年时以有效期为准", map[string]string{
			"a.md": reg(`title = "甲办法（试行）"
status = "现行有效"
trial = "试行"
effective = 2023-01-01
valid_until = 2025-12-31`, "正文"),
		}, []string{"a.md|error|有效期已于2025年12月31日届满"}},
		{"未填 trial 时看标题，无施行日期时看印发日期", map[string]string{
			"a.md": reg(`title = "甲办法（暂行）"
status = "现行有效"
issued = 2019-03-01`, "正文"),
		}, []string{"a.md|error|暂行文件自2019年3月1日印发"}},
		{"已废止的不查", map[string]string{
			"a.md": reg(`title = "甲办法（试行）"
status = "已废止"
trial = "试行"
effective = 2010-01-01
repeal = {decision = "决定", doc_number = "甲〔2015〕1号", date = 2015-01-01}`, "正文"),
		}, nil},
		{"没有日期无从判断", map[string]string{"甲办法（试行）.md": "# 甲办法（试行）\n\n第一条　正文。\n"}, nil},
	})
}

func TestTrialTitle(t *testing.T) {
	runRule(t, "trial-title", []ruleCase{
		{"标题试行而 trial 为无", map[string]string{
			"a.md": reg(`title = "甲办法（试行）"
trial = "无"`, "正文"),
		}, []string{"a.md|warning|标题带“（试行）”，trial 却是“无”"}},
		{"标题暂行而 trial 为试行，半角括号", map[string]string{
			"a.md": reg(`title = "甲办法(暂行)"
trial = "试行"`, "正文"),
		}, []string{"a.md|warning|标题带“（暂行）”，trial 却是“试行”"}},
		{"trial 为暂行而标题没有", map[string]string{
			"a.md": reg(`title = "甲办法"
trial = "暂行"`, "正文"),
		}, []string{"a.md|warning|trial 为“暂行”，标题却没有“（暂行）”"}},
		{"一致", map[string]string{
			"a.md": reg(`title = "甲办法（试行）"
trial = "试行"`, "正文"),
			"b.md": reg(`title = "乙办法（2019年修订）"
trial = "无"`, "正文"),
		}, nil},
		{"未填 trial 不算不一致", map[string]string{"甲办法（试行）.md": "# 甲办法（试行）\n\n正文\n"}, nil},
	})
}
