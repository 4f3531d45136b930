package search

import (
	"reflect"
	"slices"
	"testing"
)

func TestReadGlossary(t *testing.T) {
	docs := []Doc{
		{Path: "about.md", Parts: []Part{{Heading: "党建", Text: "又称：党的建设"}}},
		{Path: GlossaryPath, URL: "glossary/", Parts: []Part{
			{Text: "说明。又称：不算"},
			{Anchor: "三会一课", Heading: "三会一课", Text: "又称：支部党员大会、支部委员会，党小组会; 党课\n说明。"},
			{Anchor: "党建", Heading: "党建", Text: "同义词: 党的建设 “党建工作”"},
			{Anchor: "孤词", Heading: "孤词", Text: "没有别名。"},
		}},
	}
	tk := takeDocs(slices.Values(docs))
	defer tk.text.close()
	got, url := tk.gloss, tk.glossURL
	want := []glossaryEntry{
		{Names: []string{"三会一课", "支部党员大会", "支部委员会", "党小组会", "党课"}, Anchor: "三会一课"},
		{Names: []string{"党建", "党的建设", "党建工作"}, Anchor: "党建"},
	}
	if !reflect.DeepEqual(got, want) || url != "glossary/" {
		t.Errorf("readGlossary = %v, %q", got, url)
	}
	if tk := takeDocs(slices.Values(docs[:1])); tk.gloss != nil || tk.glossURL != "" {
		t.Errorf("a site without glossary.md has entries %v", got)
	}
}
