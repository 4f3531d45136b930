package review

import (
	"testing"
	"unsafe"

	"djkb/internal/content"
	"djkb/internal/diag"
	"djkb/internal/markdown"
	"djkb/internal/site"
)

// TestCitationsDoNotHoldText checks that the remembered citations are
// copies: a substring of a part's text would keep the page's whole text
// alive for as long as the page, long after the index has let it go.
func TestCitationsDoNotHoldText(t *testing.T) {
	text := "依照《甲规定》和《乙办法》制定本办法。"
	p := &site.Page{Src: content.Parse("regulations/a.md", []byte(text), &diag.List{})}
	p.SetContent(&markdown.Result{Parts: []markdown.Part{{Text: text}}}, nil, 0)
	start := uintptr(unsafe.Pointer(unsafe.StringData(text)))
	end := start + uintptr(len(text))
	got := citationsOf(p)
	if len(got) != 2 {
		t.Fatalf("找到 %d 处引用，应为 2", len(got))
	}
	for _, c := range got {
		if at := uintptr(unsafe.Pointer(unsafe.StringData(c.title))); at >= start && at < end {
			t.Errorf("引用“%s”与正文共用内存", c.title)
		}
	}
}
