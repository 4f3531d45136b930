package markdown

import (
	"strings"
	"testing"
	"unsafe"
)

// citer links every 《条例》 and records the lines it was asked about.
type citer struct {
	lines []int
	only  []int // the lines CiteLines gives; nil for every line
}

func (c *citer) Link(dest string, _ int, _ bool) (string, bool) { return dest, true }

// CiteLines: any line may hold a citation, unless only says which.
func (c *citer) CiteLines() []int {
	if c.only != nil {
		return c.only
	}
	lines := make([]int, 100)
	for i := range lines {
		lines[i] = i + 1
	}
	return lines
}

func (c *citer) Cite(text string, line int) []Cite {
	c.lines = append(c.lines, line)
	var out []Cite
	for at := 0; ; {
		i := strings.Index(text[at:], "《条例》")
		if i < 0 {
			return out
		}
		out = append(out, Cite{Start: at + i, End: at + i + len("《条例》"), Dest: "t.md#第一条"})
		at += i + len("《条例》")
	}
}

// Citations become links in text, on the text's line, but never inside a
// link, code or a heading, and the text around them stays as it was; the
// brackets at a link's ends stay outside it.
func TestCitationLinks(t *testing.T) {
	src := "# 依照《条例》\n\n依照《条例》和《条例》，**强调《条例》**。\n第二行《条例》\n\n[《条例》](x.md) `《条例》`\n"
	c := &citer{}
	res, err := New(Options{}).Convert(Input{Source: []byte(src), FirstLine: 5, Resolver: c})
	if err != nil {
		t.Fatal(err)
	}
	// The brackets go outside the link, as for every link (punctuationOut).
	link := `《<a href="t.md#%E7%AC%AC%E4%B8%80%E6%9D%A1" class="cite">条例</a>》`
	want := "<p>依照" + link + "和" + link + "，<strong>强调" + link + "</strong>。第二行" + link + "</p>"
	if !strings.Contains(res.HTML, want) {
		t.Errorf("引用没有按原样变成链接：\n%s\n应含：\n%s", res.HTML, want)
	}
	if strings.Count(res.HTML, `class="cite"`) != 4 {
		t.Errorf("标题、已有链接和代码中的《条例》不应再加链接：\n%s", res.HTML)
	}
	if len(c.lines) == 0 || c.lines[0] != 7 {
		t.Errorf("第一段文字应报在第 7 行，实为 %v", c.lines)
	}
}

// The Citer is asked only about the lines it says hold citations: most
// text nodes of most pages hold none.
func TestCitationLinesOnly(t *testing.T) {
	src := "依照《条例》。\n\n依照《条例》。\n\n依照《条例》。\n"
	c := &citer{only: []int{3}}
	res, err := New(Options{}).Convert(Input{Source: []byte(src), FirstLine: 1, Resolver: c})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.lines) != 1 || c.lines[0] != 3 || strings.Count(res.HTML, `class="cite"`) != 1 {
		t.Errorf("只应就第 3 行询问并加一个链接，询问了 %v：\n%s", c.lines, res.HTML)
	}
	none := &citer{only: []int{}}
	if _, err := New(Options{}).Convert(Input{Source: []byte(src), FirstLine: 1, Resolver: none}); err != nil || len(none.lines) != 0 {
		t.Errorf("没有引用的页面不应询问，询问了 %v", none.lines)
	}
}

// sharer is a Citer and Glosser that checks the text it is given is the
// page's source itself, not a copy of it.
type sharer struct {
	citer
	src    []byte
	copied int
}

func (s *sharer) check(text string) {
	if text == "" {
		return
	}
	start := uintptr(unsafe.Pointer(unsafe.SliceData(s.src)))
	if at := uintptr(unsafe.Pointer(unsafe.StringData(text))); at < start || at >= start+uintptr(len(s.src)) {
		s.copied++
	}
}

func (s *sharer) Cite(text string, line int) []Cite { s.check(text); return s.citer.Cite(text, line) }
func (s *sharer) Terms(text string) []Cite          { s.check(text); return nil }

// TestTextShared: the text nodes that citations and terms are looked for
// in are handed over without a copy each.
func TestTextShared(t *testing.T) {
	src := []byte("依照《条例》和《条例》，**强调《条例》**。\n第二行《条例》\n\n- 列表《条例》\n")
	s := &sharer{src: src}
	if _, err := New(Options{}).Convert(Input{Source: src, FirstLine: 1, Resolver: s}); err != nil {
		t.Fatal(err)
	}
	if s.copied > 0 || len(s.lines) == 0 {
		t.Errorf("%d texts were copies (%d asked)", s.copied, len(s.lines))
	}
}
