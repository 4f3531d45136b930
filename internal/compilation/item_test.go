package compilation

import "testing"

func TestShiftHeadings(t *testing.T) {
	for in, want := range map[string]string{
		"":                                  "",
		"<p>第一条</p>":                        "<p>第一条</p>",
		`<h1 id="x">总则</h1><h2>一</h2>`:      `<h4 id="x">总则</h4><h4>一</h4>`,
		"<h3>a</h3><h4>b</h4><h6>c</h6>":    "<h5>a</h5><h6>b</h6><h6>c</h6>",
		"<hr><header><h7>x</h7><p>h1</p>a<": "<hr><header><h7>x</h7><p>h1</p>a<",
		"<p>&lt;h1&gt;</p><h2\n>":           "<p>&lt;h1&gt;</p><h2\n>",
		"<h2 class=\"a\">x</h2><</h1":       "<h4 class=\"a\">x</h4><</h1",
	} {
		if got := string(shiftHeadings([]byte(in))); got != want {
			t.Errorf("shiftHeadings(%q) = %q, want %q", in, got, want)
		}
	}
}
