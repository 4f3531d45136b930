package compilation

import (
	"bytes"
	"errors"
	"fmt"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	pdffont "github.com/pdfcpu/pdfcpu/pkg/font"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The printed parts are read, joined, numbered and given bookmarks by
// pdfcpu; this file holds the calls into it.

// pdfConfig is pdfcpu's configuration. pdfcpu would otherwise read and
// write a configuration folder in the user's home, and exit the program
// when it cannot.
func pdfConfig() *model.Configuration {
	disableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.CreateBookmarks = false // a merge would add one per part
	return conf
}

var disableConfigDir = sync.OnceFunc(api.DisableConfigDir)

// readPDF reads a PDF printed by Chromium.
func readPDF(pdf []byte) (*model.Context, error) {
	ctx, err := api.ReadContext(bytes.NewReader(pdf), pdfConfig())
	if err == nil {
		err = ctx.EnsurePageCount()
	}
	if err != nil {
		return nil, fmt.Errorf("无法读取 Chromium 打印的 PDF：%w", err)
	}
	return ctx, nil
}

// readPDFs reads the printed parts, at the same time. They are read once
// all are printed: the parsed objects are many, and the garbage collector
// would scan them again and again while Chromium's output streams in.
func readPDFs(pdfs [][]byte) ([]*model.Context, error) {
	docs := make([]*model.Context, len(pdfs))
	errs := make([]error, len(pdfs))
	var wg sync.WaitGroup
	for i, pdf := range pdfs {
		wg.Go(func() { docs[i], errs[i] = readPDF(pdf) })
	}
	wg.Wait()
	return docs, errors.Join(errs...)
}

// destinations returns the page (counting from 1) of each named
// destination of a PDF. Chromium makes one for every element that a link
// of the document points to, so the 目录's links give the page on which
// each item, group and appendix starts.
func destinations(doc *model.Context) (map[string]int, error) {
	dests, err := destsDict(doc)
	if err != nil {
		return nil, err
	}
	// pdfcpu's PageNrFromDestination walks the page tree for every
	// destination; one walk serves them all.
	pageOf := make(map[int]int, doc.PageCount)
	for p := 1; p <= doc.PageCount; p++ {
		ref, err := doc.PageDictIndRef(p)
		if err != nil || ref == nil {
			return nil, fmt.Errorf("无法读取 PDF 的第 %d 页：%v", p, err)
		}
		pageOf[ref.ObjectNumber.Value()] = p
	}
	out := make(map[string]int, len(dests))
	for name, dest := range dests {
		arr, err := doc.DereferenceArray(dest)
		if err != nil || len(arr) == 0 {
			return nil, fmt.Errorf("PDF 中“%s”的位置无效：%v", name, err)
		}
		if ref, ok := arr[0].(types.IndirectRef); ok && pageOf[ref.ObjectNumber.Value()] > 0 {
			out[name] = pageOf[ref.ObjectNumber.Value()]
		}
	}
	return out, nil
}

// destsDict returns the catalog's /Dests, where Chromium writes its named
// destinations, or nil.
func destsDict(ctx *model.Context) (types.Dict, error) {
	root, err := ctx.Catalog()
	if err != nil {
		return nil, err
	}
	o, ok := root.Find("Dests")
	if !ok {
		return nil, nil
	}
	return ctx.DereferenceDict(o)
}

// outlineNode is one PDF bookmark: a title, the named destination it opens
// and the bookmarks below it.
type outlineNode struct {
	title string
	dest  string
	kids  []*outlineNode
}

// joinPDF joins printed parts into one PDF: their pages in order, their
// named destinations (each taken from the part that holds the element, as
// owner says, so that links from one part to another land on the right
// page), the bookmarks of outline, the page number at the foot of every
// page but the cover, and title as the document title. It returns the file
// and the page of each named destination. The parts are consumed.
func joinPDF(parts []*model.Context, owner map[string]int, outline []*outlineNode, title string) ([]byte, map[string]int, error) {
	for i, p := range parts {
		dests, err := destsDict(p)
		if err != nil {
			return nil, nil, err
		}
		for name := range dests {
			if o, ok := ownerOf(name, owner); !ok || o != i {
				delete(dests, name)
			}
		}
	}
	doc := parts[0]
	for _, p := range parts[1:] {
		if err := pdfcpu.MergeXRefTables("", p, doc, false, false); err != nil {
			return nil, nil, fmt.Errorf("无法合并 PDF：%w", err)
		}
	}
	pages, err := destinations(doc)
	if err != nil {
		return nil, nil, err
	}
	if err := numberPages(doc); err != nil {
		return nil, nil, err
	}
	if err := addOutline(doc, outline); err != nil {
		return nil, nil, fmt.Errorf("无法生成 PDF 书签：%w", err)
	}
	if err := pdfcpu.PropertiesAdd(doc, map[string]string{"Title": title, "Creator": "djkb digest"}); err != nil {
		return nil, nil, err
	}
	root, err := doc.Catalog()
	if err != nil {
		return nil, nil, err
	}
	root["PageMode"] = types.Name("UseOutlines")
	root["ViewerPreferences"] = types.Dict{"DisplayDocTitle": types.Boolean(true)}
	root["Lang"] = types.StringLiteral("zh-CN")
	var out bytes.Buffer
	if err := api.WriteContext(doc, &out); err != nil {
		return nil, nil, fmt.Errorf("无法写出 PDF：%w", err)
	}
	return out.Bytes(), pages, nil
}

// numberPages prints the page number centred at the foot of every page but
// the cover: a content stream of its own after the page's, which is wrapped
// in q … Q so that its graphics state cannot move the number. (pdfcpu's
// stamps would do it too, but they decompress and compress again the
// content of every page, which for a long digest takes longer than
// printing it.)
func numberPages(doc *model.Context) error {
	const fontSize = 9
	font, err := doc.IndRefForNewObject(types.Dict{
		"Type": types.Name("Font"), "Subtype": types.Name("Type1"),
		"BaseFont": types.Name("Helvetica"), "Encoding": types.Name("WinAnsiEncoding"),
	})
	if err != nil {
		return err
	}
	open, err := plainStream(doc, "q\n")
	if err != nil {
		return err
	}
	for p := 2; p <= doc.PageCount; p++ {
		page, _, inherited, err := doc.PageDict(p, false)
		if err != nil || page == nil || inherited.MediaBox == nil {
			return fmt.Errorf("无法在 PDF 的第 %d 页印页码：%v", p, err)
		}
		box, n := inherited.MediaBox, itoa(p)
		x := (box.LL.X + box.UR.X - pdffont.TextWidth(n, "Helvetica", fontSize)) / 2
		number, err := plainStream(doc, fmt.Sprintf("Q\nq\nBT\n0 g\n/DjkbPage %d Tf\n%.2f %.2f Td\n(%s) Tj\nET\nQ\n", fontSize, x, box.LL.Y+28, n))
		if err != nil {
			return err
		}
		contents := types.Array{*open}
		switch own := page["Contents"].(type) {
		case types.Array:
			contents = append(contents, own...)
		case types.IndirectRef:
			contents = append(contents, own)
		}
		page["Contents"] = append(contents, *number)

		res := inherited.Resources
		if res == nil {
			res = types.Dict{}
			page["Resources"] = res
		}
		fonts, err := doc.DereferenceDict(res["Font"])
		if err != nil {
			return err
		}
		if fonts == nil {
			fonts = types.Dict{}
			res["Font"] = fonts
		}
		fonts["DjkbPage"] = *font
	}
	return nil
}

// plainStream adds an uncompressed stream: the few bytes of a page number
// are not worth compressing.
func plainStream(doc *model.Context, content string) (*types.IndirectRef, error) {
	sd := types.StreamDict{Dict: types.NewDict(), Content: []byte(content)}
	if err := sd.Encode(); err != nil {
		return nil, err
	}
	return doc.IndRefForNewObject(sd)
}

// addOutline writes the bookmarks. Each opens the named destination of
// its element, at the place Chromium recorded; those with bookmarks below
// them start closed, so that a long digest opens on its systems and
// appendices rather than on a thousand items. (pdfcpu's AddBookmarks
// instead names a new destination after each title, in the name tree, and
// poppler does not look there in a document that has /Dests as well.)
func addOutline(doc *model.Context, nodes []*outlineNode) error {
	outlines := types.Dict{"Type": types.Name("Outlines"), "Count": types.Integer(len(nodes))}
	ref, err := doc.IndRefForNewObject(outlines)
	if err != nil {
		return err
	}
	if err := addOutlineItems(doc, outlines, *ref, nodes); err != nil {
		return err
	}
	root, err := doc.Catalog()
	if err != nil {
		return err
	}
	root["Outlines"] = *ref
	return nil
}

// addOutlineItems writes the bookmarks of nodes below parent.
func addOutlineItems(doc *model.Context, parent types.Dict, parentRef types.IndirectRef, nodes []*outlineNode) error {
	var prev types.Dict
	var prevRef *types.IndirectRef
	for _, n := range nodes {
		title, err := types.EscapedUTF16String(n.title)
		if err != nil {
			return err
		}
		item := types.Dict{"Title": types.StringLiteral(*title), "Parent": parentRef, "Dest": types.Name(n.dest)}
		ref, err := doc.IndRefForNewObject(item)
		if err != nil {
			return err
		}
		if len(n.kids) > 0 {
			item["Count"] = types.Integer(-len(n.kids))
			if err := addOutlineItems(doc, item, *ref, n.kids); err != nil {
				return err
			}
		}
		if prev == nil {
			parent["First"] = *ref
		} else {
			prev["Next"], item["Prev"] = *ref, *prevRef
		}
		prev, prevRef = item, ref
	}
	if prevRef != nil {
		parent["Last"] = *prevRef
	}
	return nil
}
