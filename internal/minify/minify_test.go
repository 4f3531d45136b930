package minify_test

import (
	"bytes"
	"io/fs"
	"path"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/minify"
)

// TestMinifyBuiltins minifies every built-in style sheet and script: each
// must come out smaller, which also means the minifier parsed it.
func TestMinifyBuiltins(t *testing.T) {
	n := 0
	err := fs.WalkDir(djkb.Defaults, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, "/test/") {
			return err
		}
		if ext := path.Ext(p); ext != ".css" && ext != ".js" {
			return nil
		}
		data, err := fs.ReadFile(djkb.Defaults, p)
		if err != nil {
			return err
		}
		n++
		if out := minify.File(p, data); len(out) >= len(data) {
			t.Errorf("%s: %d bytes minified, %d before", p, len(out), len(data))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("only %d style sheets and scripts found", n)
	}
}

func TestMinify(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"a.css", "body {\n  color : red ;\n}\n/* note */\n", "body{color:red}"},
		{"a.js", "function add(first, second) {\n  // sum\n  return first + second;\n}\n", "function add(e,t){return e+t}"},
		{"a.js", "var s = '</script>' + \"<b>\";\n", "var s=\"</script><b>\""},
		// A script that does not parse is copied as it is.
		{"bad.js", "function (\n", "function (\n"},
		{"a.html", "<p>  x  </p>\n", "<p>  x  </p>\n"},
		{"a.svg", "<svg>  </svg>", "<svg>  </svg>"},
	} {
		if got := minify.File(tc.name, []byte(tc.in)); !bytes.Equal(got, []byte(tc.want)) {
			t.Errorf("File(%s, %q) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}
