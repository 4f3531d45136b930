package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"djkb/internal/diag"
)

// TestWalkHiddenFiles checks which hidden files Walk warns about: Markdown
// an editor may have meant to publish, not the dot-files of tools.
func TestWalkHiddenFiles(t *testing.T) {
	site := t.TempDir()
	files := []string{
		"a.md", "..md", ".hidden.md", "regulations/.草稿.MD", // warned
		".DS_Store", ".gitkeep", ".git/README.md", ".obsidian/x.md", // silent
		".#a.md", "._a.md", ".a.md.swp", "a.md~", "~$报告.docx",
	}
	for _, f := range files {
		p := filepath.Join(site, Dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("# x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var diags diag.List
	md, assets, ok := Walk(site, false, &diags)
	if !ok || len(md) != 1 || md[0].Path != "a.md" || len(assets) != 1 || assets[0].Path != "a.md~" {
		t.Errorf("Walk found %v %v", md, assets)
	}
	warned := map[string]bool{}
	for _, d := range diags.Items() {
		if d.Severity != diag.Warning || !strings.Contains(d.Message, "重命名") {
			t.Errorf("unexpected %s", d)
		}
		warned[d.Path] = true
	}
	for _, f := range []string{"..md", ".hidden.md", "regulations/.草稿.MD"} {
		if !warned["content/"+f] {
			t.Errorf("%s: no warning", f)
		}
	}
	if len(warned) != 3 {
		t.Errorf("warned about %v", warned)
	}
}

// TestIndexAndToolFiles: the index of every common folder convention is an
// index; the navigation files of docsify and GitBook are not pages.
func TestIndexAndToolFiles(t *testing.T) {
	for name, want := range map[string]bool{
		"_index.md": true, "index.md": true, "README.md": true, "readme.md": true, "Readme.md": true,
		"a.md": false, "README.txt": false, "my_index.md": false,
	} {
		if got := IsIndexName(name); got != want {
			t.Errorf("IsIndexName(%q) = %v, want %v", name, got, want)
		}
	}
	site := t.TempDir()
	for _, f := range []string{"a/README.md", "_sidebar.md", "a/_navbar.md", "_coverpage.md", "SUMMARY.md", "b.md"} {
		p := filepath.Join(site, Dir, f)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte("# x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var diags diag.List
	md, _, _ := Walk(site, false, &diags)
	var got []string
	for _, f := range md {
		got = append(got, f.Path)
	}
	if strings.Join(got, " ") != "a/README.md b.md" || len(diags.Items()) > 0 {
		t.Errorf("Walk found %q, %v; want the README and b.md, silently", got, diags.Items())
	}
}
