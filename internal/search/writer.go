package search

import (
	"strings"
	"time"
)

// Write writes the index files into dir (the output's "search/" folder, which
// exists and also holds index.html, the search page). It is deterministic:
// same docs, same bytes.
//
// Every file is a script that hands its payload to djkbSearch._register, so
// that the browser can load it with a <script> tag over HTTP and from
// file:// alike:
//
//	manifest.js  counts, blocks per document, shard boundaries, facet names
//	c.js         the text code (codebook)
//	f.js         facet values and dates of the documents
//	d/N.js       dictionary shards: terms, document frequencies, short posting lists
//	p/N.js       long posting lists
//	t/N.js       block text, Huffman-coded, with the parts' anchors and the
//	             records of the blocks' documents, as in m/
//	m/N.js       titles, paths, URLs, dates, sections and statuses
//
// Binary payloads are base91 text (see base91.go). Write uses two cores and
// keeps little beyond the documents in memory: the text shards are written
// as the index pass codes them, the dictionary as its lists are coded.
func Write(dir string, docs []Doc, opts Options) error {
	t := stageTimer{start: time.Now()}
	prefix := ""
	if opts.Delta != nil {
		prefix = DeltaPrefix
	}
	o, err := newOutput(dir, prefix, opts.WriteFile)
	if err != nil {
		return err
	}
	blocks := cutBlocks(docs)
	tc := buildTextCode(blocks)
	cuts := planTextShards(blocks, tc.ratio)
	table, mc := docTable(docs, blocks)
	t.done("text code")
	post := indexBlocks(o, &textShards{docs: docs, blocks: blocks, cuts: cuts, tc: tc, mc: mc, release: opts.ReleaseText})
	t.done("index, text")
	if Trace != nil {
		Trace("%d docs, %d blocks, %d terms, %d symbols", len(docs), len(blocks), post.len(), len(tc.lens))
	}
	dictFirst := writeDictionary(o, post)
	post = nil
	t.done("dictionary")
	var sc script
	metaFirst := writeMetaShards(o, docs, mc)
	sc.writeBin(o, "c", tc.codebook())
	facets := facetData(docs, opts.Facets)
	sc.writeJSON(o, "f", []any{nonNil(facets), b91(dateTable(docs))})
	var facetNames [][2]string
	for _, f := range facets {
		facetNames = append(facetNames, [2]string{f[0].(string), f[1].(string)})
	}
	manifest := map[string]any{
		"v":        1,
		"id":       o.id(),
		"nd":       len(docs),
		"nb":       len(blocks),
		"docs":     b91(table),
		"sections": nonNil(mc.sections),
		"statuses": nonNil(mc.statuses),
		"dict":     strings.Join(dictFirst, " "),
		"text":     b91(textShardFirsts(cuts)),
		"meta":     b91(metaFirst),
		"facets":   nonNil(facetNames),
		"chars":    tc.commonChars(600),
	}
	if d := opts.Delta; d != nil {
		manifest["base"] = d.Base
		manifest["dead"] = b91(gapList(d.Dead))
	}
	sc.writeJSON(o, "manifest", manifest)
	o.close()
	t.done("rest")
	return o.failed()
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
