package markdown

import (
	"bytes"
	"testing"
)

// FuzzLineAt checks lineAt against counting the line breaks before the
// offset, at every offset of the source.
func FuzzLineAt(f *testing.F) {
	for _, s := range []string{"", "\n", "一\n二\n\n三", "no break", "\n\n\n"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, src string, first int) {
		p := &page{src: []byte(src), in: Input{FirstLine: first}}
		for off := range len(src) + 1 {
			want := first + bytes.Count([]byte(src[:off]), []byte{'\n'})
			if got := p.lineAt(off); got != want {
				t.Fatalf("lineAt(%d) of %q = %d, want %d", off, src, got, want)
			}
		}
		if got := p.lineAt(-1); got != first {
			t.Errorf("lineAt(-1) = %d, want %d", got, first)
		}
	})
}
