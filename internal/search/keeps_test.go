package search

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestWriteKeepsNoText checks that nothing the index keeps refers to the
// documents' text, but while a pass reads it: the documents it took have
// no parts, the parts' labels hold no text, and the blocks' text waits in
// the spill (a segment holds no pointer at all). The documents given stay
// as they were.
func TestWriteKeepsNoText(t *testing.T) {
	defer SmallShards()()
	long := strings.Repeat("第一条　机关党组织应当定期开展主题党日活动。", 200)
	given := []Doc{
		{Path: "a.md", Title: "甲", Parts: []Part{{Text: "前言"}, {Anchor: "一", Heading: "一", Text: "一、" + long}}},
		{Path: "b.md", Title: "乙", Parts: []Part{{Text: long + "。"}, {Heading: "附则"}}},
	}
	before := slices.Clone(given[0].Parts)
	tk := takeDocs(slices.Values(given))
	defer tk.text.close()
	docs, blocks, parts := tk.docs, tk.blocks, tk.parts
	for _, d := range docs {
		if d.Parts != nil {
			t.Errorf("%s: the index's copy keeps its parts", d.Path)
		}
	}
	if len(parts) != 4 {
		t.Fatalf("%d part labels, want 4", len(parts))
	}
	seg := reflect.TypeFor[segment]()
	for i := range seg.NumField() {
		switch f := seg.Field(i); f.Type.Kind() {
		case reflect.Int32, reflect.Bool:
		default:
			t.Errorf("segment.%s is a %s: a segment holds numbers only, its text waits in the spill", f.Name, f.Type)
		}
	}
	tc := buildTextCode(blocks, tk.text)
	ts := &textShards{docs: docs, parts: parts, blocks: blocks, text: tk.text, cuts: planTextShards(blocks, tc.ratio), tc: tc}
	if len(ts.cuts) < 4 {
		t.Fatalf("%d shards: too few to span both workers", len(ts.cuts)-1)
	}
	_, ts.mc = docTable(docs, blocks)
	o := newIndexFiles(discard{}, "")
	indexBlocks(o, ts)
	o.close()
	if !slices.Equal(given[0].Parts, before) {
		t.Error("the documents given changed")
	}
}

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }
