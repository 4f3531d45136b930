package search

import "unicode/utf8"

// Term keys are uint64. A Han key is c1<<21 | c2, with c2 = 0 for a character
// that ends its run; sorted as integers, Han keys are in code point order of
// their strings. A word key has wordBit set and the word's index in the
// table's word list below it.
const wordBit = 1 << 63

func hanKey(c1, c2 rune) uint64 { return uint64(c1)<<21 | uint64(c2) }

// termTable maps term keys to dense term numbers, noting for each term the
// last block it occurred in. It is an open-addressing
// hash table holding its entries inline, so that a lookup usually costs one
// cache miss: far cheaper than a Go map for the tens of millions of lookups
// of an index build.
type termTable struct {
	slots []termSlot
	mask  uint64
	n     int32
	words []string
	wordN map[string]uint64
	wbuf  []byte
}

type termSlot struct {
	key  uint64 // 0 for an empty slot (no term has key 0)
	n    int32  // term number
	last int32  // the last block it occurred in
}

func newTermTable() *termTable {
	return &termTable{wordN: map[string]uint64{}, slots: make([]termSlot, 1<<16), mask: 1<<16 - 1}
}

func hash64(k uint64) uint64 {
	k *= 0x9E3779B97F4A7C15
	return k ^ k>>29
}

// add records an occurrence of key in block b. When it is the term's first
// occurrence in b, it returns the term number and true.
func (t *termTable) add(key uint64, b int32) (n int32, first bool) {
	i := hash64(key) & t.mask
	for {
		s := &t.slots[i]
		if s.key == key {
			if s.last == b {
				return s.n, false
			}
			s.last = b
			return s.n, true
		}
		if s.key == 0 {
			break
		}
		i = (i + 1) & t.mask
	}
	n = t.n
	t.slots[i] = termSlot{key: key, n: n, last: b}
	t.n++
	if uint64(t.n)*2 > uint64(len(t.slots)) {
		t.grow()
	}
	return n, true
}

// wordKey returns the key of a word, adding the word to the word list.
func (t *termTable) wordKey(w []rune) uint64 {
	if len(w) > maxWord {
		w = w[:maxWord]
	}
	t.wbuf = t.wbuf[:0]
	for _, r := range w {
		t.wbuf = utf8.AppendRune(t.wbuf, r)
	}
	if k, ok := t.wordN[string(t.wbuf)]; ok {
		return k
	}
	s := string(t.wbuf)
	k := wordBit | uint64(len(t.words))
	t.words = append(t.words, s)
	t.wordN[s] = k
	return k
}

func (t *termTable) grow() {
	old := t.slots
	t.slots = make([]termSlot, len(old)*2)
	t.mask = uint64(len(t.slots) - 1)
	for _, s := range old {
		if s.key == 0 {
			continue
		}
		i := hash64(s.key) & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = s
	}
}

// terms returns the keys by term number.
func (t *termTable) terms() []uint64 {
	keys := make([]uint64, t.n)
	for _, s := range t.slots {
		if s.key != 0 {
			keys[s.n] = s.key
		}
	}
	return keys
}
