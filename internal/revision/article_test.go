package revision

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"djkb/internal/markdown"
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

// splitBefore is Split as first written: a string a line, joined with +=,
// markup dropped by a strings.Replacer.
func splitBefore(md []byte) []Article {
	var out []Article
	var cur *Article
	for len(md) > 0 {
		var line []byte
		line, md, _ = bytes.Cut(md, []byte("\n"))
		line = bytes.TrimSpace(line)
		switch {
		case bytes.HasPrefix(line, []byte("#")) || bytes.HasPrefix(line, []byte("+++")):
			cur = nil
		case len(line) == 0:
		default:
			if label := markdown.ArticleLabel(line); label != "" {
				i := bytes.Index(line, []byte(label)) + len(label)
				out = append(out, Article{Label: label, Text: plainBefore(line[i:])})
				cur = &out[len(out)-1]
			} else if cur != nil {
				if t := plainBefore(line); t != "" {
					cur.Text += "\n" + t
				}
			}
		}
	}
	return out
}

func plainBefore(line []byte) string {
	s := linkRe.ReplaceAllString(string(line), "$1")
	s = strings.NewReplacer("**", "", "__", "", "~~", "", "`", "", "\\", "").Replace(s)
	s = strings.TrimLeft(s, "*_ \t")
	return strings.TrimSpace(strings.TrimLeft(s, "　"))
}

// FuzzSplitSame: Split reads any Markdown as it did when each line was a
// string of its own.
func FuzzSplitSame(f *testing.F) {
	for _, s := range []string{"第一条　为了**规范**工作，***制定***本办法。\n\n第二条　[本办法](x.md)适用于`机关`。\n\n各支部~~参照~~执行\\。\n\n　\n",
		"序言\n第三条之一 __党员__应当_按期_交纳党费。\n   \n\n## 第一节\n第四条\n** \n继续 \xe3\x80",
		"第五条 *_\t　 正文 　\n+++\n第五条 \\\\~~~`\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, md []byte) {
		if got, want := Split(md), splitBefore(md); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n得到 %q\n应为 %q", md, got, want)
		}
	})
}
