package revision

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ignored reports whether a character is left out of every comparison:
// spaces and the punctuation that revisions retouch without amending
// (、，：；。 and their half-width forms, quotation marks, line breaks).
func ignored(r rune) bool {
	switch {
	case uint32(r) < utf8.RuneSelf:
		return ignoredASCII[r]
	case r >= 0x3010 && r < 0xff00: // the Chinese characters: none is
		return false
	}
	switch r {
	case '　', '、', '，', '：', '；', '。', '“', '”', '‘', '’', '「', '」', '『', '』':
		return true
	}
	return unicode.IsSpace(r)
}

// ignoredASCII are the ASCII characters ignored.
var ignoredASCII = func() (t [utf8.RuneSelf]bool) {
	for _, c := range " \t\n\r,:;.\"'" {
		t[c] = true
	}
	return t
}()

// fold makes full-width letters, digits and brackets half-width.
func fold(r rune) rune {
	switch {
	case r >= '！' && r <= '～':
		return r - ('！' - '!')
	case r == '〔' || r == '［':
		return '['
	case r == '〕' || r == '］':
		return ']'
	}
	return r
}

// Key is the text as compared: folded, without ignored characters.
func Key(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		if !ignored(r) {
			b.WriteRune(fold(r))
		}
	}
	return b.String()
}

// bigrams returns the sorted pairs of adjacent characters of a key (a
// single character counts as a pair with itself).
func bigrams(key string) []uint64 {
	var out []uint64
	prev := rune(-1)
	for _, r := range key {
		if prev >= 0 {
			if out == nil {
				out = make([]uint64, 0, len(key)/3+1) // most characters are three bytes
			}
			out = append(out, uint64(prev)<<32|uint64(r))
		}
		prev = r
	}
	switch {
	case prev < 0:
		return []uint64{}
	case out == nil:
		return []uint64{uint64(prev)<<32 | uint64(prev)}
	}
	return radixSort(out)
}

// radixSort sorts pairs a byte at a time from the lowest, skipping the
// bytes all pairs share (most, as the characters of one text are close):
// a few passes without a comparison, where a sort's branches are
// mispredicted half the time.
func radixSort(xs []uint64) []uint64 {
	if len(xs) < 32 {
		slices.Sort(xs)
		return xs
	}
	all, any := ^uint64(0), uint64(0)
	for _, x := range xs {
		all &= x
		any |= x
	}
	varying := all ^ any
	tmp := make([]uint64, len(xs))
	for shift := 0; shift < 64; shift += 8 {
		if byte(varying>>shift) == 0 {
			continue
		}
		var at [256]int32
		for _, x := range xs {
			at[byte(x>>shift)]++
		}
		n := int32(0)
		for v, c := range at {
			at[v] = n
			n += c
		}
		for _, x := range xs {
			v := byte(x >> shift)
			tmp[at[v]] = x
			at[v]++
		}
		xs, tmp = tmp, xs
	}
	return xs
}

// sketchSize is the number of hashes a sketch keeps.
const sketchSize = 16

// sketch is a bottom-k sketch of a text's pairs: the smallest hashes of its
// distinct pairs, sorted. Two sketches estimate how alike two texts are in
// a few steps, so that the full comparison runs only on likely pairs.
type sketch []uint64

// print is what tells two articles apart before their pairs are merged:
// an estimate of how alike they are (sketch) and a bound on how many
// pairs they can share (bits).
type print struct {
	sketch sketch
	// bits has the bit of each of the article's pairs (bitOf) set. A bit
	// that one article has and the other lacks stands for at least one
	// pair the other does not have: mostShared bounds the pairs two
	// articles share exactly, where the sketch only estimates.
	bits  [printWords]uint64
	pairs int // the number of pairs, as bigrams returns them
}

const printWords = 8

// bitOf places a pair among a print's bits.
func bitOf(pair uint64) uint64 { return (pair * 0x9E3779B97F4A7C15) >> (64 - 9) }

func (p *print) add(pair uint64) {
	p.sketch = addHash(p.sketch, pair)
	b := bitOf(pair)
	p.bits[b/64] |= 1 << (b % 64)
	p.pairs++
}

// keyPrint is the print of a key's pairs (bigrams).
func keyPrint(key string) *print {
	p := &print{sketch: make(sketch, 0, sketchSize)}
	prev := rune(-1)
	for _, r := range key {
		if prev >= 0 {
			p.add(uint64(prev)<<32 | uint64(r))
		}
		prev = r
	}
	if prev >= 0 && p.pairs == 0 { // a single character
		p.add(uint64(prev)<<32 | uint64(prev))
	}
	return p
}

// mostShared is the most pairs a and b can have in common (common's
// count, with repeats): at most the pairs of either less one for each
// bit it has and the other lacks.
func mostShared(a, b *print) int {
	onlyA, onlyB := 0, 0
	for k := range a.bits {
		onlyA += bits.OnesCount64(a.bits[k] &^ b.bits[k])
		onlyB += bits.OnesCount64(b.bits[k] &^ a.bits[k])
	}
	return min(a.pairs-onlyA, b.pairs-onlyB)
}

// addHash adds a pair to a sketch, keeping the smallest distinct hashes.
func addHash(s sketch, pair uint64) sketch {
	h := pair * 0x9E3779B97F4A7C15
	h ^= h >> 29
	if len(s) == sketchSize && h >= s[len(s)-1] {
		return s
	}
	at, found := slices.BinarySearch(s, h)
	if found {
		return s
	}
	if len(s) == sketchSize {
		s = s[:len(s)-1]
	}
	return slices.Insert(s, at, h)
}

// likeness estimates the Jaccard index of the two texts' distinct pairs:
// the share of the smallest hashes of both together that each has.
func likeness(a, b sketch) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	k := max(len(a), len(b))
	both, seen, i, j := 0, 0, 0, 0
	for seen < k && i < len(a) && j < len(b) {
		x, y := a[i], b[j]
		if x == y {
			both++
		}
		i, j = step(x, y, i, j)
		seen++
	}
	seen = min(k, seen+len(a)-i+len(b)-j) // the rest is in one of them
	return float64(both) / float64(seen)
}

// step advances a merge of two sorted lists past the smaller of their
// next values x and y, past both when equal: written so that the
// compiler makes it without branches, which a merge mispredicts.
func step(x, y uint64, i, j int) (int, int) {
	if x <= y {
		i++
	}
	if y <= x {
		j++
	}
	return i, j
}

// common counts the pairs two sorted lists share, with repeats. It gives
// up once the count cannot reach least, returning a count below it: most
// pairs of articles compared share little.
func common(a, b []uint64, least int) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		if n+min(len(a)-i, len(b)-j) < least {
			return n
		}
		x, y := a[i], b[j]
		if x == y {
			n++
		}
		i, j = step(x, y, i, j)
	}
	return n
}

// atLeast is a count of shared pairs below which a share of total cannot
// reach least (a rounded-down bound, so that common gives up only where
// the exact share would fall short too).
func atLeast(least float64, total int) int { return int(least*float64(total)) - 1 }

// dice is Dice's coefficient of two texts' pairs, 1 for the same text;
// below least it may be any value below least.
func dice(a, b []uint64, least float64) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(common(a, b, atLeast(least/2, len(a)+len(b)))) / float64(len(a)+len(b))
}

// containment is the share of a's pairs that b also has; below least it
// may be any value below least.
func containment(a, b []uint64, least float64) float64 {
	if len(a) == 0 {
		return 0
	}
	return float64(common(a, b, atLeast(least, len(a)))) / float64(len(a))
}

// maxCells bounds the table Diff fills; beyond it (articles of thousands
// of characters on both sides) the whole text is shown replaced.
const maxCells = 1 << 20

// Diff marks what changed from old to new, character by character, over
// the compared characters; punctuation is never marked, and a run both
// versions have keeps each version's own punctuation (Segment.Old).
func Diff(old, new string) []Segment {
	or, nr := []rune(old), []rune(new)
	oi, ni := kept(or), kept(nr)
	var segs []Segment
	add := func(op byte, o, n []rune) {
		if len(o)+len(n) == 0 {
			return
		}
		if k := len(segs); k > 0 && segs[k-1].Op == op {
			segs[k-1].Old += string(o)
			segs[k-1].Text += string(n)
			return
		}
		segs = append(segs, Segment{Op: op, Text: string(n), Old: string(o)})
	}
	if len(oi)*len(ni) > maxCells {
		add('-', or, nil)
		add('+', nil, nr)
		return tidy(segs)
	}
	// lcs[a][b] is the longest common run of oi[a:] and ni[b:].
	w := len(ni) + 1
	lcs := make([]int32, (len(oi)+1)*w)
	for a := len(oi) - 1; a >= 0; a-- {
		for b := len(ni) - 1; b >= 0; b-- {
			if fold(or[oi[a]]) == fold(nr[ni[b]]) {
				lcs[a*w+b] = lcs[(a+1)*w+b+1] + 1
			} else {
				lcs[a*w+b] = max(lcs[(a+1)*w+b], lcs[a*w+b+1])
			}
		}
	}
	po, pn := 0, 0 // the next runes of old and new not yet shown
	a, b := 0, 0
	for a < len(oi) || b < len(ni) {
		switch {
		case a < len(oi) && b < len(ni) && fold(or[oi[a]]) == fold(nr[ni[b]]):
			add('=', or[po:oi[a]+1], nr[pn:ni[b]+1])
			po, pn = oi[a]+1, ni[b]+1
			a++
			b++
		case a < len(oi) && (b == len(ni) || lcs[(a+1)*w+b] >= lcs[a*w+b+1]):
			add('=', or[po:oi[a]], nil) // punctuation before the deletion
			add('-', or[oi[a]:oi[a]+1], nil)
			po = oi[a] + 1
			a++
		default:
			add('=', nil, nr[pn:ni[b]])
			add('+', nil, nr[ni[b]:ni[b]+1])
			pn = ni[b] + 1
			b++
		}
	}
	add('=', or[po:], nr[pn:])
	return tidy(segs)
}

// tidy makes a diff readable: a run of one or two characters left equal
// between changes (党[-支部书记-]员[-谈话-]) is shown changed, and each
// stretch of changes becomes one deletion and one insertion.
func tidy(segs []Segment) []Segment {
	var out []Segment
	var del, ins strings.Builder
	flush := func() {
		if Key(del.String()) != "" {
			out = append(out, Segment{Op: '-', Text: del.String()})
		}
		if Key(ins.String()) != "" {
			out = append(out, Segment{Op: '+', Text: ins.String()})
		}
		del.Reset()
		ins.Reset()
	}
	for k, s := range segs {
		switch {
		case s.Op == '-':
			del.WriteString(s.Text + s.Old)
		case s.Op == '+':
			ins.WriteString(s.Text)
		case k > 0 && k < len(segs)-1 && len([]rune(Key(s.Text))) <= 2:
			del.WriteString(s.Old)
			ins.WriteString(s.Text)
		default:
			flush()
			if n := len(out); n > 0 && out[n-1].Op == '=' {
				out[n-1].Text += s.Text
				out[n-1].Old += s.Old
				continue
			}
			out = append(out, s)
		}
	}
	flush()
	return out
}

// kept returns the indexes of the runes that are compared.
func kept(rs []rune) []int {
	out := make([]int, 0, len(rs))
	for i, r := range rs {
		if !ignored(r) {
			out = append(out, i)
		}
	}
	return out
}
