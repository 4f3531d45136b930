package compilation_test

import (
	"testing"

	"djkb/internal/compilation"
)

func TestTitleKeyword(t *testing.T) {
	for title, want := range map[string]string{
		"中国共产党党员教育管理工作条例":          "党员教育",
		"东江省统计局机关党员志愿服务管理办法":       "党员志愿服务",
		"关于新形势下党内政治生活的若干准则":        "新形势下党内政治生活",
		"中国共产党章程":                  "中国共产党章程",
		"东江省统计局党支部“三会一课”实施办法（试行）":  "党支部“三会一课”",
		"中国共产党纪律处分条例（2018年修订）":     "纪律处分",
		"东江省直机关党建品牌培育管理办法（试行）":     "党建品牌培育",
		"东江省党委（党组）落实机关党建工作责任制实施办法": "落实机关党建工作责任制",
		"关于中国共产党党费收缴、使用和管理的规定":     "党费收缴、使用",
	} {
		if got := compilation.TitleKeyword(title); got != want {
			t.Errorf("TitleKeyword(%q) = %q，应为 %q", title, got, want)
		}
	}
}

func TestSortPinyin(t *testing.T) {
	entries := []compilation.IndexEntry{{Term: "组织生活"}, {Term: "党费"}, {Term: "三会一课"}, {Term: "民主评议"}, {Term: "安全"}, {Term: "主题党日"}, {Term: "“五好党支部”"}}
	compilation.SortPinyin(entries)
	var got []string
	for _, e := range entries {
		got = append(got, e.Term)
	}
	want := []string{"安全", "党费", "民主评议", "三会一课", "“五好党支部”", "主题党日", "组织生活"}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("拼音顺序为 %v，应为 %v", got, want)
		}
	}
}
