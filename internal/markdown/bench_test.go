package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// regulationText makes a regulation of about n bytes: chapters and
// articles, the shape that dominates a knowledge base.
func regulationText(n int) []byte {
	var b strings.Builder
	b.WriteString("# 某某工作条例\n\n")
	for i := 1; b.Len() < n; i++ {
		if i%10 == 1 {
			fmt.Fprintf(&b, "## 第%d章　总则\n\n", i/10+1)
		}
		fmt.Fprintf(&b, "第%d条　党支部应当定期召开支部党员大会，\n组织党员学习党的路线方针政策和决议，见[附件](附件.md#第%d条)。\n\n", i, i)
	}
	return []byte(b.String())
}

type nopResolver struct{}

func (nopResolver) Link(dest string, _ int, _ bool) (string, bool) { return dest, true }

func BenchmarkConvert(b *testing.B) {
	src := regulationText(100 << 10)
	conv := New(Options{})
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := conv.Convert(Input{Source: src, FirstLine: 1, Articles: true, DropTitle: true, Resolver: nopResolver{}, SummaryLength: 120}); err != nil {
			b.Fatal(err)
		}
	}
}
