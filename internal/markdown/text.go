package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// textWriter accumulates the plain text of nodes. A soft line break between
// two Chinese characters adds nothing, as in the rendered page; elsewhere it
// becomes a space.
type textWriter struct {
	b         strings.Builder
	softBreak bool
}

func (w *textWriter) write(s string) {
	if s == "" {
		return
	}
	if w.softBreak {
		w.softBreak = false
		last, _ := utf8.DecodeLastRuneInString(w.b.String())
		next, _ := utf8.DecodeRuneInString(s)
		if !(isWide(last) && isWide(next)) {
			w.b.WriteByte(' ')
		}
	}
	w.b.WriteString(s)
}

func (w *textWriter) newline() {
	w.softBreak = false
	if w.b.Len() > 0 && !strings.HasSuffix(w.b.String(), "\n") {
		w.b.WriteByte('\n')
	}
}

func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// add appends the plain text of n (a block or inline node).
func (w *textWriter) add(n ast.Node, source []byte) {
	switch n := n.(type) {
	case *ast.Text:
		w.write(string(n.Segment.Value(source)))
		if n.HardLineBreak() {
			w.newline()
		} else if n.SoftLineBreak() {
			w.softBreak = true
		}
		return
	case *ast.String:
		w.write(string(n.Value))
		return
	case *ast.AutoLink:
		w.write(string(n.Label(source)))
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			w.write(strings.TrimRight(string(seg.Value(source)), "\n"))
			w.newline()
		}
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.add(c, source)
		if c.Type() == ast.TypeBlock {
			w.newline()
		} else if _, cell := c.(*east.TableCell); cell {
			w.write(" ")
		}
	}
}

// plainText returns the plain text of n.
func plainText(n ast.Node, source []byte) string {
	var w textWriter
	w.add(n, source)
	return strings.TrimSpace(w.b.String())
}
