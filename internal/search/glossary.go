package search

import (
	"strings"

	"djkb/internal/glossary"
)

// GlossaryPath is the source of the glossary page (术语表), relative to
// content/ (see package glossary). A query for any name of an entry also
// finds the pages of the others, after its own results and labelled
// 含同义词 (engine.js synonyms); the names are also phrases a pinyin query
// may spell.
const GlossaryPath = glossary.Path

// An entry of the glossary: its names, the heading's first, and the
// heading's anchor on the glossary page.
type glossaryEntry struct {
	Names  []string `json:"names"`
	Anchor string   `json:"anchor"`
}

// readGlossary returns the entries of the glossary page d and its URL.
func readGlossary(d Doc) ([]glossaryEntry, string) {
	var out []glossaryEntry
	for _, p := range d.Parts {
		term := strings.TrimSpace(p.Heading)
		if term == "" {
			continue
		}
		e := glossaryEntry{Names: []string{term}, Anchor: p.Anchor}
		for _, line := range strings.Split(p.Text, "\n") {
			if names, ok := glossary.Aliases(line); ok {
				e.Names = glossary.AppendNames(e.Names, strings.Join(names, "、"))
			}
		}
		if len(e.Names) > 1 {
			out = append(out, e)
		}
	}
	return out, d.URL
}

// glossaryNames lists every name of every entry, for pinyin.
func glossaryNames(es []glossaryEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Names...)
	}
	return out
}
