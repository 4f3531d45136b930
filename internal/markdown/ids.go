package markdown

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// ids hands out element ids that keep Chinese text and are unique within a
// page: a repeated id gets "-1", "-2", … appended.
type ids struct {
	prefix string
	used   map[string]bool
}

func newIDs(prefix string) *ids { return &ids{prefix: prefix, used: map[string]bool{}} }

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
	for i := 1; s.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s.used[id] = true
	return id
}

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
