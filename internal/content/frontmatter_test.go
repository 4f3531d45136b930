package content

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"djkb/internal/diag"
)

func nest(open, inner, close string, n int) string {
	return strings.Repeat(open, n) + inner + strings.Repeat(close, n)
}

// TestFrontMatterLimits checks that front matter nested too deep or too
// long is refused on the line where it happens, before the parser sees it,
// and that brackets in strings, comments and block scalars are only text.
func TestFrontMatterLimits(t *testing.T) {
	const deep = 10_000
	aliases := "a0: &a0 [x]\n"
	for i := 1; i <= 40; i++ {
		aliases += fmt.Sprintf("a%d: &a%d [*a%d]\n", i, i, i-1)
	}
	tests := []struct {
		name, text string
		line       int // 0: accepted
		want       string
	}{
		{"toml-inline-tables", "+++\ntitle = \"甲\"\nx = " + nest("{a=", "1", "}", deep) + "\n+++\n", 3, "嵌套太深"},
		{"toml-arrays", "+++\nx = " + nest("[", "1", "]", deep) + "\n+++\n", 2, "嵌套太深"},
		{"toml-multiline-array", "+++\nx = [\n" + nest("[\n", "1", "]\n", 40) + "]\n+++\n", 34, "嵌套太深"},
		{"toml-dotted-key", "+++\n" + strings.Repeat("a.", deep) + "b = 1\n+++\n", 2, "嵌套太深"},
		{"toml-dotted-in-inline", "+++\nx = {" + strings.Repeat("a.", 40) + "b = 1}\n+++\n", 2, "嵌套太深"},
		{"toml-header", "+++\ntitle = \"甲\"\n\n[" + strings.Repeat("a.", deep) + "b]\nx = 1\n+++\n", 4, "嵌套太深"},
		{"toml-header-then-key", "+++\n[" + strings.Repeat("a.", 20) + "b]\n" + strings.Repeat("c.", 20) + "d = 1\n+++\n", 3, "嵌套太深"},
		{"toml-depth-at-limit", "+++\nx = " + nest("[", "1", "]", maxFrontMatterDepth) + "\n+++\n", 0, ""},
		{"toml-depth-over-limit", "+++\nx = " + nest("[", "1", "]", maxFrontMatterDepth+1) + "\n+++\n", 2, "超过 32 层"},
		{"toml-brackets-in-strings", "+++\ntitle = \"【[[[重要]]]】\"\nsummary = '" + nest("{", "", "", 100) + "'\n" +
			"description = \"\"\"\n" + nest("[", "", "", 100) + "\\\"\"\"\n\"\"\"\"\nnote = '''\n" + nest("{[", "", "", 100) + "\n'''''\n" +
			"\"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.a.b.c.d.e.f.g\" = 1 # " + nest("[", "", "", 100) + "\n+++\n", 0, ""},
		{"toml-escaped-quote", "+++\ntitle = \"a\\\"" + nest("[", "", "", 100) + "\"\n+++\n", 0, ""},
		{"yaml-flow-sequences", "---\ntitle: 甲\nx: " + nest("[", "1", "]", deep) + "\n---\n", 3, "嵌套太深"},
		{"yaml-flow-mappings", "---\nx: " + nest("{a: ", "1", "}", deep) + "\n---\n", 2, "嵌套太深"},
		{"yaml-block-sequences", "---\nx:\n" + strings.Repeat("- ", deep) + "1\n---\n", 3, "嵌套太深"},
		{"yaml-indent", "---\nx:\n" + func() string {
			var b strings.Builder
			for i := 1; i <= 40; i++ {
				b.WriteString(strings.Repeat(" ", i) + "a:\n")
			}
			return b.String()
		}() + "---\n", 35, "嵌套太深"},
		{"yaml-alias-chain", "---\n" + aliases + "---\n", 34, "嵌套太深"},
		{"yaml-merge-at-limit", "---\nbase: &b {k: " + nest("[", "1", "]", maxFrontMatterDepth-1) + "}\nx:\n  <<: *b\n---\n", 0, ""},
		{"yaml-brackets-in-strings", "---\ntitle: 【[[[重要]]]】\nsummary: \"" + nest("[", "", "", 100) + "\"\nnote: '" + nest("{", "", "", 100) + "'\n" +
			"description: |\n  " + nest("[", "", "", 100) + "\n  " + nest("{a: ", "", "", 100) + "\n---\n", 0, ""},
		{"yaml-billion-laughs", "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\n", 0, "YAML"},
		{"too-long", "+++\ntitle = \"甲\"\nsummary = \"" + strings.Repeat("长", maxFrontMatterSize/3) + "\"\n+++\n", 1, "太长"},
		{"yaml-too-long", "---\n" + strings.Repeat("# 注释\n", maxFrontMatterSize/8) + "---\n", 1, "如果第一行的 --- 并不是元数据的开头"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, diags := parse(t, "pages/a.md", tt.text)
			if tt.line == 0 && tt.want == "" {
				if src == nil || len(diags) > 0 {
					t.Fatalf("refused: %v", diags)
				}
				return
			}
			if len(diags) != 1 {
				t.Fatalf("want one error, got %v", diags)
			}
			d := diags[0]
			if d.Severity != diag.Error || (tt.line > 0 && d.Line != tt.line) || !strings.Contains(d.Message, tt.want) || d.Path != "content/pages/a.md" {
				t.Errorf("got %.300s, want line %d containing %q", d, tt.line, tt.want)
			}
		})
	}
}

// valueDepth is how deep v nests: 0 for a scalar, one more than its deepest
// element for a table or list.
func valueDepth(v any) int {
	h := 0
	switch x := v.(type) {
	case map[string]any:
		for _, c := range x {
			h = max(h, valueDepth(c))
		}
	case map[any]any:
		for _, c := range x {
			h = max(h, valueDepth(c))
		}
	case []any:
		for _, c := range x {
			h = max(h, valueDepth(c))
		}
	case []map[string]any:
		for _, c := range x {
			h = max(h, valueDepth(c))
		}
	default:
		return 0
	}
	return h + 1
}

// FuzzNestingCheck checks the depth checks against the parsers with a small
// bound: whatever a parser decodes to values within the bound is never
// refused, and the checks never panic.
func FuzzNestingCheck(f *testing.F) {
	for _, seed := range []string{
		"x = [[1], {a = [2]}]", "a.b.c = 1\n[d.e]\nf.g = [{h.i = 1}]", "[[a.b]]\nc = 1\n[a.b.d]\ne = 2",
		"x = \"\"\"\n[[[\\\"\"\"\"\"\ny = '''{{'''''", "x = 1.5\ny = 1979-05-27T07:32:00Z\n\"a.b\" = {c = [1, 2.5]}",
		"x = [ # [[[\n 1,\n]", "a = {b = {c = 1}, d.e = 2}", "1.2.3 = 4",
		"x: [[1], {a: [2]}]", "a:\n  b:\n    - c: 1\n      d: [e]", "a: &x {b: [1]}\nc: *x\nd:\n  <<: *x\n",
		"t: '[['\nu: \"{{\\\"\"\nv: |\n  [[[\nw: >\n  {{{", "- [a, {b: c}]", "? [a]\n: b",
	} {
		f.Add(seed)
	}
	const bound = 2
	f.Fuzz(func(t *testing.T, block string) {
		if line := tomlTooDeep([]byte(block), bound); line > 0 {
			var v map[string]any
			if _, err := toml.Decode(block, &v); err == nil && valueDepth(v)-1 <= bound {
				t.Fatalf("TOML refused on line %d, but decodes to depth %d: %q", line, valueDepth(v)-1, block)
			}
		}
		var doc yaml.Node
		if yaml.Unmarshal([]byte(block), &doc) != nil {
			return
		}
		if line := yamlTooDeep(&doc, bound); line > 0 {
			var v any
			if err := doc.Decode(&v); err == nil && valueDepth(v)-1 <= bound {
				t.Fatalf("YAML refused on line %d, but decodes to depth %d: %q", line, valueDepth(v)-1, block)
			}
		}
	})
}
