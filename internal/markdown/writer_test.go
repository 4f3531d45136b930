package markdown

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark/renderer/html"
)

type bufWriter struct{ bytes.Buffer }

func (*bufWriter) Available() int { return 0 }
func (*bufWriter) Buffered() int  { return 0 }
func (*bufWriter) Flush() error   { return nil }

// FuzzFastWriter checks that fastWriter writes what goldmark's own writer
// (with escaped spaces, as the CJK extension sets it) writes, for text
// with and without the bytes it escapes, resolves or unescapes.
func FuzzFastWriter(f *testing.F) {
	for _, s := range []string{"第一条　为了规范谈话，制定本办法。", "a &amp; b &#x4e2d; &#20013; &bogus; <b>\"'", `\*不是强调\* \ 空格 \\`, "\x00NUL", "&", "\\", ""} {
		f.Add([]byte(s))
	}
	ref := html.NewWriter(html.WithEscapedSpace())
	fast := newFastWriter()
	f.Fuzz(func(t *testing.T, src []byte) {
		var want, got bufWriter
		ref.Write(&want, src)
		fast.Write(&got, src)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("Write(%q) = %q, goldmark: %q", src, got.Bytes(), want.Bytes())
		}
		want.Reset()
		got.Reset()
		ref.RawWrite(&want, src)
		fast.RawWrite(&got, src)
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("RawWrite(%q) = %q, goldmark: %q", src, got.Bytes(), want.Bytes())
		}
	})
}
