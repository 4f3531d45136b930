package build

import (
	"testing"

	"djkb/internal/search"
)

// TestHandOver checks that handOver yields the documents in order and lets
// go of each slot as it yields it, also when the reader stops early.
func TestHandOver(t *testing.T) {
	docs := []search.Doc{{Path: "a.md"}, {Path: "b.md"}, {Path: "c.md"}}
	var got []string
	for d := range handOver(docs) {
		if docs[len(got)].Path != "" {
			t.Fatalf("%s: its slot is still held while it is read", d.Path)
		}
		got = append(got, d.Path)
		if len(got) == 2 {
			break
		}
	}
	if len(got) != 2 || got[0] != "a.md" || got[1] != "b.md" {
		t.Errorf("yielded %q, want a.md, b.md", got)
	}
	if docs[2].Path != "c.md" {
		t.Error("a document not yet yielded was let go")
	}
}

// TestInFolder checks that the index's files land in the folder given.
func TestInFolder(t *testing.T) {
	m := &memStage{written: map[string][]byte{}}
	if err := (inFolder{m, "search/"}).WriteFile("d/0.js", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if string(m.written["search/d/0.js"]) != "x" {
		t.Errorf("written: %v", m.written)
	}
}
