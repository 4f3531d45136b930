package search

import (
	"strings"
)

// GlossaryPath is the source of the glossary page (术语表), relative to
// content/. Each of its headings is a term; a line “又称：A、B” under it
// lists the term's other names. A query for any name of an entry also finds
// the pages of the others, after its own results and labelled 含同义词
// (engine.js synonyms); the names are also phrases a pinyin query may spell.
const GlossaryPath = "glossary.md"

// aliasPrefixes open the line of a term's other names.
var aliasPrefixes = []string{"又称：", "又称:", "同义词：", "同义词:", "简称：", "简称:", "全称：", "全称:"}

// An entry of the glossary: its names, the heading's first, and the
// heading's anchor on the glossary page.
type glossaryEntry struct {
	Names  []string `json:"names"`
	Anchor string   `json:"anchor"`
}

// readGlossary returns the entries of the glossary page, if docs hold it,
// and its URL.
func readGlossary(docs []Doc) ([]glossaryEntry, string) {
	for i := range docs {
		if docs[i].Path != GlossaryPath {
			continue
		}
		var out []glossaryEntry
		for _, p := range docs[i].Parts {
			term := strings.TrimSpace(p.Heading)
			if term == "" {
				continue
			}
			e := glossaryEntry{Names: []string{term}, Anchor: p.Anchor}
			for _, line := range strings.Split(p.Text, "\n") {
				line = strings.TrimSpace(line)
				for _, pre := range aliasPrefixes {
					if rest, ok := strings.CutPrefix(line, pre); ok {
						e.Names = appendNames(e.Names, rest)
					}
				}
			}
			if len(e.Names) > 1 {
				out = append(out, e)
			}
		}
		return out, docs[i].URL
	}
	return nil, ""
}

// appendNames adds the names of a list written with 、，, ; or spaces.
func appendNames(names []string, list string) []string {
	for _, n := range strings.FieldsFunc(list, func(r rune) bool {
		return strings.ContainsRune("、，,；; 　。", r)
	}) {
		if n = strings.Trim(n, "“”\"《》"); n != "" && !contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// glossaryNames lists every name of every entry, for pinyin.
func glossaryNames(es []glossaryEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Names...)
	}
	return out
}
