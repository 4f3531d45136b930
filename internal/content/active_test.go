package content

import (
	"os"
	"path/filepath"
	"testing"
)

// TestActiveXML checks the scan that decides whether an SVG or XML file of
// content/ may be published without unsafe_html.
func TestActiveXML(t *testing.T) {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">`
	tests := []struct {
		name, doc string
		active    bool
	}{
		{"plain", `<?xml version="1.0" encoding="UTF-8"?>` + "\n" + `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">` + svg + `<!-- 徽标 --><style>.a{fill:red}</style><a href="#x"><circle class="a" r="4"/></a><text>党建</text></svg>`, false},
		{"link", svg + `<a href="https://example.com/"><text>外链</text></a></svg>`, false},
		{"script", svg + "\n<script>alert(1)</script></svg>", true},
		{"SCRIPT", svg + `<SCRIPT>alert(1)</SCRIPT></svg>`, true},
		{"cdata script", svg + `<script><![CDATA[alert(1)]]></script></svg>`, true},
		{"onload", `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`, true},
		{"OnClick", svg + `<rect OnClick="alert(1)"/></svg>`, true},
		{"javascript href", svg + `<a href="javascript:alert(1)"><text>x</text></a></svg>`, true},
		{"xlink entity-encoded", svg + `<a xlink:href="&#106;ava&#x09;script:alert(1)"><text>x</text></a></svg>`, true},
		{"animate to script", svg + `<a><set attributeName="href" to="x"/><text>x</text></a></svg>`, true},
		{"animate values", svg + `<a><animate attributeName="x" values="javascript:alert(1)"/></a></svg>`, true},
		{"foreignObject", svg + `<foreignObject><div>x</div></foreignObject></svg>`, true},
		{"xhtml namespace", `<root><h:img xmlns:h="http://www.w3.org/1999/xhtml" src="x"/></root>`, true},
		{"xhtml default namespace", `<html xmlns="http://www.w3.org/1999/xhtml"><body>x</body></html>`, true},
		{"stylesheet", `<?xml-stylesheet type="text/xsl" href="x.xsl"?><root/>`, true},
		{"entity", `<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>` + svg + `&x;</svg>`, true},
		{"undefined entity", svg + `&x;</svg>`, true},
		{"broken", svg + `<g>`, true},
		{"data svg", svg + `<image href="data:image/svg+xml;base64,AAAA"/></svg>`, true},
		{"data png", svg + `<image href="data:image/png;base64,AAAA"/></svg>`, false},
		{"plain xml", `<?xml version="1.0"?><list><item>条例</item></list>`, false},
	}
	for _, tt := range tests {
		line, what := activeXML([]byte(tt.doc))
		if (what != "") != tt.active {
			t.Errorf("%s: got %q (line %d), want active=%v", tt.name, what, line, tt.active)
		}
	}
	if line, _ := activeXML([]byte(svg + "\n\n<script>x</script></svg>")); line != 3 {
		t.Errorf("script on line 3 reported on line %d", line)
	}
}

// TestSampleLogosAreInert keeps the sample site's SVG logos publishable.
func TestSampleLogosAreInert(t *testing.T) {
	logos, _ := filepath.Glob("../../content/brands/*.svg")
	if len(logos) == 0 {
		t.Fatal("no sample logos found")
	}
	for _, p := range logos {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, what := activeXML(data); what != "" {
			t.Errorf("%s: %s", filepath.Base(p), what)
		}
	}
}
