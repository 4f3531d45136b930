package compilation

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// tinyPDF writes a PDF shaped like Chromium's: objects, a cross-reference
// table and a trailer. objs[i] is object i+1.
func tinyPDF(objs ...string) []byte {
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
	fmt.Fprintf(&b, "trailer\n<</Size %d\n/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// twoPages has a nested page tree and destinations on both pages, one with
// an escaped name.
func twoPages(first string) []byte {
	return tinyPDF(
		"<</Type /Catalog\n/Pages 2 0 R\n/Dests 5 0 R>>",
		"<</Type /Pages\n/Count 2\n/Kids [3 0 R 6 0 R]>>",
		"<</Type /Page\n/Resources <</Font <</F1 7 0 R>>>>\n/MediaBox [0 0 594.96 841.92]\n/Contents 8 0 R\n/Parent 2 0 R>>",
		"<</Type /Page\n/Resources <</ProcSet [/PDF]>>\n/MediaBox [0 0 594.96 841.92]\n/Contents 8 0 R\n/Parent 6 0 R>>",
		"<</"+first+" [3 0 R /XYZ 6 828 0]\n/d2#2D#E7#AC#AC [4 0 R /XYZ 6 828 0]>>",
		"<</Type /Pages\n/Count 1\n/Kids [4 0 R]\n/Parent 2 0 R>>",
		"<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica>>",
		"<</Length 3>> stream\nxyz\nendstream",
	)
}

func TestDestinations(t *testing.T) {
	dests, n, err := Destinations(twoPages("d1"))
	if err != nil || n != 2 || dests["d1"] != 1 || dests["d2-第"] != 2 {
		t.Fatalf("Destinations = %v, %d, %v", dests, n, err)
	}
	if _, _, err := Destinations([]byte("not a pdf")); err == nil || !strings.Contains(err.Error(), "无法读取 PDF") {
		t.Errorf("不是 PDF 时应报错：%v", err)
	}
}

func TestMergePDFs(t *testing.T) {
	owner := map[string]int{"front": 0, "d1": 1, "d2": 1}
	parts := []pdfPart{{pdf: twoPages("front"), index: 0, owner: owner}, {pdf: twoPages("d1"), index: 1, owner: owner}}
	outline := []*outlineNode{{title: "编辑说明", dest: "front"}, {title: "党内法规", dest: "d1", kids: []*outlineNode{{title: "甲", dest: "d2-第"}}}}
	pdf, err := mergePDFs(parts, outline, "汇编", footerNumber)
	if err != nil {
		t.Fatal(err)
	}
	dests, n, err := Destinations(pdf)
	if err != nil || n != 4 {
		t.Fatalf("合并后 %d 页：%v", n, err)
	}
	// d2-第 is in both parts; the second holds it, on its second page.
	if dests["front"] != 1 || dests["d1"] != 3 || dests["d2-第"] != 4 {
		t.Errorf("合并后的目标页为 %v", dests)
	}
	for _, want := range []string{"/DjkbPage", "(2) Tj", "(4) Tj", "/Type /Outlines", "/Title <FEFF7F168F918BF4660E>", "/Count -1"} {
		if !bytes.Contains(pdf, []byte(want)) {
			t.Errorf("合并后的 PDF 中没有 %s", want)
		}
	}
	if bytes.Contains(pdf, []byte("(1) Tj")) {
		t.Errorf("封面不应有页码")
	}
	// Both parts have the same content stream: it is written once, and the
	// second part's pages point to that copy.
	if n := bytes.Count(pdf, []byte("stream\nxyz\nendstream")); n != 1 {
		t.Errorf("相同的数据流应只写一份，写了 %d 份", n)
	}
	if n := len(regexp.MustCompile(`/Contents (\[\d+ 0 R )?8 0 R`).FindAll(pdf, -1)); n != 4 {
		t.Errorf("四页都应引用前一部分的数据流（8 号对象），有 %d 页引用它", n)
	}
}
