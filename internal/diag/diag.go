// Package diag holds the problems a build finds, each pointing at a file and
// line, worded for editors in plain Simplified Chinese.
package diag

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
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

// String formats the diagnostic as "path:line: 错误：message".
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.Path != "" {
		b.WriteString(d.Path)
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
		}
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString("：")
	b.WriteString(d.Message)
	return b.String()
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
