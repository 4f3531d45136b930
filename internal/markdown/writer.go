package markdown

import (
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// fastWriter writes text and attribute values for goldmark's renderers as
// its own writer does (with the CJK extension's escaped spaces), but
// copies a segment as it is when it holds none of the bytes that writer
// escapes, resolves or unescapes: nearly every segment of Chinese text.
// goldmark's writer looks at each byte twice and writes between the
// bytes it changes; this one looks once.
type fastWriter struct{ html.Writer }

func newFastWriter() fastWriter { return fastWriter{html.NewWriter(html.WithEscapedSpace())} }

// special marks the bytes goldmark's Write treats otherwise than copying:
// NUL, the HTML escapes, entity and character references, backslashes.
var special = func() (t [256]bool) {
	for _, c := range []byte("\x00\"&<>\\") {
		t[c] = true
	}
	return t
}()

func plain(s []byte) bool {
	for _, c := range s {
		if special[c] {
			return false
		}
	}
	return true
}

func (w fastWriter) Write(out util.BufWriter, source []byte) {
	if plain(source) {
		_, _ = out.Write(source)
		return
	}
	w.Writer.Write(out, source)
}

func (w fastWriter) RawWrite(out util.BufWriter, source []byte) {
	if plain(source) {
		_, _ = out.Write(source)
		return
	}
	w.Writer.RawWrite(out, source)
}
