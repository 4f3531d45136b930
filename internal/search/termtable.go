package search

import "unicode/utf8"

// Term keys are uint64. A Han key is c1<<21 | c2, with c2 = 0 for a character
// that ends its run; sorted as integers, Han keys are in code point order of
// their strings. A word key has wordBit set and the word's index in the
// table's word list below it.
const wordBit = 1 << 63

func hanKey(c1, c2 rune) uint64 { return uint64(c1)<<21 | uint64(c2) }

// termTable maps term keys to dense term numbers, noting for each term the
// last block it occurred in. The keys of two BMP characters (nearly all)
// live in an open-addressing hash table of 8-byte slots, small enough to
// stay in the processor's caches for the tens of millions of lookups of an
// index build; the others go to a Go map.
type termTable struct {
	slots []termSlot
	mask  uint32
	shift uint32 // 32 - log2(len(slots)): slots are found by Fibonacci hashing
	other map[uint64]int32
	keys  []uint64 // by term number
	last  []int32  // by term number
	words []string
	wordN map[string]uint64
	wbuf  []byte
}

type termSlot struct {
	key uint32 // c1<<16 | c2, 0 for an empty slot (no Han character is 0)
	n   int32  // term number
}

func newTermTable() *termTable {
	return &termTable{
		slots: make([]termSlot, 1<<16), mask: 1<<16 - 1, shift: 16,
		other: map[uint64]int32{}, wordN: map[string]uint64{},
	}
}

func hash64(k uint64) uint64 {
	k *= 0x9E3779B97F4A7C15
	return k ^ k>>29
}

// add records an occurrence of key in block b. When it is the term's first
// occurrence in b, it returns the term number and true.
func (t *termTable) add(key uint64, b int32) (n int32, first bool) {
	c1, c2 := key>>21, key&(1<<21-1)
	if key&wordBit != 0 || c1 >= 0x10000 || c2 >= 0x10000 {
		return t.addOther(key, b)
	}
	k := uint32(c1<<16 | c2)
	i := k * 0x9E3779B1 >> t.shift
	for {
		s := &t.slots[i]
		if s.key == k {
			n = s.n
			if t.last[n] == b {
				return n, false
			}
			t.last[n] = b
			return n, true
		}
		if s.key == 0 {
			break
		}
		i = (i + 1) & t.mask
	}
	n = t.newTerm(key, b)
	t.slots[i] = termSlot{key: k, n: n}
	if uint32(len(t.keys))*2 > uint32(len(t.slots)) {
		t.grow()
	}
	return n, true
}

func (t *termTable) addOther(key uint64, b int32) (int32, bool) {
	n, ok := t.other[key]
	if !ok {
		n = t.newTerm(key, b)
		t.other[key] = n
		return n, true
	}
	if t.last[n] == b {
		return n, false
	}
	t.last[n] = b
	return n, true
}

func (t *termTable) newTerm(key uint64, b int32) int32 {
	n := int32(len(t.keys))
	t.keys = append(t.keys, key)
	t.last = append(t.last, b)
	return n
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
	t.mask = uint32(len(t.slots) - 1)
	t.shift--
	for _, s := range old {
		if s.key == 0 {
			continue
		}
		i := s.key * 0x9E3779B1 >> t.shift
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = s
	}
}
