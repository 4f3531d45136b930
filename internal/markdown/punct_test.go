package markdown

import (
	"strings"
	"testing"
)

// TestLinkPunctuationOutside checks that full-width brackets, quotation
// marks and stops at the ends of a link's text are set outside the link,
// where its underline cannot overhang their blank halves.
func TestLinkPunctuationOutside(t *testing.T) {
	conv := New(Options{})
	tests := []struct{ src, want string }{
		{"见[《条例》](a.md)。", `见《<a href="resolved:a.md">条例</a>》。`},
		{"见[“三会一课”，](a.md)", `见“<a href="resolved:a.md">三会一课</a>”，`},
		{"见[条例](a.md)", `见<a href="resolved:a.md">条例</a>`},
		{"见[《》](a.md)", `见<a href="resolved:a.md">《》</a>`},
		{"见[《条例**全文**》](a.md)", `见《<a href="resolved:a.md">条例<strong>全文</strong></a>》`},
		{"见[「甲」\n乙](a.md)", `见「<a href="resolved:a.md">甲」乙</a>`},
		{"见[**《条例》**](a.md)", `见<a href="resolved:a.md"><strong>《条例》</strong></a>`},
		{"见[（**一**）](a.md)", `见（<a href="resolved:a.md"><strong>一</strong></a>）`},
	}
	for _, tt := range tests {
		for _, r := range []Resolver{linkEcho{}, nil} {
			res, err := conv.Convert(Input{Source: []byte(tt.src), FirstLine: 1, Resolver: r})
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if r == nil {
				want = strings.ReplaceAll(want, "resolved:", "")
			}
			got := strings.TrimSuffix(strings.TrimPrefix(res.HTML, "<p>"), "</p>\n")
			if got != want {
				t.Errorf("%q (resolver %v):\n got %s\nwant %s", tt.src, r != nil, got, want)
			}
		}
	}
}
