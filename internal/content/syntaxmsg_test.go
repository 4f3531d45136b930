package content

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// malformed front matter an editor can write, each with the file line of
// its first error and words its message must hold.
var malformed = []struct {
	name, text string
	line       int
	want       string
}{
	{"toml-no-such-day", "+++\nissued = 2026-02-30\n+++\n", 2, "2026年2月只有 28 天"},
	{"toml-month-13", "+++\nissued = 2026-13-01\n+++\n", 2, "月份只能是 01 到 12"},
	{"toml-one-digit-month", "+++\nissued = 2026-3-01\n+++\n", 2, "月和日要写两位"},
	{"toml-slash-date", "+++\nissued = 2026/03/01\n+++\n", 2, "值的后面还有多余的内容“/03/01”"},
	{"toml-two-on-a-line", "+++\nissued = 2026-03-01 status = \"现行有效\"\n+++\n", 2, "每个键单独占一行"},
	{"toml-unquoted-text", "+++\nstatus = 现行有效\n+++\n", 2, "文字要用英文双引号括起"},
	{"toml-unclosed-quote", "+++\ntitle = \"甲\n+++\n", 2, "引号没有结束"},
	{"toml-chinese-quotes", "+++\ntitle = “甲”\n+++\n", 2, "中文标点““”"},
	{"toml-chinese-equals", "+++\ntitle ＝ \"甲\"\n+++\n", 2, "英文的“=”"},
	{"toml-chinese-comma", "+++\ntags = [\"甲\"，\"乙\"]\n+++\n", 2, "英文的“,”"},
	{"toml-list-unclosed", "+++\ntags = [\"甲\", \"乙\"\n+++\n", 2, "以“]”结束"},
	{"toml-list-no-comma", "+++\ntags = [\"甲\" \"乙\"]\n+++\n", 2, "英文逗号"},
	{"toml-inline-unclosed", "+++\nhistory = [{date = 2020-01-01, event = \"印发\"]\n+++\n", 2, "以“}”结束"},
	{"toml-key-only", "+++\ntitle\n+++\n", 2, "键名之后是英文等号"},
	{"toml-chinese-key", "+++\n标题 = \"甲\"\n+++\n", 2, "键名只用英文字母"},
	{"toml-blank-key", "+++\n= \"甲\"\n+++\n", 2, "键名"},
	{"toml-duplicate", "+++\ntitle = \"甲\"\ntitle = \"乙\"\n+++\n", 3, "键“title”写了不止一次"},
	{"toml-bad-table", "+++\n[digest\n+++\n", 2, "表名"},
	{"toml-empty-table", "+++\n[]\n+++\n", 2, "表名"},
	{"toml-bad-escape", "+++\ntitle = \"C:\\文件\"\n+++\n", 2, "反斜杠"},
	{"toml-bad-number", "+++\nyear = 20_24_\n+++\n", 2, "数字写法不对"},
	{"toml-number-range", "+++\nyear = 99999999999999999999\n+++\n", 2, "数字写法不对"},
	{"toml-leading-dot", "+++\nyear = .5\n+++\n", 2, "数字写法不对"},
	{"toml-control", "+++\ntitle = \"甲\x01\"\n+++\n", 2, "控制字符"},
	{"toml-triple-quote", "+++\ntitle = \"\"\"甲\n+++\n", 2, "引号没有结束"},
	{"toml-table-redefined", "+++\ntitle = \"甲\"\n[title]\n+++\n", 3, "“title”"},
	{"yaml-colon-in-value", "---\ntitle: 甲: 乙\n---\n", 2, "冒号的位置不对"},
	{"yaml-bad-indent", "---\ntitle: 甲\n  tags: 乙\n---\n", 3, "冒号"},
	{"yaml-tab", "---\ntags:\n\t- 甲\n---\n", 3, "Tab"},
	{"yaml-list-unclosed", "---\ntags: [甲, 乙\n---\n", 2, "方括号"},
	{"yaml-map-unclosed", "---\nx: {a: 1\n---\n", 2, "花括号"},
	{"yaml-quote-unclosed", "---\ntitle: \"甲\n---\n", 2, "引号没有结束"},
	{"yaml-at-sign", "---\ntitle: @甲\n---\n", 2, "不接受的符号"},
	{"yaml-backtick", "---\ntitle: `甲`\n---\n", 2, "不接受的符号"},
	{"yaml-duplicate", "---\ntitle: 甲\ntitle: 乙\n---\n", 3, "键“title”写了不止一次"},
	{"yaml-unknown-anchor", "---\ntitle: *a\n---\n", 2, "锚点"},
	{"yaml-dash-after-key", "---\ntitle: 甲\n- 乙\n---\n", 2, "缩进"},
	{"yaml-chinese-colon", "---\ntitle：甲\n---\n", 2, "英文的“:”"},
}

// englishRe finds English words outside quotes; quotedRe's spans and the
// names the messages use on purpose are taken out first.
var (
	englishRe  = regexp.MustCompile(`[A-Za-z]{2,}`)
	cnQuotedRe = regexp.MustCompile(`“[^”]*”`)
	allowedRe  = regexp.MustCompile(`TOML|YAML|UTF-8|Tab|front matter`)
)

func englishIn(msg string) string {
	s := cnQuotedRe.ReplaceAllString(msg, "")
	s = allowedRe.ReplaceAllString(s, "")
	return englishRe.FindString(s)
}

// TestSyntaxMessages checks that every parser error reaches the editor in
// Chinese, on the right line, saying what to write instead.
func TestSyntaxMessages(t *testing.T) {
	for _, tt := range malformed {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := parse(t, "regulations/a.md", tt.text)
			if len(diags) == 0 {
				t.Fatalf("no error")
			}
			d := diags[0]
			if d.Line != tt.line || !strings.Contains(d.Message, tt.want) {
				t.Errorf("got %s\nwant line %d containing %q", d, tt.line, tt.want)
			}
			for _, d := range diags {
				if w := englishIn(d.Message); w != "" {
					t.Errorf("English %q in %s", w, d)
				}
			}
		})
	}
}

// TestSyntaxErrorsInOneRound checks that a front-matter mistake hides
// neither the other mistakes nor the keys written right, and that a mistake
// is reported once, not again on the lines that continue it.
func TestSyntaxErrorsInOneRound(t *testing.T) {
	tests := []struct {
		name, text string
		lines      []int
	}{
		{"toml", "+++\ntitle = \"甲\"\nissued = 2026-02-30\nstatus = 现行\ntrial = \"试用\"\ndoc_number = \"东统〔2026〕1号\"\n+++\n", []int{3, 4, 5}},
		{"toml-multiline-list", "+++\ntags = [\n  \"甲\" \"乙\",\n  \"丙\",\n]\nstatus = \"有效\"\ndoc_number = \"东统〔2026〕1号\"\n+++\n", []int{3, 6}},
		{"yaml", "---\ntitle: 甲\nissued: 2026-02-30\nstatus: @现行\ntrial: 试用\ndoc_number: 东统〔2026〕1号\n---\n", []int{3, 4, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, diags := parse(t, "regulations/a.md", tt.text)
			var lines []int
			for _, d := range diags {
				lines = append(lines, d.Line)
			}
			if !slices.Equal(lines, tt.lines) {
				t.Errorf("errors on lines %v, want %v:\n%v", lines, tt.lines, diags)
			}
			if src == nil || src.Meta.Regulation.DocNumber != "东统〔2026〕1号" {
				t.Errorf("the keys written right are lost")
			}
		})
	}
}

// FuzzSyntaxMessages checks that whatever the front matter holds, every
// message is free of the parsers' English.
func FuzzSyntaxMessages(f *testing.F) {
	for _, m := range malformed {
		f.Add(m.text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fm, block, _, _, err := SplitFrontMatter([]byte(text))
		if err != nil || fm.Format == "" {
			return
		}
		_, errs := ParseFrontMatter(fm.Format, block)
		for _, se := range errs {
			if w := englishIn(se.Msg); w != "" {
				t.Errorf("English %q in %s", w, se.Msg)
			}
		}
	})
}
