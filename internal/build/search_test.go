package build

import (
	"reflect"
	"slices"
	"testing"

	"djkb"
)

// TestStreamDocs checks that streamDocs yields the documents searchDocs
// makes, in order, and says when it is done, also when the reader stops
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
	want := searchDocs(s, nil)
	taken := make(chan struct{})
	got := slices.Collect(streamDocs(s, taken))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("streamDocs = %+v,\nwant %+v", got, want)
	}
	<-taken
	taken = make(chan struct{})
	for range streamDocs(s, taken) {
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
