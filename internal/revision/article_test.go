package revision

import (
	"reflect"
	"testing"
)

// SplitSome reads the wanted articles as Split does, whatever comes
// between them: continued paragraphs, headings, markup, a repeated number.
func TestSplitSomeIsSplitFiltered(t *testing.T) {
	md := []byte("序言不是条文。\n\n## 第一章　总则\n\n第一条　为了**规范**工作，制定本办法。\n\n第二条　[本办法](x.md)适用于机关。\n\n各支部参照执行。\n\n### 第一节\n\n第三条之一　党员应当_按期_交纳党费。\n\n第二条　重复的条号。\n\n第四条　最后一条。\n继续的一行。\n")
	all := Split(md)
	for _, want := range [][]string{nil, {"第二条"}, {"第一条", "第四条"}, {"第三条之一"}, {"第九条"}} {
		keep := map[string]bool{}
		for _, l := range want {
			keep[l] = true
		}
		var expect []Article
		for _, a := range all {
			if keep[a.Label] {
				expect = append(expect, a)
			}
		}
		if got := SplitSome(md, func(l string) bool { return keep[l] }); !reflect.DeepEqual(got, expect) {
			t.Errorf("SplitSome(%v) = %q, want %q", want, got, expect)
		}
	}
	if got := SplitSome(md, nil); !reflect.DeepEqual(got, all) {
		t.Errorf("SplitSome(nil) = %q, want Split's %q", got, all)
	}
}
