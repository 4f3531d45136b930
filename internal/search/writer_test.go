package search_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"djkb/internal/search"
	"djkb/internal/search/searchtest"
)

var testFacets = []search.Facet{{Key: "section", Label: "栏目"}, {Key: "status", Label: "效力状态"}, {Key: "year", Label: "年度"}, {Key: "tags", Label: "专题"}}

// memFiles is a writer that keeps the files in memory.
type memFiles map[string][]byte

func (m memFiles) WriteFile(name string, data []byte) error {
	m[name] = slices.Clone(data)
	return nil
}

// writeIndex writes docs into a fresh folder and returns it.
func writeIndex(t testing.TB, docs []search.Doc) string {
	t.Helper()
	dir := t.TempDir()
	if err := search.Write(searchtest.Dir(dir), slices.Values(docs), search.Options{Facets: testFacets}); err != nil {
		t.Fatal(err)
	}
	return dir
}

// readAll returns every file under dir, by relative path.
func readAll(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[rel] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestWriteDeterministic(t *testing.T) {
	docs := sortedDocs(handCorpus())
	a, b := readAll(t, writeIndex(t, docs)), readAll(t, writeIndex(t, docs))
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between two writes", name)
		}
	}
}

// longCorpus is handCorpus with a document whose parts span blocks, with
// shards small enough that they span the two workers of the index pass.
func longCorpus() []search.Doc {
	return append(sortedDocs(handCorpus()), search.Doc{URL: "long/", Path: "long.md", Title: "长文", Parts: []search.Part{
		{Text: strings.Repeat("第一条　机关党组织应当定期开展主题党日活动。", 200)},
		{Anchor: "第二条", Heading: "第二条", Text: "第二条　" + strings.Repeat("支部委员会每月召开一次。", 150)},
	}})
}

// TestWriteLeavesDocs checks that Write changes nothing in the documents it
// reads.
func TestWriteLeavesDocs(t *testing.T) {
	defer search.SmallShards()()
	docs := longCorpus()
	before := make([]search.Doc, len(docs))
	for i, d := range docs {
		before[i] = d
		before[i].Parts = slices.Clone(d.Parts)
	}
	writeIndex(t, docs)
	if !reflect.DeepEqual(docs, before) {
		t.Error("Write changed the documents")
	}
}

func TestWriteRoundTrip(t *testing.T) {
	docs := sortedDocs(handCorpus())
	got, err := searchtest.ReadIndex(writeIndex(t, docs))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(docs) {
		t.Fatalf("read %d docs, wrote %d", len(got), len(docs))
	}
	for i, want := range docs {
		g := got[i]
		if g.Title != want.Title || g.Path != want.Path || g.URL != want.URL || g.Date != want.Date || g.Status != want.Status || g.Section != want.Section {
			t.Errorf("doc %d: got %q %q %q %q %q %q", i, g.Title, g.Path, g.URL, g.Date, g.Status, g.Section)
		}
		var wantParts []search.Part
		for _, p := range want.Parts {
			if p.Text != "" || p.Heading != "" {
				wantParts = append(wantParts, p)
			}
		}
		if len(g.Parts) != len(wantParts) {
			t.Errorf("%s: %d parts, want %d", want.Path, len(g.Parts), len(wantParts))
			continue
		}
		for j, p := range wantParts {
			if g.Parts[j] != p {
				t.Errorf("%s part %d:\n got %+v\nwant %+v", want.Path, j, g.Parts[j], p)
			}
		}
	}
}

func TestWriteLongPartsAndScale(t *testing.T) {
	// A part far longer than a block, an empty document, and odd characters.
	long := strings.Repeat("党的建设", 3000) + "。" + strings.Repeat("x", 5000)
	docs := []search.Doc{
		{Path: "a.md", URL: "a/", Title: "长文", Parts: []search.Part{{Anchor: "h", Heading: "标题", Text: long}}},
		{Path: "b.md", URL: "b/", Title: "空文"},
		{Path: "c.md", URL: "c/", Title: "怪字", Parts: []search.Part{{Text: "\x00\u2028\U0010FFFF\xff字"}}},
	}
	got, err := searchtest.ReadIndex(writeIndex(t, docs))
	if err != nil {
		t.Fatal(err)
	}
	if len(got[0].Parts) != 1 || got[0].Parts[0].Text != long || got[0].Parts[0].Anchor != "h" {
		t.Errorf("long part not read back whole: %d parts", len(got[0].Parts))
	}
	if len(got[1].Parts) != 0 {
		t.Errorf("empty doc has parts")
	}
	if got[2].Parts[0].Text != "\x00\u2028\U0010FFFF\ufffd字" {
		t.Errorf("odd characters read back as %q", got[2].Parts[0].Text)
	}
}

func TestWriteEmpty(t *testing.T) {
	dir := writeIndex(t, nil)
	if _, err := os.Stat(filepath.Join(dir, "manifest.js")); err != nil {
		t.Fatal(err)
	}
}

// TestWriteSpill checks that the posting batches spilled to a temporary
// file leave nothing behind, and that without a temporary folder (kept in
// memory) the index is the same.
func TestWriteSpill(t *testing.T) {
	defer search.SmallShards()()
	docs := longCorpus()
	tmp := t.TempDir()
	restore := search.SpillIn(tmp)
	spilled := readAll(t, writeIndex(t, docs))
	restore()
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("Write left %d temporary files", len(left))
	}
	defer search.SpillIn(filepath.Join(tmp, "missing"))()
	kept := readAll(t, writeIndex(t, docs))
	if !reflect.DeepEqual(spilled, kept) {
		t.Error("the index differs when its batches stay in memory")
	}
}
