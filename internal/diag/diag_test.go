package diag

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestStringEscapesControls checks that a file name holding a newline, an
// escape sequence or a right-to-left mark prints as one readable line.
func TestStringEscapesControls(t *testing.T) {
	tests := []struct {
		path, msg, want string
	}{
		{"content/a.md", "正文", "content/a.md:3: 错误：正文"},
		{"content/a\nb.md", "正文", `content/a\nb.md:3: 错误：正文`},
		{"content/\x1b[31m红.md", "x\ty", `content/\x1b[31m红.md:3: 错误：x\ty`},
		{"content/\u202egpj.md", "正文", `content/\u202egpj.md:3: 错误：正文`},
		{"content/\xff\xfe.md", "正文", `content/\xff\xfe.md:3: 错误：正文`},
		{"content/\u0085.md", "正文\r", `content/\u0085.md:3: 错误：正文\r`},
	}
	for _, tt := range tests {
		d := Diagnostic{Path: tt.path, Line: 3, Message: tt.msg}
		got := d.String()
		if got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.path, got, tt.want)
		}
		if strings.ContainsAny(got, "\n\r\x1b") {
			t.Errorf("%q: raw control character printed", tt.path)
		}
		if HasControl(tt.path) != (tt.path != "content/a.md") {
			t.Errorf("HasControl(%q) wrong", tt.path)
		}
		// JSON keeps a valid name exact: encoding/json escapes it.
		var back Diagnostic
		data, _ := json.Marshal(d)
		if json.Unmarshal(data, &back); utf8.ValidString(tt.path) && back.Path != tt.path {
			t.Errorf("JSON changed the path: %q", back.Path)
		}
	}
}
