package corpus

import (
	"math/rand/v2"
	"slices"
	"unicode/utf8"
)

// markovOrder is how many preceding characters choose the next one.
// Three keeps legal phrases intact without copying whole articles.
const markovOrder = 4

// symbolBits is the width of one symbol in a packed context.
const symbolBits = 16

// markov is a character n-gram model of paragraphs. Symbols are dense
// indexes into alphabet; symbol 0 stands for both the start of a
// paragraph (in contexts) and its end (as a successor).
//
// States are the contexts seen in training, sorted, so that the model
// and everything drawn from it are the same on every run.
type markov struct {
	alphabet []rune   // symbol -> rune; alphabet[0] is unused
	ctx      []uint64 // sorted packed contexts; index is the state
	first    []int32  // edges of state s are first[s]:first[s+1]
	sym      []uint16 // successor symbol of each edge (0 ends the paragraph)
	cum      []uint32 // running count of each edge within its state
	to       []int32  // state after taking the edge, -1 at the end
	start    int32    // state of the empty context
}

// markovTrainer collects paragraphs before the model is built.
type markovTrainer struct {
	index map[rune]uint16
	runes []rune
	ctxs  []uint64
	syms  []uint16
}

// newMarkovTrainer returns an empty trainer.
func newMarkovTrainer() *markovTrainer {
	return &markovTrainer{index: map[rune]uint16{}, runes: []rune{0}}
}

// add feeds one paragraph. Paragraphs that would overflow the alphabet
// are skipped.
func (t *markovTrainer) add(text string) {
	if utf8.RuneCountInString(text) < 2 {
		return
	}
	mask := contextMask()
	var ctx uint64
	for _, r := range text {
		s, ok := t.index[r]
		if !ok {
			if len(t.runes) >= 1<<symbolBits-1 {
				return
			}
			s = uint16(len(t.runes))
			t.index[r] = s
			t.runes = append(t.runes, r)
		}
		t.ctxs = append(t.ctxs, ctx)
		t.syms = append(t.syms, s)
		ctx = (ctx<<symbolBits | uint64(s)) & mask
	}
	t.ctxs = append(t.ctxs, ctx)
	t.syms = append(t.syms, 0)
}

// empty reports whether no paragraph was added.
func (t *markovTrainer) empty() bool { return len(t.syms) == 0 }

// build turns the collected transitions into a model. The alphabet is
// renumbered in rune order first, so that the model does not depend on
// the order in which characters were first seen.
func (t *markovTrainer) build() *markov {
	// Renumber symbols in rune order.
	sorted := slices.Clone(t.runes[1:])
	slices.Sort(sorted)
	alphabet := append([]rune{0}, sorted...)
	remap := make([]uint16, len(t.runes))
	for i, r := range alphabet[1:] {
		remap[t.index[r]] = uint16(i + 1)
	}
	n := len(t.syms)
	keys := make([]edgeKey, n)
	mask := contextMask()
	for i := range n {
		keys[i] = edgeKey{ctx: remapContext(t.ctxs[i], remap, mask), sym: remap[t.syms[i]]}
	}
	slices.SortFunc(keys, func(a, b edgeKey) int {
		if a.ctx != b.ctx {
			if a.ctx < b.ctx {
				return -1
			}
			return 1
		}
		return int(a.sym) - int(b.sym)
	})

	m := &markov{alphabet: alphabet}
	for i := 0; i < n; {
		c := keys[i].ctx
		m.ctx = append(m.ctx, c)
		m.first = append(m.first, int32(len(m.sym)))
		var running uint32
		for i < n && keys[i].ctx == c {
			s := keys[i].sym
			for i < n && keys[i].ctx == c && keys[i].sym == s {
				running++
				i++
			}
			m.sym = append(m.sym, s)
			m.cum = append(m.cum, running)
		}
	}
	m.first = append(m.first, int32(len(m.sym)))

	// Link every edge to the state it leads to.
	m.to = make([]int32, len(m.sym))
	for st := range m.ctx {
		for e := m.first[st]; e < m.first[st+1]; e++ {
			if m.sym[e] == 0 {
				m.to[e] = -1
				continue
			}
			next := (m.ctx[st]<<symbolBits | uint64(m.sym[e])) & mask
			j, _ := slices.BinarySearch(m.ctx, next)
			m.to[e] = int32(j)
		}
	}
	m.start = 0 // the empty context packs to 0, the smallest key
	return m
}

// edgeKey is one observed transition while building.
type edgeKey struct {
	ctx uint64
	sym uint16
}

// contextMask keeps the last markovOrder symbols of a packed context.
func contextMask() uint64 {
	if markovOrder*symbolBits >= 64 {
		return ^uint64(0)
	}
	return 1<<(markovOrder*symbolBits) - 1
}

// remapContext renumbers every symbol packed in ctx.
func remapContext(ctx uint64, remap []uint16, mask uint64) uint64 {
	var out uint64
	for k := markovOrder - 1; k >= 0; k-- {
		s := ctx >> (k * symbolBits) & (1<<symbolBits - 1)
		out = out<<symbolBits | uint64(remap[s])
	}
	return out & mask
}

// paragraph draws one paragraph of about softMax runes at most: past
// softMax it stops at the next full stop or semicolon, and past twice
// that it is cut and closed with 。.
func (m *markov) paragraph(r *rand.Rand, softMax int) string {
	buf := make([]rune, 0, softMax+16)
	st := m.start
	for {
		lo, hi := m.first[st], m.first[st+1]
		total := m.cum[hi-1]
		u := r.Uint32N(total)
		for lo < hi { // first edge whose running count passes u
			mid := lo + (hi-lo)/2
			if m.cum[mid] > u {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		e := lo
		if m.sym[e] == 0 {
			break
		}
		ch := m.alphabet[m.sym[e]]
		buf = append(buf, ch)
		if len(buf) >= softMax && (ch == '。' || ch == '；') {
			break
		}
		if len(buf) >= 2*softMax {
			if isPause(ch) {
				buf = buf[:len(buf)-1]
			}
			buf = append(buf, '。')
			break
		}
		st = m.to[e]
	}
	return string(buf)
}

// isPause reports whether r is punctuation inside a sentence.
func isPause(r rune) bool {
	switch r {
	case '，', '、', '：', '；', '（', '《', '“':
		return true
	}
	return false
}
