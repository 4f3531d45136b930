package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// ids hands out element ids that keep Chinese text and are unique within a
// page: a repeated id gets "-1", "-2", … appended, the smallest number whose
// id is free.
type ids struct {
	prefix string
	used   map[string]bool
	// next holds, for a base id that has been repeated, the smallest suffix
	// that may still be free: every suffix below it is taken. Without it a
	// heading repeated n times would cost n² lookups.
	next map[string]int
}

func newIDs(prefix string) *ids {
	return &ids{prefix: prefix, used: map[string]bool{}, next: map[string]int{}}
}

// Generate implements parser.IDs.
func (s *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	return []byte(s.unique(Slug(string(value))))
}

// Put implements parser.IDs.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }

func (s *ids) unique(base string) string {
	if base == "" {
		base = "section"
	}
	base = s.prefix + base
	id := base
	if s.used[id] {
		i := max(s.next[base], 1)
		for id = suffixed(base, i); s.used[id]; id = suffixed(base, i) {
			i++
		}
		s.next[base] = i + 1
	}
	s.used[id] = true
	return id
}

// free gives id back, so that the next heading with its text gets it again.
func (s *ids) free(id string) {
	delete(s.used, id)
	// If id is a suffixed one, its base's search must start there again.
	if dash := strings.LastIndexByte(id, '-'); dash >= 0 {
		base := id[:dash]
		if n, err := strconv.Atoi(id[dash+1:]); err == nil && suffixed(base, n) == id && n < s.next[base] {
			s.next[base] = n
		}
	}
}

func suffixed(base string, i int) string { return base + "-" + strconv.Itoa(i) }

// Slug turns heading text into an id that reads like the heading: letters,
// digits and Chinese punctuation are kept (ASCII letters lower-cased), runs
// of spaces become "-", and ASCII punctuation (Markdown markup among it) is
// dropped. "第一章　总则" becomes "第一章-总则"; "九、严格组织生活" stays as it is.
func Slug(text string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '_' ||
			(r > unicode.MaxASCII && unicode.IsPunct(r)):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r) || r == '-':
			dash = true
		}
	}
	return b.String()
}
