package build

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"djkb"
	"djkb/internal/site"
)

// TestStreamDocs checks that streamDocs yields the documents djkb serve
// makes (docCache), in order, and says when it is done, also when the reader stops
// early: the pages' parts are let go only then.
func TestStreamDocs(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"content/regulations/a.md": "# 甲规定\n\n第一条　为了规范工作，制定本规定。\n",
		"content/regulations/b.md": "# 乙规定\n\n第一条　本规定自印发之日起施行。\n",
	})
	s, diags := Load(Options{SiteDir: dir, Defaults: djkb.Defaults})
	if diags.HasErrors() {
		t.Fatal(diags.Items())
	}
	var c docCache
	want, _ := c.docs(s)
	taken := make(chan struct{})
	got := slices.Collect(streamDocs(s, newGate(s.Pages, nil), false, taken))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("streamDocs = %+v,\nwant %+v", got, want)
	}
	<-taken
	taken = make(chan struct{})
	for range streamDocs(s, newGate(s.Pages, nil), false, taken) {
		break
	}
	<-taken
}

// TestInFolder checks that the index's files land in the folder given.
func TestInFolder(t *testing.T) {
	m := &memStage{written: map[string][]byte{}}
	if err := (inFolder{m, "search/"}).WriteFile("d/0.js", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if string(m.written["search/d/0.js"]) != "x" {
		t.Errorf("written: %v", m.written)
	}
}

// TestSessionDocsFollowValidity: djkb serve keeps each page's document of
// the index while what it is made of holds; a later version's date of
// effect ends an older version's validity, though the older one's file is
// unchanged, and the index must say so as a clean build's does.
func TestSessionDocsFollowValidity(t *testing.T) {
	sess, dir := sampleSession(t, false)
	const rel = "content/regulations/本单位制度/东江省统计局机关党建工作经费管理办法.md"
	file := filepath.Join(dir, filepath.FromSlash(rel))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(string(data), "effective = 2025-04-01", "effective = 2025-06-01", 1)
	if edited == string(data) {
		t.Fatalf("%s 中没有 effective = 2025-04-01", rel)
	}
	if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	sess.Changed([]string{rel})
	if _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	sess.WaitIndex()
	site.ForgetKept()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{SiteDir: dir, OutDir: out, Defaults: djkb.Defaults}); err != nil {
		t.Fatal(err)
	}
	compareWithDir(t, "新版本改施行日期之后", sess, out)
}
