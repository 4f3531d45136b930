package search

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"

	"djkb/internal/search/codec"
	"djkb/internal/search/tokenize"
)

// The block text is coded with codec's order-1 rANS code (see
// codec/textmodel.go). The model comes from a sample of the blocks: the
// characters seen, each symbol's order-0 frequency, and the most frequent
// pairs of a symbol and its successor, grouped by the first into context
// tables. Every fresh search page loads the model, and it pays off in
// proportion to the text: a pair is kept for every pairBytes of sampled
// text, up to maxContextPairs.
var pairBytes = 2500 // a variable, so that tests can have small corpora make many pairs

const (
	maxContextPairs = 6000
	maxContextNext  = 1024 // successors of one context at most
	maxSymbols      = 1 << 15
)

// textCode is the model and what the coder looks up in it.
type textCode struct {
	model  codec.TextModel
	charN  map[rune]int32
	bmp    []int32 // code point -> symbol, -1 for none, for the BMP
	cum0   []uint32
	ctx    []int32          // symbol -> its context, -1 for none
	escape []codec.RansStep // the escape of each context
	next   pairSet          // (symbol+1, successor+1) -> index into steps
	steps  []codec.RansStep // of the contexts' successors, one after another
	// sampleCounts counts the BMP code points of the sample.
	sampleCounts []int32
	// ratio is the sample's bytes of code per byte of text.
	ratio float64
}

// pairSet maps a pair of a symbol and its successor (each plus one) to its
// step. Coding the text looks up the pair at every character: a table at
// most a quarter full answers in one probe, mostly from the processor's
// nearer caches.
type pairSet struct{ pairTable }

func newPairSet(pairs [][2]rune, base int32) pairSet {
	size := 4
	for size < 4*len(pairs) {
		size *= 2
	}
	ps := pairSet{newPairTable(size)}
	for i, p := range pairs {
		k := pairKey(p[0], p[1])
		at := ps.slot(k)
		ps.keys[at], ps.vals[at] = k, base+int32(i)
	}
	return ps
}

// get returns the value of the pair a, b, or -1.
func (ps *pairSet) get(a, b rune) int32 {
	if (a|b)>>16 != 0 { // out of the table's range
		return -1
	}
	mask := uint32(len(ps.keys) - 1)
	k := pairKey(a, b)
	// slot's probe, written out so that get inlines into the coder's loop;
	// an empty slot ends it first, so that a key 0 (a, b both U+0000) misses
	for i := ps.home(k); ; i = (i + 1) & mask {
		switch ps.keys[i] {
		case 0:
			return -1
		case k:
			return ps.vals[i]
		}
	}
}

func (tc *textCode) charSym(r rune) int32 {
	if r < 0x10000 {
		return tc.bmp[r]
	}
	if s, ok := tc.charN[r]; ok {
		return s
	}
	return -1
}

// symbols appends the symbols of s to dst: a character outside the
// alphabet becomes symESC followed by -1-r.
func (tc *textCode) symbols(dst []int32, s string) []int32 {
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if c, ok := tokenize.Decode3(s, i); ok {
				r, size = c, 3
			} else {
				r, size = tokenize.DecodeRune(s, i)
			}
		}
		i += size
		if c := tc.charSym(r); c >= 0 {
			dst = append(dst, c)
		} else {
			dst = append(dst, codec.SymESC, -1-r)
		}
	}
	return dst
}

// blockSymbols appends the symbols of block b's text, loaded in text: each
// segment's, then symEOS.
func (tc *textCode) blockSymbols(dst []int32, text *blockText, b *block) []int32 {
	for head, body := range text.segments(b) {
		if head != "" {
			dst = tc.symbols(dst, head)
			dst = tc.symbols(dst, "\n")
		}
		dst = tc.symbols(dst, body)
		dst = append(dst, codec.SymEOS)
	}
	return dst
}

// sampleStride: the model comes from every sampleStride-th block; a
// character the sample lacks is escaped.
const sampleStride = 8

// buildTextCode builds the model from a sample of the blocks.
func buildTextCode(blocks []block, text *spill) *textCode {
	tc := &textCode{charN: map[rune]int32{}, bmp: make([]int32, 0x10000)}
	bmp := make([]int32, 0x10000)
	tc.sampleCounts = bmp
	astral := map[rune]int32{}
	count := func(s string) {
		for _, r := range s {
			if r < 0x10000 {
				bmp[r]++
			} else {
				astral[r]++
			}
		}
	}
	var sample blockText
	sampledBytes := 0
	for i := 0; i < len(blocks); i += sampleStride {
		sample.load(text, blocks[i:i+1])
		for head, body := range sample.segments(&blocks[i]) {
			count(head)
			count("\n")
			count(body)
		}
		sampledBytes += blocks[i].size()
	}
	type charCount struct {
		r rune
		n int32
	}
	var chars []charCount
	for r, n := range bmp {
		if n > 0 {
			chars = append(chars, charCount{rune(r), n})
		}
	}
	for r, n := range astral {
		chars = append(chars, charCount{r, n})
	}
	if len(chars) > maxSymbols-2 { // the rarest are escaped
		slices.SortFunc(chars, func(a, b charCount) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.r, b.r)) })
		chars = chars[:maxSymbols-2]
	}
	for _, c := range chars {
		tc.model.Chars = append(tc.model.Chars, c.r)
	}
	slices.Sort(tc.model.Chars)
	for i := range tc.bmp {
		tc.bmp[i] = -1
	}
	for i, r := range tc.model.Chars {
		if r < 0x10000 {
			tc.bmp[r] = int32(2 + i)
		} else {
			tc.charN[r] = int32(2 + i)
		}
	}

	// Symbol and pair frequencies in the sample.
	nsym := 2 + len(tc.model.Chars)
	freq0 := make([]int64, nsym)
	ctxN := make([]int64, nsym)
	pairs := newPairCounter()
	var syms []int32
	for i := 0; i < len(blocks); i += sampleStride {
		sample.load(text, blocks[i:i+1])
		syms = tc.blockSymbols(syms[:0], &sample, &blocks[i])
		prev := int32(codec.SymEOS)
		for _, s := range syms {
			if s < 0 {
				continue
			}
			freq0[s]++
			ctxN[prev]++
			pairs.add(pairKey(rune(prev+1), rune(s+1)))
			prev = s
		}
	}
	tc.model.Freq0 = normalize(freq0, codec.Order0Bits)
	tc.cum0 = codec.Cum(tc.model.Freq0)

	// The most frequent pairs, grouped into contexts.
	type cand struct {
		pair uint32
		n    int32
	}
	var cands []cand
	for i, k := range pairs.keys {
		if k != 0 && pairs.vals[i] >= 2 {
			cands = append(cands, cand{k, pairs.vals[i]})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.pair, b.pair)) })
	cands = cands[:min(len(cands), maxContextPairs, sampledBytes/pairBytes)]
	slices.SortFunc(cands, func(a, b cand) int { return cmp.Compare(a.pair, b.pair) })
	tc.ctx = make([]int32, nsym)
	for i := range tc.ctx {
		tc.ctx[i] = -1
	}
	for i := 0; i < len(cands); {
		sym := int32(cands[i].pair>>16) - 1
		j := i
		for j < len(cands) && cands[j].pair>>16 == cands[i].pair>>16 {
			j++
		}
		group := cands[i:min(j, i+maxContextNext)]
		counts := make([]int64, len(group)+1)
		kept := int64(0)
		c := codec.TextContext{Sym: sym}
		for k, g := range group {
			c.Next = append(c.Next, int32(g.pair&0xFFFF)-1)
			counts[k] = int64(g.n)
			kept += int64(g.n)
		}
		counts[len(group)] = ctxN[sym] - kept + 1 // the escape
		f := normalize(counts, codec.ContextBits)
		c.Freq = f[:len(group)]
		tc.ctx[sym] = int32(len(tc.model.Ctx))
		tc.model.Ctx = append(tc.model.Ctx, c)
		i = j
	}
	var keys [][2]rune
	for _, c := range tc.model.Ctx {
		cum := codec.Cum(c.Freq)
		for k, s := range c.Next {
			keys = append(keys, [2]rune{rune(c.Sym + 1), rune(s + 1)})
			tc.steps = append(tc.steps, codec.RansStep{Start: cum[k], Freq: c.Freq[k], Bits: codec.ContextBits})
		}
		last := cum[len(c.Next)]
		tc.escape = append(tc.escape, codec.RansStep{Start: last, Freq: 1<<codec.ContextBits - last, Bits: codec.ContextBits})
	}
	tc.next = newPairSet(keys, 0)

	// Bytes of code per byte of text, from the sample's code.
	var sc textScratch
	var buf []byte
	for i := 0; i < len(blocks); i += sampleStride {
		sample.load(text, blocks[i:i+1])
		buf = tc.encodeBlock(buf[:0], &sample, &blocks[i], &sc)
		tc.ratio += float64(len(buf))
	}
	if sampledBytes > 0 {
		tc.ratio /= float64(sampledBytes)
	} else {
		tc.ratio = 0.3
	}
	return tc
}

// normalize scales counts to frequencies that sum to 1<<bits, each at
// least 1 (there are fewer counts than that): each is rounded down, and
// the largest takes up the difference.
func normalize(counts []int64, bits uint) []uint32 {
	total := int64(0)
	for _, n := range counts {
		total += n
	}
	out := make([]uint32, len(counts))
	sum, top := int64(0), 0
	for i, n := range counts {
		f := int64(1)
		if total > 0 {
			f = max(1, n<<bits/total)
		}
		out[i] = uint32(f)
		sum += f
		if counts[i] > counts[top] {
			top = i
		}
	}
	// Rounding up to 1 may overshoot: take it from the largest ones.
	for sum > 1<<bits {
		big := 0
		for i, f := range out {
			if f > out[big] {
				big = i
			}
		}
		d := min(sum-1<<bits, int64(out[big])/2)
		out[big] -= uint32(d)
		sum -= d
	}
	out[top] += uint32(1<<bits - sum)
	return out
}

// textScratch is the coder's reusable space (one per goroutine).
type textScratch struct {
	syms  []int32
	steps []codec.RansStep
	out   []byte
}

// encodeBlock appends the code of block b's text, loaded in text.
func (tc *textCode) encodeBlock(buf []byte, text *blockText, b *block, sc *textScratch) []byte {
	sc.syms = tc.blockSymbols(sc.syms[:0], text, b)
	steps := sc.steps[:0]
	prev := int32(codec.SymEOS)
	for i := 0; i < len(sc.syms); i++ {
		s, inContext := sc.syms[i], false
		if c := tc.ctx[prev]; c >= 0 {
			if at := tc.next.get(rune(prev+1), rune(s+1)); at >= 0 {
				steps = append(steps, tc.steps[at])
				inContext = true
			} else {
				steps = append(steps, tc.escape[c])
			}
		}
		if !inContext {
			steps = append(steps, codec.RansStep{Start: tc.cum0[s], Freq: tc.model.Freq0[s], Bits: codec.Order0Bits})
		}
		if s == codec.SymESC {
			i++
			steps = codec.RawSteps(steps, -1-sc.syms[i])
		}
		prev = s
	}
	sc.steps = steps
	buf, sc.out = codec.AppendRans(buf, steps, sc.out)
	return buf
}

// codebook encodes the model for the browser (codec.AppendTextModel).
func (tc *textCode) codebook() []byte { return codec.AppendTextModel(nil, &tc.model) }

// commonChars returns the n most frequent Han characters of the sample,
// most frequent first: the browser guesses from it which bigram of a phrase
// is rarest, to look that one up first.
func (tc *textCode) commonChars(n int) string {
	var han []rune
	for r, c := range tc.sampleCounts {
		if c > 0 && tokenize.IsHan(rune(r)) {
			han = append(han, rune(r))
		}
	}
	slices.SortStableFunc(han, func(a, b rune) int { return int(tc.sampleCounts[b] - tc.sampleCounts[a]) })
	var b strings.Builder
	for i := 0; i < len(han) && i < n; i++ {
		b.WriteRune(han[i])
	}
	return b.String()
}

// pairKey packs a pair of BMP code points into a key. Only two U+0000
// make 0, the key of an empty slot, and page text has no U+0000 (the
// Markdown parser replaces it).
func pairKey(a, b rune) uint32 { return uint32(a)<<16 | uint32(b) }

// pairTable is an open-addressing hash table from pair keys to int32
// values, with 0 marking an empty slot.
type pairTable struct {
	keys  []uint32
	vals  []int32
	shift uint8 // 32 - log2(len(keys)): the hash's top bits pick the slot
}

// newPairTable makes a table of size slots, a power of two.
func newPairTable(size int) pairTable {
	return pairTable{keys: make([]uint32, size), vals: make([]int32, size), shift: uint8(32 - bits.TrailingZeros(uint(size)))}
}

// home returns the slot where the probe for k starts, by Fibonacci
// hashing: the top bits of k times 2^32/φ.
func (t *pairTable) home(k uint32) uint32 { return k * 0x9E3779B1 >> t.shift }

// slot returns the slot that holds k, or the empty slot where k goes.
func (t *pairTable) slot(k uint32) uint32 {
	mask := uint32(len(t.keys) - 1)
	i := t.home(k)
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & mask
	}
	return i
}

// pairCounter counts pairs of BMP code points (pairKey) in a pairTable: the
// sample holds millions of pairs.
type pairCounter struct {
	pairTable
	n int
}

func newPairCounter() *pairCounter { return &pairCounter{pairTable: newPairTable(1 << 16)} }

func (p *pairCounter) add(k uint32) {
	i := p.slot(k)
	if p.keys[i] == 0 {
		p.keys[i] = k
		p.n++
	}
	p.vals[i]++
	if p.n*2 > len(p.keys) {
		p.grow()
	}
}

func (p *pairCounter) grow() {
	old := p.pairTable
	p.pairTable = newPairTable(2 * len(old.keys))
	for j, k := range old.keys {
		if k != 0 {
			i := p.slot(k)
			p.keys[i], p.vals[i] = k, old.vals[j]
		}
	}
}
