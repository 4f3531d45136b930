package glossary

import (
	"slices"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	md := "本页收录常用说法。\n\n## 三会一课\n\n又称：支部党员大会、支部委员会，党小组会；党课\n\n说明文字。\n\n" +
		"## 党建 ##\n\n同义词:“党的建设”\n\n```\n## 不是词条\n又称：也不是\n```\n\n## 两学一做\n"
	got := Parse([]byte(md))
	want := []Entry{
		{Names: []string{"三会一课", "支部党员大会", "支部委员会", "党小组会", "党课"}},
		{Names: []string{"党建", "党的建设"}},
		{Names: []string{"两学一做"}},
	}
	if !slices.EqualFunc(got, want, func(a, b Entry) bool { return slices.Equal(a.Names, b.Names) }) {
		t.Errorf("Parse = %v, want %v", got, want)
	}
}

func TestFind(t *testing.T) {
	m := NewMatcher([]Entry{{Names: []string{"党建"}}, {Names: []string{"党建品牌"}}, {Names: []string{"三会一课"}}, {Names: []string{"党"}}})
	used := map[int]bool{}
	skip := func(e int) bool {
		if used[e] {
			return true
		}
		used[e] = true
		return false
	}
	text := "党建品牌和党建工作，落实三会一课；再说党建品牌、三会一课。"
	var got []string
	for _, f := range m.Find(text, skip) {
		got = append(got, text[f.Start:f.End])
	}
	// The longest name wins where two start together; each entry once; a
	// one-character name never.
	if want := []string{"党建品牌", "党建", "三会一课"}; !slices.Equal(got, want) {
		t.Errorf("Find = %q, want %q", got, want)
	}
	if got := m.Find("再说党建品牌", skip); len(got) != 0 {
		t.Errorf("entries already linked were found again: %v", got)
	}
	if (*Matcher)(nil).Find("党建", skip) != nil {
		t.Error("a nil Matcher found something")
	}
}

// FuzzFind: matches are in order, inside the text, on a name, and never
// overlap, whatever the glossary and the text.
func FuzzFind(f *testing.F) {
	f.Add("## 党建\n又称：党的建设\n## 三会一课\n", "党的建设和三会一课")
	f.Add("## a\n又称：ab、abc\n", "abcabc")
	f.Fuzz(func(t *testing.T, md, text string) {
		entries := Parse([]byte(md))
		m := NewMatcher(entries)
		end := 0
		for _, f := range m.Find(text, func(int) bool { return false }) {
			if f.Start < end || f.End > len(text) || f.Start >= f.End || f.Entry < 0 || f.Entry >= len(entries) {
				t.Fatalf("bad match %+v after %d in %q", f, end, text)
			}
			if !slices.Contains(entries[f.Entry].Names, text[f.Start:f.End]) {
				t.Fatalf("match %q is not a name of entry %v", text[f.Start:f.End], entries[f.Entry].Names)
			}
			end = f.End
		}
		for _, e := range entries {
			for _, n := range e.Names {
				if n == "" || strings.TrimSpace(n) != n {
					t.Fatalf("name %q of %v", n, e.Names)
				}
			}
		}
	})
}
