package search

import (
	"iter"
	"slices"
	"strings"
	"time"

	"djkb/internal/output"
	"djkb/internal/search/codec"
)

// Write writes the files of the index of the documents of src to w, named relative to the
// index folder (the output's "search/", which also holds index.html, the
// search page). It is deterministic: same docs, same bytes.
//
// Every file is a script that hands its payload to djkbSearch._register, so
// that the browser can load it with a <script> tag over HTTP and from
// file:// alike:
//
//	manifest.js  counts, blocks per document, shard boundaries, facet names
//	c.js         the text code (codebook)
//	f.js         facet values and dates of the documents
//	v.js         when the regulations were in force (the 当时有效 filter)
//	py.js        phrases a query may name in pinyin (see pinyin.go)
//	g.js         the glossary's entries, when the site has one (glossary.go)
//	d/N.js       dictionary shards: terms, document frequencies, short posting lists
//	p/N.js       long posting lists
//	t/N.js       block text, Huffman-coded, with the parts' anchors and the
//	             records of the blocks' documents, as in m/
//	m/N.js       titles, paths, URLs, dates, sections and statuses
//
// Binary payloads are base91 text (see package codec). Write uses two
// cores and keeps little beyond the documents in memory: the text shards
// are written as the index pass codes them, the dictionary as its lists
// are coded.
//
// Write never changes the documents src yields, and keeps no reference to
// a part's text once the next document is asked for: the text waits in a
// temporary file (see spill) for the passes that read it. A caller that
// makes each document as src yields it, or lets go of it, lets its text be
// freed as soon as nothing else holds it.
func Write(w output.Writer, src iter.Seq[Doc], opts Options) error {
	t := stageTimer{start: time.Now()}
	prefix := ""
	if opts.Delta != nil {
		prefix = DeltaPrefix
	}
	o := newIndexFiles(w, prefix)
	tk := takeDocs(src)
	docs, blocks, gloss := tk.docs, tk.blocks, tk.gloss
	tc := buildTextCode(blocks, tk.text)
	cuts := planTextShards(blocks, tc.ratio)
	table, mc := docTable(docs, blocks)
	t.done("text code")
	post := indexBlocks(o, &textShards{docs: docs, parts: tk.parts, blocks: blocks, text: tk.text, cuts: cuts, tc: tc, mc: mc})
	if err := tk.text.close(); err != nil {
		o.fail(err)
	}
	t.done("index, text")
	if Trace != nil {
		Trace("%d docs, %d blocks, %d terms, %d symbols", len(docs), len(blocks), post.len(), len(tc.lens))
	}
	dictFirst := writeDictionary(o, post)
	if err := post.close(); err != nil {
		o.fail(err)
	}
	post = nil
	t.done("dictionary")
	var sc script
	metaFirst := writeMetaShards(o, docs, mc)
	sc.writeBin(o, "c", tc.codebook())
	facets := facetData(docs, opts.Facets)
	sc.writeJSON(o, "f", []any{nonNil(facets), codec.B91(dateTable(docs))})
	sc.writeJSON(o, "v", codec.B91(validityTable(docs)))
	sc.writeJSON(o, "py", pinyinData(docs, append(slices.Clip(opts.Terms), glossaryNames(gloss)...)))
	if gloss != nil {
		sc.writeJSON(o, "g", []any{tk.glossURL, gloss})
	}
	var facetNames [][2]string
	for _, f := range facets {
		facetNames = append(facetNames, [2]string{f[0].(string), f[1].(string)})
	}
	manifest := map[string]any{
		"v":        1,
		"id":       o.id(),
		"nd":       len(docs),
		"nb":       len(blocks),
		"docs":     codec.B91(table),
		"sections": nonNil(mc.sections),
		"statuses": nonNil(mc.statuses),
		"dict":     strings.Join(dictFirst, " "),
		"text":     codec.B91(textShardFirsts(cuts)),
		"meta":     codec.B91(metaFirst),
		"facets":   nonNil(facetNames),
		"chars":    tc.commonChars(600),
	}
	if gloss != nil {
		manifest["glossary"] = 1
	}
	if d := opts.Delta; d != nil {
		manifest["base"] = d.Base
		manifest["dead"] = codec.B91(gapList(d.Dead))
	}
	sc.writeJSON(o, "manifest", manifest)
	o.close()
	t.done("rest")
	return o.failed()
}

// A taken is what Write keeps of its documents: its own copies of them,
// without their parts, the blocks and their parts' labels, with the
// blocks' text in a spill, and the glossary.
type taken struct {
	docs     []Doc
	blocks   []block
	parts    []partLabel
	text     *spill
	gloss    []glossaryEntry
	glossURL string
}

// takeDocs collects the documents of src, one at a time, and cuts their
// parts into blocks, whose text goes to a spill as it is cut.
func takeDocs(src iter.Seq[Doc]) *taken {
	t := &taken{text: newSpill()}
	c := blockCutter{text: t.text}
	for d := range src {
		if d.Path == GlossaryPath {
			t.gloss, t.glossURL = readGlossary(d)
		}
		c.add(int32(len(t.docs)), d.Parts)
		d.Parts = nil
		t.docs = append(t.docs, d)
	}
	t.blocks, t.parts = c.blocks()
	return t
}

// Trace, when set, receives the time each stage of Write takes and a few
// counts (for benchmarks).
var Trace func(format string, args ...any)

type stageTimer struct{ start time.Time }

func (t *stageTimer) done(stage string) {
	if Trace != nil {
		Trace("%-12s %v", stage, time.Since(t.start).Round(time.Millisecond))
	}
	t.start = time.Now()
}
