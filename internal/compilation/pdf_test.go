package compilation_test

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"djkb/internal/chromium"
	"djkb/internal/chromium/chromiumtest"
	"djkb/internal/compilation"
)

// pdfPages returns the text of each page of a PDF (pdftotext -layout),
// without the running header and the page number.
func pdfPages(t *testing.T, pdf []byte, n int) [][]string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI 环境需要 pdftotext（poppler-utils）：%v", err)
		}
		t.Skip(err)
	}
	file := filepath.Join(t.TempDir(), "digest.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages := strings.Split(string(out), "\f")
	if len(pages) < n {
		t.Fatalf("pdftotext 只得到 %d 页，PDF 有 %d 页", len(pages), n)
	}
	text := make([][]string, n)
	for i := range n {
		var lines []string
		for _, l := range strings.Split(pages[i], "\n") {
			if l = strings.Join(strings.Fields(l), ""); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 && lines[len(lines)-1] == strconv.Itoa(i+1) {
			lines = lines[:len(lines)-1]
		}
		text[i] = lines
	}
	return text
}

// squeeze drops spaces, as pdfPages does.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// hasLine reports whether a page has the line s, or s broken over two lines.
func hasLine(page []string, s string) bool {
	for i, l := range page {
		if l == s || (i+1 < len(page) && l+page[i+1] == s) {
			return true
		}
	}
	return false
}

// TestSamplePDF prints the sample digest with every Chromium found (under
// CI both the headless shell that djkb digest prefers and the full browser
// it falls back to) and reads it back with pdftotext: every item is there
// on the page the 目录 gives, the 目录 numbers match the page footers,
// nothing repealed is printed as an item, the outline (bookmarks) exists and
// the fonts are CJK fonts.
func TestSamplePDF(t *testing.T) {
	for _, bin := range chromiumtest.Binaries(t, chromium.Print) {
		t.Run(filepath.Base(bin), func(t *testing.T) { testSamplePDF(t, chromiumtest.Start(t, bin)) })
	}
}

func testSamplePDF(t *testing.T, browser context.Context) {
	s := load(t, "../..")
	// Three runs, as a long digest would be printed, although the sample
	// would take one: the page numbers must add up across them.
	d, _ := compile(t, s, "../..", compilation.Options{PrintRuns: 3})
	pdf, n, err := d.PDF(browser, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	pages := pdfPages(t, pdf, n)
	if !hasLine(pages[0], "东江省统计局机关党建法规制度汇编") && !strings.Contains(strings.Join(pages[0], ""), "东江省统计局机关党建法规制度汇编") {
		t.Errorf("封面上没有汇编标题：%q", pages[0])
	}
	for _, want := range []string{"内部资料注意保存", "截至2026年11月20日"} {
		if !hasLine(pages[0], want) {
			t.Errorf("封面上没有“%s”：%q", want, pages[0])
		}
	}

	// Read the 目录: each entry's title followed by its page number.
	tocStart := -1
	for i, p := range pages {
		if hasLine(p, "目录") {
			tocStart = i
			break
		}
	}
	if tocStart < 0 {
		t.Fatal("找不到目录页")
	}
	type entry struct{ title, heading string }
	entries := []entry{{"编辑说明", "编辑说明"}}
	for _, g := range d.Groups {
		entries = append(entries, entry{g.Title, g.Title})
		for _, sg := range g.Subgroups {
			for _, it := range sg.Items {
				entries = append(entries, entry{squeeze(it.Title), squeeze(it.Title)})
			}
		}
	}
	for _, a := range d.Appendix {
		entries = append(entries, entry{"附录" + a.Number + a.Title, "附录" + a.Number + a.Title})
	}
	var toc string
	firstBody := 0
	for i := tocStart; i < len(pages); i++ {
		joined := strings.Join(pages[i], "")
		if i > tocStart && !strings.Contains(joined, "附录五已修改文件目录") && hasLine(pages[i], d.Groups[0].Title) {
			firstBody = i
			break
		}
		toc += strings.Join(pages[i][1:], "") // without the running header
	}
	tocPage := map[string]int{} // entry → page the 目录 gives
	pos := 0
	for _, e := range entries {
		i := strings.Index(toc[pos:], e.title)
		if i < 0 {
			t.Fatalf("目录中找不到“%s”", e.title)
		}
		pos += i + len(e.title)
		j := pos
		for j < len(toc) && toc[j] >= '0' && toc[j] <= '9' {
			j++
		}
		num, err := strconv.Atoi(toc[pos:j])
		if err != nil || num < 1 || num > n {
			t.Errorf("目录中“%s”的页码“%s”无效", e.title, toc[pos:j])
			continue
		}
		tocPage[e.title] = num
		if !hasLine(pages[num-1], e.heading) {
			t.Errorf("目录说“%s”在第 %d 页，该页却没有这个标题：%q", e.title, num, pages[num-1])
		}
	}

	// Nothing repealed or void is printed as an item of the body.
	firstAppendix := n
	for i := firstBody; i < n; i++ {
		if hasLine(pages[i], "附录一"+d.Appendix[0].Title) {
			firstAppendix = i
			break
		}
	}
	inForce := map[string]bool{}
	for _, it := range d.Items {
		inForce[squeeze(it.Title)] = true
	}
	for _, p := range s.Pages {
		title := squeeze(p.Title)
		if st := p.Status(); (st == "已废止" || st == "宣布失效") && !inForce[title] {
			for i := firstBody; i < firstAppendix; i++ {
				if hasLine(pages[i], title) {
					t.Errorf("第 %d 页作为正文收入了%s的《%s》", i+1, st, p.Title)
				}
			}
		}
	}

	// The bookmarks, as poppler reads them: 编辑说明, 目录, each system
	// with its headings and items, and the appendices, on the pages the
	// 目录 gives (a heading on the page of its first item).
	want := []string{fmt.Sprintf("0 编辑说明 %d", tocPage["编辑说明"]), fmt.Sprintf("0 目录 %d", tocStart+1)}
	for _, g := range d.Groups {
		want = append(want, fmt.Sprintf("0 %s %d", g.Title, tocPage[g.Title]))
		for _, sg := range g.Subgroups {
			depth := 1
			if sg.Title != "" {
				want = append(want, fmt.Sprintf("1 %s %d", sg.Title, tocPage[squeeze(sg.Items[0].Title)]))
				depth = 2
			}
			for _, it := range sg.Items {
				want = append(want, fmt.Sprintf("%d %s %d", depth, it.Title, tocPage[squeeze(it.Title)]))
			}
		}
	}
	for i, a := range d.Appendix {
		page := tocPage["附录"+a.Number+a.Title]
		if i == 0 {
			want = append(want, fmt.Sprintf("0 附录 %d", page))
		}
		want = append(want, fmt.Sprintf("1 附录%s　%s %d", a.Number, a.Title, page))
	}
	indexPage := checkIndex(t, d, pdf, pages)
	want = append(want, fmt.Sprintf("0 索引 %d", indexPage))
	if got := pdfOutline(t, pdf); !slices.Equal(got, want) {
		t.Errorf("书签为\n%s\n应为\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Chromium embeds the CFF outlines of Noto CJK as Type 3 fonts (Skia
	// embeds only TrueType outlines as fonts of their own). Every glyph of
	// the text comes from the CJK faces: a font of another name means a
	// line that mixes faces. The page numbers are stamped in Helvetica.
	if _, err := exec.LookPath("pdffonts"); err != nil && os.Getenv("CI") != "" {
		t.Fatalf("CI 环境需要 pdffonts（poppler-utils）：%v", err)
	}
	if out, err := exec.Command("pdffonts", writeTemp(t, pdf)).Output(); err == nil {
		if !bytes.Contains(out, []byte("CJK")) && !bytes.Contains(out, []byte("Type 3")) {
			t.Errorf("PDF 中没有嵌入中文字体：\n%s", out)
		}
		for _, l := range strings.Split(string(out), "\n")[2:] {
			if f := strings.Fields(l); len(f) > 0 && f[0] != "[none]" && f[0] != "Helvetica" && !strings.Contains(f[0], "CJK") {
				t.Errorf("正文用到了中文字体以外的字体：%s", l)
			}
		}
	}
	// No cell of 附录一's 清理批次 is broken over two lines, and nothing
	// sends a reader of the paper to a web page.
	text := ""
	for _, p := range pages {
		text += strings.Join(p, "\n") + "\n"
	}
	want = nil
	for _, a := range d.Appendix {
		for _, row := range a.Rows {
			for _, c := range row {
				if strings.HasSuffix(c.Text, "清理") {
					want = append(want, c.Text)
				}
			}
		}
	}
	whole := 0
	for _, batch := range slices.Compact(slices.Sorted(slices.Values(want))) {
		whole += strings.Count(text, batch)
	}
	if len(want) == 0 || whole < len(want) {
		t.Errorf("附录中的清理批次有 %d 处，完整印在一行上的只有 %d 处", len(want), whole)
	}
	if strings.Contains(text, "详见页面") {
		t.Error("汇编中有“详见页面”")
	}
	if out, err := exec.Command("fc-list", ":lang=zh", "family").Output(); err == nil && !bytes.Contains(out, []byte("CJK")) {
		t.Errorf("没有安装中文字体（fonts-noto-cjk），汇编中的汉字会显示为方框")
	}
}

// pdfOutline returns the bookmarks of a PDF as poppler reads them
// (pdftohtml -xml), one "depth title page" line each.
func pdfOutline(t *testing.T, pdf []byte) []string {
	t.Helper()
	out, err := exec.Command("pdftohtml", "-stdout", "-xml", "-i", "-q", writeTemp(t, pdf)).Output()
	if err != nil {
		t.Fatalf("pdftohtml（poppler-utils）：%v", err)
	}
	item := regexp.MustCompile(`^<item page="(\d+)">(.*)</item>$`)
	var lines []string
	depth := -1
	for _, l := range strings.Split(string(out), "\n") {
		switch m := item.FindStringSubmatch(l); {
		case l == "<outline>":
			depth++
		case l == "</outline>":
			depth--
		case m != nil:
			lines = append(lines, fmt.Sprintf("%d %s %s", depth, html.UnescapeString(m[2]), m[1]))
		}
	}
	return lines
}

func writeTemp(t *testing.T, data []byte) string {
	f := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// checkIndex reads the 索引 at the back of a printed digest and checks that
// it prints each entry with its page numbers, and that every page number
// is a page on which the term is printed (or begins, for a term broken
// over two pages). It returns the index's first page.
func checkIndex(t *testing.T, d *compilation.Digest, pdf []byte, pages [][]string) int {
	t.Helper()
	start := -1
	for i := len(pages) - 1; i >= 0; i-- {
		if hasLine(pages[i], "索引") {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatal("找不到索引页")
	}
	text := make([]string, len(pages))
	for i, p := range pages {
		text[i] = strings.Join(p, "")
	}
	// -raw keeps each entry's term and pages together, column by column.
	out, err := exec.Command("pdftotext", "-raw", "-f", strconv.Itoa(start+1), writeTemp(t, pdf), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	index := squeeze(string(out))
	if len(d.IndexEntries) < 20 {
		t.Fatalf("索引只有 %d 条", len(d.IndexEntries))
	}
	for _, it := range d.Items {
		if kw := compilation.TitleKeyword(it.Title); !strings.Contains(index, kw) {
			t.Errorf("索引中没有《%s》的关键词“%s”", it.Title, kw)
		}
	}
	checked := 0
	for _, e := range d.IndexEntries {
		if !strings.Contains(index, e.Term+e.PageList()) {
			t.Errorf("索引中没有印出“%s %s”", e.Term, e.PageList())
		}
		for _, n := range e.Pages {
			if n < 1 || n > start {
				t.Errorf("索引中“%s”的页码 %d 不在正文中", e.Term, n)
				continue
			}
			if !strings.Contains(text[n-1], e.Term) && !strings.Contains(text[n-1]+text[n], e.Term) {
				t.Errorf("索引说“%s”在第 %d 页，该页却没有这个词：%q", e.Term, n, text[n-1])
			}
			checked++
		}
	}
	if checked < 40 {
		t.Errorf("只核对了 %d 个页码", checked)
	}
	return start + 1
}
