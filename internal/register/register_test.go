package register_test

import (
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/register"
	"djkb/internal/site"
	"djkb/internal/sitetest"
)

// siteOf builds a site whose content/regulations/ holds files (name → text).
func siteOf(t *testing.T, files map[string]string) *site.Site {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{"site.toml": "title = \"测试\"\n"}
	for name, text := range files {
		all["content/regulations/"+name] = text
	}
	sitetest.Write(t, dir, all)
	s, diags := build.Load(build.Options{SiteDir: dir, Defaults: djkb.Defaults})
	if diags.HasErrors() {
		t.Fatalf("测试站点有错误：%v", diags.Items())
	}
	return s
}

// reg is a regulation file: TOML front matter lines, then the body.
func reg(front, body string) string {
	return "+++\n" + strings.TrimSpace(front) + "\n+++\n\n" + body + "\n"
}

func TestBatchFallsBackToNewest(t *testing.T) {
	s, diags := build.Load(build.Options{SiteDir: "../..", Defaults: djkb.Defaults})
	if s == nil || diags.HasErrors() {
		t.Fatalf("示例站点无法加载：%v", diags.Items())
	}
	s.Config.Cleanup.Batch = "尚无结论的批次"
	name, outcomes, named := register.Batch(s, register.New(s))
	if named || name != "2026年度清理" || len(outcomes) != 2 {
		t.Fatalf("Batch = %q, %d 条, named=%v；site.toml 的批次尚无结论，应退回最近的“2026年度清理”（2 条）", name, len(outcomes), named)
	}
	s.Config.Cleanup.Batch = "2024年度清理"
	name, outcomes, named = register.Batch(s, register.New(s))
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
	reg := register.New(s)
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

func TestVersions(t *testing.T) {
	s := siteOf(t, map[string]string{
		"甲条例（试行）(2010-01-01).md":      "# 甲条例（试行）\n\n正文\n",
		"甲条例（2020年修订）(2020-01-01).md": "# 甲条例（2020年修订）\n\n正文\n",
		"乙条例(2015-01-01).md":          "# 乙条例\n\n正文\n",
	})
	r := register.New(s)
	versions := r.Versions("甲条例")
	if len(versions) != 2 || versions[0].Date.Year() != 2020 || versions[1].Date.Year() != 2010 {
		t.Fatalf("Versions(甲条例) = %v，应为 2020 年和 2010 年两个版本，新的在前", versions)
	}
	if got := r.Newer(versions[1]); got != versions[0] {
		t.Errorf("Newer(2010 年版) = %v，应为 2020 年版", got)
	}
	if got := r.Newer(versions[0]); got != nil {
		t.Errorf("Newer(2020 年版) = %v，应为 nil", got)
	}
	if len(r.Pages()) != 3 {
		t.Errorf("Pages() 有 %d 页，应为 3", len(r.Pages()))
	}
}

func TestTitleKey(t *testing.T) {
	for _, tc := range [][2]string{
		{"中国共产党纪律处分条例（2018年修订）", "中国共产党纪律处分条例"},
		{"中国共产党支部工作条例（试行）", "中国共产党支部工作条例"},
		{"东江省统计局党支部“三会一课”实施办法(试行)", "东江省统计局党支部三会一课实施办法"},
		{"东江省统计局主题党日活动规定（2018）", "东江省统计局主题党日活动规定"},
		{" 关于中国共产党党费收缴、使用和管理的规定 ", "关于中国共产党党费收缴、使用和管理的规定"},
		{"中华人民共和国宪法（2018年修正）（草案）", "中华人民共和国宪法"},
	} {
		if got := register.TitleKey(tc[0]); got != tc[1] {
			t.Errorf("TitleKey(%q) = %q，应为 %q", tc[0], got, tc[1])
		}
	}
}

func TestLiveDead(t *testing.T) {
	for status, want := range map[string][2]bool{
		"现行有效": {true, false}, "尚未施行": {true, false}, "已修改": {false, false},
		"已废止": {false, true}, "宣布失效": {false, true}, "": {false, false},
	} {
		if got := [2]bool{register.Live(status), register.Dead(status)}; got != want {
			t.Errorf("Live/Dead(%q) = %v，应为 %v", status, got, want)
		}
	}
}
