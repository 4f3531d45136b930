package content

import (
	"slices"
	"testing"

	"djkb/internal/diag"
)

// TestPlaceholders checks that each placeholder a new page's skeleton
// leaves is a warning on its line, and that pages without one, or other
// pages quoting an ellipsis, are quiet.
func TestPlaceholders(t *testing.T) {
	tests := []struct {
		name, rel, text string
		lines           []int
	}{
		{"regulation", "regulations/a.md", "+++\ntitle = \"甲\"\ndoc_number = \"\"\n+++\n\n第一条　为了……，制定本办法。\n\n第二条　本办法自印发之日起施行。\n\n## 第二章　……\n", []int{3, 6, 10}},
		{"case", "cases/a.md", "+++\ncase_type = \"工作案例\"\n+++\n## 基本情况\n\n……\n", []int{6}},
		{"filled", "regulations/a.md", "+++\ndoc_number = \"东统〔2026〕1号\"\n+++\n第一条　本办法自印发之日起施行。\n", nil},
		{"no-doc-number-key", "regulations/a.md", "+++\ntitle = \"中华人民共和国宪法\"\n+++\n第一条　……\n", []int{4}},
		{"page", "about.md", "# 关于\n\n引文……\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := parse(t, tt.rel, tt.text)
			var lines []int
			for _, d := range diags {
				if d.Severity != diag.Warning {
					t.Errorf("not a warning: %s", d)
				}
				lines = append(lines, d.Line)
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("warnings on lines %v, want %v: %v", lines, tt.lines, diags)
			}
		})
	}
}

// TestFolderSystem checks that a regulation without a 体系 takes the one
// its folder is named for, so that a section's count and its 体系's agree,
// and that a 体系 contradicting the folder is a warning on its line.
func TestFolderSystem(t *testing.T) {
	tests := []struct {
		rel, text, want string
		warnLine        int
	}{
		{"regulations/本单位制度/a.md", "# 甲\n", "本单位制度", 0},
		{"regulations/本单位制度/下级/a.md", "+++\ntitle = \"甲\"\n+++\n", "本单位制度", 0},
		{"regulations/本单位制度/a.md", "+++\ntitle = \"甲\"\nsystem = \"党内规范性文件\"\n+++\n", "党内规范性文件", 3},
		{"regulations/其他/a.md", "# 甲\n", "", 0},
		{"regulations/a.md", "# 甲\n", "", 0},
	}
	for _, tt := range tests {
		src, diags := parse(t, tt.rel, tt.text)
		if src == nil || src.Meta.Regulation.System != tt.want {
			t.Errorf("%s: system %q, want %q", tt.rel, src.Meta.Regulation.System, tt.want)
		}
		line := 0
		for _, d := range diags {
			line = d.Line
		}
		if line != tt.warnLine || len(diags) > 1 {
			t.Errorf("%s: %v, want a warning on line %d", tt.rel, diags, tt.warnLine)
		}
	}
}
