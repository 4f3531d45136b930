package revision

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"djkb/internal/numerals"
)

// jsCase is one comparison for static/js/compare.js, with the rows and
// summary CompareVersions gives.
type jsCase struct {
	Name string      `json:"name"`
	Old  [][2]string `json:"old"`
	New  [][2]string `json:"new"`
	Sum  string      `json:"sum"`
	Rows []jsRow     `json:"rows"`
	// Inside: the old version's whole sketch and, for each old article,
	// its key's length in bytes and its print's pair count, shared-bit
	// bound with the first article and sketch, as hex.
	Whole  []string  `json:"whole"`
	Prints []jsPrint `json:"prints"`
}

type jsPrint struct {
	Bytes  int      `json:"bytes"`
	Pairs  int      `json:"pairs"`
	Shared int      `json:"shared"`
	Sketch []string `json:"sketch"`
}

func hexes(s sketch) []string {
	out := make([]string, len(s))
	for i, h := range s {
		out[i] = fmt.Sprintf("%016x", h)
	}
	return out
}

// jsRow is a row as compare.js returns it: kind, old and new number, and
// the text as segments [op, text, old].
type jsRow struct {
	Kind string      `json:"k"`
	Old  string      `json:"o"`
	New  string      `json:"n"`
	Segs [][3]string `json:"s"`
}

func toJS(name string, old, new []Article) jsCase {
	c := jsCase{Name: name, Old: pairsOf(old), New: pairsOf(new)}
	cmp := CompareVersions(NewVersion(old), NewVersion(new))
	c.Sum = cmp.Summary()
	ov := NewVersion(old)
	c.Whole = hexes(ov.whole)
	if p := ov.byArticle(); len(old) > 0 {
		for i := range old {
			c.Prints = append(c.Prints, jsPrint{len(p.keys[i]), p.print(i).pairs, mostShared(p.print(0), p.print(i)), hexes(p.print(i).sketch)})
		}
	}
	c.Rows = []jsRow{}
	for _, ch := range cmp.Changes {
		r := jsRow{Kind: string(ch.Kind)}
		if ch.Old != nil {
			r.Old = ch.Old.Label
		}
		if ch.New != nil {
			r.New = ch.New.Label
		}
		switch {
		case len(ch.Diff) > 0:
			for _, s := range ch.Diff {
				r.Segs = append(r.Segs, [3]string{string(s.Op), s.Text, s.Old})
			}
		case ch.New != nil && ch.Old != nil:
			r.Segs = [][3]string{{"=", ch.New.Text, ch.Old.Text}}
		case ch.New != nil:
			r.Segs = [][3]string{{"+", ch.New.Text, ""}}
		default:
			r.Segs = [][3]string{{"-", ch.Old.Text, ""}}
		}
		c.Rows = append(c.Rows, r)
	}
	return c
}

func pairsOf(arts []Article) [][2]string {
	out := make([][2]string, len(arts))
	for i, a := range arts {
		out[i] = [2]string{a.Label, a.Text}
	}
	return out
}

// TestJSCompareSame checks in node (testdata/compare.test.js, here rather
// than in static/js/test, whose files internal/search runs) that
// the browser's comparer gives the rows and summary of CompareVersions:
// on the golden cases, on generated revisions, and on laws of the shared
// corpus with random edits when it is there.
func TestJSCompareSame(t *testing.T) {
	var cases []jsCase
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, rest, _ := strings.Cut(string(data), "=== old\n")
		oldText, newText, _ := strings.Cut(rest, "=== new\n")
		old, new := Split([]byte(oldText)), Split([]byte(newText))
		cases = append(cases, toJS(f, old, new), toJS(f+" reversed", new, old))
	}
	rng := rand.New(rand.NewPCG(23, 7))
	n := 300
	if testing.Short() {
		n = 100
	}
	kinds := map[string]int{}
	for i := range n {
		old := genLaw(rng, 1+rng.IntN(40))
		new, how := revise(rng, old)
		c := toJS("generated "+numerals.Chinese(i)+" "+how, old, new)
		for _, r := range c.Rows {
			kinds[r.Kind]++
		}
		if c.Sum == (&Comparison{Rewritten: true}).Summary() {
			kinds["全文修订"]++
		}
		cases = append(cases, c)
	}
	// Articles too long for Diff's table (maxCells) are shown replaced.
	long := genText(rng, 800)
	if n := len([]rune(Key(long))); n*n <= maxCells {
		t.Fatalf("长条文只有 %d 个字，不超过 maxCells", n)
	}
	half := []rune(long)[:len([]rune(long))/2]
	edited := "党员" + string(half) + "学习" + strings.TrimPrefix(long, string(half))
	cases = append(cases, toJS("long article", []Article{{"第一条", long}, {"第二条", "本制度自印发之日起施行。"}},
		[]Article{{"第一条", edited}, {"第二条", "本制度自印发之日起施行。"}}))
	// The generated cases must reach every kind of row, or they test less
	// than they claim.
	for _, k := range []string{"未变", "移动", "修改", "新增", "删除", "拆分", "合并", "全文修订"} {
		if kinds[k] == 0 {
			t.Errorf("生成的对照样例中没有“%s”", k)
		}
	}
	laws, _ := filepath.Glob("/work/shared/corpus/just-laws/docs/*/*.md")
	for i, f := range laws {
		if i%40 != 0 {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		old := Split(data)
		if len(old) == 0 {
			continue
		}
		new, how := revise(rng, old)
		cases = append(cases, toJS(f+" "+how, old, new))
	}
	dir := t.TempDir()
	data, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "cases.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is needed to test the comparison page's JavaScript")
		}
		t.Skip("node not found")
	}
	cmd := exec.Command(node, "--test", "compare.test.js")
	cmd.Dir = "testdata"
	cmd.Env = append(os.Environ(), "DJKB_COMPARE_CASES="+path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("node --test compare.test.js: %v\n%s", err, out)
	}
}

// vocabulary is what generated articles are made of: words that many
// articles share, so that unrelated articles look alike in part, and
// characters that fold or are ignored (full-width digits and brackets,
// a character outside the BMP, ASCII).
var vocabulary = strings.Fields(`党员 党支部 机关党委 谈心谈话 每年 不少于 一次 组织生活会 民主评议
应当 及时 报告 记录 工作 制度 学习 教育 监督 检查 考核 纪律 处分 通报 批评 整改 落实 责任
书记 委员 会议 研究 决定 按照 规定 程序 办理 ２０２４年 〔２０１９〕 第３号 ［试行］ 𠀀字 ABC abc 12 条例 本制度`)

var marks = []string{"，", "、", "；", "：", "。", ",", " ", "“", "”", "　", ""}

func genText(rng *rand.Rand, words int) string {
	var b strings.Builder
	for range words {
		b.WriteString(vocabulary[rng.IntN(len(vocabulary))])
		if rng.IntN(3) == 0 {
			b.WriteString(marks[rng.IntN(len(marks))])
		}
	}
	b.WriteString("。")
	return b.String()
}

func genLaw(rng *rand.Rand, n int) []Article {
	out := make([]Article, n)
	for i := range out {
		out[i] = Article{Text: genText(rng, 1+rng.IntN(30))}
	}
	return renumber(out)
}

func renumber(arts []Article) []Article {
	for i := range arts {
		arts[i].Label = "第" + numerals.Chinese(i+1) + "条"
	}
	return arts
}

// revise makes a new version of old with a few random edits, and says
// which.
func revise(rng *rand.Rand, old []Article) ([]Article, string) {
	if rng.IntN(15) == 0 {
		return genLaw(rng, 1+rng.IntN(30)), "unrelated"
	}
	arts := append([]Article(nil), old...)
	var did []string
	for range 1 + rng.IntN(5) {
		i := rng.IntN(len(arts))
		switch e := rng.IntN(8); e {
		case 0: // inserted
			arts = append(arts[:i], append([]Article{{Text: genText(rng, 5+rng.IntN(20))}}, arts[i:]...)...)
			did = append(did, "insert")
		case 1: // deleted
			if len(arts) > 1 {
				arts = append(arts[:i], arts[i+1:]...)
				did = append(did, "delete")
			}
		case 2, 3: // changed characters
			rs := []rune(arts[i].Text)
			at := rng.IntN(len(rs) + 1)
			cut := min(len(rs), at+rng.IntN(6))
			arts[i].Text = string(rs[:at]) + vocabulary[rng.IntN(len(vocabulary))] + string(rs[cut:])
			did = append(did, "edit")
		case 4: // split
			rs := []rune(arts[i].Text)
			if len(rs) > 4 {
				at := 1 + rng.IntN(len(rs)-2)
				arts = append(arts[:i], append([]Article{{Text: string(rs[:at])}, {Text: string(rs[at:])}}, arts[i+1:]...)...)
				did = append(did, "split")
			}
		case 5: // merged with the next
			if i+1 < len(arts) {
				arts = append(arts[:i], append([]Article{{Text: arts[i].Text + arts[i+1].Text}}, arts[i+2:]...)...)
				did = append(did, "merge")
			}
		case 6: // punctuation only
			r := strings.NewReplacer("，", "、", "。", ".", "；", "，", "1", "１", "A", "Ａ", "〔", "［")
			arts[i].Text = r.Replace(arts[i].Text) + " "
			did = append(did, "punct")
		case 7: // moved
			j := rng.IntN(len(arts))
			a := arts[i]
			arts = append(arts[:i], arts[i+1:]...)
			arts = append(arts[:j], append([]Article{a}, arts[j:]...)...)
			did = append(did, "move")
		}
	}
	out := make([]Article, len(arts))
	copy(out, arts)
	if rng.IntN(4) > 0 {
		out = renumber(out)
	} else { // numbers kept where they were, new ones marked
		for k := range out {
			if out[k].Label == "" {
				out[k].Label = "第" + numerals.Chinese(k+1) + "条之一"
			}
		}
	}
	return out, strings.Join(did, "+")
}
