package search

import (
	"math/rand/v2"
	"testing"

	"djkb/internal/search/tokenize"
)

// TestTermTable feeds the table random keys, Han keys of BMP characters
// (which queue) mixed with words and keys beyond the BMP (which do not),
// looking the queue up at random block ends as the index pass does, and
// checks what it reports against a plain map: one number per key, every
// first occurrence of a term in a block reported exactly once, and each
// term's blocks in order, across the splits of the partitions.
func TestTermTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tt := newTermTable()
	var pairs []int32
	want := map[[2]uint64]bool{} // key, block
	for b := int32(0); b < 3000; b++ {
		tt.block(b)
		for range rng.IntN(200) {
			var key uint64
			switch x := rng.IntN(100); {
			case x < 90: // mostly a few hundred common pairs, some rare ones
				c1 := rune(0x4E00 + rng.IntN(40))
				if x < 30 {
					c1 = rune(0x4E00 + rng.IntN(20000))
				}
				c2 := rune(0x4E00 + rng.IntN(30))
				if x%10 == 0 {
					c2 = 0 // a character that ends its run
				}
				key = tokenize.HanKey(c1, c2)
			case x < 95:
				key = tokenize.HanKey(rune(0x20000+rng.IntN(50)), rune(0x4E00+rng.IntN(5)))
			default:
				key = tt.wordKey([]rune{rune('a' + rng.IntN(26)), rune('a' + rng.IntN(26))})
			}
			want[[2]uint64{key, uint64(b)}] = true
			pairs = tt.add(pairs, []uint64{key})
		}
		if rng.IntN(20) == 0 || tt.full() {
			pairs = tt.lookup(pairs)
		}
	}
	pairs = tt.lookup(pairs)

	numbers := map[uint64]int32{}
	for n, key := range tt.keys {
		if _, dup := numbers[key]; dup {
			t.Fatalf("key %x has two numbers", key)
		}
		numbers[key] = int32(n)
	}
	got := map[[2]uint64]bool{}
	lastBlock := map[int32]int32{}
	for i := 0; i < len(pairs); i += 2 {
		n, b := pairs[i], pairs[i+1]
		k := [2]uint64{tt.keys[n], uint64(b)}
		if got[k] {
			t.Fatalf("term %d in block %d reported twice", n, b)
		}
		got[k] = true
		if last, ok := lastBlock[n]; ok && last >= b {
			t.Fatalf("term %d: block %d reported after block %d", n, b, last)
		}
		lastBlock[n] = b
	}
	if len(got) != len(want) {
		t.Fatalf("%d first occurrences reported, want %d", len(got), len(want))
	}
	for k := range want {
		if !got[k] {
			t.Fatalf("key %x in block %d not reported", k[0], k[1])
		}
	}
	if tt.partBits < minPartBits+3 {
		t.Errorf("the partitions split %d times, want at least 3", tt.partBits-minPartBits)
	}
}

// TestSortTerms adds terms to a run's table in rounds, as the batches of an
// index pass find them, sorting after each round: order must then hold
// every term once, in key order, with keysAt its keys.
func TestSortTerms(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	r := &indexRun{tt: newTermTable()}
	seen := map[uint64]bool{}
	for round := range 40 {
		for range rng.IntN(300) {
			var key uint64
			if rng.IntN(10) == 0 {
				key = r.tt.wordKey([]rune{rune('a' + rng.IntN(26)), rune('0' + rng.IntN(10)), rune('a' + rng.IntN(26))})
			} else {
				key = tokenize.HanKey(rune(0x4E00+rng.IntN(3000)), rune(0x4E00+rng.IntN(50)))
			}
			if !seen[key] {
				seen[key] = true
				r.tt.newTerm(key)
			}
		}
		r.sortTerms()
		if len(r.order) != len(r.tt.keys) || len(r.keysAt) != len(r.order) {
			t.Fatalf("round %d: %d terms in order, %d keys, %d terms", round, len(r.order), len(r.keysAt), len(r.tt.keys))
		}
		placed := make([]bool, len(r.order))
		for k, n := range r.order {
			if placed[n] {
				t.Fatalf("round %d: term %d is in order twice", round, n)
			}
			placed[n] = true
			if r.keysAt[k] != termSortKey(r.tt, r.tt.keys[n]) {
				t.Fatalf("round %d: keysAt[%d] is not the key of term %d", round, k, n)
			}
			if k > 0 && compareSortKey(r.keysAt[k-1], r.keysAt[k]) >= 0 {
				t.Fatalf("round %d: terms %d and %d are out of order", round, r.order[k-1], n)
			}
		}
	}
}
