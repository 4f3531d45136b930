package markdown

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// textWriter accumulates the plain text of nodes. A soft line break between
// two Chinese characters adds nothing, as in the rendered page; elsewhere it
// becomes a space. One buffer holds the whole page's text and cut ends a
// part: the parts are substrings of it, so a page's text is copied once,
// not once more into a string for each part.
type textWriter struct {
	b         strings.Builder // only ever appended to, so substrings stay valid
	start     int             // where the current part starts in b
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
		last, _ := utf8.DecodeLastRuneInString(w.current())
		next, _ := utf8.DecodeRune(s)
		if !(isWide(last) && isWide(next)) {
			w.b.WriteByte(' ')
		}
	}
	w.b.Write(s)
}

func (w *textWriter) newline() {
	w.softBreak = false
	if c := w.current(); len(c) > 0 && c[len(c)-1] != '\n' {
		w.b.WriteByte('\n')
	}
}

// current returns the current part's text so far.
func (w *textWriter) current() string { return w.b.String()[w.start:] }

// text returns the current part's text, trimmed.
func (w *textWriter) text() string { return strings.TrimSpace(w.current()) }

// cut returns the current part's text and starts the next part.
func (w *textWriter) cut() string {
	t := w.text()
	w.start, w.softBreak = w.b.Len(), false
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
