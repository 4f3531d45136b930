package review_test

import "testing"

func TestReplacedInForce(t *testing.T) {
	runRule(t, "replaced-in-force", []ruleCase{
		{"被新文件 supersedes 替代", map[string]string{
			"old.md": reg(`title = "甲规定"
status = "现行有效"
issued = 2018-03-05`, "正文"),
			"new.md": reg(`title = "甲规定"
status = "现行有效"
issued = 2023-04-25
supersedes = "regulations/old.md"`, "正文"),
		}, []string{"old.md|error|已被《甲规定》替代，状态却是现行有效"}},
		{"自己写明 superseded_by 文号", map[string]string{
			"old.md": reg(`title = "甲规定"
status = "现行有效"
superseded_by = "甲〔2023〕1号"`, "正文"),
		}, []string{"old.md|error|已被“甲〔2023〕1号”替代"}},
		{"有废止依据", map[string]string{
			"a.md": reg(`title = "甲规定"
status = "现行有效"
repeal = {decision = "关于废止部分制度的决定", doc_number = "甲〔2024〕2号", date = 2024-01-01}`, "正文"),
		}, []string{"a.md|error|已有废止依据（关于废止部分制度的决定，甲〔2024〕2号）"}},
		{"新文件尚未施行时旧文件仍然有效", map[string]string{
			"old.md": reg(`title = "甲规定"
status = "现行有效"
issued = 2018-03-05`, "正文"),
			"new.md": reg(`title = "甲规定"
status = "尚未施行"
issued = 2026-05-01
effective = 2027-01-01
supersedes = "regulations/old.md"`, "正文"),
		}, nil},
		{"同名文件只能最新的一份有效", map[string]string{
			"a（2015）.md": reg(`title = "甲规定（2015年修订）"
status = "现行有效"
issued = 2015-01-01`, "正文"),
			"a.md": reg(`title = "甲规定"
status = "现行有效"
issued = 2021-01-01`, "正文"),
		}, []string{"a（2015）.md|error|有更新的同名文件（regulations/a.md，2021年1月1日印发）"}},
		{"旧版本已标注已修改", map[string]string{
			"old.md": reg(`title = "甲规定"
status = "已修改"
issued = 2015-01-01
superseded_by = "regulations/new.md"`, "正文"),
			"new.md": reg(`title = "甲规定"
status = "现行有效"
issued = 2021-01-01`, "正文"),
		}, nil},
	})
}
