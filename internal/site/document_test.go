package site

import (
	"slices"
	"strings"
	"testing"
	"time"

	"djkb/internal/config"
	"djkb/internal/content"
	"djkb/internal/diag"
)

// model builds the model of a site from Markdown files (content path →
// text) and returns it with its messages.
func model(t *testing.T, files map[string]string) (*Site, []string) {
	t.Helper()
	var diags diag.List
	set := &content.Set{}
	for _, p := range slices.Sorted(func(yield func(string) bool) {
		for p := range files {
			if !yield(p) {
				return
			}
		}
	}) {
		set.Sources = append(set.Sources, content.Parse(p, []byte(files[p]), &diags))
	}
	if diags.HasErrors() {
		t.Fatalf("test files do not parse: %v", diags.Items())
	}
	s := New(config.Default(), set, nil, &diags)
	var out []string
	for _, d := range diags.Items() {
		out = append(out, d.String())
	}
	return s, out
}

// TestFolderIndexNames: the index of every common convention names its
// folder, and none of them is a page of its own.
func TestFolderIndexNames(t *testing.T) {
	for _, name := range []string{"_index.md", "index.md", "README.md", "readme.md"} {
		t.Run(name, func(t *testing.T) {
			s, diags := model(t, map[string]string{
				"regulations/学习/" + name: "# 学习资料\n",
				"regulations/学习/a.md":    "# 三会一课\n\n正文。\n",
				"regulations/学习/b.md":    "正文，没有标题。\n",
			})
			if len(diags) > 0 {
				t.Fatalf("unexpected messages: %v", diags)
			}
			sec := s.SectionAt("regulations/学习")
			if sec == nil || sec.Title != "学习资料" {
				t.Fatalf("section = %+v, want one titled 学习资料", sec)
			}
			var titles []string
			for _, p := range s.Pages {
				titles = append(titles, p.Title)
			}
			slices.Sort(titles)
			if want := []string{"b", "三会一课"}; !slices.Equal(titles, want) {
				t.Errorf("pages = %q, want %q", titles, want)
			}
		})
	}
}

func TestTwoFolderIndexes(t *testing.T) {
	_, diags := model(t, map[string]string{
		"regulations/学习/README.md": "# 学习资料\n",
		"regulations/学习/_index.md": "+++\ntitle = \"学习\"\n+++\n",
		"regulations/学习/a.md":      "# 三会一课\n",
	})
	if len(diags) != 1 || !strings.Contains(diags[0], "content/regulations/学习/README.md 和 content/regulations/学习/_index.md") || !strings.Contains(diags[0], "错误") {
		t.Errorf("messages = %q, want one error naming both files", diags)
	}
}

// law is a law kept as a folder with one file per 编, in the order a
// reader must walk it; the file names do not sort that way.
var law = map[string]string{
	"regulations/刑事/xingfa/README.md":           "---\nnext: /xingfa/01-general.md\n---\n\n# 中华人民共和国刑法\n\n1979年7月1日通过\n",
	"regulations/刑事/xingfa/00-supplementary.md": "# 附则\n\n**第四百五十二条**　本法自1997年10月1日起施行。\n",
	"regulations/刑事/xingfa/preamble.md":         "# 序言\n\n序言的正文。\n",
	"regulations/刑事/xingfa/10-part-ten.md":      "# 第十编　其他\n\n正文。\n",
	"regulations/刑事/xingfa/04-amendment.md":     "# 修正案\n\n正文。\n",
	"regulations/刑事/xingfa/02-specific.md":      "# 第二编　分则\n\n**第一百零二条**　正文。\n",
	"regulations/刑事/xingfa/01-general.md":       "---\nprev: /xingfa/\n---\n\n# 第一编　总则\n\n**第一条**　正文。\n",
	"regulations/刑事/other.md":                   "+++\ntitle = \"另一部法律\"\nissued = 2020-01-01\n+++\n",
	"regulations/刑事/single/README.md":           "# 中华人民共和国资产评估法\n\n**第一条**　正文。\n",
}

func TestMultiFileDocument(t *testing.T) {
	s, diags := model(t, law)
	if len(diags) > 0 {
		t.Fatalf("unexpected messages: %v", diags)
	}
	doc := s.Page("regulations/刑事/xingfa/README.md")
	if doc == nil || doc.IsIndex || doc.URL != "regulations/刑事/xingfa/" || doc.Kind != content.KindRegulation {
		t.Fatalf("the law's index is %+v, want a regulation page at the folder's URL", doc)
	}
	if s.SectionAt("regulations/刑事/xingfa") != nil {
		t.Error("the law's folder is still a section")
	}
	sec := s.SectionAt("regulations/刑事")
	if len(sec.Children) != 0 {
		t.Errorf("刑事 has sub-sections %v, want none: both its folders are documents", sec.Children)
	}
	var walk []string
	for p := doc; p != nil && (p == doc || p.Document == doc); p = p.Next {
		walk = append(walk, p.Title)
		if p.Document == doc && p.Section != sec {
			t.Errorf("%s is in section %q, want 刑事", p.Title, p.Section.Path)
		}
	}
	want := []string{
		"中华人民共和国刑法",
		"中华人民共和国刑法 · 序言",
		"中华人民共和国刑法 · 第一编　总则",
		"中华人民共和国刑法 · 第二编　分则",
		"中华人民共和国刑法 · 第十编　其他",
		"中华人民共和国刑法 · 附则",
		"中华人民共和国刑法 · 修正案",
	}
	if !slices.Equal(walk, want) {
		t.Errorf("walking Next from the law:\n got %q\nwant %q", walk, want)
	}
	if got := s.Page("regulations/刑事/xingfa/02-specific.md").Prev.Title; got != want[2] {
		t.Errorf("Prev of 第二编 = %q, want %q", got, want[2])
	}
	// The section lists the documents, not their chapters.
	var listed []string
	for _, p := range sec.All {
		listed = append(listed, p.Title)
	}
	slices.Sort(listed)
	if w := []string{"中华人民共和国刑法", "中华人民共和国资产评估法", "另一部法律"}; !slices.Equal(listed, w) {
		t.Errorf("section 刑事 lists %q, want %q", listed, w)
	}
	if p := s.Page("regulations/刑事/single/README.md"); p == nil || p.IsIndex || p.Title != "中华人民共和国资产评估法" {
		t.Errorf("a folder holding only a README with text is %+v, want a page", p)
	}
}

func TestIsDocument(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"chapters", map[string]string{"r/a/README.md": "# 法\n", "r/a/1.md": "# 第一章　总则\n", "r/a/2.md": "# 第二章　附则\n"}, true},
		{"chapters beside an attached decision", map[string]string{"r/a/README.md": "# 法\n", "r/a/1.md": "# 第一编　总则\n", "r/a/9.md": "# 关于某事的决定\n"}, true},
		{"a section of documents", map[string]string{"r/a/_index.md": "+++\ntitle = \"党内法规\"\n+++\n\n本栏目收录……\n", "r/a/1.md": "+++\ntitle = \"条例\"\n+++\n", "r/a/2.md": "# 规定\n"}, false},
		{"a docsify folder", map[string]string{"r/a/README.md": "# 学习资料\n\n本栏目收录学习资料。\n", "r/a/1.md": "# 三会一课\n"}, false},
		{"index with text and nothing else", map[string]string{"r/a/README.md": "# 法\n\n**第一条**　正文。\n"}, true},
		{"index with a title and nothing else", map[string]string{"r/a/README.md": "# 空栏目\n"}, false},
		{"sub-folders", map[string]string{"r/a/README.md": "# 法\n", "r/a/1.md": "# 第一章\n", "r/a/b/c.md": "# 第二章\n"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, diags := model(t, tc.files)
			if len(diags) > 0 {
				t.Fatalf("unexpected messages: %v", diags)
			}
			if got := s.SectionAt("r/a") == nil; got != tc.want {
				t.Errorf("folder r/a is a document: %v, want %v", got, tc.want)
			}
		})
	}
}

// TestRecentWithoutDates: a site whose pages carry no dates lists the
// newest files on its home page; dated pages come first.
func TestRecentWithoutDates(t *testing.T) {
	s, _ := model(t, map[string]string{
		"regulations/a.md": "# 甲\n",
		"regulations/b.md": "# 乙\n",
		"regulations/c.md": "+++\ntitle = \"丙\"\ndate = 2001-01-01\n+++\n",
	})
	base := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	s.Page("regulations/a.md").Src.ModTime = base
	s.Page("regulations/b.md").Src.ModTime = base.Add(time.Hour)
	var got []string
	for _, p := range s.Recent(10) {
		got = append(got, p.Title+" "+p.Updated().Format("2006-01-02T15"))
	}
	want := []string{"丙 2001-01-01T00", "乙 2025-01-01T01", "甲 2025-01-01T00"}
	if !slices.Equal(got, want) {
		t.Errorf("Recent = %q, want %q", got, want)
	}
	if got := s.Recent(1); len(got) != 1 || got[0].Title != "丙" {
		t.Errorf("Recent(1) = %v, want only the dated page", got)
	}
}
