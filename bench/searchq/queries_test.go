package main

import (
	"strings"
	"testing"

	search "djkb/internal/search/searchtest"
)

func testDocs() []search.Doc {
	texts := []string{
		"党支部应当严格执行三会一课制度，按期召开支部党员大会。",
		"机关党委会议一般每月召开一次，由书记召集，会议实行民主集中制。",
		"数据安全治理体系建设和党建工作结合起来，支部书记讲党课。",
	}
	var docs []search.Doc
	for i, t := range texts {
		docs = append(docs, search.Doc{
			Path: "regulations/d" + string(rune('a'+i)) + ".md", Title: "文件" + string(rune('甲'+i)),
			Parts: []search.Part{{Text: strings.Repeat(t, 3)}},
		})
	}
	return docs
}

func TestSampleQueries(t *testing.T) {
	docs := testDocs()
	qs := sampleQueries(docs, 5, 1)
	again := sampleQueries(docs, 5, 1)
	if len(qs) != len(again) {
		t.Fatal("sampling is not deterministic")
	}
	kinds := map[string]int{}
	for i, q := range qs {
		if q != again[i] {
			t.Fatalf("sampling is not deterministic: %+v, %+v", q, again[i])
		}
		kinds[q.Kind]++
		switch q.Kind {
		case "rare":
			if n := len([]rune(q.Q)); n < 4 || n > 7 || q.Docs != 1 {
				t.Errorf("rare query %+v", q)
			}
			var d *search.Doc
			for i := range docs {
				if docs[i].Path == q.Path {
					d = &docs[i]
				}
			}
			if d == nil || !contains(d, q.Q) {
				t.Errorf("rare query %+v is not in its document", q)
			}
		case "common":
			t.Errorf("common query %+v from a corpus where no phrase is in 20 documents", q)
		}
	}
	if kinds["title"] != 3 || kinds["rare"] == 0 {
		t.Errorf("kinds %v", kinds)
	}
}

func TestCountDocs(t *testing.T) {
	texts := []string{"党支部三会一课", "三会一课", "支部"}
	qs := []query{{Q: "三会一课"}, {Q: "支部"}, {Q: "党课"}}
	countDocs(texts, qs)
	for i, want := range []int{2, 2, 0} {
		if qs[i].Docs != want {
			t.Errorf("%q in %d texts, want %d", qs[i].Q, qs[i].Docs, want)
		}
	}
}

func TestJudge(t *testing.T) {
	docs := testDocs()
	qs := []query{
		{Kind: "title", Q: "文件甲", Path: docs[0].Path},
		{Kind: "rare", Q: "民主集中制", Path: docs[1].Path},
		{Kind: "common", Q: "支部"},
	}
	as := []answer{
		{Paths: []string{docs[1].Path, docs[0].Path}},
		{Paths: []string{docs[0].Path, docs[1].Path}},
		{Paths: []string{docs[0].Path, docs[1].Path}},
	}
	var rep report
	rep.judge(docs, qs, as)
	if rep.Title.OK != 1 || rep.Rare.OK != 0 || rep.Common.OK != 0 {
		t.Errorf("judged %+v %+v %+v", rep.Title, rep.Rare, rep.Common)
	}
}
