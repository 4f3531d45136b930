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

// The block text is stored with one canonical Huffman code over symbols:
// end of segment, escape (followed by a 21-bit code point), the characters
// of a sample of the text, and the maxPairs most frequent pairs of Han
// characters, which a greedy left-to-right parse takes as one symbol.
const (
	symEOS   = 0
	symESC   = 1
	maxPairs = 1024
)

// textCode is the symbol alphabet and its code.
type textCode struct {
	chars  []rune    // symbol 2+i is chars[i]; sorted
	pairs  [][2]rune // symbol 2+len(chars)+i is pairs[i]; sorted
	charN  map[rune]int32
	bmp    []int32 // code point -> symbol, -1 for none, for the BMP
	pairT  pairSet
	lens   []uint8
	codes  []uint32
	packed []uint32 // code<<5 | length
	// sampleCounts counts the BMP code points of the sample.
	sampleCounts []int32
	// ratio is the sample's bytes of code per byte of text.
	ratio float64
}

// pairSet maps a pair of BMP code points to its symbol. Coding the text
// looks up the pair at nearly every character, and most lookups miss: a
// table at most a quarter full (32 KB for 1,024 pairs) answers in one probe
// from the processor's nearest cache.
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

// get returns the symbol of the pair a, b, or -1.
func (ps *pairSet) get(a, b rune) int32 {
	if (a|b)>>16 != 0 { // not a pair of BMP characters
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

// symbols appends the symbols of s to dst: a character outside the alphabet
// becomes symESC followed by -1-r. Pairs are taken greedily from the left:
// prev is the character before r that no pair has taken yet, or -1.
func (tc *textCode) symbols(dst []int32, s string) []int32 {
	prev := rune(-1)
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
		if prev < 0 {
			prev = r
			continue
		}
		if p := tc.pairT.get(prev, r); p >= 0 {
			dst = append(dst, p)
			prev = -1
			continue
		}
		dst = tc.appendChar(dst, prev)
		prev = r
	}
	if prev >= 0 {
		dst = tc.appendChar(dst, prev)
	}
	return dst
}

func (tc *textCode) appendChar(dst []int32, r rune) []int32 {
	if c := tc.charSym(r); c >= 0 {
		return append(dst, c)
	}
	return append(dst, symESC, -1-r)
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
		dst = append(dst, symEOS)
	}
	return dst
}

// sampleStride: the alphabet and the code come from every sampleStride-th
// block; a character the sample lacks is escaped.
const sampleStride = 8

// buildTextCode chooses the alphabet and computes the code from a sample of
// the blocks: the characters seen, the most frequent pairs of Han
// characters, and the symbol frequencies under the greedy parse.
func buildTextCode(blocks []block, text *spill) *textCode {
	tc := &textCode{charN: map[rune]int32{}, bmp: make([]int32, 0x10000)}
	bmp := make([]int32, 0x10000)
	tc.sampleCounts = bmp
	astral := map[rune]int32{}
	pairs := newPairCounter()
	count := func(s string) {
		prev := rune(-1)
		for _, r := range s {
			if r < 0x10000 {
				bmp[r]++
			} else {
				astral[r]++
			}
			if r < 0x10000 && r != '\n' {
				if prev >= 0 {
					pairs.add(pairKey(prev, r))
				}
				prev = r
			} else {
				prev = -1
			}
		}
	}
	var sample blockText
	for i := 0; i < len(blocks); i += sampleStride {
		sample.load(text, blocks[i:i+1])
		for head, body := range sample.segments(&blocks[i]) {
			count(head)
			count("\n")
			count(body)
		}
	}
	for r, n := range bmp {
		if n > 0 {
			tc.chars = append(tc.chars, rune(r))
		}
	}
	var ast []rune
	for r := range astral {
		ast = append(ast, r)
	}
	slices.Sort(ast)
	tc.chars = append(tc.chars, ast...)
	for i := range tc.bmp {
		tc.bmp[i] = -1
	}
	for i, r := range tc.chars {
		if r < 0x10000 {
			tc.bmp[r] = int32(2 + i)
		} else {
			tc.charN[r] = int32(2 + i)
		}
	}
	// The most frequent pairs of code points.
	type cand struct {
		pair uint32
		n    int32
	}
	var cands []cand
	for i, k := range pairs.keys {
		if k != 0 && pairs.vals[i] >= 4 {
			cands = append(cands, cand{k, pairs.vals[i]})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return cmp.Compare(a.pair, b.pair)
	})
	for i := 0; i < len(cands) && i < maxPairs; i++ {
		tc.pairs = append(tc.pairs, [2]rune{rune(cands[i].pair >> 16), rune(cands[i].pair & 0xFFFF)})
	}
	slices.SortFunc(tc.pairs, func(a, b [2]rune) int { return cmp.Compare(tokenize.HanKey(a[0], a[1]), tokenize.HanKey(b[0], b[1])) })
	tc.pairT = newPairSet(tc.pairs, int32(2+len(tc.chars)))

	// Symbol frequencies; every symbol of the alphabet keeps a code.
	freqs := make([]int64, 2+len(tc.chars)+len(tc.pairs))
	var syms []int32
	escapes, sampled := 0, 0
	for i := 0; i < len(blocks); i += sampleStride {
		sample.load(text, blocks[i:i+1])
		syms = tc.blockSymbols(syms[:0], &sample, &blocks[i])
		for _, s := range syms {
			if s >= 0 {
				freqs[s]++
			} else {
				escapes++
			}
		}
		sampled += blocks[i].size()
	}
	raw := slices.Clone(freqs)
	for i := range freqs {
		freqs[i] = freqs[i]*8 + 1
	}
	tc.lens = codec.HuffLengths(freqs)
	tc.codes, _ = codec.CanonicalCodes(tc.lens)
	tc.packed = make([]uint32, len(tc.codes))
	for i, c := range tc.codes {
		tc.packed[i] = c<<5 | uint32(tc.lens[i])
	}
	bits := float64(21 * escapes)
	for i, n := range raw {
		bits += float64(n) * float64(tc.lens[i])
	}
	tc.ratio = 0.3
	if sampled > 0 {
		tc.ratio = bits / 8 / float64(sampled)
	}
	return tc
}

// encodeBlock appends the code of block b's text, loaded in text,
// byte-aligned; syms is scratch space.
func (tc *textCode) encodeBlock(buf []byte, text *blockText, b *block, syms []int32) ([]byte, []int32) {
	w := codec.BitWriter{Buf: buf}
	syms = tc.blockSymbols(syms[:0], text, b)
	for _, s := range syms {
		if s < 0 {
			w.Write(uint64(-1-s), 21)
			continue
		}
		c := tc.packed[s]
		w.Write(uint64(c>>5), uint(c&31))
	}
	w.Align()
	return w.Buf, syms
}

// codebook encodes the code for the browser:
//
//	uvarint maxLen, uvarint count of each length 1..maxLen, then the symbols
//	in canonical order, each a uvarint tag: 0 end of segment, 1 escape,
//	2+2*d a character d code points after the previous character of the same
//	length (the first after 0), 3+2*d a pair whose first character is d
//	after the previous pair's first character of the same length (the first
//	after 0), followed by uvarint the second character.
func (tc *textCode) codebook() []byte {
	_, order := codec.CanonicalCodes(tc.lens)
	maxLen := 0
	counts := make([]int, codec.MaxCodeLen+1)
	for _, s := range order {
		counts[tc.lens[s]]++
		maxLen = max(maxLen, int(tc.lens[s]))
	}
	b := codec.AppendUvarint(nil, uint64(maxLen))
	for l := 1; l <= maxLen; l++ {
		b = codec.AppendUvarint(b, uint64(counts[l]))
	}
	prevLen := uint8(0)
	var prevChar, prevPair rune
	nc := len(tc.chars)
	for _, s := range order {
		if tc.lens[s] != prevLen {
			prevLen, prevChar, prevPair = tc.lens[s], 0, 0
		}
		switch {
		case s < 2:
			b = codec.AppendUvarint(b, uint64(s))
		case s < 2+nc:
			r := tc.chars[s-2]
			b = codec.AppendUvarint(b, 2+2*uint64(r-prevChar))
			prevChar = r
		default:
			p := tc.pairs[s-2-nc]
			b = codec.AppendUvarint(b, 3+2*uint64(p[0]-prevPair))
			b = codec.AppendUvarint(b, uint64(p[1]))
			prevPair = p[0]
		}
	}
	return b
}

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
