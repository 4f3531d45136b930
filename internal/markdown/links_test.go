package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// lineRecorder records the line the converter gives for each destination.
type lineRecorder map[string]int

func (r lineRecorder) Link(dest string, line int, _ bool) (string, bool) {
	r[dest] = line
	return dest, !strings.HasPrefix(dest, "javascript:")
}

// TestLinkLines checks that each link, image and autolink is reported on the
// line its destination is written on, wherever the link stands. In each case
// the destinations are x1, x2, …; the page starts on file line 10, as after a
// front matter of eight lines. A reference link is reported where it is used.
func TestLinkLines(t *testing.T) {
	tests := []struct {
		name, src string
		refLine   int // for a reference link: the line it is used on
	}{
		{"autolink-late-in-paragraph", "第一行\n第二行\n第三行 <javascript:x1> 后文\n", 0},
		{"autolink-alone", "一\n二\n三\n四\n五\n六\n<javascript:x1>\n", 0},
		{"links-in-paragraph", "[甲](x1)\n乙\n丙 [丁](x2) ![](x3)\n![戊](x4)\n", 0},
		{"image-without-alt", "前文\n\n一\n二 ![](x1)\n", 0},
		{"link-text-markup", "一\n[**粗体**](x1)\n[`代码`](x2)\n", 0},
		{"link-text-two-lines", "一\n[上\n下](x1)\n", 0},
		{"destination-next-line", "一\n[上](\nx1)\n", 0},
		{"list", "- 一\n- 二\n  <javascript:x1>\n- 三\n  1. 四 [五](x2)\n     六 ![](x3)\n", 0},
		{"blockquote", "> 一\n> 二 <javascript:x1>\n>\n> > 三\n> > [四](x2)\n", 0},
		{"table", "| 甲 | 乙 |\n| --- | --- |\n| 一 | 二 |\n| [三](x1) | <javascript:x2> |\n| 四 | ![](x3) |\n", 0},
		{"heading", "# 标题\n\n## 小节 [链接](x1)\n", 0},
		{"after-code", "```\n代码\n```\n一\n二 <javascript:x1>\n", 0},
		{"footnote", "正文[^1]\n\n[^1]: 注释\n    续行 [来源](x1)\n", 0},
		{"reference", "一\n二 [甲][r]\n\n[r]: x1\n", 11},
	}
	conv := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := lineRecorder{}
			if _, err := conv.Convert(Input{Source: []byte(tt.src), FirstLine: 10, Resolver: rec}); err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(tt.src, "\n")
			for i := 1; ; i++ {
				dest := fmt.Sprintf("x%d", i)
				if !strings.Contains(tt.src, dest) {
					break
				}
				want := 0
				for n, l := range lines {
					if strings.Contains(l, dest) {
						want = 10 + n
					}
				}
				if tt.refLine > 0 {
					want = tt.refLine
				}
				if strings.Contains(tt.src, "<javascript:"+dest) {
					dest = "javascript:" + dest
				}
				if got, ok := rec[dest]; !ok || got != want {
					t.Errorf("%s: line %d (seen %v), want %d", dest, got, ok, want)
				}
			}
		})
	}
}
