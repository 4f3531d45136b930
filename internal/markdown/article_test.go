package markdown

import (
	"strings"
	"testing"
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
	} {
		if got := ArticleLabel([]byte(c.line)); got != c.want {
			t.Errorf("ArticleLabel(%.40q) = %q，应为 %q", c.line, got, c.want)
		}
	}
}
