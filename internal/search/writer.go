package search

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"hash"
	"hash/fnv"
	"os"
	"path/filepath"
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
//	manifest.js  counts, the document table, shard boundaries, facet names
//	c.js         the text code (codebook)
//	f.js         facet values per document
//	d/N.js       dictionary shards: terms, document frequencies, short posting lists
//	p/N.js       long posting lists
//	t/N.js       block text, Huffman-coded
//	m/N.js       titles, paths and URLs
func Write(dir string, docs []Doc, opts Options) error {
	t := stageTimer{start: time.Now()}
	blocks := cutBlocks(docs)
	t.done("blocks")
	post, counts := buildPostings(docs, blocks, 2)
	t.done("postings")
	dict := buildDictionary(post)
	t.done("dictionary")
	tc := buildTextCode(blocks, post, counts)
	t.done("text code")
	if Trace != nil {
		Trace("%d docs, %d blocks, %d terms, %d postings, %d symbols", len(docs), len(blocks), post.len(), len(post.post), len(tc.lens))
	}
	post = nil
	texts := buildTextShards(docs, blocks, tc)
	t.done("text shards")
	metas := buildMetaShards(docs)
	table, sections, statuses := docTable(docs, blocks)
	defer t.done("write")

	w := &fileWriter{dir: dir, hash: fnv.New64a()}
	for _, sub := range []string{"d", "p", "t", "m"} {
		if err := os.RemoveAll(filepath.Join(dir, sub)); err != nil { // shards of an earlier build
			return err
		}
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	for i, s := range dict.shards {
		w.write(fmt.Sprintf("d/%d", i), s)
	}
	for i, s := range dict.large {
		w.write(fmt.Sprintf("p/%d", i), s)
	}
	var textFirst []byte
	prevFirst := 0
	for i, s := range texts {
		w.write(fmt.Sprintf("t/%d", i), []any{s.first, b64(s.data), nonNil(s.strs)})
		textFirst = appendUvarint(textFirst, uint64(s.first-prevFirst))
		prevFirst = s.first
	}
	var metaFirst []byte
	prevFirst = 0
	for i, s := range metas {
		w.write(fmt.Sprintf("m/%d", i), []any{s.first, s.docs})
		metaFirst = appendUvarint(metaFirst, uint64(s.first-prevFirst))
		prevFirst = s.first
	}
	w.write("c", tc.codebook())
	facets := facetData(docs, opts.Facets)
	w.write("f", facets)
	var facetNames [][2]string
	for _, f := range facets {
		facetNames = append(facetNames, [2]string{f[0].(string), f[1].(string)})
	}
	w.write("manifest", map[string]any{
		"v":        1,
		"id":       fmt.Sprintf("%016x", w.hash.Sum64()),
		"nd":       len(docs),
		"nb":       len(blocks),
		"docs":     b64(table),
		"sections": nonNil(sections),
		"statuses": nonNil(statuses),
		"dict":     dict.firstKeys,
		"text":     b64(textFirst),
		"meta":     b64(metaFirst),
		"facets":   nonNil(facetNames),
		"chars":    commonChars(counts, 600),
	})
	return w.err
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

// fileWriter writes register scripts, remembering the first error and
// hashing what it writes.
type fileWriter struct {
	dir  string
	hash hash.Hash64
	err  error
	buf  bytes.Buffer
}

func (w *fileWriter) write(name string, payload any) {
	if w.err != nil {
		return
	}
	w.buf.Reset()
	w.buf.WriteString(`djkbSearch._register("` + name + `",`)
	if b, ok := payload.([]byte); ok { // base64 needs no JSON escaping
		w.buf.WriteByte('"')
		n := w.buf.Len()
		w.buf.Grow(base64.StdEncoding.EncodedLen(len(b)) + 4)
		w.buf.Write(make([]byte, base64.StdEncoding.EncodedLen(len(b))))
		base64.StdEncoding.Encode(w.buf.Bytes()[n:], b)
		w.buf.WriteByte('"')
	} else {
		enc := json.NewEncoder(&w.buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(payload); err != nil {
			w.err = err
			return
		}
		w.buf.Truncate(w.buf.Len() - 1) // the encoder's newline
	}
	w.buf.WriteString(");\n")
	w.hash.Write(w.buf.Bytes())
	w.err = os.WriteFile(filepath.Join(w.dir, name+".js"), w.buf.Bytes(), 0o644)
}

func b64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
