package review_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/review"
	"djkb/internal/site"
)

// sampleFixtures maps each sample regulation that should trip a rule (path
// under content/regulations/) to the rules it trips. Every other
// regulation of the sample must produce no finding.
var sampleFixtures = map[string][]string{
	"本单位制度/东江省统计局党员积分制管理办法（试行）.md":               {"trial-expired"},
	"党内规范性文件/东江省直机关党组织书记抓党建述职评议考核办法（暂行）.md":      {"trial-expired", "review-overdue"},
	"本单位制度/东江省统计局机关党支部书记抓党建述职评议办法（试行）.md":        {"trial-title"},
	"本单位制度/东江省统计局主题党日活动规定（2018）.md":              {"replaced-in-force"},
	"本单位制度/东江省统计局离退休干部党支部工作规则.md":                {"dead-reference"},
	"本单位制度/东江省统计局机关党组织换届选举工作办法.md":               {"impossible-dates", "filing-due"},
	"本单位制度/东江省统计局机关发展党员工作实施细则.md":                {"impossible-dates"},
	"党内法规/东江省直机关党员积分制管理规定.md":                    {"issuer-form"},
	"本单位制度/东江省统计局机关党建工作条例.md":                    {"issuer-form"},
	"本单位制度/东江省统计局党组理论学习中心组学习制度.md":               {"paperwork-missing"},
	"本单位制度/东江省统计局机关党员目标管理办法.md":                  {"paperwork-missing"},
	"党内法规/关于中国共产党党费收缴、使用和管理的规定.md":               {"paperwork-missing"},
	"党内规范性文件/东江省直机关主题党日活动指引.md":                  {"paperwork-missing"},
	"党内规范性文件/东江省直机关党员教育培训学时管理办法.md":              {"paperwork-missing"},
	"本单位制度/东江省统计局机关党员参加组织生活请销假规定(2019-07-25).md": {"paperwork-missing"},
	"本单位制度/东江省统计局机关党支部工作记录簿使用规范.md":              {"paperwork-missing"},
	"本单位制度/东江省统计局机关党员谈心谈话制度.md":                  {"review-overdue"},
}

func loadSample(t *testing.T) *site.Site {
	t.Helper()
	s, diags := build.Load(build.Options{SiteDir: "../..", Defaults: djkb.Defaults})
	if s == nil || diags.HasErrors() {
		t.Fatalf("示例站点无法加载：%v", diags.Items())
	}
	return s
}

func TestSampleFixtures(t *testing.T) {
	s := loadSample(t)
	if got, want := review.ContentDate(s), time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Fatalf("ContentDate = %s，应为 %s", got.Format(time.DateOnly), want.Format(time.DateOnly))
	}
	findings := review.Check(s, review.OptionsFor(s.Config, review.ContentDate(s)))
	got := map[string][]string{}
	for _, f := range findings {
		p := strings.TrimPrefix(f.Path, "regulations/")
		if !slices.Contains(got[p], f.Rule) {
			got[p] = append(got[p], f.Rule)
		}
	}
	for _, p := range slices.Sorted(maps.Keys(got)) {
		want := sampleFixtures[p]
		if want == nil {
			t.Errorf("没有问题的 %s 被报告了 %v（误报）", p, got[p])
			continue
		}
		if !slices.Equal(got[p], want) {
			t.Errorf("%s 触发了 %v，应为 %v", p, got[p], want)
		}
	}
	for p, want := range sampleFixtures {
		if got[p] == nil {
			t.Errorf("%s 应触发 %v，却没有结果", p, want)
		}
		if s.Page("regulations/"+p) == nil {
			t.Errorf("示例中没有 %s", p)
		}
	}
	for _, r := range review.Rules {
		found := false
		for _, rules := range sampleFixtures {
			found = found || slices.Contains(rules, r.ID)
		}
		if !found {
			t.Errorf("示例内容中没有触发规则 %s 的法规", r.ID)
		}
	}
}

// TestSampleDeadReferences pins down the reference fixture: two dead
// documents, each named in references and cited in the text, a missing
// path and an unknown citation.
func TestSampleDeadReferences(t *testing.T) {
	s := loadSample(t)
	var got []string
	for _, f := range review.Check(s, review.OptionsFor(s.Config, review.ContentDate(s))) {
		if f.Rule == "dead-reference" {
			got = append(got, string(f.Severity)+" "+f.Message)
		}
	}
	want := []string{
		"warning references 引用的《东江省统计局机关党费收缴使用管理办法》已废止",
		"warning references 引用的《东江省统计局第四次全国经济普查临时党支部工作规定》已宣布失效",
		"notice references 中的“regulations/本单位制度/东江省统计局离退休党员活动经费管理办法.md”",
		"warning 正文引用的《东江省统计局第四次全国经济普查临时党支部工作规定》已宣布失效",
		"warning 正文引用的《东江省统计局机关党费收缴使用管理办法》已废止",
		"notice 正文引用的《东江省统计局离退休党员活动经费管理办法》未收录",
	}
	if len(got) != len(want) {
		t.Fatalf("得到 %d 条，应为 %d 条：%q", len(got), len(want), got)
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("第 %d 条为 %q，应以 %q 开头", i+1, got[i], want[i])
		}
	}
}
