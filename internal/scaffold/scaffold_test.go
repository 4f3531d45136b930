package scaffold

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"djkb"
	"djkb/internal/content"
	"djkb/internal/diag"
)

func TestFileName(t *testing.T) {
	for in, want := range map[string]string{
		"机关党支部工作细则（试行）":            "机关党支部工作细则（试行）.md",
		"  a/b\\c:d*e?f\"g<h>i|j ": "abcdefghij.md",
		"三会一课   实施 办法":             "三会一课-实施-办法.md",
		"#%":                       "新页面.md",
		"...隐藏":                    "隐藏.md",
		strings.Repeat("长", 100):   strings.Repeat("长", 80) + ".md",
	} {
		if got := FileName(in); got != want {
			t.Errorf("FileName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCreateEachKind creates one page of each kind and checks that it
// parses without a problem and has the kind's headings.
func TestCreateEachKind(t *testing.T) {
	site := t.TempDir()
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		kind, title, caseType string
		headings              []string
	}{
		{"regulation", "机关党支部工作细则（试行）", "", []string{"第一条　", "## 第一章　总则"}},
		{"case", "谈心谈话三必谈", "", content.CaseHeadings["工作案例"]},
		{"case", "违规发放津贴", "警示案例", content.CaseHeadings["警示案例"]},
		{"brand", "红色引擎", "", []string{"## 创建背景", "## 主要做法", "## 具体成效"}},
	} {
		rel, err := Create(Request{SiteDir: site, Kind: tc.kind, Title: tc.title, CaseType: tc.caseType, Unit: "某单位", Today: today}, djkb.Defaults)
		if err != nil {
			t.Fatalf("%s: %v", tc.kind, err)
		}
		data, _ := os.ReadFile(filepath.Join(site, rel))
		var diags diag.List
		src := content.Parse(strings.TrimPrefix(rel, "content/"), data, &diags)
		if src == nil || diags.HasErrors() {
			t.Fatalf("%s: new page does not parse: %v\n%s", rel, diags.Items(), data)
		}
		// A new page is a draft, and check names what is left to fill in.
		if !src.Meta.Draft {
			t.Errorf("%s: a new page must be a draft", rel)
		}
		if diags.Count(diag.Warning) == 0 {
			t.Errorf("%s: no warning about the placeholders", rel)
		}
		if src.Meta.Title != tc.title {
			t.Errorf("%s: title %q", rel, src.Meta.Title)
		}
		for _, h := range tc.headings {
			if !strings.Contains(string(data), h) {
				t.Errorf("%s: missing %q", rel, h)
			}
		}
		if tc.kind == "regulation" && src.Meta.Regulation.Trial != "试行" {
			t.Errorf("trial flag should follow the title's （试行）")
		}
		if _, err := Create(Request{SiteDir: site, Kind: tc.kind, Title: tc.title, CaseType: tc.caseType, Today: today}, djkb.Defaults); err == nil || !strings.Contains(err.Error(), "已经存在") {
			t.Errorf("%s: second create must refuse to overwrite, got %v", rel, err)
		}
	}
	if _, err := Create(Request{SiteDir: site, Kind: "memo", Title: "x"}, djkb.Defaults); err == nil {
		t.Error("unknown kind accepted")
	}
}

// TestCaseFolder checks that a case goes to the folder of its kind when the
// site has one, and that -in still decides.
func TestCaseFolder(t *testing.T) {
	site := t.TempDir()
	for _, d := range []string{"工作案例", "警示案例"} {
		os.MkdirAll(filepath.Join(site, "content/cases", d), 0o755)
	}
	for _, tc := range []struct{ title, caseType, section, want string }{
		{"甲", "", "", "content/cases/工作案例/甲.md"},
		{"乙", "警示案例", "", "content/cases/警示案例/乙.md"},
		{"丙", "警示案例", "其他", "content/cases/其他/丙.md"},
	} {
		rel, err := Create(Request{SiteDir: site, Kind: "case", Title: tc.title, CaseType: tc.caseType, Section: tc.section}, djkb.Defaults)
		if err != nil || rel != tc.want {
			t.Errorf("%s: got %s, %v; want %s", tc.title, rel, err, tc.want)
		}
	}
	flat := t.TempDir()
	if rel, _ := Create(Request{SiteDir: flat, Kind: "case", Title: "丁"}, djkb.Defaults); rel != "content/cases/丁.md" {
		t.Errorf("a site without kind folders: got %s", rel)
	}
}
