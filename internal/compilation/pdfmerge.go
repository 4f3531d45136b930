package compilation

import (
	"bytes"
	"fmt"
	"hash/maphash"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf16"
)

// pdfObject is one object of a PDF: its dictionary (or other value) and,
// for a stream, the raw "stream … endstream" part.
type pdfObject struct {
	num    int
	dict   []byte
	stream []byte
}

var (
	anyRefRe  = regexp.MustCompile(`\b(\d+) (\d+) R\b`)
	lengthRe  = regexp.MustCompile(`/Length (\d+)\b`)
	objHeadRe = regexp.MustCompile(`^\s*\d+\s+\d+\s+obj`)
)

// objects returns every object the cross-reference table lists, in number
// order.
func (r *pdfReader) objects() ([]pdfObject, error) {
	nums := make([]int, 0, len(r.offsets))
	for n := range r.offsets {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	out := make([]pdfObject, 0, len(nums))
	for _, n := range nums {
		o, err := r.readObject(n)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, nil
}

func (r *pdfReader) readObject(n int) (pdfObject, error) {
	body := r.data[r.offsets[n]:]
	head := objHeadRe.Find(body[:min(len(body), 32)])
	if head == nil {
		return pdfObject{}, errPDF(fmt.Sprintf("对象 %d 的位置不对", n))
	}
	body = body[len(head):]
	end := bytes.Index(body, []byte("endobj"))
	st := bytes.Index(body, []byte("stream"))
	if end < 0 {
		return pdfObject{}, errPDF(fmt.Sprintf("对象 %d 没有结束", n))
	}
	if st < 0 || st > end || !bytes.HasSuffix(bytes.TrimSpace(body[:st]), []byte(">>")) {
		return pdfObject{num: n, dict: bytes.TrimSpace(body[:end])}, nil
	}
	dict := bytes.TrimSpace(body[:st])
	data := st + len("stream")
	if data < len(body) && body[data] == '\r' {
		data++
	}
	if data < len(body) && body[data] == '\n' {
		data++
	}
	stop := -1
	if m := lengthRe.FindSubmatch(dict); m != nil {
		if l, err := strconv.Atoi(string(m[1])); err == nil && data+l <= len(body) {
			if i := bytes.Index(body[data+l:], []byte("endstream")); i >= 0 && i < 4 {
				stop = data + l + i + len("endstream")
			}
		}
	}
	if stop < 0 {
		i := bytes.Index(body[data:], []byte("endstream"))
		if i < 0 {
			return pdfObject{}, errPDF(fmt.Sprintf("对象 %d 的数据流没有结束", n))
		}
		stop = data + i + len("endstream")
	}
	return pdfObject{num: n, dict: dict, stream: body[st:stop]}, nil
}

// renumber rewrites every reference in a dictionary to number(n).
func renumber(dict []byte, number func(int) int) []byte {
	return anyRefRe.ReplaceAllFunc(dict, func(m []byte) []byte {
		sub := anyRefRe.FindSubmatch(m)
		n, _ := strconv.Atoi(string(sub[1]))
		return []byte(strconv.Itoa(number(n)) + " 0 R")
	})
}

// sharedStreams keeps one copy of each stream that refers to nothing else:
// every part embeds its own copy of the same Type 3 glyphs (about a sixth
// of a long digest's bytes), and an identical copy can stand for all.
type sharedStreams map[uint64][]sharedStream

type sharedStream struct {
	num          int // in the joined file
	dict, stream []byte
}

var streamSeed = maphash.MakeSeed()

// number returns the object that already holds o's bytes, or records o as
// number num and returns num.
func (s sharedStreams) number(o pdfObject, num int) int {
	if o.stream == nil || anyRefRe.Match(o.dict) {
		return num
	}
	var h maphash.Hash
	h.SetSeed(streamSeed)
	h.Write(o.dict)
	h.Write(o.stream)
	k := h.Sum64()
	for _, c := range s[k] {
		if bytes.Equal(c.dict, o.dict) && bytes.Equal(c.stream, o.stream) {
			return c.num
		}
	}
	s[k] = append(s[k], sharedStream{num: num, dict: o.dict, stream: o.stream})
	return num
}

// outlineNode is one PDF bookmark: a title, the named destination it opens
// and the bookmarks below it.
type outlineNode struct {
	title string
	dest  string
	kids  []*outlineNode
}

// pdfPart is one printed part of the digest.
type pdfPart struct {
	pdf   []byte
	index int            // its place among the parts
	owner map[string]int // which part holds each element (see ownerOf)
}

// mergePDFs joins printed parts into one PDF: their pages in order, their
// named destinations (each taken from the part that holds the element, so
// that links from one part to another land on the right page), the
// bookmarks of outline, title as the document title, and number(page) at
// the foot of each page.
func mergePDFs(parts []pdfPart, outline []*outlineNode, title string, number func(page int) string) ([]byte, error) {
	var buf bytes.Buffer
	size := 0
	for _, p := range parts {
		size += len(p.pdf)
	}
	buf.Grow(size + size/8 + 1<<20)
	buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := map[int]int{}
	write := func(n int, dict, stream []byte) {
		offsets[n] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n", n)
		buf.Write(dict)
		if stream != nil {
			buf.WriteByte('\n')
			buf.Write(stream)
		}
		buf.WriteString("\nendobj\n")
	}
	dests := map[string][]byte{}
	var roots []int
	total := 0
	// The objects of part i are renumbered from the sum of the sizes of the
	// parts before it; the new objects come after all of them.
	readers := make([]*pdfReader, len(parts))
	sizes := make([]int, len(parts))
	size = 0
	for i, p := range parts {
		r, err := newPDFReader(p.pdf)
		if err != nil {
			return nil, err
		}
		readers[i] = r
		sizes[i] = slices.Max(slices.Collect(maps.Keys(r.offsets))) + 1
		size += sizes[i]
	}
	next := func() int { size++; return size - 1 }
	pagesRoot := next()
	font, open := next(), next()
	write(font, []byte("<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica\n/Encoding /WinAnsiEncoding>>"), nil)
	write(open, []byte("<</Length 2>>"), []byte("stream\nq\n\nendstream"))

	partBase := 0
	shared := sharedStreams{}
	for i, p := range parts {
		r := readers[i]
		catalog, err := r.object(r.root)
		if err != nil {
			return nil, err
		}
		root, ok := ref(catalog, "Pages")
		if !ok {
			return nil, errPDF("目录对象中没有 /Pages")
		}
		var leaves []int
		if err := r.walkPages(root, &leaves, 0); err != nil {
			return nil, err
		}
		pageNo := map[int]int{}
		for j, n := range leaves {
			pageNo[n] = total + j + 1
		}
		total += len(leaves)
		roots = append(roots, root+partBase)
		destsObj, hasDests := ref(catalog, "Dests")
		objs, err := r.objects()
		if err != nil {
			return nil, err
		}
		// Objects are renumbered from partBase, and a stream already
		// written by this part or an earlier one is replaced by that copy.
		moved := map[int]int{}
		for _, o := range objs {
			if n := shared.number(o, o.num+partBase); n != o.num+partBase {
				moved[o.num] = n
			}
		}
		target := func(n int) int {
			if m, ok := moved[n]; ok {
				return m
			}
			return n + partBase
		}
		for _, o := range objs {
			if _, ok := moved[o.num]; ok {
				continue
			}
			switch {
			case o.num == r.root:
				continue
			case hasDests && o.num == destsObj:
				for _, m := range destArrayRe.FindAllSubmatch(o.dict, -1) {
					name := decodeName(m[1])
					if owner, ok := ownerOf(name, p.owner); ok && owner == p.index {
						dests[name] = renumber(m[2], target)
					}
				}
				continue
			}
			dict := renumber(o.dict, target)
			if o.num == root {
				dict = bytes.Replace(dict, []byte("<<"), []byte(fmt.Sprintf("<</Parent %d 0 R\n", pagesRoot)), 1)
			}
			if n, ok := pageNo[o.num]; ok && number(n) != "" {
				var err error
				if dict, err = stampPage(dict, number(n), font, open, next, write); err != nil {
					return nil, err
				}
			}
			write(o.num+partBase, dict, o.stream)
		}
		partBase += sizes[i]
	}

	kids := make([][]byte, len(roots))
	for i, r := range roots {
		kids[i] = []byte(strconv.Itoa(r) + " 0 R")
	}
	write(pagesRoot, fmt.Appendf(nil, "<</Type /Pages\n/Count %d\n/Kids [%s]>>", total, bytes.Join(kids, []byte(" "))), nil)

	destsNum := next()
	var d bytes.Buffer
	d.WriteString("<<")
	for _, name := range slices.Sorted(maps.Keys(dests)) {
		fmt.Fprintf(&d, "/%s %s\n", encodeName(name), dests[name])
	}
	d.WriteString(">>")
	write(destsNum, d.Bytes(), nil)

	outlinesNum := next()
	first, last, count := writeOutline(outline, outlinesNum, next, write)
	if count > 0 {
		write(outlinesNum, fmt.Appendf(nil, "<</Type /Outlines\n/First %d 0 R\n/Last %d 0 R\n/Count %d>>", first, last, count), nil)
	} else {
		write(outlinesNum, []byte("<</Type /Outlines\n/Count 0>>"), nil)
	}
	info := next()
	write(info, fmt.Appendf(nil, "<</Title %s\n/Creator (djkb digest)\n/Producer (Chromium, djkb)>>", pdfText(title)), nil)
	catalog := next()
	write(catalog, fmt.Appendf(nil, "<</Type /Catalog\n/Pages %d 0 R\n/Dests %d 0 R\n/Outlines %d 0 R\n/PageMode /UseOutlines\n/ViewerPreferences <</DisplayDocTitle true>>\n/Lang (zh-CN)>>",
		pagesRoot, destsNum, outlinesNum), nil)

	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if off, ok := offsets[n]; ok {
			fmt.Fprintf(&buf, "%010d 00000 n \n", off)
		} else {
			buf.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&buf, "trailer\n<</Size %d\n/Root %d 0 R\n/Info %d 0 R>>\nstartxref\n%d\n%%%%EOF\n", size, catalog, info, xref)
	return buf.Bytes(), nil
}

var (
	contentsRe  = regexp.MustCompile(`/Contents (\d+ 0 R|\[[^\]]*\])`)
	mediaBoxRe  = regexp.MustCompile(`/MediaBox \[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\]`)
	fontDictRe  = regexp.MustCompile(`/Font\s*<<`)
	resourcesRe = regexp.MustCompile(`/Resources\s*<<`)
)

// stampPage adds a page number centred at the foot of a page (dict, already
// renumbered): a content stream drawing it in Helvetica, after the page's
// own content, which is wrapped in q … Q so that its graphics state cannot
// shift the number.
func stampPage(dict []byte, number string, font, open int, next func() int, write func(int, []byte, []byte)) ([]byte, error) {
	contents := contentsRe.FindSubmatch(dict)
	box := mediaBoxRe.FindSubmatch(dict)
	if contents == nil || box == nil {
		return nil, errPDF("页面缺少 /Contents 或 /MediaBox")
	}
	var f [4]float64
	for i := range f {
		f[i], _ = strconv.ParseFloat(string(box[i+1]), 64)
	}
	const size = 9.0
	width := size * 0.556 * float64(len(number)) // Helvetica's digits are 556/1000 em wide
	x, y := (f[0]+f[2]-width)/2, f[1]+28
	text := fmt.Sprintf("Q\nq\nBT\n0 g\n/DjkbPage %g Tf\n%.2f %.2f Td\n(%s) Tj\nET\nQ\n", size, x, y, number)
	n := next()
	write(n, fmt.Appendf(nil, "<</Length %d>>", len(text)), []byte("stream\n"+text+"\nendstream"))
	own := bytes.TrimSuffix(bytes.TrimPrefix(contents[1], []byte("[")), []byte("]"))
	dict = bytes.Replace(dict, contents[0], fmt.Appendf(nil, "/Contents [%d 0 R %s %d 0 R]", open, own, n), 1)
	fontRef := fmt.Appendf(nil, "/DjkbPage %d 0 R\n", font)
	switch {
	case fontDictRe.Match(dict):
		loc := fontDictRe.FindIndex(dict)
		return slices.Concat(dict[:loc[1]], fontRef, dict[loc[1]:]), nil
	case resourcesRe.Match(dict):
		loc := resourcesRe.FindIndex(dict)
		return slices.Concat(dict[:loc[1]], []byte("/Font <<"), fontRef, []byte(">>\n"), dict[loc[1]:]), nil
	}
	return nil, errPDF("页面的 /Resources 不是直接写出的字典")
}

// destArrayRe matches one entry of a /Dests dictionary: a name and its
// destination array.
var destArrayRe = regexp.MustCompile(`/([^\s/\[\]<>()]+)\s*(\[[^\]]*\])`)

// writeOutline writes the bookmarks of nodes under parent and returns the
// first and last object numbers and the number of entries shown at this
// level. Nodes with children start closed.
func writeOutline(nodes []*outlineNode, parent int, next func() int, write func(int, []byte, []byte)) (first, last, count int) {
	nums := make([]int, len(nodes))
	for i := range nodes {
		nums[i] = next()
	}
	for i, n := range nodes {
		var d bytes.Buffer
		fmt.Fprintf(&d, "<</Title %s\n/Parent %d 0 R\n/Dest /%s", pdfText(n.title), parent, encodeName(n.dest))
		if i > 0 {
			fmt.Fprintf(&d, "\n/Prev %d 0 R", nums[i-1])
		}
		if i+1 < len(nodes) {
			fmt.Fprintf(&d, "\n/Next %d 0 R", nums[i+1])
		}
		if len(n.kids) > 0 {
			f, l, c := writeOutline(n.kids, nums[i], next, write)
			fmt.Fprintf(&d, "\n/First %d 0 R\n/Last %d 0 R\n/Count %d", f, l, -c)
		}
		d.WriteString(">>")
		write(nums[i], d.Bytes(), nil)
	}
	if len(nodes) == 0 {
		return 0, 0, 0
	}
	return nums[0], nums[len(nums)-1], len(nodes)
}

// pdfText writes a text string as UTF-16BE hex with a byte-order mark.
func pdfText(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// encodeName escapes a PDF name: bytes outside printable ASCII and the
// delimiters become #xx.
func encodeName(s string) string {
	var b bytes.Buffer
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c <= ' ' || c >= 0x7f || bytes.IndexByte([]byte("#/()<>[]{}%"), c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
