package search

import (
	"cmp"
	"slices"
	"sync"
)

// Block numbers: 0..len(docs)-1 stand for the documents' titles, then the
// body blocks follow in order (body block i is number len(docs)+i). A posting
// list is a sorted list of block numbers.

// postings is the inverted index: terms in key order, each with its blocks.
type postings struct {
	keys  []uint64 // Han key, or wordBit | index into words
	words []string // sorted
	tf    []int32  // occurrences
	off   []int    // term i's blocks are post[off[i]:off[i+1]]
	post  []int32
}

func (p *postings) len() int           { return len(p.keys) }
func (p *postings) list(i int) []int32 { return p.post[p.off[i]:p.off[i+1]] }

// keyString returns term i's key as the browser spells it.
func (p *postings) keyString(i int) string {
	k := p.keys[i]
	if k&wordBit != 0 {
		return p.words[k&^wordBit]
	}
	c1, c2 := rune(k>>21), rune(k&(1<<21-1))
	if c2 == 0 {
		return string(c1)
	}
	return string([]rune{c1, c2})
}

// indexRun is one worker's share of the tokenizing: a contiguous range of
// block numbers.
type indexRun struct {
	tt     *termTable
	first  int32 // first block number
	events chunks
	ends   []int // end of each block's events
	keys   []uint64
	df, tf []int32
	counts charCounts // raw code points of the body text
}

// chunks is an append-only list of int32 in fixed-size chunks: growing it
// never copies.
type chunks struct {
	cs [][]int32
	n  int
}

const chunkSize = 1 << 16

func (c *chunks) add(v int32) {
	if c.n%chunkSize == 0 {
		c.cs = append(c.cs, make([]int32, 0, chunkSize))
	}
	last := &c.cs[len(c.cs)-1]
	*last = append(*last, v)
	c.n++
}

func (c *chunks) at(i int) int32 { return c.cs[i/chunkSize][i%chunkSize] }

// buildPostings tokenizes the titles and blocks on workers goroutines and
// returns the inverted index.
func buildPostings(docs []Doc, blocks []block, workers int) (*postings, charCounts) {
	nd := len(docs)
	total := nd + len(blocks)
	// Split the block numbers into ranges of about equal text size.
	cuts := []int{0}
	if workers > 1 {
		size := 0
		for i := range blocks {
			size += blocks[i].size()
		}
		acc, next := 0, 1
		for i := range blocks {
			acc += blocks[i].size()
			if next < workers && acc*workers >= size*next {
				cuts = append(cuts, nd+i+1)
				next++
			}
		}
	}
	cuts = append(cuts, total)
	runs := make([]*indexRun, len(cuts)-1)
	var wg sync.WaitGroup
	for w := range runs {
		runs[w] = &indexRun{tt: newTermTable(), first: int32(cuts[w])}
		wg.Add(1)
		go func(r *indexRun, end int) {
			defer wg.Done()
			r.tokenize(docs, blocks, end)
		}(runs[w], cuts[w+1])
	}
	wg.Wait()
	counts := runs[0].counts
	for _, r := range runs[1:] {
		for c, n := range r.counts.bmp {
			counts.bmp[c] += n
		}
		for c, n := range r.counts.astral {
			counts.astral[c] += n
		}
	}
	return mergeRuns(runs), counts
}

// tokenize indexes block numbers r.first..end-1, counting the code points
// of the body text.
func (r *indexRun) tokenize(docs []Doc, blocks []block, end int) {
	nd := int32(len(docs))
	b := r.first
	ks := keyScanner{
		emit:  func(key uint64) { r.add(key, b) },
		words: r.tt.wordKey,
	}
	r.counts = charCounts{bmp: make([]int64, 0x10000), astral: map[rune]int64{}}
	for ; b < int32(end); b++ {
		if b < nd {
			ks.counts = nil
			ks.scan(docs[b].Title)
		} else {
			ks.counts, ks.astral = r.counts.bmp, r.counts.astral
			for _, s := range blocks[b-nd].segs {
				if s.head != "" {
					ks.scan(s.head)
				}
				ks.scan(s.body)
			}
		}
		r.ends = append(r.ends, r.events.n)
	}
	r.keys, r.df, r.tf = r.tt.terms()
}

func (r *indexRun) add(key uint64, b int32) {
	if n, isNew := r.tt.add(key, b); isNew {
		r.events.add(n)
	}
}

// sortKey orders terms by the code points of their strings: a word sorts by
// its first code point (never a Han one), then by its text.
type sortKey struct {
	primary uint64
	word    string
}

func termSortKey(tt *termTable, k uint64) sortKey {
	if k&wordBit == 0 {
		return sortKey{primary: k}
	}
	w := tt.words[k&^wordBit]
	var first rune
	for _, r := range w {
		first = r
		break
	}
	return sortKey{primary: uint64(first) << 21, word: w}
}

func compareSortKey(a, b sortKey) int {
	if c := cmp.Compare(a.primary, b.primary); c != 0 {
		return c
	}
	return cmp.Compare(a.word, b.word)
}

// mergeRuns merges the workers' term tables into one sorted term list and
// gathers the posting lists.
func mergeRuns(runs []*indexRun) *postings {
	// Each run's terms in key order.
	orders := make([][]int32, len(runs))
	sks := make([][]sortKey, len(runs))
	var wg sync.WaitGroup
	for w, r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sk := make([]sortKey, len(r.keys))
			ord := make([]int32, len(r.keys))
			for i, k := range r.keys {
				sk[i] = termSortKey(r.tt, k)
				ord[i] = int32(i)
			}
			slices.SortFunc(ord, func(a, b int32) int { return compareSortKey(sk[a], sk[b]) })
			orders[w], sks[w] = ord, sk
		}()
	}
	wg.Wait()

	// Merge: local term -> global term.
	p := &postings{}
	l2g := make([][]int32, len(runs))
	for w, r := range runs {
		l2g[w] = make([]int32, len(r.keys))
	}
	pos := make([]int, len(runs))
	var df []int32
	for {
		best := -1
		for w := range runs {
			if pos[w] < len(orders[w]) && (best < 0 || compareSortKey(sks[w][orders[w][pos[w]]], sks[best][orders[best][pos[best]]]) < 0) {
				best = w
			}
		}
		if best < 0 {
			break
		}
		sk := sks[best][orders[best][pos[best]]]
		g := int32(len(p.keys))
		key := sk.primary
		if sk.word != "" {
			key = wordBit | uint64(len(p.words))
			p.words = append(p.words, sk.word)
		}
		p.keys = append(p.keys, key)
		var tf, d int32
		for w, r := range runs {
			if pos[w] < len(orders[w]) {
				if n := orders[w][pos[w]]; compareSortKey(sks[w][n], sk) == 0 {
					l2g[w][n] = g
					tf += r.tf[n]
					d += r.df[n]
					pos[w]++
				}
			}
		}
		p.tf = append(p.tf, tf)
		df = append(df, d)
	}
	sks = nil

	// Gather the posting lists: run w fills its share of each list after the
	// shares of the runs before it, so every list comes out sorted.
	p.off = make([]int, len(df)+1)
	for i, d := range df {
		p.off[i+1] = p.off[i] + int(d)
	}
	p.post = make([]int32, p.off[len(df)])
	cursor := make([][]int, len(runs))
	filled := df // reused: how much of each list the earlier runs fill
	clear(filled)
	for w, r := range runs {
		c := make([]int, len(r.keys))
		for n := range c {
			g := l2g[w][n]
			c[n] = p.off[g] + int(filled[g])
			filled[g] += r.df[n]
		}
		cursor[w] = c
	}
	for w, r := range runs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := cursor[w]
			e := 0
			for i, end := range r.ends {
				b := r.first + int32(i)
				for ; e < end; e++ {
					n := r.events.at(e)
					p.post[c[n]] = b
					c[n]++
				}
			}
		}()
	}
	wg.Wait()
	return p
}
