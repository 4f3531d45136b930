package register_test

import (
	"fmt"
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

// The sample site's versioned regulations form chains, oldest first, linked
// by supersedes or by title; an old version recorded 现行有效 shows that it
// has been replaced, and the register presumes through the chain.
func TestChains(t *testing.T) {
	s, diags := build.Load(build.Options{SiteDir: "../..", Defaults: djkb.Defaults})
	if s == nil || diags.HasErrors() {
		t.Fatalf("示例站点无法加载：%v", diags.Items())
	}
	p := s.Page("regulations/本单位制度/东江省统计局机关党内谈话提醒办法.md")
	if p == nil || p.Chain == nil || len(p.Chain.Versions) != 3 {
		t.Fatalf("谈话提醒办法应有 3 个版本的版本链：%v", p)
	}
	var years []int
	for _, v := range p.Chain.Versions {
		years = append(years, v.Date.Year())
	}
	if years[0] != 2016 || years[1] != 2020 || years[2] != 2024 || p.Chain.Current() != p || !p.IsCurrent() {
		t.Errorf("版本链应按 2016、2020、2024 排列，现行为 2024 年版：%v", years)
	}
	if len(p.Chain.Steps) != 2 || p.Chain.StepTo(p).Old != p.Chain.Versions[1] {
		t.Errorf("应有两份相邻版本的修订对照")
	}
	old := s.Page("regulations/本单位制度/东江省统计局主题党日活动规定（2018）.md")
	if got := old.ShownStatus(); got != site.Replaced || old.Status() != "现行有效" {
		t.Errorf("2018 年版主题党日规定登记为现行有效但已被替代，页面应显示“%s”，实为“%s”", site.Replaced, got)
	}
	if len(s.Chains) < 5 {
		t.Errorf("示例站点应至少有 5 条版本链，实有 %d 条", len(s.Chains))
	}
}

// Pages that name each other form one chain even with different titles,
// and two copies of one document (same title, same date) form none.
func TestChainLinks(t *testing.T) {
	s := siteOf(t, map[string]string{
		"甲办法.md":  reg(`title = "甲办法"`+"\nissued = 2010-01-01", "第一条　甲。"),
		"乙办法.md":  reg(`title = "乙办法"`+"\nissued = 2020-01-01\nsupersedes = \"regulations/甲办法.md\"", "第一条　乙。"),
		"丙规定.md":  reg(`title = "丙规定"`+"\nissued = 2015-01-01", "第一条　丙。"),
		"丙规定2.md": reg(`title = "丙规定"`+"\nissued = 2015-01-01", "第一条　丙。"),
		"丁条例.md":  reg(`title = "河道管理条例"`+"\nissued = 2012-01-01\nissuer = [\"甲省人大常委会\"]", "第一条　甲省。"),
		"丁条例2.md": reg(`title = "河道管理条例"`+"\nissued = 2018-01-01\nissuer = [\"乙省人大常委会\"]", "第一条　乙省。"),
		"戊条例.md":  reg(`title = "河道管理条例"`+"\nissued = 2021-01-01\nissuer = [\"甲省人大常委会\"]", "第一条　甲省新。"),
	})
	a, b := s.Page("regulations/甲办法.md"), s.Page("regulations/乙办法.md")
	if a.Chain == nil || a.Chain != b.Chain || a.Chain.Versions[0] != a {
		t.Fatalf("乙办法 supersedes 甲办法，应在同一版本链中，甲在前")
	}
	if got := register.New(s).Status(a); got != "已修改" {
		t.Errorf("甲办法未登记状态、已被替代，推定应为已修改，实为 %q", got)
	}
	if s.Page("regulations/丙规定.md").Chain != nil {
		t.Errorf("同名同日的两份文件不是两个版本")
	}
	// One title from two issuers is two documents: each province's own
	// versions form its chain.
	jia, yi, jia2 := s.Page("regulations/丁条例.md"), s.Page("regulations/丁条例2.md"), s.Page("regulations/戊条例.md")
	if jia.Chain == nil || jia.Chain != jia2.Chain || yi.Chain != nil {
		t.Errorf("甲省的两版河道管理条例应是一条版本链，乙省的不在其中：%v %v %v", jia.Chain, jia2.Chain, yi.Chain)
	}
}

// Citations in the text resolve to pages and articles in the model: titles
// with and without their 中国共产党 prefix, 文号 in any bracket, 本办法 and
// 前条; an article the cited document lacks is a warning with file and
// line, and a document the knowledge base lacks is left alone.
func TestCitationsResolve(t *testing.T) {
	dir := t.TempDir()
	sitetest.Write(t, dir, map[string]string{
		"site.toml": "title = \"测试\"\n",
		"content/regulations/甲条例.md": reg(`title = "中国共产党甲条例"`+"\ndoc_number = \"中办发〔2019〕1号\"\nissued = 2019-01-01",
			"第一条　甲一。\n\n第二条　甲二。\n\n第三条　甲三。"),
		"content/regulations/乙办法.md": reg(`title = "乙办法"`+"\nissued = 2020-01-01",
			"第一条　根据《甲条例》第二条、第九条和中办发[2019]1号，参照《丙法》，制定本办法。\n\n第二条　依照本办法第一条执行；前条另有规定的除外。"),
		"content/cases/案例.md": "+++\ntitle = \"案例\"\n+++\n\n违反《中国共产党甲条例》第三条。\n",
	})
	s, diags := build.Load(build.Options{SiteDir: dir, Defaults: djkb.Defaults})
	if s == nil || diags.HasErrors() {
		t.Fatalf("测试站点有错误：%v", diags.Items())
	}
	cited := map[string][]string{}
	for _, p := range s.Pages {
		for _, c := range p.CitedBy() {
			for _, from := range c.Pages {
				cited[p.Title+c.Anchor] = append(cited[p.Title+c.Anchor], from.Title)
			}
		}
	}
	want := map[string][]string{
		"中国共产党甲条例第二条": {"乙办法"},
		"中国共产党甲条例第三条": {"案例"},
		"中国共产党甲条例":    {"乙办法"}, // by its 文号
		"乙办法第一条":      {"乙办法"},
	}
	for k, v := range want {
		if strings.Join(cited[k], ",") != strings.Join(v, ",") {
			t.Errorf("%s 被引用：%v，应为 %v", k, cited[k], v)
		}
	}
	if len(cited) != len(want) {
		t.Errorf("被引用 %v，应只有 %v", cited, want)
	}
	var warned []string
	for _, d := range diags.Items() {
		warned = append(warned, fmt.Sprintf("%s:%d %s", d.Path, d.Line, d.Message))
	}
	if len(warned) != 1 || !strings.Contains(warned[0], "乙办法.md:6") || !strings.Contains(warned[0], "没有第九条") {
		t.Errorf("应只就“第九条”警告一次（乙办法.md 第 6 行）：%v", warned)
	}
}
