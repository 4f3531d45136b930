package markdown

import (
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
