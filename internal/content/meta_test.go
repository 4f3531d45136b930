package content

import (
	"strings"
	"testing"

	"djkb/internal/diag"
)

// TestTextFieldTypes checks that a text field given anything but quoted
// text is an error on its line that says how to write it, in TOML and YAML.
func TestTextFieldTypes(t *testing.T) {
	tests := []struct {
		name, rel, text string
		line            int
		want            string
	}{
		{"toml-int", "regulations/a.md", "+++\ntitle = 123\n+++\n", 2, `“title”应为文字，请加上引号：title = "123"`},
		{"toml-float", "regulations/a.md", "+++\ntitle = \"甲\"\ndoc_number = 1.5\n+++\n", 3, `doc_number = "1.5"`},
		{"toml-bool", "cases/a.md", "+++\nunit = true\n+++\n", 2, `unit = "true"`},
		{"toml-date", "regulations/a.md", "+++\nsummary = 2019-07-25\n+++\n", 2, `summary = "2019-07-25"`},
		{"toml-datetime", "regulations/a.md", "+++\nsummary = 2019-07-25T08:30:00\n+++\n", 2, `summary = "2019-07-25 08:30:00"`},
		{"toml-array", "regulations/a.md", "+++\ntitle = [\"甲\", \"乙\"]\n+++\n", 2, `不能是列表：请写成 title = "……"`},
		{"toml-table", "regulations/a.md", "+++\ntitle = {a = \"甲\"}\n+++\n", 2, `不能是表格`},
		{"toml-table-header", "regulations/a.md", "+++\n[title]\na = 1\n+++\n", 2, `不能是表格`},
		{"toml-enum", "regulations/a.md", "+++\nstatus = 1\n+++\n", 2, `status = "1"`},
		{"toml-nested", "regulations/a.md", "+++\nhistory = [{date = 2019-01-01, event = 2019}]\n+++\n", 2, `“history[1].event”应为文字，请加上引号：event = "2019"`},
		{"toml-list-item", "regulations/a.md", "+++\ntags = [\"甲\", 2]\n+++\n", 2, `“tags”的每一项都应为文字，请给 2 加上引号："2"`},
		{"toml-list-item-table", "regulations/a.md", "+++\ntags = [{a = 1}]\n+++\n", 2, `不能是表格`},
		{"toml-list-number", "regulations/a.md", "+++\nissuer = 3\n+++\n", 2, `issuer = "3"`},
		{"yaml-int", "regulations/a.md", "---\ntitle: 1949\n---\n", 2, `title: "1949"`},
		{"yaml-float", "brands/a.md", "---\nslogan: 1.5e3\n---\n", 2, `slogan: "1500"`},
		{"yaml-bool", "brands/a.md", "---\nmeaning: false\n---\n", 2, `meaning: "false"`},
		{"yaml-date", "regulations/a.md", "---\ntitle: 2019-07-25\n---\n", 2, `title: "2019-07-25"`},
		{"yaml-list", "regulations/a.md", "---\ndescription:\n  - 甲\n---\n", 2, `不能是列表：请写成 description: "……"`},
		{"yaml-map", "regulations/a.md", "---\ndescription:\n  a: 甲\n---\n", 2, `不能是表格`},
		{"yaml-list-item", "cases/a.md", "---\nregulations: [甲, 12]\n---\n", 2, `请给 12 加上引号："12"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := parse(t, tt.rel, tt.text)
			if len(diags) != 1 {
				t.Fatalf("want one error, got %v", diags)
			}
			d := diags[0]
			if d.Severity != diag.Error || d.Line != tt.line || !strings.Contains(d.Message, tt.want) {
				t.Errorf("got %s, want line %d containing %q", d, tt.line, tt.want)
			}
		})
	}
}

// TestTextFieldsAccepted checks that quoted text, however it looks, stays text.
func TestTextFieldsAccepted(t *testing.T) {
	for _, text := range []string{
		"+++\ntitle = \"123\"\ndoc_number = \"2019\"\ntags = [\"1\", \"true\"]\n+++\n",
		"---\ntitle: \"1949\"\nsummary: '2019-07-25'\ntags: [\"1\", 'true', 甲]\n---\n",
		"---\ntitle: yes\n---\n", // YAML 1.2: yes is text
	} {
		src, diags := parse(t, "regulations/a.md", text)
		if src == nil || len(diags) > 0 {
			t.Errorf("%q: %v", text, diags)
		}
	}
}
