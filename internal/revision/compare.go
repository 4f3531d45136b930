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
}

// Summary is the 修改说明 line: 3 条修改、1 条新增、1 条删除, then the
// renumbered, split and merged articles when there are any.
func (c *Comparison) Summary() string {
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

// Compare matches the articles of old and new and says what became of each.
func Compare(old, new []Article) *Comparison {
	ok := make([]string, len(old))
	nk := make([]string, len(new))
	for i := range old {
		ok[i] = Key(old[i].Text)
	}
	for j := range new {
		nk[j] = Key(new[j].Text)
	}
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
	ob := make([][]uint64, len(old))
	nb := make([][]uint64, len(new))
	for i := range old {
		ob[i] = bigrams(ok[i])
	}
	for j := range new {
		nb[j] = bigrams(nk[j])
	}
	type pair struct {
		i, j  int
		score float64
	}
	var pairs []pair
	for i := range old {
		if oldTo[i] >= 0 {
			continue
		}
		for j := range new {
			if newFrom[j] >= 0 {
				continue
			}
			d := dice(ob[i], nb[j])
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
			if i := within(nb[j], ob); i >= 0 {
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
		if j := within(ob[i], nb); j >= 0 {
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

// within returns the article of others that holds most of the text whose
// pairs are b, or -1.
func within(b []uint64, others [][]uint64) int {
	best, at := partOf, -1
	for k, o := range others {
		if c := containment(b, o); c >= best {
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
