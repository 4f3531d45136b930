package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// textWriter accumulates the plain text of nodes. A soft line break between
// two Chinese characters adds nothing, as in the rendered page; elsewhere it
// becomes a space. One buffer serves the whole page: cut ends a part.
type textWriter struct {
	b         []byte
	softBreak bool
}

// cellGap separates the cells of a table row.
var cellGap = []byte(" ")

func (w *textWriter) write(s []byte) {
	if len(s) == 0 {
		return
	}
	if w.softBreak {
		w.softBreak = false
		last, _ := utf8.DecodeLastRune(w.b)
		next, _ := utf8.DecodeRune(s)
		if !(isWide(last) && isWide(next)) {
			w.b = append(w.b, ' ')
		}
	}
	w.b = append(w.b, s...)
}

func (w *textWriter) newline() {
	w.softBreak = false
	if len(w.b) > 0 && w.b[len(w.b)-1] != '\n' {
		w.b = append(w.b, '\n')
	}
}

// text returns the current part's text, trimmed.
func (w *textWriter) text() string {
	return string(bytes.TrimSpace(w.b))
}

// cut returns the current part's text and starts the next part in the same
// buffer.
func (w *textWriter) cut() string {
	t := w.text()
	w.b, w.softBreak = w.b[:0], false
	return t
}

func isWide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// add appends the plain text of n (a block or inline node).
func (w *textWriter) add(n ast.Node, source []byte) {
	switch n := n.(type) {
	case *ast.Text:
		w.write(n.Segment.Value(source))
		if n.HardLineBreak() {
			w.newline()
		} else if n.SoftLineBreak() {
			w.softBreak = true
		}
		return
	case *ast.String:
		w.write(n.Value)
		return
	case *ast.AutoLink:
		w.write(n.Label(source))
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			w.write(bytes.TrimRight(seg.Value(source), "\n"))
			w.newline()
		}
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.add(c, source)
		if c.Type() == ast.TypeBlock {
			w.newline()
		} else if _, cell := c.(*east.TableCell); cell {
			w.write(cellGap)
		}
	}
}

// plainText returns the plain text of n.
func plainText(n ast.Node, source []byte) string {
	var w textWriter
	w.add(n, source)
	return w.text()
}
