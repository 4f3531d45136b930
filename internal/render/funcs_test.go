package render

import (
	"html/template"
	"strings"
	"testing"

	"djkb/internal/markdown"
)

// TestTOCListMatchesTemplate checks that tocList writes what the range in a
// layout wrote before it, escaping included, for headings that need it.
func TestTOCListMatchesTemplate(t *testing.T) {
	headings := []markdown.Heading{
		{Level: 2, ID: "第一章-总则", Text: "第一章　总则"},
		{Level: 3, ID: `a"b'c<d>&e`, Text: `引号"与'尖括号<b>&符号`},
		{Level: 4, ID: "第一百零一条之一", Text: "第一百零一条之一"},
		{Level: 2, ID: "space id/%?#", Text: "<script>alert(1)</script>"},
	}
	ranged := template.Must(template.New("toc").Funcs(Funcs()).Parse(
		`<ol>{{range .}}<li class="toc-level-{{.Level}}"><a href="{{anchor .ID}}">{{.Text}}</a></li>{{end}}</ol>`))
	var want strings.Builder
	if err := ranged.Execute(&want, headings); err != nil {
		t.Fatal(err)
	}
	if got := string(tocList(headings)); got != want.String() {
		t.Errorf("tocList:\n got %s\nwant %s", got, want.String())
	}
	if got := string(tocList(nil)); got != "<ol></ol>" {
		t.Errorf("tocList(nil) = %q", got)
	}
}
