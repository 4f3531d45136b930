// Package diag holds the problems a build finds, each pointing at a file and
// line, worded for editors in plain Simplified Chinese.
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error stops the build; the previous output is kept.
	Error Severity = iota
	// Warning is reported but the build goes on.
	Warning
)

func (s Severity) String() string {
	if s == Warning {
		return "警告"
	}
	return "错误"
}

// Diagnostic is one problem: where it is and what to do about it.
type Diagnostic struct {
	Path     string   `json:"path"` // relative to the site folder, e.g. "content/regulations/a.md"
	Line     int      `json:"line"` // 1-based; 0 when the whole file is meant
	Severity Severity `json:"-"`
	Message  string   `json:"message"`
}

// MarshalJSON writes the diagnostic with its severity as "error" or
// "warning", for djkb check --json.
func (d Diagnostic) MarshalJSON() ([]byte, error) {
	sev := "error"
	if d.Severity == Warning {
		sev = "warning"
	}
	return json.Marshal(struct {
		Path     string `json:"path"`
		Line     int    `json:"line"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}{d.Path, d.Line, sev, d.Message})
}

// String formats the diagnostic as "path:line: 错误：message", one line
// of plain text: control characters (a file name may hold a newline or an
// escape sequence) are written as escapes such as \n and \x1b.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.Path != "" {
		writeEscaped(&b, d.Path)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
		}
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString("：")
	writeEscaped(&b, d.Message)
	return b.String()
}

// unprintable reports whether r would break a line of a terminal or change
// what it shows: control characters, and the marks that reorder text from
// right to left, which can make a name look like another.
func unprintable(r rune) bool {
	return unicode.IsControl(r) || r == '\u200e' || r == '\u200f' || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// HasControl reports whether s holds a character that String escapes, or
// is not valid UTF-8.
func HasControl(s string) bool {
	return !utf8.ValidString(s) || strings.IndexFunc(s, unprintable) >= 0
}

// writeEscaped writes s with its unprintable characters and invalid bytes
// escaped as Go writes them in strings.
func writeEscaped(b *strings.Builder, s string) {
	if !HasControl(s) {
		b.WriteString(s)
		return
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(b, `\x%02x`, s[i])
		case unprintable(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
}

// List collects diagnostics; it is safe for concurrent use.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Add records a diagnostic.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Errorf records an error at path:line.
func (l *List) Errorf(path string, line int, format string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Severity: Error, Message: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at path:line.
func (l *List) Warnf(path string, line int, format string, args ...any) {
	l.Add(Diagnostic{Path: path, Line: line, Severity: Warning, Message: fmt.Sprintf(format, args...)})
}

// AddAll records diagnostics kept from elsewhere.
func (l *List) AddAll(ds []Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, ds...)
	l.mu.Unlock()
}

// Merge appends every diagnostic of other.
func (l *List) Merge(other *List) { l.AddAll(other.Items()) }

// Items returns the diagnostics sorted by path, line and message, so that
// parallel builds report in a stable order.
func (l *List) Items() []Diagnostic {
	l.mu.Lock()
	out := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Message, b.Message))
	})
	return out
}

// Count returns how many diagnostics have the given severity.
func (l *List) Count(s Severity) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, d := range l.items {
		if d.Severity == s {
			n++
		}
	}
	return n
}

// HasErrors reports whether any diagnostic is an error.
func (l *List) HasErrors() bool { return l.Count(Error) > 0 }
