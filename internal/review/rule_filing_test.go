package review_test

import (
	"slices"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/review"
	"djkb/internal/sitetest"
)

func TestFilingDue(t *testing.T) {
	doc := func(issued, extra string) string {
		return reg("title = \"甲制度\"\nsystem = \"本单位制度\"\nissuer = [\"某局党组\"]\nstatus = \"现行有效\"\nissued = "+issued+"\n"+extra, "正文")
	}
	for _, tc := range []struct {
		name, file string
		want       []string // "severity|part of the message"
	}{
		{"超过 30 日未报备", doc("2026-05-01", ""), []string{"error|尚无报备记录"}},
		{"期限之内", doc("2026-06-10", ""), nil},
		{"按期报备", doc("2026-05-01", `filing = {date = 2026-05-20, to = "某工委", conclusion = "通过"}`), nil},
		{"逾期报备", doc("2026-04-01", `filing = {date = 2026-05-20, to = "某工委"}`), []string{"notice|超过了 30 日的报备期限"}},
		{"纠正未落实", doc("2026-05-01", `filing = {date = 2026-05-20, to = "某工委", conclusion = "纠正"}`), []string{"error|尚未记入纠正完成情况"}},
		{"纠正已落实", doc("2026-05-01", `filing = {date = 2026-05-20, conclusion = "纠正", corrected = 2026-06-01}`), nil},
		{"撤销仍现行有效", doc("2026-05-01", `filing = {date = 2026-05-20, conclusion = "撤销"}`), []string{"error|结论为撤销"}},
		{"不需报备", doc("2026-01-01", `filing = {exempt = "会议纪要"}`), nil},
		{"筛选日期之前", doc("2019-01-01", ""), nil},
		{"上级文件不报备", reg("title = \"乙办法\"\nsystem = \"党内规范性文件\"\nissuer = [\"某工委\"]\nstatus = \"现行有效\"\nissued = 2026-01-01", "正文"), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			sitetest.Write(t, dir, map[string]string{
				"site.toml":                "title = \"测试\"\nunit = \"某局党组\"\n[cleanup]\nfiling_since = 2020-01-01\n",
				"content/regulations/a.md": tc.file,
			})
			s, diags := build.Load(build.Options{SiteDir: dir, Defaults: djkb.Defaults})
			if diags.HasErrors() {
				t.Fatalf("%v", diags.Items())
			}
			var got []string
			for _, f := range review.Check(s, review.OptionsFor(s.Config, asOf)) {
				if f.Rule == "filing-due" {
					got = append(got, string(f.Severity)+"|"+f.Message)
				}
			}
			if len(got) != len(tc.want) || !slices.EqualFunc(got, tc.want, func(g, w string) bool {
				sev, msg, _ := strings.Cut(w, "|")
				return strings.HasPrefix(g, sev+"|") && strings.Contains(g, msg)
			}) {
				t.Errorf("得到 %q，应为 %q", got, tc.want)
			}
		})
	}
}
