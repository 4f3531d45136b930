package review_test

import "testing"

func TestIssuerForm(t *testing.T) {
	runRule(t, "issuer-form", []ruleCase{
		{"省直机关工委制定党内法规", map[string]string{
			"a.md": reg(`title = "甲规定"
system = "党内法规"
form = "规定"
issuer = ["中共东江省直属机关工作委员会"]`, "正文"),
		}, []string{"a.md|error|制定机关“中共东江省直属机关工作委员会”不能制定党内法规"}},
		{"部门党组制定条例", map[string]string{
			"a.md": reg(`title = "甲条例"
system = "本单位制度"
form = "条例"
issuer = ["中共东江省统计局党组"]`, "正文"),
		}, []string{"a.md|error|名称类别是“条例”，制定机关“中共东江省统计局党组”却不是党中央"}},
		{"省委制定准则：两条都不符", map[string]string{
			"a.md": reg(`title = "甲准则"
system = "党内法规"
form = "准则"
issuer = ["中共东江市委"]`, "正文"),
		}, []string{
			"a.md|error|不能制定党内法规",
			"a.md|error|名称类别是“准则”",
		}},
		{"可以制定的机关", map[string]string{
			"a.md": reg(`title = "甲条例"
system = "党内法规"
form = "条例"
issuer = ["中共中央"]`, "正文"),
			"b.md": reg(`title = "乙细则"
system = "党内法规"
form = "细则"
issuer = ["中共中央办公厅"]`, "正文"),
			"c.md": reg(`title = "丙办法"
system = "党内法规"
form = "办法"
issuer = ["中共东江省委"]`, "正文"),
			"d.md": reg(`title = "丁章程"
system = "党内法规"
form = "党章"
issuer = ["中国共产党第二十次全国代表大会"]`, "正文"),
			"e.md": reg(`title = "戊准则"
system = "党内法规"
form = "准则"
issuer = ["中国共产党第十八届中央委员会第六次全体会议"]`, "正文"),
			"f.md": reg(`title = "己规定"
system = "党内法规"
form = "规定"
issuer = ["中央纪委", "中共中央组织部"]`, "正文"),
			"g.md": reg(`title = "庚条例"
system = "党内法规"
form = "条例"
issuer = ["中共中央", "国务院"]`, "正文"),
			"h.md": reg(`title = "辛规则"
system = "党内法规"
form = "规则"
issuer = ["中国共产党广西壮族自治区委员会"]`, "正文"),
			"i.md": reg(`title = "壬办法"
system = "本单位制度"
form = "办法"
issuer = ["中共东江省统计局机关委员会"]`, "正文"),
		}, nil},
	})
}
