package markdown

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"djkb/internal/numerals"
)

func TestArticleLabel(t *testing.T) {
	long := strings.Repeat("党的基层组织是党在社会基层组织中的战斗堡垒，", 20)
	for _, c := range []struct{ line, want string }{
		{"第一条 为了加强党的建设", "第一条"},
		{"**第十二条**　" + long, "第十二条"},
		{"_第一百零一条之一_ " + long, "第一百零一条之一"},
		{"第1条 …", "第1条"},
		{"本条例第十二条规定", ""},
		{"第十二章　附则", ""},
		{long + "第三条", ""},
		{"", ""},
		{"*** \t第三条之二 …", "第三条之二"},
		{"第三条之 …", "第三条"},
		{"****第一条", ""},
		{"第条", ""},
		{"第一百条之十一", "第一百条之十一"},
	} {
		if got := ArticleLabel([]byte(c.line)); got != c.want {
			t.Errorf("ArticleLabel(%.40q) = %q，应为 %q", c.line, got, c.want)
		}
	}
}

// articleRe is the definition ArticleLabel is written out from.
var articleRe = regexp.MustCompile(`^[*_]{0,3}\s*(第[零〇一二三四五六七八九十百千万0-9]+条(?:之[一二三四五六七八九十]+)?)`)

// FuzzArticleLabel checks ArticleLabel against the regular expression.
func FuzzArticleLabel(f *testing.F) {
	for _, s := range []string{"第一条 为了", "**第十二条**", "_第一百零一条之一_", "第1条", "第十二章", " \t第三条之", "***\r第二条之三", "第\xff条", "第一万零一条", "第〇条", "第9条之十"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		want := ""
		if m := articleRe.FindSubmatch(line); m != nil {
			want = string(m[1])
		}
		if got := ArticleLabel(line); got != want {
			t.Fatalf("ArticleLabel(%q) = %q, the regular expression says %q", line, got, want)
		}
	})
}

// TestCommonLabelsShared: the labels of the first 999 articles, in
// Chinese or Arabic numerals, come out as one shared copy, without an
// allocation; the rest are made as before.
func TestCommonLabelsShared(t *testing.T) {
	for _, n := range []int{1, 10, 19, 101, 110, 999} {
		for _, label := range []string{"第" + numerals.Chinese(n) + "条", "第" + strconv.Itoa(n) + "条"} {
			line := []byte("**" + label + "**　为了……")
			a, b := ArticleLabel(line), ArticleLabel(bytes.Clone(line))
			if a != label || unsafe.StringData(a) != unsafe.StringData(b) {
				t.Errorf("%s: got %q and %q, not one copy of %q", line, a, b, label)
			}
			if allocs := testing.AllocsPerRun(100, func() { ArticleLabel(line) }); allocs != 0 {
				t.Errorf("%s: %v allocations, want 0", line, allocs)
			}
		}
	}
	for _, label := range []string{"第一千条", "第十条之一", "第〇条"} {
		if got := ArticleLabel([]byte(label + " 文本")); got != label {
			t.Errorf("ArticleLabel(%s) = %q", label, got)
		}
	}
}
