package review_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/review"
	"djkb/internal/site"
	"djkb/internal/sitetest"
)

// asOf is "today" in the hand-made cases.
var asOf = time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)

// siteOf builds a site whose content/regulations/ holds files (name → text).
func siteOf(t *testing.T, files map[string]string) *site.Site {
	t.Helper()
	dir := t.TempDir()
	all := map[string]string{"site.toml": "title = \"测试\"\n[cleanup]\ntrial_years = 5\nreview_years = 5\n"}
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

// ruleCase is one hand-made site and the findings one rule should make on
// it, each written "file|severity|part of the message".
type ruleCase struct {
	name  string
	files map[string]string
	want  []string
}

// runRule checks each case's findings of rule against its want list.
func runRule(t *testing.T, rule string, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := siteOf(t, tc.files)
			var got []review.Finding
			for _, f := range review.Check(s, review.Options{AsOf: asOf}) {
				if f.Rule == rule {
					got = append(got, f)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("得到 %d 条 %s 结果，应为 %d 条：\n%s", len(got), rule, len(tc.want), describe(got))
			}
			for i, w := range tc.want {
				file, sev, msg := split3(w)
				f := got[i]
				if f.Path != "regulations/"+file || string(f.Severity) != sev || !strings.Contains(f.Message, msg) {
					t.Errorf("第 %d 条是\n  %s\n应为 %s", i+1, describe(got[i:i+1]), w)
				}
				if f.Action == "" || f.RuleName == "" || f.Title == "" {
					t.Errorf("第 %d 条缺少处理建议、规则名或标题：%+v", i+1, f)
				}
			}
		})
	}
}

func split3(s string) (a, b, c string) {
	parts := strings.SplitN(s, "|", 3)
	return parts[0], parts[1], parts[2]
}

func describe(fs []review.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "  %s:%d|%s|%s\n", f.Path, f.Line, f.Severity, f.Message)
	}
	return b.String()
}
