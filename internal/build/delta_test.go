package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"djkb"
)

// TestSessionDelta checks that an edit brings the search index up to date
// at once, by a delta index beside the main one, and that undoing the edit
// drops the delta again.
func TestSessionDelta(t *testing.T) {
	sess, site := sampleSession(t, true)
	mainManifest, _ := sess.File("search/manifest.js")
	if !bytes.HasPrefix(mainManifest, []byte(`djkbSearch._register("manifest",`)) {
		t.Fatalf("manifest.js of the first build starts %q", mainManifest[:40])
	}
	var rel string
	filepath.WalkDir(filepath.Join(site, "content", "regulations"), func(p string, d os.DirEntry, err error) error {
		if err == nil && rel == "" && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			rel, _ = filepath.Rel(site, p)
		}
		return nil
	})
	abs := filepath.Join(site, rel)
	orig, _ := os.ReadFile(abs)
	if err := os.WriteFile(abs, append(append([]byte{}, orig...), "\n\n增量索引测试短语。\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	sess.Changed([]string{filepath.ToSlash(rel)})
	_, changed, err := sess.Build()
	if err != nil {
		t.Fatal(err)
	}
	manifest, _ := sess.File("search/manifest.js")
	if !bytes.HasPrefix(manifest, []byte(`djkbSearch._register("x/manifest",`)) || !bytes.HasSuffix(manifest, mainManifest) {
		t.Fatalf("manifest.js after an edit does not register a delta, then the main index")
	}
	var delta []string
	for _, name := range sess.Files() {
		if strings.HasPrefix(name, "search/x/") {
			delta = append(delta, name)
			data, _ := sess.File(name)
			if !bytes.HasPrefix(data, []byte(`djkbSearch._register("x/`)) {
				t.Errorf("%s does not register an x/ file", name)
			}
		}
	}
	if len(delta) < 4 || len(delta) > 8 {
		t.Errorf("delta files: %v", delta)
	}
	if !slices.Contains(changed, "search/manifest.js") || !slices.Contains(changed, delta[0]) {
		t.Errorf("changed files %v lack the delta", changed)
	}
	if bytes.Contains(manifest, []byte(`"nd":1,`)) == false {
		t.Errorf("the delta should hold one document: %.300s", manifest)
	}

	// Undoing the edit leaves the main index alone.
	if err := os.WriteFile(abs, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	sess.Changed([]string{filepath.ToSlash(rel)})
	if _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	if m, _ := sess.File("search/manifest.js"); !bytes.Equal(m, mainManifest) {
		t.Errorf("manifest.js after undoing the edit is not the main index's")
	}
	for _, name := range sess.Files() {
		if strings.HasPrefix(name, "search/x/") {
			t.Errorf("delta file %s left after undoing the edit", name)
		}
	}
}

// sampleSession builds a copy of the sample site in a session, its whole
// search index written; with deltaOnly, edits leave the index to a delta.
func sampleSession(t *testing.T, deltaOnly bool) (*Session, string) {
	t.Helper()
	root, _ := filepath.Abs("../..")
	site := copySample(t, root, "")
	sess := NewSession(Options{SiteDir: site, Defaults: djkb.Defaults})
	sess.deltaOnly = deltaOnly
	if _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	sess.WaitIndex()
	return sess, site
}

// TestSessionIndexBurst edits faster than the background index is written:
// the jobs asked for meanwhile collapse into one, and once it is done the
// session's files equal a clean build's.
func TestSessionIndexBurst(t *testing.T) {
	sess, site := sampleSession(t, false)
	files := pageFiles(t, site)
	for i := range 6 {
		rel := files[i*7%len(files)]
		data, err := os.ReadFile(filepath.Join(site, rel))
		if err != nil {
			t.Fatal(err)
		}
		data = append(data, fmt.Sprintf("\n\n连续修改第%d次：增量索引。\n", i)...)
		if err := os.WriteFile(filepath.Join(site, rel), data, 0o644); err != nil {
			t.Fatal(err)
		}
		sess.Changed([]string{rel})
		if _, _, err := sess.Build(); err != nil {
			t.Fatal(err)
		}
	}
	sess.WaitIndex()
	sess.mu.Lock()
	running, pending, indexing := sess.running, sess.pending, sess.indexing
	sess.mu.Unlock()
	if running || pending != nil || indexing != 0 {
		t.Fatalf("after WaitIndex: running %v, pending %v, indexing %d", running, pending != nil, indexing)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{SiteDir: site, OutDir: out, Defaults: djkb.Defaults}); err != nil {
		t.Fatal(err)
	}
	compareWithDir(t, "after a burst of edits", sess, out)
}
