package content

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"djkb/internal/diag"
)

func parse(t *testing.T, rel, text string) (*Source, []diag.Diagnostic) {
	t.Helper()
	var diags diag.List
	src := Parse(rel, []byte(text), &diags)
	return src, diags.Items()
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestParseFrontMatterVariants(t *testing.T) {
	tests := []struct {
		name, rel, text string
		title           string
		date            time.Time
		bodyLine        int
		fromBody        bool
	}{
		{"toml", "regulations/a.md", "+++\ntitle = \"甲条例\"\nissued = 2019-07-25\n+++\n正文\n", "甲条例", date(2019, 7, 25), 5, false},
		{"yaml", "regulations/a.md", "---\ntitle: 乙规定\ntags: [三会一课]\n---\n正文\n", "乙规定", time.Time{}, 5, false},
		{"yaml-untitled", "regulations/a.md", "---\nsidebar: auto\n---\n\n# 中华人民共和国某法\n\n第一条　…\n", "中华人民共和国某法", time.Time{}, 4, true},
		{"plain-heading", "regulations/x/丙办法.md", "# 丙办法（试行）\n\n第一条　…\n", "丙办法（试行）", time.Time{}, 1, true},
		{"plain-filename-date", "regulations/丁规定(2019-07-25).md", "第一条　没有标题。\n", "丁规定", date(2019, 7, 25), 1, false},
		{"fullwidth-parens-date", "regulations/戊规定（2020-1-5）.md", "正文\n", "戊规定", date(2020, 1, 5), 1, false},
		{"heading-in-code-ignored", "cases/a.md", "```\n# 不是标题\n```\n# 真标题\n", "真标题", time.Time{}, 1, true},
		{"empty-file", "brands/空.md", "", "空", time.Time{}, 1, false},
		{"crlf", "regulations/b.md", "+++\r\ntitle = \"己\"\r\n+++\r\n正文\r\n", "己", time.Time{}, 4, false},
		{"bom", "regulations/c.md", "\uFEFF+++\ntitle = \"庚\"\n+++\n", "庚", time.Time{}, 4, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, diags := parse(t, tt.rel, tt.text)
			if src == nil || len(diags) > 0 {
				t.Fatalf("Parse failed: %v", diags)
			}
			if src.Meta.Title != tt.title || !src.Meta.Date.Equal(tt.date) && src.Meta.Regulation == nil {
				t.Errorf("title %q date %v, want %q %v", src.Meta.Title, src.Meta.Date, tt.title, tt.date)
			}
			if src.BodyLine != tt.bodyLine || src.TitleFromBody != tt.fromBody {
				t.Errorf("bodyLine %d fromBody %v, want %d %v", src.BodyLine, src.TitleFromBody, tt.bodyLine, tt.fromBody)
			}
			if strings.Contains(string(src.Body()), "\r") {
				t.Error("body still holds CR")
			}
		})
	}
}

func TestUnknownKeysKept(t *testing.T) {
	src, diags := parse(t, "regulations/a.md", "+++\ntitle = \"甲\"\nsidebar = \"auto\"\n[extra]\nx = 1\n+++\n")
	if src == nil || len(diags) > 0 {
		t.Fatalf("unknown keys must not fail: %v", diags)
	}
	if src.Meta.Params["sidebar"] != "auto" {
		t.Errorf("unknown key lost: %v", src.Meta.Params)
	}
}

// TestFrontMatterErrors checks that each kind of bad front matter is an
// error on the right line, in words that say what to fix.
func TestFrontMatterErrors(t *testing.T) {
	tests := []struct {
		name, rel, text string
		line            int
		want            string
	}{
		{"unterminated", "regulations/a.md", "+++\ntitle = \"甲\"\n正文\n", 1, "没有结束行"},
		{"bad-toml", "regulations/a.md", "+++\ntitle = \"甲\"\nstatus = 现行有效\n+++\n", 3, "TOML"},
		{"bad-yaml", "regulations/a.md", "---\ntitle: 甲\n  bad: [\n---\n", 3, "YAML"},
		{"wrong-type", "regulations/a.md", "+++\ntitle = \"甲\"\nissuer = 3\n+++\n", 3, "issuer"},
		{"unknown-enum", "regulations/a.md", "+++\ntitle = \"甲\"\n\nstatus = \"现行\"\n+++\n", 4, "现行有效、已修改"},
		{"impossible-date-string", "regulations/a.md", "+++\nissued = \"2019-02-30\"\n+++\n", 2, "不存在"},
		{"impossible-date-toml", "regulations/a.md", "+++\nissued = 2019-02-30\n+++\n", 2, "TOML"},
		{"case-year-type", "cases/a.md", "+++\nyear = \"去年\"\n+++\n", 2, "整数"},
		{"case-area-enum", "cases/a.md", "+++\narea = [\"政治\", \"经济\"]\n+++\n", 2, "经济"},
		{"nested-table", "regulations/a.md", "+++\ncleanup = [{batch = \"2024\", result = \"保留\"}]\n+++\n", 2, "cleanup[1].result"},
		{"draft-type", "regulations/a.md", "+++\ndraft = \"yes\"\n+++\n", 2, "true 或 false"},
		{"slug-slash", "regulations/a.md", "+++\nslug = \"a/b\"\n+++\n", 2, "slug"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := parse(t, tt.rel, tt.text)
			if len(diags) != 1 {
				t.Fatalf("want 1 diagnostic, got %v", diags)
			}
			d := diags[0]
			if d.Severity != diag.Error || d.Line != tt.line || !strings.Contains(d.Message, tt.want) || d.Path != "content/"+tt.rel {
				t.Errorf("got %s, want line %d containing %q", d, tt.line, tt.want)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("+++\ntitle = \"党支部工作条例\"\n+++\n第一条　党支部是党的基础组织。\n")
	src, diags := parse(t, "regulations/gbk.md", gbk)
	if src == nil || src.Meta.Title != "党支部工作条例" {
		t.Fatalf("GBK file not decoded: %v", diags)
	}
	if len(diags) != 1 || diags[0].Severity != diag.Warning || !strings.Contains(diags[0].Message, "GBK") {
		t.Errorf("want one warning naming GBK, got %v", diags)
	}

	for name, text := range map[string]string{
		"nul":     "第一行\n第二\x00行\n",
		"invalid": "第一行\n\xff\xfe\xfd\xfc\x80\x81 not text\n",
	} {
		src, diags := parse(t, "regulations/"+name+".md", text)
		if src != nil || len(diags) != 1 || diags[0].Line != 2 {
			t.Errorf("%s: want one error on line 2, got %v", name, diags)
		}
	}

	utf16le := "\xff\xfe" + "#\x00 \x00A\x00" // "# A" with a little-endian BOM
	if src, _ := parse(t, "regulations/u16.md", utf16le); src == nil || src.Meta.Title != "A" {
		t.Errorf("UTF-16 file not decoded")
	}
}

func TestLineEndings(t *testing.T) {
	got := string(normalizeNewlines([]byte("a\r\nb\rc\n\r\n")))
	if got != "a\nb\nc\n\n" {
		t.Errorf("normalizeNewlines = %q", got)
	}
}

func TestParseDate(t *testing.T) {
	for in, ok := range map[string]bool{
		"2019-07-25": true, "2019/7/5": true, "2019.07.25": true, "2019年7月25日": true,
		"2019-02-29": false, "2020-02-29": true, "2019-13-01": false, "七月": false, "": false,
	} {
		if _, got := ParseDate(in); got != ok {
			t.Errorf("ParseDate(%q) ok = %v, want %v", in, got, ok)
		}
	}
}

func FuzzSplitFrontMatter(f *testing.F) {
	for _, seed := range []string{"+++\ntitle = \"a\"\n+++\nbody", "---\na: b\n...\n", "+++", "---\n---", "# 标题\n", "+++ \n+++\t\n"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fm, block, body, line, err := SplitFrontMatter([]byte(text))
		if err != nil {
			return
		}
		if fm.Format == "" {
			if string(body) != text || line != 1 {
				t.Fatalf("no front matter but body changed")
			}
			return
		}
		// The block and the body are both taken from the text, in order.
		if len(block)+len(body) > len(text) || !strings.HasSuffix(text, string(body)) || !strings.Contains(text, string(block)) {
			t.Fatalf("split lost or invented text")
		}
		if line < 3 {
			t.Fatalf("body line %d too small", line)
		}
		_, _ = ParseFrontMatter(fm.Format, block) // must not panic
	})
}
