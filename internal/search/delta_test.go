package search_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"djkb/internal/search"
	"djkb/internal/search/searchtest"
)

// editedCorpus is handCorpus after a few edits: a phrase added to one
// document, one removed from another, a status changed, a document deleted
// and one created.
func editedCorpus() []search.Doc {
	docs := sortedDocs(handCorpus())
	var out []search.Doc
	for _, d := range docs {
		d.Parts = slices.Clone(d.Parts)
		d.Facets = maps(d.Facets)
		switch d.Path {
		case "regulations/本单位制度/机关党委会议制度.md":
			d.Parts = append(d.Parts, search.Part{Anchor: "三、附则", Heading: "三、附则", Text: "三、附则\n增量索引测试短语写在这里。"})
		case "cases/机关党建/数据堡垒.md":
			d.Parts[1].Text = "严格落实组织生活制度，支部书记讲党课。"
		case "regulations/党内法规/中国共产党党和国家机关基层组织工作条例.md":
			d.Status = "已废止"
			d.Facets["status"] = []string{"已废止"}
			d.InForce = &search.Validity{From: d.InForce.From, Until: "2023-06-30"}
		case "regulations/本单位制度/请示报告制度（2020）.md":
			// The next version's 施行日期 changed: only when this one
			// was in force did.
			d.InForce = &search.Validity{From: d.InForce.From, Until: "2022-06-01"}
		case "brands/红色引擎.md":
			continue
		}
		out = append(out, d)
	}
	out = append(out, search.Doc{
		Path: "cases/机关党建/新建案例.md", URL: "cases/机关党建/新建案例/", Title: "新建的典型案例", Section: "典型案例", Date: "2024-02-02",
		Facets: map[string][]string{"section": {"典型案例"}, "year": {"2024"}, "tags": {"新专题"}},
		Parts:  []search.Part{{Text: "新建案例讲述三会一课的落实，以及数据安全的做法。"}},
	})
	return sortedDocs(out)
}

func maps(m map[string][]string) map[string][]string {
	out := map[string][]string{}
	for k, v := range m {
		out[k] = slices.Clone(v)
	}
	return out
}

func TestDiffDocs(t *testing.T) {
	main, now := sortedDocs(handCorpus()), editedCorpus()
	dead, fresh := search.DiffDocs(main, nil, now)
	var deadPaths, freshPaths []string
	for _, i := range dead {
		deadPaths = append(deadPaths, main[i].Path)
	}
	for _, d := range fresh {
		freshPaths = append(freshPaths, d.Path)
	}
	slices.Sort(deadPaths)
	wantDead := []string{"brands/红色引擎.md", "cases/机关党建/数据堡垒.md",
		"regulations/党内法规/中国共产党党和国家机关基层组织工作条例.md", "regulations/本单位制度/机关党委会议制度.md", "regulations/本单位制度/请示报告制度（2020）.md"}
	wantFresh := []string{"cases/机关党建/数据堡垒.md", "cases/机关党建/新建案例.md",
		"regulations/党内法规/中国共产党党和国家机关基层组织工作条例.md", "regulations/本单位制度/机关党委会议制度.md", "regulations/本单位制度/请示报告制度（2020）.md"}
	if !reflect.DeepEqual(deadPaths, wantDead) || !reflect.DeepEqual(freshPaths, wantFresh) {
		t.Fatalf("dead %v, fresh %v; want %v, %v", deadPaths, freshPaths, wantDead, wantFresh)
	}
	if !slices.IsSorted(dead) {
		t.Errorf("dead not ascending: %v", dead)
	}
	if dead, fresh := search.DiffDocs(main, search.PathIndex(main), sortedDocs(handCorpus())); len(dead)+len(fresh) != 0 {
		t.Errorf("unchanged documents: dead %v, %d fresh", dead, len(fresh))
	}
}

// writeDeltaIndex writes the main index of main into dir and a delta that
// brings it to now, with manifest.js registering both, as djkb serve does.
func writeDeltaIndex(t *testing.T, dir string, main, now []search.Doc) {
	t.Helper()
	opts := search.Options{Facets: testFacets}
	if err := search.Write(searchtest.Dir(dir), slices.Values(main), opts); err != nil {
		t.Fatal(err)
	}
	mainFile, err := os.ReadFile(filepath.Join(dir, "manifest.js"))
	if err != nil {
		t.Fatal(err)
	}
	dead, fresh := search.DiffDocs(main, nil, now)
	files := memFiles{}
	opts.Delta = &search.Delta{Base: search.ManifestID(mainFile), Dead: dead}
	if err := search.Write(files, slices.Values(fresh), opts); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if !strings.HasPrefix(name, search.DeltaPrefix) {
			t.Errorf("delta file %s is not under %s", name, search.DeltaPrefix)
		}
		mustWrite(t, filepath.Join(dir, name), data)
	}
	mustWrite(t, filepath.Join(dir, "manifest.js"), search.DeltaManifest(files[search.DeltaPrefix+"manifest.js"], mainFile))
}

func TestWriteDelta(t *testing.T) {
	dir := t.TempDir()
	main, now := sortedDocs(handCorpus()), editedCorpus()
	writeDeltaIndex(t, dir, main, now)
	var m map[string]any
	if err := searchtest.ReadRegister(filepath.Join(dir, "x"), "manifest", &m); err == nil {
		t.Fatal("the delta's manifest registers as the main one")
	}
	b, _ := os.ReadFile(filepath.Join(dir, "x", "manifest.js"))
	const head = `djkbSearch._register("x/manifest",`
	if !strings.HasPrefix(string(b), head) {
		t.Fatalf("x/manifest.js starts %q", b[:min(len(b), 60)])
	}
	if err := json.Unmarshal(b[len(head):len(b)-3], &m); err != nil {
		t.Fatal(err)
	}
	mainFile, _ := os.ReadFile(filepath.Join(dir, "manifest.js"))
	if m["base"] != search.ManifestID(mainFile) || m["base"] == "" || m["nd"].(float64) != 5 {
		t.Errorf("delta manifest: base %v (main %s), nd %v", m["base"], search.ManifestID(mainFile), m["nd"])
	}
	for _, sub := range []string{"d/0.js", "t/0.js", "m/0.js", "c.js", "f.js", "v.js"} {
		data, err := os.ReadFile(filepath.Join(dir, "x", sub))
		if err != nil {
			t.Fatal(err)
		}
		if want := `djkbSearch._register("x/` + strings.TrimSuffix(sub, ".js") + `",`; !strings.HasPrefix(string(data), want) {
			t.Errorf("x/%s does not start with %s", sub, want)
		}
	}
	// The manifest.js of serve registers the delta first, then the main.
	if !strings.HasPrefix(string(mainFile), head) || !strings.Contains(string(mainFile), "\n"+`djkbSearch._register("manifest",`) {
		t.Errorf("manifest.js does not register the delta, then the main index")
	}
	// Deletions alone make a delta of no documents.
	files := memFiles{}
	err := search.Write(files, slices.Values([]search.Doc(nil)), search.Options{Delta: &search.Delta{Base: "b", Dead: []int{2}}})
	if err != nil || files["x/manifest.js"] == nil {
		t.Fatalf("empty delta: %v, files %d", err, len(files))
	}
}

// TestDeltaEngine checks in node that a main index with a delta answers
// queries, filters and facet counts as a full index of the edited corpus
// does (static/js/test/delta.test.js).
func TestDeltaEngine(t *testing.T) {
	defer search.SmallShards()()
	dir := t.TempDir()
	writeDeltaIndex(t, filepath.Join(dir, "delta"), sortedDocs(handCorpus()), editedCorpus())
	if err := search.Write(searchtest.Dir(filepath.Join(dir, "full")), slices.Values(editedCorpus()), search.Options{Facets: testFacets}); err != nil {
		t.Fatal(err)
	}
	nodeTest(t, []string{"DJKB_DELTA_DIR=" + dir}, "delta.test.js")
}
