package revision

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// format writes a comparison as the golden files hold it: the summary,
// then a line per article, changed characters as [-old-] and {+new+}.
func format(c *Comparison) string {
	var b strings.Builder
	b.WriteString("修改说明：" + c.Summary() + "\n")
	for _, ch := range c.Changes {
		b.WriteString(string(ch.Kind) + " ")
		switch {
		case ch.Old != nil && ch.New != nil:
			b.WriteString(ch.Old.Label + " → " + ch.New.Label)
		case ch.Old != nil:
			b.WriteString(ch.Old.Label)
		default:
			b.WriteString(ch.New.Label)
		}
		if len(ch.Diff) > 0 {
			b.WriteString("：")
			for _, s := range ch.Diff {
				switch s.Op {
				case '-':
					b.WriteString("[-" + s.Text + "-]")
				case '+':
					b.WriteString("{+" + s.Text + "+}")
				default:
					b.WriteString(s.Text)
				}
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestCompareGolden compares the revised texts of testdata/*.txt (an
// "=== old" and an "=== new" part each) with the .golden files beside them.
func TestCompareGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) < 4 {
		t.Fatalf("testdata 中只有 %d 个对照样例", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			_, rest, _ := strings.Cut(string(data), "=== old\n")
			oldText, newText, _ := strings.Cut(rest, "=== new\n")
			got := format(Compare(Split([]byte(oldText)), Split([]byte(newText))))
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				os.WriteFile(golden, []byte(got), 0o644)
			}
			want, _ := os.ReadFile(golden)
			if got != string(want) {
				t.Errorf("%s 的对照结果与 %s 不同：\n%s\n应为：\n%s", f, golden, got, want)
			}
		})
	}
}

// Punctuation-only edits are not amendments: the comparison of a text with
// its repunctuated form finds nothing changed.
func TestPunctuationOnly(t *testing.T) {
	old := []Article{{"第一条", "党员应当按月交纳党费，党费由党支部收缴、登记、上交。"}}
	new := []Article{{"第一条", "党员应当按月交纳党费、党费由党支部收缴，登记，上交.  "}}
	c := Compare(old, new)
	if c.Count[Unchanged] != 1 || c.Count[Modified] != 0 {
		t.Errorf("只改标点应算未变：%v", c.Count)
	}
}

// Each side keeps its own punctuation; only the words are marked.
func TestDiffKeepsEachSidesPunctuation(t *testing.T) {
	got := Diff("每季度开展一次，由书记主持。", "每月开展一次；由书记主持")
	want := []Segment{{'=', "每", "每"}, {'-', "季度", ""}, {'+', "月", ""}, {'=', "开展一次；由书记主持", "开展一次，由书记主持。"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Diff = %q，应为 %q", got, want)
	}
}

func TestSplit(t *testing.T) {
	md := "# 标题\n\n前言不是条文。\n\n## 第一章　总则\n\n**第一条**　为了[规范](a.md#x)工作，制定本~~办法~~规定。\n\n（一）第一项；\n\n第二条之一 新增条文。\n\n## 附则\n\n附则文字。\n"
	got := Split([]byte(md))
	want := []Article{{"第一条", "为了规范工作，制定本办法规定。\n（一）第一项；"}, {"第二条之一", "新增条文。"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Split = %q，应为 %q", got, want)
	}
}

// Two versions that share next to nothing are not compared article by
// article.
func TestRewritten(t *testing.T) {
	old := []Article{{"第一条", "为了规范机关党支部主题党日活动，制定本规定。"}, {"第二条", "主题党日每季度开展一次。"}}
	new := []Article{{"第一条", "经费预算按照在职职工工资总额列支。"}, {"第二条", "财务处负责审核报销凭证和票据。"}}
	if c := Compare(old, new); !c.Rewritten || len(c.Changes) != 0 || c.Summary() == "" {
		t.Errorf("全文重写的两个版本应不逐条对照：%+v", c)
	}
	if c := Compare(old, old); c.Rewritten {
		t.Errorf("相同的两个版本不是全文修订")
	}
}
