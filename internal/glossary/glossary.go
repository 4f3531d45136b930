// Package glossary reads the site's glossary (术语表): the terms editors
// keep, each with its other names. Search expands a query by them; pages
// link a term's first mention to its entry.
package glossary

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Path is the glossary page's source, relative to content/. Each of its
// "## " headings is a term; a line "又称：A、B" under it lists the term's
// other names.
const Path = "glossary.md"

// aliasPrefixes open the line of a term's other names.
var aliasPrefixes = []string{"又称：", "又称:", "同义词：", "同义词:", "简称：", "简称:", "全称：", "全称:"}

// Aliases returns the names a line lists, when it is a line of other names.
func Aliases(line string) ([]string, bool) {
	line = strings.TrimSpace(line)
	for _, pre := range aliasPrefixes {
		if rest, ok := strings.CutPrefix(line, pre); ok {
			return AppendNames(nil, rest), true
		}
	}
	return nil, false
}

// AppendNames adds to names those of a list written with 、，, ; or spaces,
// each once.
func AppendNames(names []string, list string) []string {
	for _, n := range strings.FieldsFunc(list, func(r rune) bool {
		return strings.ContainsRune("、，,；; 　。", r)
	}) {
		n = strings.TrimFunc(n, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("“”\"《》", r) })
		if n != "" && !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	return names
}

// An Entry is a term and its other names; Names[0] is the heading's.
type Entry struct {
	Names []string
}

// Parse reads the entries of the glossary's Markdown: every "## " heading,
// with the names of the alias lines under it. Headings inside fenced code
// are not terms.
func Parse(md []byte) []Entry {
	var out []Entry
	fence := false
	for line := range strings.Lines(string(md)) {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			continue
		}
		if fence {
			continue
		}
		if h, ok := strings.CutPrefix(t, "## "); ok {
			if h = strings.TrimSpace(strings.TrimRight(h, "#")); h != "" {
				out = append(out, Entry{Names: []string{h}})
			}
			continue
		}
		if names, ok := Aliases(t); ok && len(out) > 0 {
			e := &out[len(out)-1]
			for _, n := range names {
				if !slices.Contains(e.Names, n) {
					e.Names = append(e.Names, n)
				}
			}
		}
	}
	return out
}

// A Matcher finds the names of a glossary's entries in text, longest name
// first where two start at one place.
type Matcher struct {
	byFirst map[rune][]name // names by their first character, longest first
}

type name struct {
	text  string
	entry int
}

// NewMatcher prepares the names of entries for Find. Names of one
// character are left out: they match too much.
func NewMatcher(entries []Entry) *Matcher {
	m := &Matcher{byFirst: map[rune][]name{}}
	for i, e := range entries {
		for _, n := range e.Names {
			if utf8.RuneCountInString(n) < 2 {
				continue
			}
			r, _ := utf8.DecodeRuneInString(n)
			m.byFirst[r] = append(m.byFirst[r], name{n, i})
		}
	}
	for _, list := range m.byFirst {
		slices.SortStableFunc(list, func(a, b name) int { return len(b.text) - len(a.text) })
	}
	return m
}

// A Match is a name found in text: bytes Start to End, of entry Entry.
type Match struct {
	Start, End, Entry int
}

// Find returns the first mention in text of each entry that skip does not
// refuse, in order and not overlapping. skip is asked once per entry found.
func (m *Matcher) Find(text string, skip func(entry int) bool) []Match {
	if m == nil || len(m.byFirst) == 0 {
		return nil
	}
	var out []Match
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		found := false
		for _, n := range m.byFirst[r] {
			if strings.HasPrefix(text[i:], n.text) {
				if !skip(n.entry) {
					out = append(out, Match{i, i + len(n.text), n.entry})
					i += len(n.text)
					found = true
				}
				break
			}
		}
		if !found {
			i += size
		}
	}
	return out
}
