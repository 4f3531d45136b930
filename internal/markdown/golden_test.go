package markdown

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// linkEcho is a resolver that marks every destination it sees.
type linkEcho struct{}

func (linkEcho) Link(dest string, line int, image bool) (string, bool) {
	return "resolved:" + dest, true
}

// TestGolden converts each testdata/*.md and compares the HTML, the table of
// contents, the parts and the summary with testdata/*.golden. Run
// "go test ./internal/markdown -update" to accept a deliberate change.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	if len(files) == 0 {
		t.Fatal("no golden inputs")
	}
	conv := New(Options{})
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			res, err := conv.Convert(Input{Source: src, FirstLine: 1, Articles: true, DropTitle: true, Resolver: linkEcho{}, SummaryLength: 30})
			if err != nil {
				t.Fatal(err)
			}
			meta, _ := json.MarshalIndent(struct {
				TOC     []Heading
				Anchors []string
				Parts   []Part
				Summary string
			}{res.TOC, res.Anchors, res.Parts, res.Summary}, "", "  ")
			got := res.HTML + "\n---\n" + string(meta) + "\n"
			golden := strings.TrimSuffix(f, ".md") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s:\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
		})
	}
}
