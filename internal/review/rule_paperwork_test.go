package review_test

import "testing"

func TestPaperworkMissing(t *testing.T) {
	complete := `doc_number = "甲〔2020〕1号"
issuer = ["中共东江省统计局机关委员会"]
issued = 2020-01-01`
	runRule(t, "paperwork-missing", []ruleCase{
		{"已废止无废止依据", map[string]string{
			"a.md": reg(`title = "甲办法"
status = "已废止"
`+complete, "正文"),
		}, []string{"a.md|warning|状态是“已废止”，却没有废止依据"}},
		{"宣布失效无废止依据", map[string]string{
			"a.md": reg(`title = "甲办法"
status = "宣布失效"
`+complete, "正文"),
		}, []string{"a.md|warning|状态是“宣布失效”，却没有废止依据"}},
		{"已修改无 superseded_by", map[string]string{
			"a.md": reg(`title = "甲办法"
status = "已修改"
`+complete, "正文"),
		}, []string{"a.md|warning|却没有写明修改后的文件"}},
		{"被其他文件 supersedes 即可", map[string]string{
			"a.md": reg(`title = "甲办法"
status = "已修改"
`+complete, "正文"),
			"b.md": reg(`title = "甲办法"
status = "现行有效"
supersedes = "regulations/a.md"
doc_number = "甲〔2024〕1号"
issuer = ["中共东江省统计局机关委员会"]
issued = 2024-01-01`, "正文"),
		}, nil},
		{"缺文号和印发日期", map[string]string{
			"a.md": reg(`title = "甲办法"
status = "现行有效"
issuer = ["中共东江省统计局机关委员会"]`, "正文"),
		}, []string{"a.md|warning|缺少文号（doc_number）、印发日期（issued）"}},
		{"没有元数据的文件", map[string]string{
			"甲办法.md": "# 甲办法\n\n第一条　正文。\n",
		}, []string{"甲办法.md|warning|缺少效力状态（status）、文号（doc_number）、制定机关（issuer）、印发日期（issued）"}},
		{"党中央公开发布的文件和法律不要求文号", map[string]string{
			"a.md": reg(`title = "中国共产党章程"
status = "现行有效"
form = "党章"
issuer = ["中国共产党第二十次全国代表大会"]
issued = 2022-10-22`, "正文"),
			"b.md": reg(`title = "乙准则"
status = "现行有效"
issuer = ["中国共产党第十八届中央委员会第六次全体会议"]
issued = 2016-10-27`, "正文"),
			"c.md": reg(`title = "丙条例"
status = "现行有效"
issuer = ["中共中央"]
issued = 2019-08-30`, "正文"),
			"d.md": reg(`title = "中华人民共和国丁法"
status = "现行有效"
form = "法律"
issuer = ["全国人民代表大会常务委员会"]
issued = 2019-08-30`, "正文"),
		}, nil},
	})
}
