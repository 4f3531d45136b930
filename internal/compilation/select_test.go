package compilation_test

import (
	"slices"
	"testing"
	"time"

	"djkb/internal/compilation"
)

func titles(d *compilation.Digest) []string {
	var out []string
	for _, it := range d.Items {
		out = append(out, it.Title)
	}
	slices.Sort(out)
	return out
}

func TestSelection(t *testing.T) {
	s, dir := siteOf(t, map[string]string{
		"content/regulations/甲/a.md":                 "+++\ntitle = \"甲办法\"\nsystem = \"本单位制度\"\nstatus = \"现行有效\"\nissued = 2020-01-01\ntags = [\"三会一课\"]\n+++\n\n正文\n",
		"content/regulations/甲/b.md":                 "+++\ntitle = \"乙办法\"\nsystem = \"党内规范性文件\"\nstatus = \"已废止\"\nissued = 2015-01-01\nrepeal = {decision = \"决定\", date = 2025-06-30}\n+++\n\n正文\n",
		"content/regulations/甲/c.md":                 "+++\ntitle = \"丙办法\"\nsystem = \"本单位制度\"\nstatus = \"尚未施行\"\nissued = 2026-10-01\neffective = 2027-01-01\n+++\n\n正文\n",
		"content/regulations/国家法律/丁法(2001-01-01).md": "# 丁法\n\n正文\n",
		"content/regulations/国家法律/丁法(2011-01-01).md": "# 丁法\n\n正文\n",
	})
	for _, tc := range []struct {
		name string
		opts compilation.Options
		want []string
	}{
		{"默认：现行有效和未标注", compilation.Options{}, []string{"丁法", "甲办法"}},
		{"只要明确标注现行有效的", compilation.Options{Statuses: []string{"现行有效"}}, []string{"甲办法"}},
		{"已废止", compilation.Options{Statuses: []string{"已废止"}}, []string{"乙办法"}},
		{"尚未施行", compilation.Options{Statuses: []string{"尚未施行"}}, []string{"丙办法"}},
		{"按体系", compilation.Options{Systems: []string{"本单位制度"}}, []string{"甲办法"}},
		{"按文件夹", compilation.Options{Systems: []string{"国家法律"}}, []string{"丁法"}},
		{"按专题", compilation.Options{Tags: []string{"三会一课"}}, []string{"甲办法"}},
		{"截至废止以前", compilation.Options{AsOf: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, []string{"丁法", "乙办法", "甲办法"}},
		{"截至施行以后", compilation.Options{AsOf: time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)}, []string{"丁法", "丙办法", "甲办法"}},
		{"截至印发以前", compilation.Options{AsOf: time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), Statuses: []string{"现行有效", "尚未施行"}}, []string{"乙办法"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, _ := compile(t, s, dir, tc.opts)
			if got := titles(d); !slices.Equal(got, tc.want) {
				t.Errorf("收录 %v，应为 %v", got, tc.want)
			}
		})
	}
	// The newer 丁法 is the one in force; the older one is listed as amended.
	d, _ := compile(t, s, dir, compilation.Options{})
	if d.Items[len(d.Items)-1].Page.Src.Path != "regulations/国家法律/丁法(2011-01-01).md" && d.Items[0].Page.Src.Path != "regulations/国家法律/丁法(2011-01-01).md" {
		t.Errorf("同名的未标注文件应只收录最新的一份")
	}
	amended := d.Appendix[4]
	if len(amended.Rows) != 1 || amended.Rows[0][1].Text != "丁法" || amended.Rows[0][3].Link == "" {
		t.Errorf("已修改目录应列出旧的丁法并链接到新版本：%+v", amended.Rows)
	}
}
