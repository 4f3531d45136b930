package corpus

import (
	"bytes"
	"path"
	"regexp"
	"strings"
	"testing"

	"djkb/internal/numerals"
)

var (
	articleLineRe = regexp.MustCompile(`(?m)^(?:\*\*)?第([零一二三四五六七八九十百千万]+)条(?:\*\*)?　\S`)
	chapterLineRe = regexp.MustCompile(`(?m)^#{2,3} 第([零一二三四五六七八九十百千]+)(编|章)　\S`)
	fileDateRe    = regexp.MustCompile(`\(\d{4}-\d{2}-\d{2}\)\.md$`)
)

// synthetic calls fn for every generated (not real) Markdown file of
// the mixed corpus.
func synthetic(t *testing.T, fn func(rel string, data []byte)) {
	walkMarkdown(t, needMixed(t), func(rel string, data []byte) {
		if !strings.HasPrefix(rel, "regulations/"+RealDir+"/") {
			fn(rel, data)
		}
	})
}

func TestArticlesAreNumberedInOrder(t *testing.T) {
	docs, withArticles := 0, 0
	synthetic(t, func(rel string, data []byte) {
		docs++
		body := bytes.TrimLeft(stripFrontMatter(data), "\n")
		if !bytes.HasPrefix(body, []byte("# ")) {
			t.Errorf("%s: does not start with a # title", rel)
		}
		labels := articleLineRe.FindAllSubmatch(body, -1)
		if len(labels) > 0 {
			withArticles++
		}
		for i, m := range labels {
			if got := numerals.Parse(string(m[1])); got != i+1 {
				t.Errorf("%s: article %d is numbered 第%s条", rel, i+1, m[1])
				return
			}
		}
		last := map[string]int{}
		for _, m := range chapterLineRe.FindAllSubmatch(body, -1) {
			kind := string(m[2])
			if kind == "编" {
				last["章"] = 0
			}
			n := numerals.Parse(string(m[1]))
			if n != last[kind]+1 {
				t.Errorf("%s: 第%s%s follows number %d", rel, m[1], kind, last[kind])
				return
			}
			last[kind] = n
		}
	})
	if withArticles < docs*3/4 {
		t.Errorf("only %d of %d documents have articles", withArticles, docs)
	}
}

func TestLibraryLayout(t *testing.T) {
	titles := map[string]map[string]bool{} // title -> folders
	spaces, dated, depth := 0, 0, map[int]int{}
	synthetic(t, func(rel string, data []byte) {
		dir, name := path.Split(strings.TrimPrefix(rel, "regulations/"))
		depth[strings.Count(dir, "/")]++
		if strings.Contains(name, " ") {
			spaces++
		}
		if fileDateRe.MatchString(name) {
			dated++
		}
		title, _, _ := strings.Cut(strings.TrimLeft(string(stripFrontMatter(data)), "\n")[2:], "\n")
		if titles[title] == nil {
			titles[title] = map[string]bool{}
		}
		titles[title][dir] = true
	})
	acrossFolders := 0
	for _, dirs := range titles {
		if len(dirs) > 1 {
			acrossFolders++
		}
	}
	if spaces == 0 || dated == 0 || acrossFolders == 0 {
		t.Errorf("%d names with a space, %d with a date, %d titles in several folders: want some of each", spaces, dated, acrossFolders)
	}
	for d := range depth {
		if d < 1 || d > 3 {
			t.Errorf("%d files %d folders deep, want 1 to 3", depth[d], d)
		}
	}
	if depth[1] == 0 || depth[2] == 0 || depth[3] == 0 {
		t.Errorf("folder depths %v: want files at depths 1, 2 and 3", depth)
	}
}

func TestMarkovDependsOnlyOnCounts(t *testing.T) {
	paras := []string{"违反本法规定的，依法给予处分。", "县级以上人民政府应当加强管理。", "国家保障公民的合法权益。"}
	a, b := newMarkovTrainer(), newMarkovTrainer()
	for i := range paras {
		a.add(paras[i])
		b.add(paras[len(paras)-1-i])
	}
	ma, mb := a.build(), b.build()
	for i := range 50 {
		ra, rb := newTestRand(uint64(i)), newTestRand(uint64(i))
		if pa, pb := ma.paragraph(ra, 100), mb.paragraph(rb, 100); pa != pb {
			t.Fatalf("models trained in another order differ: %q vs %q", pa, pb)
		}
	}
	// A paragraph whose contexts are all unique is reproduced exactly.
	one := newMarkovTrainer()
	one.add(paras[0])
	if got := one.build().paragraph(newTestRand(1), 100); got != paras[0] {
		t.Errorf("got %q, want %q", got, paras[0])
	}
}
