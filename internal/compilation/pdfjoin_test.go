package compilation

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// tinyPDF writes a PDF shaped like a part printed by Chromium: a nested
// page tree whose pages hold their resources, a link, and the named
// destinations in the catalog's /Dests, their names escaped (Chromium
// names them after the links' targets, %-escaped). dests maps a name to
// its page (counting from 1).
func tinyPDF(t *testing.T, pages int, dests map[string]int) *model.Context {
	t.Helper()
	// Objects: 1 catalog, 2 page tree root, 3 page tree below it, 4 /Dests,
	// 5 content, 6 font, then the pages. The first page hangs from the
	// root, the others from 3, as Skia nests long documents.
	page := func(i int) int { return 7 + i }
	objs := []string{
		"<</Type /Catalog /Pages 2 0 R /Dests 4 0 R>>",
		fmt.Sprintf("<</Type /Pages /Count %d /Kids [%d 0 R 3 0 R]>>", pages, page(0)),
		"", "",
		"<</Length 9>> stream\n0 0 m S\nQ\nendstream",
		"<</Type /Font /Subtype /Type1 /BaseFont /Times-Roman>>",
	}
	var kids []string
	for i := 1; i < pages; i++ {
		kids = append(kids, fmt.Sprintf("%d 0 R", page(i)))
	}
	objs[2] = fmt.Sprintf("<</Type /Pages /Parent 2 0 R /Count %d /Kids [%s]>>", pages-1, strings.Join(kids, " "))
	var d strings.Builder
	for _, name := range slices.Sorted(maps.Keys(dests)) {
		fmt.Fprintf(&d, "/%s [%d 0 R /XYZ 0 800 0]\n", types.EncodeName(name), page(dests[name]-1))
	}
	objs[3] = "<<" + d.String() + ">>"
	for i := range pages {
		parent, res := 3, "<</ProcSet [/PDF]>>" // a page without fonts
		if i == 0 {
			parent, res = 2, "<</Font <</F1 6 0 R>>>>"
		}
		contents := "5 0 R"
		if i%2 == 1 {
			contents = "[5 0 R]"
		}
		objs = append(objs, fmt.Sprintf("<</Type /Page /Parent %d 0 R /MediaBox [0 0 594.96 841.92] /Resources %s /Contents %s /Annots [<</Type /Annot /Subtype /Link /Rect [0 0 10 10] /Dest /toc>>]>>", parent, res, contents))
	}

	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	doc, err := readPDF(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestPDFConfigLeavesHomeAlone: pdfcpu would write its configuration
// folder in the editor's home (and exit djkb when it cannot).
func TestPDFConfigLeavesHomeAlone(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", home)
	tinyPDF(t, 1, map[string]int{"toc": 1})
	if files, _ := os.ReadDir(home); len(files) > 0 {
		t.Errorf("读取 PDF 时在主文件夹中写了 %s", files[0].Name())
	}
}

func TestDestinations(t *testing.T) {
	want := map[string]int{"d1": 1, "d1-%E7%AC%AC": 3, "d2-第 (1)": 2}
	got, err := destinations(tinyPDF(t, 3, want))
	if err != nil || !maps.Equal(got, want) {
		t.Errorf("destinations = %v, %v；应为 %v", got, err, want)
	}
	if _, err := readPDF([]byte("not a pdf")); err == nil || !strings.Contains(err.Error(), "无法读取 Chromium 打印的 PDF") {
		t.Errorf("不是 PDF 时应报错：%v", err)
	}
}

// TestJoinPDF joins three parts as PDF does and reads the result back: the
// pages in order, every destination taken from the part that holds its
// element (not from the stand-ins that other parts print for their links),
// the bookmarks on the pages of their elements and closed, a number at the
// foot of every page but the cover, and the title.
func TestJoinPDF(t *testing.T) {
	owner := map[string]int{"notes": 0, "toc": 0, "d1": 1, "d2": 2}
	parts := []*model.Context{
		tinyPDF(t, 2, map[string]int{"notes": 1, "toc": 2, "d1": 2, "d2": 2}),
		tinyPDF(t, 2, map[string]int{"d1": 1, "d1-%E7%AC%AC": 2, "d2": 1}),
		tinyPDF(t, 3, map[string]int{"d2": 2, "d2-第": 3, "d1": 1}),
	}
	outline := []*outlineNode{
		{title: "目录", dest: "toc"},
		{title: "党内法规", dest: "d1", kids: []*outlineNode{{title: "甲", dest: "d1"}, {title: "乙（二）", dest: "d2"}}},
	}
	pdf, pages, err := joinPDF(parts, owner, outline, "测试汇编")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"notes": 1, "toc": 2, "d1": 3, "d1-%E7%AC%AC": 4, "d2": 6, "d2-第": 7}
	if !maps.Equal(pages, want) {
		t.Errorf("合并后的目标页为 %v，应为 %v", pages, want)
	}

	doc, err := readPDF(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if err := api.ValidateContext(doc); err != nil {
		t.Fatalf("合并后的 PDF 无效：%v", err)
	}
	if got, err := destinations(doc); err != nil || !maps.Equal(got, want) || doc.PageCount != 7 {
		t.Errorf("读回的 PDF 有 %d 页，目标页为 %v（%v）", doc.PageCount, got, err)
	}
	if doc.Title != "测试汇编" {
		t.Errorf("文档标题为“%s”", doc.Title)
	}

	marks, err := pdfcpu.Bookmarks(doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var walk func(ms []pdfcpu.Bookmark, depth int)
	walk = func(ms []pdfcpu.Bookmark, depth int) {
		for _, m := range ms {
			got = append(got, fmt.Sprintf("%d %s %d", depth, m.Title, m.PageFrom))
			walk(m.Kids, depth+1)
		}
	}
	walk(marks, 0)
	if w := []string{"0 目录 2", "0 党内法规 3", "1 甲 3", "1 乙（二） 6"}; !slices.Equal(got, w) {
		t.Errorf("书签为 %q，应为 %q", got, w)
	}
	root, _ := doc.Catalog()
	outlines, _ := doc.DereferenceDict(root["Outlines"])
	second, _ := doc.DereferenceDict(outlines["Last"])
	if c := second.IntEntry("Count"); c == nil || *c != -2 {
		t.Errorf("有下级的书签应收起（/Count -2）：%v", second)
	}

	for p := 1; p <= doc.PageCount; p++ {
		page, _, _, err := doc.PageDict(p, false)
		if err != nil {
			t.Fatal(err)
		}
		content, err := doc.PageContent(page, p)
		if err != nil {
			t.Fatalf("第 %d 页的内容无法读取：%v", p, err)
		}
		number := fmt.Appendf(nil, "(%d) Tj", p)
		if has := bytes.Contains(content, number); has != (p > 1) {
			t.Errorf("第 %d 页%s页码", p, map[bool]string{true: "不应有", false: "没有"}[has])
		}
	}
}
