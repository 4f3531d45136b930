package build

import (
	"hash/maphash"
	"iter"
	"time"

	"djkb/internal/content"
	"djkb/internal/markdown"
	"djkb/internal/output"
	"djkb/internal/search"
	"djkb/internal/site"
)

// facets are the filters of the search page, in display order: the facet
// fields of the content schema.
var facets = func() []search.Facet {
	var out []search.Facet
	for _, f := range content.FacetFields() {
		out = append(out, search.Facet{Key: f.Key, Label: f.Label})
	}
	return out
}()

// streamDocs yields the documents of the site's pages, each made as it is
// asked for, once the gate says the page is converted, so that the index,
// which keeps no text, holds no document's parts beyond the one it reads.
// With drop, a page's parts go once its document is taken. taken is closed
// once all are yielded.
func streamDocs(s *site.Site, gate *docGate, drop bool, taken chan<- struct{}) iter.Seq[search.Doc] {
	return func(yield func(search.Doc) bool) {
		defer close(taken)
		for i, p := range s.Pages {
			gate.take(i)
			if !yield(searchDoc(p, searchParts(p.Parts()))) {
				return
			}
			if drop {
				p.ReleaseParts()
			}
			gate.took(i)
		}
	}
}

// searchDoc is the document of the index of page p, with its parts.
func searchDoc(p *site.Page, parts []search.Part) search.Doc {
	d := search.Doc{
		URL:    p.URL,
		Path:   p.Src.Path,
		Title:  p.Title,
		Status: p.Status(),
		Facets: map[string][]string{},
		Parts:  parts,
	}
	if t := p.TopSection(); t != nil {
		d.Section = t.Title
	}
	d.Date = isoDay(p.Date)
	for _, f := range facets {
		if v := p.Values(f.Key); len(v) > 0 {
			d.Facets[f.Key] = v
		}
	}
	if v, ok := p.Validity(); ok {
		d.InForce = &search.Validity{From: isoDay(v.From), Until: isoDay(v.Until), Ended: v.Ended}
	}
	return d
}

// isoDay writes a date as the index takes it, "" for none.
func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// docCache keeps, for djkb serve, each page's document of the index by
// source path, with what it was made from: an edit makes again only the
// documents of the pages it changed.
type docCache map[string]cachedDoc

type cachedDoc struct {
	src      *content.Source // the page's file as loaded: its front matter, path and address
	section  string          // the title of the page's top section
	validity site.Validity
	regular  bool           // the page has a Validity
	from     *markdown.Part // the first of the converted parts
	n        int
	content  uint64 // the page's ContentHash
	doc      search.Doc
	sum      uint64 // fingerprints doc, for docsFingerprint
}

// docs returns the documents of the site's pages, from c where a page's
// file, section, validity and converted text are the ones a document was
// made from, and the fingerprint of them all; c keeps them for the next
// build.
func (c *docCache) docs(s *site.Site) ([]search.Doc, uint64) {
	next := make(docCache, len(s.Pages))
	docs := make([]search.Doc, 0, len(s.Pages))
	var h maphash.Hash
	h.SetSeed(hashSeed)
	for _, p := range s.Pages {
		want := cachedDoc{src: p.Src, content: p.ContentHash}
		if t := p.TopSection(); t != nil {
			want.section = t.Title
		}
		want.validity, want.regular = p.Validity()
		if parts := p.Parts(); len(parts) > 0 {
			want.from, want.n = &parts[0], len(parts)
		}
		e, ok := (*c)[p.Src.Path]
		if !ok || e.src != want.src || e.section != want.section || e.validity != want.validity || e.regular != want.regular ||
			e.from != want.from || e.n != want.n || e.content != want.content {
			e = want
			e.doc = searchDoc(p, searchParts(p.Parts()))
			e.sum = docSum(p, &e.doc)
		}
		next[p.Src.Path] = e
		docs = append(docs, e.doc)
		maphash.WriteComparable(&h, e.sum)
	}
	*c = next
	return docs, h.Sum64()
}

// docSum fingerprints what the index reads of a page's document: its
// text through the page's ContentHash.
func docSum(p *site.Page, d *search.Doc) uint64 {
	var h maphash.Hash
	h.SetSeed(hashSeed)
	for _, str := range [...]string{d.URL, d.Path, d.Title, d.Section, d.Date, d.Status} {
		h.WriteString(str)
		h.WriteByte(0)
	}
	maphash.WriteComparable(&h, p.ContentHash)
	for _, f := range facets {
		for _, v := range d.Facets[f.Key] {
			h.WriteString(v)
			h.WriteByte(0)
		}
		h.WriteByte(1)
	}
	if v := d.InForce; v != nil {
		maphash.WriteComparable(&h, *v)
	}
	return h.Sum64()
}

func searchParts(parts []markdown.Part) []search.Part {
	out := make([]search.Part, len(parts))
	for i, p := range parts {
		out[i] = search.Part{Anchor: p.Anchor, Heading: p.Heading, Text: p.Text}
	}
	return out
}

// writeIndex writes the index of the documents of docs into search/ of out.
func writeIndex(out output.Writer, docs iter.Seq[search.Doc]) error {
	// A Writer keeps no reference to data (renderers reuse their buffers
	// too): the index's buffers go to it as they are.
	return search.Write(inFolder{out, "search/"}, docs, search.Options{Facets: facets})
}

// inFolder writes the files given to it into a folder of w.
type inFolder struct {
	w      output.Writer
	folder string // with a trailing slash
}

func (f inFolder) WriteFile(name string, data []byte) error {
	return f.w.WriteFile(f.folder+name, data)
}
