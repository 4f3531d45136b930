package markdown

import (
	stdhtml "html"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// articleAnchor is a paragraph that starts an article and the id it gets.
type articleAnchor struct {
	node *ast.Paragraph
	id   string
}

// paragraphRenderer renders paragraphs as goldmark does, except that a
// paragraph starting an article gets its anchor: <p id="第十二条"
// class="article">. The anchors wait in the page's htmlWriter, in document
// order, rather than on the nodes as attributes, which cost three
// allocations per article: a regulation has hundreds of articles.
type paragraphRenderer struct{}

func (paragraphRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindParagraph, func(w util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			w.WriteString("</p>\n")
			return ast.WalkContinue, nil
		}
		if hw, ok := w.(*htmlWriter); ok && len(hw.articles) > 0 && hw.articles[0].node == n {
			w.WriteString(`<p id="`)
			w.WriteString(stdhtml.EscapeString(hw.articles[0].id))
			w.WriteString(`" class="article">`)
			hw.articles = hw.articles[1:]
			return ast.WalkContinue, nil
		}
		if n.Attributes() != nil {
			w.WriteString("<p")
			html.RenderAttributes(w, n, html.ParagraphAttributeFilter)
			w.WriteByte('>')
		} else {
			w.WriteString("<p>")
		}
		return ast.WalkContinue, nil
	})
}
