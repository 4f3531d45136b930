package site_test

import (
	"strings"
	"testing"
	"time"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/site"
	"djkb/internal/sitetest"
)

// TestValidity: when each regulation was in force. A chain's version ends
// when the next takes effect (its 施行日期, else its 印发日期); a repealed one
// on its repeal's date, else its clean-up decision's, else the day after
// its 有效期至; one with only an issue date is in force from it; one that
// says nothing of its dates, or was replaced at a date it does not give,
// has no interval to claim; cases are not regulations.
func TestValidity(t *testing.T) {
	reg := func(front string) string {
		return "+++\n" + strings.TrimSpace(front) + "\n+++\n\n第一条　正文。\n"
	}
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"site.toml": "title = \"测试\"\n",
		"content/regulations/谈话办法2016.md": reg(`title = "谈话办法（试行）"
issued = 2016-03-18
effective = 2016-04-01
status = "已修改"`),
		"content/regulations/谈话办法2020.md": reg(`title = "谈话办法"
issued = 2020-06-10
supersedes = "regulations/谈话办法2016.md"
status = "已修改"`),
		"content/regulations/谈话办法2024.md": reg(`title = "谈话办法"
issued = 2024-01-05
effective = 2024-02-01
supersedes = "regulations/谈话办法2020.md"
status = "现行有效"`),
		"content/regulations/废止规定.md": reg(`title = "废止规定"
issued = 2010-05-01
status = "已废止"
repeal = {decision = "关于废止的决定", date = 2018-07-01}`),
		"content/regulations/清理失效.md": reg(`title = "清理失效"
issued = 2011-01-01
status = "宣布失效"
cleanup = [{batch = "2019年度清理", result = "宣布失效", date = 2019-12-20}]`),
		"content/regulations/到期试行.md": reg(`title = "到期试行"
issued = 2012-01-01
valid_until = 2014-12-31
status = "宣布失效"`),
		"content/regulations/仅印发.md": reg(`title = "仅印发"
issued = 2015-09-09`),
		"content/regulations/无日期.md": reg(`title = "无日期"`),
		"content/regulations/已修改无新版.md": reg(`title = "已修改无新版"
issued = 2013-01-01
status = "已修改"`),
		"content/regulations/废止无日期.md": reg(`title = "废止无日期"
issued = 2014-01-01
repeal = {decision = "某决定"}`),
		"content/cases/案例.md": "+++\ntitle = \"案例\"\ndate = 2020-01-01\n+++\n\n正文。\n",
	})
	s, diags := build.Load(build.Options{SiteDir: dir, Defaults: djkb.Defaults})
	if diags.HasErrors() {
		t.Fatalf("测试站点有错误：%v", diags.Items())
	}
	day := func(s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tc := range []struct {
		path        string
		from, until string
		ended       bool
	}{
		{"regulations/谈话办法2016.md", "2016-04-01", "2020-06-10", false},
		{"regulations/谈话办法2020.md", "2020-06-10", "2024-02-01", false},
		{"regulations/谈话办法2024.md", "2024-02-01", "", false},
		{"regulations/废止规定.md", "2010-05-01", "2018-07-01", false},
		{"regulations/清理失效.md", "2011-01-01", "2019-12-20", false},
		{"regulations/到期试行.md", "2012-01-01", "2015-01-01", false},
		{"regulations/仅印发.md", "2015-09-09", "", false},
		{"regulations/无日期.md", "", "", false},
		{"regulations/已修改无新版.md", "2013-01-01", "", true},
		{"regulations/废止无日期.md", "2014-01-01", "", true},
	} {
		p := s.Page(tc.path)
		if p == nil {
			t.Fatalf("没有 %s", tc.path)
		}
		got, ok := p.Validity()
		want := site.Validity{From: day(tc.from), Until: day(tc.until), Ended: tc.ended}
		if !ok || !got.From.Equal(want.From) || !got.Until.Equal(want.Until) || got.Ended != want.Ended {
			t.Errorf("%s: Validity = %+v, %v；应为 %+v", tc.path, got, ok, want)
		}
	}
	if p := s.Page("regulations/谈话办法2024.md"); p.Chain == nil || len(p.Chain.Versions) != 3 {
		t.Fatalf("谈话办法应有 3 个版本")
	}
	if _, ok := s.Page("cases/案例.md").Validity(); ok {
		t.Errorf("案例不是法规，不应有有效期间")
	}
}
