package compilation

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// Destinations reads a PDF printed by Chromium and returns the page
// (counting from 1) of each of its named destinations, and the number of
// pages. Chromium makes a named destination for every element that a link
// of the document points to, so the 目录's links give the page on which
// each item, group and appendix starts.
//
// It reads just what it needs of the file: the cross-reference table, the
// catalog, the page tree and the destinations, which Chromium (Skia) writes
// as plain dictionaries.
func Destinations(pdf []byte) (map[string]int, int, error) {
	r, err := newPDFReader(pdf)
	if err != nil {
		return nil, 0, err
	}
	catalog, err := r.object(r.root)
	if err != nil {
		return nil, 0, err
	}
	pagesRef, ok := ref(catalog, "Pages")
	if !ok {
		return nil, 0, errPDF("目录对象中没有 /Pages")
	}
	var order []int
	if err := r.walkPages(pagesRef, &order, 0); err != nil {
		return nil, 0, err
	}
	pageOf := make(map[int]int, len(order))
	for i, n := range order {
		pageOf[n] = i + 1
	}
	dests := map[string]int{}
	if n, ok := ref(catalog, "Dests"); ok {
		body, err := r.object(n)
		if err != nil {
			return nil, 0, err
		}
		for _, m := range destRe.FindAllSubmatch(body, -1) {
			obj, _ := strconv.Atoi(string(m[2]))
			if p, ok := pageOf[obj]; ok {
				dests[decodeName(m[1])] = p
			}
		}
	}
	return dests, len(order), nil
}

var (
	refRe = map[string]*regexp.Regexp{
		"Root":  regexp.MustCompile(`/Root\s+(\d+)\s+\d+\s+R`),
		"Pages": regexp.MustCompile(`/Pages\s+(\d+)\s+\d+\s+R`),
		"Dests": regexp.MustCompile(`/Dests\s+(\d+)\s+\d+\s+R`),
	}
	pagesTypeRe = regexp.MustCompile(`/Type\s*/Pages\b`)
	kidsRe      = regexp.MustCompile(`/Kids\s*\[([^\]]*)\]`)
	objRefs     = regexp.MustCompile(`(\d+)\s+\d+\s+R`)
	destRe      = regexp.MustCompile(`/([^\s/\[\]<>()]+)\s*\[\s*(\d+)\s+\d+\s+R`)
)

func errPDF(msg string) error { return fmt.Errorf("无法读取 PDF 的页码信息：%s", msg) }

// ref finds "/Key N 0 R" in a dictionary; key is Root, Pages or Dests.
func ref(dict []byte, key string) (int, bool) {
	m := refRe[key].FindSubmatch(dict)
	if m == nil {
		return 0, false
	}
	n, err := strconv.Atoi(string(m[1]))
	return n, err == nil
}

// pdfReader finds the objects of a PDF through its cross-reference table.
type pdfReader struct {
	data    []byte
	offsets map[int]int
	root    int
}

func newPDFReader(data []byte) (*pdfReader, error) {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return nil, errPDF("找不到 startxref")
	}
	var off int
	if _, err := fmt.Sscan(string(data[i+len("startxref"):min(len(data), i+40)]), &off); err != nil || off >= len(data) {
		return nil, errPDF("startxref 无效")
	}
	r := &pdfReader{data: data, offsets: map[int]int{}}
	rest := data[off:]
	if !bytes.HasPrefix(rest, []byte("xref")) {
		return nil, errPDF("不是交叉引用表（可能是压缩的交叉引用流）")
	}
	lines := bytes.Split(rest[len("xref"):], []byte("\n"))
	for k := 0; k < len(lines); k++ {
		f := bytes.Fields(lines[k])
		if len(f) == 0 {
			continue
		}
		if bytes.Equal(f[0], []byte("trailer")) || bytes.HasPrefix(f[0], []byte("trailer")) {
			trailer := bytes.Join(lines[k:min(len(lines), k+8)], []byte("\n"))
			root, ok := ref(trailer, "Root")
			if !ok {
				return nil, errPDF("trailer 中没有 /Root")
			}
			r.root = root
			return r, nil
		}
		if len(f) != 2 {
			return nil, errPDF("交叉引用表格式不对")
		}
		first, err1 := strconv.Atoi(string(f[0]))
		count, err2 := strconv.Atoi(string(f[1]))
		if err1 != nil || err2 != nil || k+count >= len(lines) {
			return nil, errPDF("交叉引用表格式不对")
		}
		for j := 0; j < count; j++ {
			e := bytes.Fields(lines[k+1+j])
			if len(e) == 3 && string(e[2]) == "n" {
				o, _ := strconv.Atoi(string(e[0]))
				r.offsets[first+j] = o
			}
		}
		k += count
	}
	return nil, errPDF("找不到 trailer")
}

// object returns the dictionary text of object n (up to endobj or stream).
func (r *pdfReader) object(n int) ([]byte, error) {
	off, ok := r.offsets[n]
	if !ok || off >= len(r.data) {
		return nil, errPDF(fmt.Sprintf("找不到对象 %d", n))
	}
	body := r.data[off:]
	end := len(body)
	for _, stop := range []string{"endobj", "stream"} {
		if i := bytes.Index(body, []byte(stop)); i >= 0 && i < end {
			end = i
		}
	}
	return body[:end], nil
}

// walkPages appends the page objects below node n in document order.
func (r *pdfReader) walkPages(n int, out *[]int, depth int) error {
	if depth > 64 {
		return errPDF("页面树过深")
	}
	body, err := r.object(n)
	if err != nil {
		return err
	}
	m := kidsRe.FindSubmatch(body)
	if m == nil || !pagesTypeRe.Match(body) {
		*out = append(*out, n)
		return nil
	}
	for _, k := range objRefs.FindAllSubmatch(m[1], -1) {
		kid, _ := strconv.Atoi(string(k[1]))
		if err := r.walkPages(kid, out, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// decodeName undoes the #xx escapes of a PDF name.
func decodeName(b []byte) string {
	if !bytes.ContainsRune(b, '#') {
		return string(b)
	}
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] == '#' && i+2 < len(b) {
			if v, err := strconv.ParseUint(string(b[i+1:i+3]), 16, 8); err == nil {
				out = append(out, byte(v))
				i += 2
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}
