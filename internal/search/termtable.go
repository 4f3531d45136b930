package search

import (
	"math/bits"
	"unicode/utf8"
)

// Term keys are uint64: a Han key is tokenize.HanKey; a word key has
// wordBit set and the word's index in the table's word list below it.
const wordBit = 1 << 63

// termTable maps term keys to dense term numbers, noting for each term the
// last block it occurred in, so that it reports a term's first occurrence
// in each block.
//
// Keys of two BMP characters (nearly all) do not go to the table one by one:
// each waits, with its block, in the queue of its partition (by hash), and
// a batch of them is looked up partition by partition, each partition in a
// table of its own. A key looked up at once would cost a cache miss
// whenever its term is rare, since the whole table (megabytes) outgrows the
// processor's nearer caches; a partition's table stays in the first-level
// data cache while its queue, of about as many keys as it holds, streams
// through. The partitions split in two whenever they hold splitAt terms
// each on average, so that each keeps to a few hundred terms (12-24 KB) at
// any size of the site: 128 fixed partitions were a few percent slower on
// the bench corpus already. The other keys, few, go to a Go map at once.
type termTable struct {
	parts    []hanTable
	partBits uint32 // log2(len(parts))
	hanN     int    // terms in the partitions
	other    map[uint64]int32
	keys     []uint64 // by term number
	last     []int32  // by term number, for the keys of other
	words    []string
	wordN    map[string]uint64
	wbuf     []byte

	cur    int32 // the block last started
	queued int   // keys waiting in the partitions' queues
}

const (
	minPartBits  = 4
	maxPartBits  = 16   // with tables of up to 2^16 slots, the 32 bits of the hash
	splitAt      = 512  // terms per partition, on average, that make them split
	queuePerPart = 1024 // keys per partition, on average, that a batch of lookups holds
	minSlots     = 1 << 10
)

type queued struct {
	key   uint32
	block int32
}

// hanTable is one partition's open-addressing table: Fibonacci hashing
// picks the partition with the hash's top bits and the slot with the next.
type hanTable struct {
	queue []queued // keys waiting for lookup, in the order they came
	slots []hanSlot
	mask  uint32
	pre   uint32 // the hash's bits that pick the partition
	shift uint32 // 32 - log2(len(slots))
	n     uint32 // keys held
}

type hanSlot struct {
	key  uint32 // c1<<16 | c2, 0 for an empty slot (no Han character is 0)
	n    int32  // term number
	last int32  // the last block it occurred in
}

func newTermTable() *termTable {
	t := &termTable{other: map[uint64]int32{}, wordN: map[string]uint64{}}
	t.setParts(minPartBits, minSlots)
	return t
}

// setParts makes 2^bits empty partitions of size slots each.
func (t *termTable) setParts(bits uint32, size int) {
	t.partBits = bits
	t.parts = make([]hanTable, 1<<bits)
	for i := range t.parts {
		t.parts[i] = hanTable{slots: make([]hanSlot, size), mask: uint32(size - 1), pre: bits, shift: 32 - uint32(bits2(size))}
	}
}

// bits2 returns log2 of a power of two.
func bits2(n int) int { return bits.TrailingZeros(uint(n)) }

// part returns the partition of a Han key: the top bits of its Fibonacci
// hash.
func (t *termTable) part(k uint32) *hanTable { return &t.parts[k*0x9E3779B1>>(32-t.partBits)] }

// slot returns where the probe for a Han key starts: the hash's bits below
// those of the partition.
func (h *hanTable) slot(k uint32) uint32 { return k * 0x9E3779B1 << h.pre >> h.shift }

// bmpHanKey returns the 32-bit form of a key of two BMP characters (or one
// that ends its run).
func bmpHanKey(key uint64) (uint32, bool) {
	c1, c2 := key>>21, key&(1<<21-1)
	if key&wordBit != 0 || c1 >= 0x10000 || c2 >= 0x10000 {
		return 0, false
	}
	return uint32(c1<<16 | c2), true
}

// block starts the keys of block b.
func (t *termTable) block(b int32) { t.cur = b }

// add records occurrences of keys in the block last started. A key of two
// BMP characters waits for lookup; any other is looked up at once, and add
// appends its term number and the block to dst when this is the term's
// first occurrence in the block.
func (t *termTable) add(dst []int32, keys []uint64) []int32 {
	b := t.cur
	for _, key := range keys {
		if k, ok := bmpHanKey(key); ok {
			h := t.part(k)
			h.queue = append(h.queue, queued{k, b})
			t.queued++
			continue
		}
		n, ok := t.other[key]
		if !ok {
			n = t.newTerm(key)
			t.other[key] = n
		} else if t.last[n] == b {
			continue
		}
		t.last[n] = b
		dst = append(dst, n, b)
	}
	return dst
}

// full reports whether the queue should be looked up.
func (t *termTable) full() bool { return t.queued >= t.queueLen() }

// queueLen is how many keys a batch of lookups holds.
func (t *termTable) queueLen() int { return len(t.parts) * queuePerPart }

// lookup looks up the queued keys and appends, for each first occurrence of
// a term in a block, its term number and the block to dst. A term's blocks
// are appended in order. The queues are then empty, and the block last
// started stays the current one.
func (t *termTable) lookup(dst []int32) []int32 {
	for p := range t.parts {
		h := &t.parts[p]
		dst = t.lookupPart(dst, h)
		h.queue = h.queue[:0]
	}
	t.queued = 0
	if t.hanN > splitAt*len(t.parts) && t.partBits < maxPartBits {
		t.split()
	}
	return dst
}

// split makes twice as many partitions, each of half a partition: the
// hash's next bit picks the half. The queues must be empty.
func (t *termTable) split() {
	old := t.parts
	t.setParts(t.partBits+1, max(minSlots, len(old[0].slots)/2))
	for i := range old {
		for _, s := range old[i].slots {
			if s.key != 0 {
				t.part(s.key).put(s)
			}
		}
	}
}

func (t *termTable) lookupPart(dst []int32, h *hanTable) []int32 {
	for _, q := range h.queue {
		i := h.slot(q.key)
		for {
			s := &h.slots[i]
			if s.key == q.key {
				if s.last != q.block {
					s.last = q.block
					dst = append(dst, s.n, q.block)
				}
				break
			}
			if s.key == 0 {
				n := t.newTerm(uint64(q.key>>16)<<21 | uint64(q.key&0xFFFF))
				*s = hanSlot{key: q.key, n: n, last: q.block}
				dst = append(dst, n, q.block)
				t.hanN++
				if h.n++; h.n*2 > uint32(len(h.slots)) {
					h.grow()
				}
				break
			}
			i = (i + 1) & h.mask
		}
	}
	return dst
}

func (t *termTable) newTerm(key uint64) int32 {
	n := len(t.keys)
	t.keys, t.last = growTo(t.keys, n+1), growTo(t.last, n+1)
	t.keys[n], t.last[n] = key, -1
	return int32(n)
}

// wordKey returns the key of a word, adding the word to the word list.
func (t *termTable) wordKey(w []rune) uint64 {
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

func (h *hanTable) grow() {
	old := h.slots
	h.slots = make([]hanSlot, len(old)*2)
	h.mask = uint32(len(h.slots) - 1)
	h.shift--
	h.n = 0
	for _, s := range old {
		if s.key != 0 {
			h.put(s)
		}
	}
}

// put adds a slot whose key the table does not hold.
func (h *hanTable) put(s hanSlot) {
	i := h.slot(s.key)
	for h.slots[i].key != 0 {
		i = (i + 1) & h.mask
	}
	h.slots[i] = s
	if h.n++; h.n*2 > uint32(len(h.slots)) {
		h.grow()
	}
}
