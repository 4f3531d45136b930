package review_test

import (
	"strings"
	"testing"
	"time"

	"djkb/internal/content"
	"djkb/internal/review"
)

var decision = content.Decision{Batch: "2026年度清理", Result: "废止", Date: time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC),
	Ground: "已被新规定替代", Note: "由\"新办法\"替代"}

const entryTOML = `{batch = "2026年度清理", result = "废止", date = 2026-11-20, ground = "已被新规定替代", note = "由\"新办法\"替代"}`
const entryYAML = `{batch: "2026年度清理", result: "废止", date: 2026-11-20, ground: "已被新规定替代", note: "由\"新办法\"替代"}`

// TestDecideKeepsLayout: recording a decision changes only the cleanup
// entry of its batch; comments, key order, odd spacing, CRLF and a BOM stay.
func TestDecideKeepsLayout(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"toml, no cleanup yet: before the first table",
			"+++\ntitle   =  \"甲办法\"   # 标题\n# 备注\nstatus = \"现行有效\"\n[repeal]\ndecision = \"x\"\n+++\n\n正文\n",
			"+++\ntitle   =  \"甲办法\"   # 标题\n# 备注\nstatus = \"现行有效\"\ncleanup = [" + entryTOML + "]\n[repeal]\ndecision = \"x\"\n+++\n\n正文\n"},
		{"toml inline array, appended",
			"+++\ntitle = \"甲办法\"\ncleanup = [{batch = \"2024年度清理\", result = \"继续有效\", date = 2024-12-20}] # 历次清理\ntags = [\"a\"]\n+++\n正文\n",
			"+++\ntitle = \"甲办法\"\ncleanup = [{batch = \"2024年度清理\", result = \"继续有效\", date = 2024-12-20}, " + entryTOML + "] # 历次清理\ntags = [\"a\"]\n+++\n正文\n"},
		{"toml multi-line array with comments and a trailing comma",
			"+++\ntitle = \"甲办法\"\ncleanup = [\n  # 2022\n  {batch = \"2022年度清理\", result = \"继续有效\", note = \"含 ] 和 { 的说明\"},\n    {batch = \"2024年度清理\", result = \"继续有效\"},\n]\n+++\n正文\n",
			"+++\ntitle = \"甲办法\"\ncleanup = [\n  # 2022\n  {batch = \"2022年度清理\", result = \"继续有效\", note = \"含 ] 和 { 的说明\"},\n    {batch = \"2024年度清理\", result = \"继续有效\"},\n    " + entryTOML + ",\n]\n+++\n正文\n"},
		{"toml: the batch's decision replaced in place",
			"+++\ntitle = \"甲办法\"\ncleanup = [\n  {batch = \"2026年度清理\", result = \"继续有效\"},  # 初定\n  {batch = \"2024年度清理\", result = \"继续有效\"},\n]\n+++\n正文\n",
			"+++\ntitle = \"甲办法\"\ncleanup = [\n  " + entryTOML + ",  # 初定\n  {batch = \"2024年度清理\", result = \"继续有效\"},\n]\n+++\n正文\n"},
		{"toml array of tables",
			"+++\ntitle = \"甲办法\"\n\n[[cleanup]]\nbatch = \"2024年度清理\"\nresult = \"继续有效\"\n\n# 其他\n[repeal]\ndecision = \"x\"\n+++\n正文\n",
			"+++\ntitle = \"甲办法\"\n\n[[cleanup]]\nbatch = \"2024年度清理\"\nresult = \"继续有效\"\n\n[[cleanup]]\nbatch = \"2026年度清理\"\nresult = \"废止\"\ndate = 2026-11-20\nground = \"已被新规定替代\"\nnote = \"由\\\"新办法\\\"替代\"\n\n# 其他\n[repeal]\ndecision = \"x\"\n+++\n正文\n"},
		{"toml, CRLF and BOM",
			"\uFEFF+++\r\ntitle = \"甲办法\" # 注\r\n+++\r\n正文\r\n",
			"\uFEFF+++\r\ntitle = \"甲办法\" # 注\r\ncleanup = [" + entryTOML + "]\r\n+++\r\n正文\r\n"},
		{"yaml block list, appended",
			"---\ntitle: 甲办法   # 注\ncleanup:\n  - batch: 2024年度清理\n    result: 继续有效\n\ntags: [a]\n---\n正文\n",
			"---\ntitle: 甲办法   # 注\ncleanup:\n  - batch: 2024年度清理\n    result: 继续有效\n  - " + entryYAML + "\n\ntags: [a]\n---\n正文\n"},
		{"yaml block list at column 0, replaced",
			"---\ntitle: 甲办法\ncleanup:\n- batch: 2026年度清理\n  result: 继续有效\n- {batch: 2024年度清理, result: 继续有效}\n---\n正文\n",
			"---\ntitle: 甲办法\ncleanup:\n- " + entryYAML + "\n- {batch: 2024年度清理, result: 继续有效}\n---\n正文\n"},
		{"yaml flow list",
			"---\ntitle: 甲办法\ncleanup: [{batch: 2024年度清理, result: 继续有效}]\n---\n正文\n",
			"---\ntitle: 甲办法\ncleanup: [{batch: 2024年度清理, result: 继续有效}, " + entryYAML + "]\n---\n正文\n"},
		{"yaml, no cleanup yet, CRLF",
			"---\r\ntitle: 甲办法\r\n---\r\n正文\r\n",
			"---\r\ntitle: 甲办法\r\ncleanup:\r\n  - " + entryYAML + "\r\n---\r\n正文\r\n"},
		{"no front matter",
			"# 甲办法\n\n正文\n",
			"+++\ncleanup = [" + entryTOML + "]\n+++\n\n# 甲办法\n\n正文\n"},
	} {
		got, err := review.Decide("regulations/甲办法.md", []byte(tc.in), decision)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if string(got) != tc.want {
			t.Errorf("%s:\n得到 %q\n应为 %q", tc.name, got, tc.want)
		}
	}
}

func TestDecideRefuses(t *testing.T) {
	file := []byte("+++\ntitle = \"甲办法\"\n+++\n正文\n")
	for _, tc := range []struct {
		d    content.Decision
		want string
	}{
		{content.Decision{Batch: "甲", Result: "撤销"}, "清理结论“撤销”无法识别"},
		{content.Decision{Batch: "甲", Result: "废止", Ground: "适用期已过"}, "理由“适用期已过”不是“废止”的理由"},
		{content.Decision{Batch: "甲", Result: "继续有效", Ground: "不适应"}, "不需要理由"},
	} {
		if _, err := review.Decide("regulations/甲办法.md", file, tc.d); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: 错误 = %v，应含 %q", tc.d, err, tc.want)
		}
	}
	if _, err := review.Decide("regulations/甲办法.md", []byte("+++\ntitle = \"甲\n+++\n"), decision); err == nil || !strings.Contains(err.Error(), "文件本身有错误") {
		t.Errorf("有语法错误的文件应被拒绝：%v", err)
	}
	if _, err := review.Decide("regulations/甲办法.md", []byte("+++\ncleanup = \"无\"\n+++\n"), decision); err == nil {
		t.Errorf("cleanup 不是列表时应拒绝")
	}
}

// FuzzDecide: whatever the file, Decide either refuses or returns a file
// whose decisions are the old ones with this batch's replaced.
func FuzzDecide(f *testing.F) {
	f.Add("+++\ntitle = \"甲\"\ncleanup = [{batch = \"a\", result = \"继续有效\"}]\n+++\n")
	f.Add("---\ncleanup:\n  - batch: a\n    result: 修改\n---\n")
	f.Add("+++\n[[cleanup]]\nbatch = \"2026年度清理\"\nresult = \"修改\"\n+++\n")
	f.Fuzz(func(t *testing.T, text string) {
		out, err := review.Decide("regulations/x.md", []byte(text), decision)
		if err != nil {
			return
		}
		if !strings.Contains(string(out), "已被新规定替代") {
			t.Fatalf("结果中没有新结论：%q", out)
		}
	})
}
