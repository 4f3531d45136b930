package build

import (
	"encoding/binary"
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

// searchDocs turns the site's pages into the documents of the index. cache,
// when not nil, keeps the documents' parts from build to build.
func searchDocs(s *site.Site, cache *partsCache) []search.Doc {
	docs := make([]search.Doc, 0, len(s.Pages))
	var next partsCache
	if cache != nil {
		next = make(partsCache, len(*cache))
	}
	for _, p := range s.Pages {
		var parts []search.Part
		if cache != nil {
			parts = cache.get(next, p.Src.Path, p.Parts())
		} else {
			parts = searchParts(p.Parts())
		}
		docs = append(docs, searchDoc(p, parts))
	}
	if cache != nil {
		*cache = next
	}
	return docs
}

// streamDocs yields the documents of the site's pages, each made as it is
// asked for, so that the index, which keeps no text, holds no document's
// parts beyond the one it reads; taken is closed once all are yielded.
func streamDocs(s *site.Site, taken chan<- struct{}) iter.Seq[search.Doc] {
	return func(yield func(search.Doc) bool) {
		defer close(taken)
		for _, p := range s.Pages {
			if !yield(searchDoc(p, searchParts(p.Parts()))) {
				return
			}
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

// partsCache holds the index's copy of each page's parts, by source path,
// with the converted parts it was made from: djkb serve copies only the
// parts of the pages converted again.
type partsCache map[string]cachedParts

type cachedParts struct {
	from  *markdown.Part // the first of the converted parts
	n     int
	parts []search.Part
}

// get returns the index's parts of a page, from c when the page's converted
// parts are the same, and keeps them in next.
func (c partsCache) get(next partsCache, path string, parts []markdown.Part) []search.Part {
	if len(parts) == 0 {
		return nil
	}
	e, ok := c[path]
	if !ok || e.from != &parts[0] || e.n != len(parts) {
		e = cachedParts{from: &parts[0], n: len(parts), parts: searchParts(parts)}
	}
	next[path] = e
	return e.parts
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

// docsFingerprint summarises what the index of a site depends on, so that
// djkb serve rewrites the index only when a page's text or facts changed.
func docsFingerprint(s *site.Site) uint64 {
	var h maphash.Hash
	h.SetSeed(hashSeed)
	var num [24]byte
	for _, p := range s.Pages {
		for _, str := range [...]string{p.Src.Path, p.URL, p.Title} {
			h.WriteString(str)
			h.WriteByte(0)
		}
		binary.LittleEndian.PutUint64(num[0:], uint64(p.Date.Unix()))
		binary.LittleEndian.PutUint64(num[8:], p.Src.FrontHash)
		binary.LittleEndian.PutUint64(num[16:], p.ContentHash)
		h.Write(num[:])
		if t := p.TopSection(); t != nil {
			h.WriteString(t.Title)
		}
		for _, f := range facets {
			for _, v := range p.Values(f.Key) {
				h.WriteString(v)
				h.WriteByte(0)
			}
		}
	}
	return h.Sum64()
}
