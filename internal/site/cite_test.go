package site

import (
	"slices"
	"testing"

	"djkb/internal/citation"
	"djkb/internal/content"
	"djkb/internal/diag"
)

// TestScanKeepsLinkable: the scan keeps only what can become a link: not
// 本法 without an article, 本条, 前款, nor 前条 before the first article.
func TestScanKeepsLinkable(t *testing.T) {
	var diags diag.List
	src := content.Parse("regulations/a.md", []byte("+++\ntitle = \"甲法\"\n+++\n前条不在条文中。\n\n第一条　本法所称机关，依照本法第三条。\n\n第二条　本条和前款、前条的规定，适用《乙法》。\n"), &diags)
	var got []string
	fs, _ := scan(src)
	for _, f := range fs {
		got = append(got, f.text)
		if !linkable(f.m, f.article) {
			t.Errorf("第 %d 行：扫描留下了不会成为链接的“%s”", f.line, f.text)
		}
	}
	if want := []string{"本法第三条", "前条", "《乙法》"}; len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("扫描留下 %q，应为 %q", got, want)
	}
	for _, f := range fs {
		if f.m.Kind == citation.Near && f.article != "第二条" {
			t.Errorf("前条在 %q 中", f.article)
		}
	}
}

// TestScanLabels: the scan reads the anchors of a page's articles as the
// pages have them: indented, emphasised and in code too, not in a heading
// or a quotation.
func TestScanLabels(t *testing.T) {
	var diags diag.List
	src := content.Parse("regulations/b.md", []byte("+++\ntitle = \"乙\"\n+++\n第一条　甲。\n  第二条　乙。\n> 第三条　丙。\n```\n第四条　丁。\n```\n# 第五条\n**第六条**　戊。\n第二条　重复。\n"), &diags)
	_, got := scan(src)
	if want := []string{"第一条", "第二条", "第四条", "第六条", "第二条"}; !slices.Equal(got, want) {
		t.Errorf("条文标签 %q，应为 %q", got, want)
	}
}
