package markdown

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSlug checks that heading ids are valid UTF-8, hold no space, quote or
// angle bracket, and are unique however often a heading repeats.
func FuzzSlug(f *testing.F) {
	for _, seed := range []string{"第一章　总则", "九、严格党的组织生活制度", "Work *Method* 2024", "", "  ", "\"<>", "a\x00b"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		s := Slug(text)
		if !utf8.ValidString(s) && utf8.ValidString(text) {
			t.Fatalf("Slug(%q) = %q is not UTF-8", text, s)
		}
		if strings.ContainsAny(s, " \t\n\"'<>&") {
			t.Fatalf("Slug(%q) = %q holds a character an id must not", text, s)
		}
		ids := newIDs("")
		seen := map[string]bool{}
		for range 3 {
			id := string(ids.Generate([]byte(text), 0))
			if seen[id] {
				t.Fatalf("repeated id %q for %q", id, text)
			}
			seen[id] = true
		}
	})
}

// refIDs is the id scheme as it was first written, counting up from "-1" on
// every repeat: the reference the faster ids must agree with.
type refIDs struct {
	prefix string
	used   map[string]bool
}

func (s *refIDs) unique(base string) string {
	if base == "" {
		base = "section"
	}
	base = s.prefix + base
	id := base
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return id
}

// idTexts are heading texts whose ids clash with each other's suffixed ids.
var idTexts = []string{"a", "a-1", "a-2", "a-3", "a-1-1", "a-01", "a-0", "a--1", "", "section", "section-1", "第一条", "第一条-2", "A"}

// runIDs replays ops on both schemes: each byte picks a text and whether it
// is generated, Put (an id written out in the Markdown) or freed (the dropped
// title's id given back). It fails on the first id that differs or repeats.
func runIDs(t *testing.T, ops []byte) {
	t.Helper()
	got, want := newIDs("p-"), &refIDs{prefix: "p-", used: map[string]bool{}}
	var handed []string
	for _, op := range ops {
		text := idTexts[int(op>>2)%len(idTexts)]
		switch op & 3 {
		case 0, 1:
			g := string(got.Generate([]byte(text), 0))
			if w := want.unique(Slug(text)); g != w {
				t.Fatalf("ops %v: id %q for %q, the old scheme gives %q", ops, g, text, w)
			}
			handed = append(handed, g)
		case 2:
			got.Put([]byte("p-" + text))
			want.used["p-"+text] = true
		case 3:
			if len(handed) > 0 {
				id := handed[int(op>>2)%len(handed)]
				got.free(id)
				delete(want.used, id)
			}
		}
	}
	if !maps.Equal(got.used, want.used) {
		t.Fatalf("ops %v: used ids %v, the old scheme has %v", ops, got.used, want.used)
	}
}

// FuzzIDs checks the ids against the old scheme on any sequence of headings.
func FuzzIDs(f *testing.F) {
	f.Add([]byte{0, 0, 0, 4, 4, 8, 0, 0})
	f.Add([]byte{4, 0, 0, 3, 0, 0})
	f.Add([]byte{6, 10, 0, 0, 0, 0, 7, 0})
	f.Fuzz(runIDs)
}

// TestIDsMatchOldScheme runs random sequences, as FuzzIDs does without -fuzz.
func TestIDsMatchOldScheme(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		ops := make([]byte, rng.IntN(40))
		for i := range ops {
			ops[i] = byte(rng.IntN(256))
		}
		runIDs(t, ops)
	}
}

// TestManyRepeatedIDs converts a page where one heading repeats a hundred
// thousand times: once quadratic, that never finished.
func TestManyRepeatedIDs(t *testing.T) {
	const n = 100_000
	src := "第一条　内容。\n\n第一条　内容。\n\n" + strings.Repeat("## 第一条\n", n)
	res, err := New(Options{}).Convert(Input{Source: []byte(src), Articles: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Anchors) != n+2 {
		t.Fatalf("%d anchors, want %d", len(res.Anchors), n+2)
	}
	for _, want := range []string{"第一条", "第一条-1", fmt.Sprintf("第一条-%d", n+1)} {
		if _, ok := slices.BinarySearch(res.Anchors, want); !ok {
			t.Errorf("no anchor %q", want)
		}
	}
}
