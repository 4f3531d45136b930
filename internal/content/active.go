package content

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"djkb/internal/diag"
	"djkb/internal/rawfile"
)

// A file of content/ is published as it is, and a browser that opens it
// runs the scripts of an HTML page, and of an SVG or XML document too.
// content/ is editors' material, so without unsafe_html such files are
// refused: HTML outright, SVG and XML (a brand's logo is often an SVG) when
// they hold anything that can run a script.

// documentExts are the names of files a browser shows as a web page.
var documentExts = map[string]bool{
	".html": true, ".htm": true, ".shtml": true, ".xhtml": true, ".xht": true,
	".mht": true, ".mhtml": true, ".svgz": true, ".xsl": true, ".xslt": true,
}

// xmlExts are the names of XML documents published once checked.
var xmlExts = map[string]bool{".svg": true, ".xml": true}

// keepInert returns assets without the active documents, reported as errors.
func keepInert(assets []Asset, diags *diag.List) []Asset {
	kept := assets[:0:0]
	for _, a := range assets {
		file := path.Join(Dir, a.Path)
		ext := strings.ToLower(path.Ext(a.Path))
		switch {
		case documentExts[ext]:
			diags.Errorf(file, 0, "出于安全考虑，content/ 中的 %s 文件不会原样发布（在浏览器中打开时，其中的脚本会运行）：如确需发布，请在 site.toml 中设置 unsafe_html = true", ext)
			continue
		case xmlExts[ext]:
			data, err := rawfile.ReadFile(a.Abs)
			if err != nil {
				diags.Errorf(file, 0, "无法读取文件：%v", err)
				continue
			}
			if line, what := activeXML(data); what != "" {
				diags.Errorf(file, line, "%s：出于安全考虑，content/ 中含有脚本的 %s 文件不会发布（在浏览器中打开时脚本会运行）。请删去它，或另存一份不含脚本的文件；如确需原样发布，请在 site.toml 中设置 unsafe_html = true", what, ext)
				continue
			}
		}
		kept = append(kept, a)
	}
	return kept
}

const xhtmlNS = "http://www.w3.org/1999/xhtml"

// activeElements are the elements, in SVG or any other namespace, that run
// scripts or hold an HTML document.
var activeElements = map[string]bool{
	"script": true, "foreignobject": true, "handler": true, "listener": true,
	"iframe": true, "frame": true, "frameset": true, "embed": true, "object": true,
}

// activeURLs are the starts of URLs that run a script or open a document.
var activeURLs = []string{"javascript:", "vbscript:", "data:text/html", "data:image/svg", "data:application/"}

// activeXML returns where (the line) and what is the first thing in an XML
// document that can run a script when a browser opens it, and "" when
// there is none. A document that does not parse counts as active: what a
// browser makes of it cannot be known.
func activeXML(data []byte) (line int, what string) {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return 0, ""
		}
		line, _ = d.InputPos()
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				line = se.Line
			}
			return line, "文件无法按 XML 读取（" + err.Error() + "）"
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if name := strings.ToLower(t.Name.Local); activeElements[name] || t.Name.Space == xhtmlNS {
				return line, fmt.Sprintf("含有 <%s> 元素", t.Name.Local)
			}
			for _, a := range t.Attr {
				if activeAttr(a) {
					return line, fmt.Sprintf("含有 %s 属性", a.Name.Local)
				}
			}
		case xml.ProcInst:
			if t.Target != "xml" {
				return line, "含有 <?" + t.Target + "?> 处理指令"
			}
		case xml.Directive:
			if bytes.ContainsAny(t, "[") {
				return line, "含有实体定义（<!DOCTYPE … [ … ]>）"
			}
		}
	}
}

// activeAttr reports whether an attribute runs a script: an event handler,
// a script URL, or an animation that sets either.
func activeAttr(a xml.Attr) bool {
	name := strings.ToLower(a.Name.Local)
	// Browsers ignore whitespace and control characters inside a scheme.
	value := strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' {
			return -1
		}
		return r
	}, a.Value))
	if strings.HasPrefix(name, "on") {
		return true
	}
	if name == "attributename" && (strings.HasPrefix(value, "on") || strings.HasSuffix(value, "href")) {
		return true
	}
	for _, u := range activeURLs {
		if strings.Contains(value, u) {
			return true
		}
	}
	return false
}
