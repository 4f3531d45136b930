package revision

import (
	"slices"
	"strings"
)

// Kind is what became of an article between two versions.
type Kind string

const (
	Unchanged Kind = "未变"
	Moved     Kind = "移动" // the same text under another number
	Modified  Kind = "修改"
	Added     Kind = "新增"
	Deleted   Kind = "删除"
	SplitOff  Kind = "拆分" // a new article carved out of an old one
	Merged    Kind = "合并" // an old article folded into a new one
)

// Change is one row of a comparison: an old article, a new one, or both.
type Change struct {
	Kind Kind
	Old  *Article // nil for Added
	New  *Article // nil for Deleted
	// Diff marks the changed characters of a Modified article; for
	// SplitOff and Merged it is empty and Old and New name the article
	// the text went to or came from.
	Diff []Segment
}

// Renumbered reports whether the article changed its number.
func (c Change) Renumbered() bool {
	return c.Old != nil && c.New != nil && c.Old.Label != c.New.Label
}

// Segment is a run of text that both versions have (Op '='), only the old
// one ('-') or only the new one ('+').
type Segment struct {
	Op   byte
	Text string
	Old  string // of a run both have: as the old version punctuates it
}

// Comparison is the article-by-article comparison of two versions, in the
// order of the new version, deleted articles where they stood.
type Comparison struct {
	Changes []Change
	Count   map[Kind]int
	// Rewritten: the versions share too little text to compare by article.
	Rewritten bool
}

// keys returns the articles' texts as compared.
func keys(arts []Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = Key(a.Text)
	}
	return out
}

// pairs holds the character pairs and sketches of a version's articles,
// made when first needed: most articles of a revision are unchanged and
// matched by their text alone.
type pairs struct {
	keys   []string
	list   [][]uint64
	prints []*print
}

func newPairs(keys []string) *pairs {
	return &pairs{keys: keys, list: make([][]uint64, len(keys)), prints: make([]*print, len(keys))}
}

func (p *pairs) of(i int) []uint64 {
	if p.list[i] == nil {
		p.list[i] = bigrams(p.keys[i])
	}
	return p.list[i]
}

// print is the print of article i's pairs, made from its key: the pairs
// need not be sorted for it, and most articles compared are told apart
// by their prints alone.
func (p *pairs) print(i int) *print {
	if p.prints[i] == nil {
		p.prints[i] = keyPrint(p.keys[i])
	}
	return p.prints[i]
}

// wholeSketch is the sketch of a whole version's text, made in one pass
// over the articles' compared characters (their keys, unmade).
func wholeSketch(arts []Article) sketch {
	s := make(sketch, 0, sketchSize)
	for _, a := range arts {
		var prev rune = -1
		for _, r := range a.Text {
			if ignored(r) {
				continue
			}
			r = fold(r)
			if prev >= 0 {
				s = addHash(s, uint64(prev)<<32|uint64(r))
			}
			prev = r
		}
	}
	return s
}

// Summary is the 修改说明 line: 3 条修改、1 条新增、1 条删除, then the
// renumbered, split and merged articles when there are any.
func (c *Comparison) Summary() string {
	if c.Rewritten {
		return "两个版本的文字大部分不同（全文修订），不逐条对照"
	}
	var parts []string
	for _, k := range []Kind{Modified, Added, Deleted, Moved, SplitOff, Merged} {
		if n := c.Count[k]; n > 0 || k == Modified || k == Added || k == Deleted {
			parts = append(parts, itoa(n)+" 条"+string(k))
		}
	}
	return strings.Join(parts, "、")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// Thresholds of likeness (Dice's coefficient over character pairs of the
// normalised text): a renumbered article must keep most of its text to be
// taken for the same article; a piece split off or merged in must lie
// mostly within the other.
const (
	sameArticle = 0.45
	partOf      = 0.6
	sameNumber  = 0.15 // preference for an article that kept its number
)

// rewritten is the estimated likeness of two versions' whole texts below
// which they share too little to compare article by article: a 全文修订,
// or two documents that only share a title.
const rewritten = 0.1

// Compare matches the articles of old and new and says what became of each.
// Two versions that share next to nothing are not compared article by
// article: the comparison says so (Rewritten) and has no changes.
func Compare(old, new []Article) *Comparison {
	return CompareVersions(NewVersion(old), NewVersion(new))
}

// Version is a version's articles ready to compare, made once when the
// version is compared with several others.
type Version struct {
	Articles []Article
	whole    sketch
	pairs    *pairs // nil until the version is compared article by article
}

// NewVersion prepares articles for comparing.
func NewVersion(arts []Article) *Version {
	return &Version{Articles: arts, whole: wholeSketch(arts)}
}

// byArticle returns the articles' keys and pairs, made the first time:
// versions that share next to nothing are never compared by article.
func (v *Version) byArticle() *pairs {
	if v.pairs == nil {
		v.pairs = newPairs(keys(v.Articles))
	}
	return v.pairs
}

// CompareVersions is Compare of prepared versions.
func CompareVersions(ov, nv *Version) *Comparison {
	old, new := ov.Articles, nv.Articles
	if len(old) > 0 && len(new) > 0 && likeness(ov.whole, nv.whole) < rewritten {
		return &Comparison{Rewritten: true, Count: map[Kind]int{}}
	}
	op, np := ov.byArticle(), nv.byArticle()
	ok, nk := op.keys, np.keys
	oldTo := make([]int, len(old)) // index into new, -1 unmatched
	newFrom := make([]int, len(new))
	for i := range oldTo {
		oldTo[i] = -1
	}
	for j := range newFrom {
		newFrom[j] = -1
	}
	link := func(i, j int) { oldTo[i], newFrom[j] = j, i }

	// Identical text: the same number first, then any.
	byKey := map[string][]int{}
	for j, k := range nk {
		byKey[k] = append(byKey[k], j)
	}
	for _, sameLabel := range []bool{true, false} {
		for i, k := range ok {
			if oldTo[i] >= 0 {
				continue
			}
			for _, j := range byKey[k] {
				if newFrom[j] < 0 && (!sameLabel || old[i].Label == new[j].Label) {
					link(i, j)
					break
				}
			}
		}
	}

	// Changed text: the likeliest pairs first.
	type pair struct {
		i, j  int
		score float64
	}
	var pairs []pair
	for i := range old {
		if oldTo[i] >= 0 {
			continue
		}
		lo, hi := near(i, len(old), len(new))
		for j := lo; j < hi; j++ {
			if newFrom[j] >= 0 || !canReach(len(ok[i]), len(nk[j]), sameArticle) {
				continue
			}
			a, b := op.print(i), np.print(j)
			if 2*float64(mostShared(a, b)) < sameArticle*float64(a.pairs+b.pairs) || likeness(a.sketch, b.sketch) < likely {
				continue
			}
			d := dice(op.of(i), np.of(j), sameArticle)
			if d < sameArticle {
				continue
			}
			if old[i].Label == new[j].Label {
				d += sameNumber
			}
			pairs = append(pairs, pair{i, j, d})
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return 0
	})
	for _, p := range pairs {
		if oldTo[p.i] < 0 && newFrom[p.j] < 0 {
			link(p.i, p.j)
		}
	}

	cmp := &Comparison{Count: map[Kind]int{}}
	// Rows in the new order; each old article not matched goes after the
	// row of the old article before it.
	type row struct {
		c      Change
		oldPos int // index into old of the row's old article, -1 none
	}
	var rows []row
	for j := range new {
		c := Change{New: &new[j]}
		i := newFrom[j]
		switch {
		case i >= 0:
			c.Old = &old[i]
			switch {
			case ok[i] != nk[j]:
				c.Kind, c.Diff = Modified, Diff(old[i].Text, new[j].Text)
			case c.Renumbered():
				c.Kind = Moved
			default:
				c.Kind = Unchanged
			}
		default:
			c.Kind = Added
			if i := within(np, j, op, len(new)); i >= 0 {
				c.Kind, c.Old = SplitOff, &old[i]
			}
		}
		rows = append(rows, row{c, i})
	}
	for i := range old {
		if oldTo[i] >= 0 {
			continue
		}
		c := Change{Kind: Deleted, Old: &old[i]}
		if j := within(op, i, np, len(old)); j >= 0 {
			c.Kind, c.New = Merged, &new[j]
		}
		at := 0
		for k, r := range rows {
			if r.oldPos >= 0 && r.oldPos < i {
				at = k + 1
			}
		}
		rows = slices.Insert(rows, at, row{c, i})
	}
	// A split or merged article: the matched piece is part of it too.
	for k := range rows {
		c := &rows[k].c
		if c.Kind != Modified && c.Kind != Moved && c.Kind != Unchanged {
			continue
		}
		for _, r := range rows {
			switch {
			case r.c.Kind == SplitOff && r.c.Old == c.Old:
				c.Kind = SplitOff
			case r.c.Kind == Merged && r.c.New == c.New:
				c.Kind = Merged
			}
		}
	}
	for k := range rows {
		if c := &rows[k].c; c.Kind == SplitOff || c.Kind == Merged {
			c.Diff = Diff(c.Old.Text, c.New.Text)
		}
	}
	for _, r := range rows {
		cmp.Changes = append(cmp.Changes, r.c)
		cmp.Count[r.c.Kind]++
	}
	return cmp
}

// window is how far from its place an article is looked for in the other
// version: revisions insert and delete a few articles at a time, and a
// law has hundreds, which compared all with all would cost too much.
const window = 40

// near returns the indexes of the other version, of n, where article i of
// m may have gone: around the same share of the way through.
func near(i, m, n int) (lo, hi int) {
	at := i
	if m > 0 {
		at = i * n / m
	}
	return max(0, at-window), min(n, at+window+1)
}

// canReach reports whether texts of a and b pairs can reach a Dice
// coefficient of min at all: not when one is much longer.
func canReach(a, b int, least float64) bool {
	return float64(2*minInt(a, b)) >= least*float64(a+b)
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

// likely and likelyPart are the estimated likeness (sketch) below which
// two articles are not compared in full: well below what sameArticle and
// partOf need, as the estimate is rough.
const (
	likely     = 0.12
	likelyPart = 0.06
)

// within returns the article of others, near position i of the m
// articles of from, that holds most of the text of from's article i, or -1.
func within(from *pairs, i int, others *pairs, m int) int {
	best, at := partOf, -1
	lo, hi := near(i, m, len(others.keys))
	for k := lo; k < hi; k++ {
		if len(others.keys[k]) == 0 || float64(len(others.keys[k])) < partOf*float64(len(from.keys[i])) {
			continue
		}
		a, b := from.print(i), others.print(k)
		if float64(mostShared(a, b)) < best*float64(a.pairs) || likeness(a.sketch, b.sketch) < likelyPart {
			continue
		}
		if c := containment(from.of(i), others.of(k), best); c >= best {
			best, at = c, k
		}
	}
	return at
}

// Class names the kind in English, for style sheets and scripts.
func (k Kind) Class() string {
	return map[Kind]string{Unchanged: "same", Moved: "moved", Modified: "modified", Added: "added",
		Deleted: "deleted", SplitOff: "split", Merged: "merged"}[k]
}

// OldSide is what the old version's column shows: the text both have and
// what was taken out.
func (c Change) OldSide() []Segment { return c.side('-') }

// NewSide is what the new version's column shows: the text both have and
// what was put in.
func (c Change) NewSide() []Segment { return c.side('+') }

func (c Change) side(op byte) []Segment {
	a := c.Old
	if op == '+' {
		a = c.New
	}
	switch {
	case a == nil:
		return nil
	case len(c.Diff) > 0:
		var out []Segment
		for _, s := range c.Diff {
			switch {
			case s.Op == '=' && op == '-':
				out = append(out, Segment{Op: '=', Text: s.Old})
			case s.Op == '=' || s.Op == op:
				out = append(out, s)
			}
		}
		return out
	case c.Kind == Added || c.Kind == Deleted:
		return []Segment{{Op: op, Text: a.Text}}
	}
	return []Segment{{Op: '=', Text: a.Text}}
}
