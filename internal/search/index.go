package search

import (
	"cmp"
	"slices"
	"sync"

	"djkb/internal/search/codec"
	"djkb/internal/search/tokenize"
)

// Block numbers: 0..len(docs)-1 stand for the documents' titles, then the
// body blocks follow in order (body block i is number len(docs)+i). A posting
// list is a sorted list of block numbers.

// postings is the inverted index: terms in key order, each with its blocks,
// which a postingsReader gathers from the runs of the index pass.
type postings struct {
	keys   []uint64 // Han key, or wordBit | index into words
	words  []string // sorted
	df     []int32  // length of each list
	runs   []*indexRun
	locals []int32 // the local term of term g in run w is locals[g*len(runs)+w], or -1
	// before[g*len(runs)+w] is how many of run w's terms sort before term g.
	before []int32
}

// postingsReader reads the lists of consecutive terms. The batches of a
// run hold their terms in key order, so it reads each batch front to back,
// keeping a cursor in each.
type postingsReader struct {
	p    *postings
	next int       // the term the cursors stand at
	cur  [][]int32 // cur[w][i]: the next entry of batch i of run w
}

// seek places the cursors at term g.
func (pr *postingsReader) seek(g int) {
	if pr.cur == nil {
		pr.cur = make([][]int32, len(pr.p.runs))
	}
	for w, r := range pr.p.runs {
		pr.cur[w] = pr.cur[w][:0]
		before := pr.p.before[g*len(pr.p.runs)+w]
		for i := range r.batches {
			terms := r.batches[i].terms
			at, _ := slices.BinarySearchFunc(terms, before, func(n, rank int32) int { return cmp.Compare(r.rank[n], rank) })
			pr.cur[w] = append(pr.cur[w], int32(at))
		}
	}
}

// ids appends the blocks of term g to dst. Reading the terms in order moves
// the cursors along; reading any other term first seeks.
func (pr *postingsReader) ids(dst []int32, g int) []int32 {
	if pr.cur == nil || g != pr.next {
		pr.seek(g)
	}
	pr.next = g + 1
	for w, r := range pr.p.runs {
		n := pr.p.locals[g*len(pr.p.runs)+w]
		if n < 0 {
			continue
		}
		cur := pr.cur[w]
		for i := range r.batches {
			pb := &r.batches[i]
			if c := cur[i]; int(c) < len(pb.terms) && pb.terms[c] == n {
				dst = appendGaps(dst, pb.data[pb.off[c]:pb.off[c+1]], pb.first-1)
				cur[i]++
			}
		}
	}
	return dst
}

func (p *postings) len() int { return len(p.keys) }

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

// indexRun is one worker's share of the index pass over a contiguous range
// of block numbers: it tokenizes titles and blocks into posting lists and
// codes the blocks' text. Postings wait in batch (term number and block,
// each term's blocks in order); each full batch is grouped by term and kept
// as a postBatch with its terms in key order, so that postings are never
// appended one by one to per-term buffers (a cache miss each, and garbage
// as they grow), and so that the lists are read back, in key order, front
// to back.
type indexRun struct {
	tt      *termTable
	first   int32
	end     int32
	b       int32        // block being indexed
	df      []int32      // by term number
	order   []int32      // the term numbers in key order
	keysAt  []sortKey    // the sort keys of order's terms
	rank    []int32      // by term number: its place in order, once all are in
	fresh   []rankedTerm // sortTerms's buffer, reused
	batch   []int32
	since   int32 // no block of batch comes before it (its gaps' base)
	batches []postBatch
	sorted  []int32 // scratch of flush
	counts  []int32
	buf     []byte
	store   arena // holds the batches' data
}

// A postBatch holds the blocks of a batch for each term it holds, in key
// order: term terms[i]'s varint gaps (the first from first-1) are
// data[off[i]:off[i+1]].
type postBatch struct {
	first int32
	terms []int32
	off   []int32
	data  []byte
}

const batchLen = 1 << 20 // int32s of a batch (half as many postings)

// indexBlocks runs the index pass on two goroutines, which also code the
// blocks' text and write the text shards. It returns the inverted index.
func indexBlocks(o *indexFiles, ts *textShards) *postings {
	const workers = 2
	docs, blocks, cuts := ts.docs, ts.blocks, ts.cuts
	nd := len(docs)
	// Give each worker about half the text, in whole shards; the first
	// also takes the titles.
	nshards := len(cuts) - 1
	split := 0
	if nshards > 0 {
		size, acc := 0, 0
		for i := range blocks {
			size += blocks[i].size()
		}
		for split < nshards && acc*2 < size {
			for i := cuts[split]; i < cuts[split+1]; i++ {
				acc += blocks[i].size()
			}
			split++
		}
	}
	shardRanges := [workers][2]int{{0, split}, {split, nshards}}
	runs := make([]*indexRun, workers)
	var wg sync.WaitGroup
	for w := range runs {
		sr := shardRanges[w]
		first, end := nd+cuts[sr[0]], nd+cuts[sr[1]]
		if w == 0 {
			first = 0
		}
		runs[w] = &indexRun{tt: newTermTable(), first: int32(first), end: int32(end), since: int32(first)}
		wg.Add(1)
		go func(r *indexRun) {
			defer wg.Done()
			r.index(o, ts, sr)
		}(runs[w])
	}
	wg.Wait()
	return mergeRuns(runs)
}

// index tokenizes titles and blocks r.first..r.end-1, and codes and writes
// text shards sr[0]..sr[1]-1.
func (r *indexRun) index(o *indexFiles, ts *textShards, sr [2]int) {
	docs, blocks, cuts, tc := ts.docs, ts.blocks, ts.cuts, ts.tc
	nd := int32(len(docs))
	ks := tokenize.KeyScanner{Emit: r.add, Words: r.tt.wordKey}
	r.batch = make([]int32, 0, batchLen)
	for r.b = r.first; r.b < r.end && r.b < nd; r.b++ {
		r.tt.block(r.b)
		ks.Scan(docs[r.b].Title)
		// The title as a query may name it, across its punctuation
		// (tokenize.TitleKey): 骗购外汇逃汇 for 骗购外汇、逃汇.
		if key := tokenize.TitleKey(docs[r.b].Title); key != "" {
			ks.Scan(key)
			r.add(r.tt.wordKey([]rune(tokenize.TitleTerm(key))))
		}
	}
	var sc script
	var syms []int32
	var code []byte
	var codes [][]byte
	for shard := sr[0]; shard < sr[1]; shard++ {
		code, codes = code[:0], codes[:0]
		var offs []int
		for bi := cuts[shard]; bi < cuts[shard+1]; bi++ {
			r.b = nd + int32(bi)
			r.tt.block(r.b)
			bl := &blocks[bi]
			for _, s := range bl.segs {
				if s.head != "" {
					ks.Scan(s.head)
				}
				ks.Scan(s.body)
			}
			offs = append(offs, len(code))
			code, syms = tc.encodeBlock(code, bl, syms)
			if r.tt.full() {
				r.batch = r.tt.lookup(r.batch)
				if len(r.batch) >= batchLen-2*queueLen {
					r.flush()
				}
			}
		}
		offs = append(offs, len(code))
		for i := 0; i+1 < len(offs); i++ {
			codes = append(codes, code[offs[i]:offs[i+1]])
		}
		ts.write(o, &sc, shard, codes)
		releaseText(blocks[cuts[shard]:cuts[shard+1]])
	}
	r.flush()
	r.rankTerms()
	r.batch, r.sorted, r.counts, r.buf = nil, nil, nil, nil
	r.fresh = nil
}

// releaseText drops the blocks' references to their text once it is coded
// and written: text whose owner handed it over (see Write) is then freed as
// the pass goes, rather than kept to the end.
func releaseText(blocks []block) {
	for i := range blocks {
		for j := range blocks[i].segs {
			s := &blocks[i].segs[j]
			s.head, s.body = "", ""
		}
	}
}

// add records that key occurs in the block being indexed.
func (r *indexRun) add(key uint64) {
	if n, first := r.tt.add(key); first {
		r.batch = append(r.batch, n, r.b)
	}
}

// A rankedTerm is a term number with its sort key.
type rankedTerm struct {
	key sortKey
	n   int32
}

// sortTerms puts the terms found since the last call into order: it sorts
// the new terms and merges them into order from the back, in place.
func (r *indexRun) sortTerms() {
	nt := len(r.tt.keys)
	old := len(r.order)
	if old == nt {
		return
	}
	fresh := slices.Grow(r.fresh[:0], nt-old)
	for n := old; n < nt; n++ {
		fresh = append(fresh, rankedTerm{termSortKey(r.tt, r.tt.keys[n]), int32(n)})
	}
	slices.SortFunc(fresh, func(a, b rankedTerm) int { return compareSortKey(a.key, b.key) })
	r.fresh = fresh
	// Twice the room each time it runs out: each growth leaves the old
	// arrays as garbage.
	r.order, r.keysAt = growTo(r.order, nt), growTo(r.keysAt, nt)
	order, keys := r.order, r.keysAt
	i, j := old-1, len(fresh)-1
	for k := nt - 1; j >= 0; k-- {
		if i >= 0 && compareSortKey(keys[i], fresh[j].key) > 0 {
			order[k], keys[k] = order[i], keys[i]
			i--
		} else {
			order[k], keys[k] = fresh[j].n, fresh[j].key
			j--
		}
	}
}

// growTo returns s lengthened to n, doubling its capacity when it must grow.
func growTo[T any](s []T, n int) []T {
	if n > cap(s) {
		s = slices.Grow(s, max(n, 2*cap(s))-len(s))
	}
	return s[:n]
}

// rankTerms numbers the terms in key order, for postingsReader.seek.
func (r *indexRun) rankTerms() {
	r.sortTerms()
	r.rank = make([]int32, len(r.order))
	for k, n := range r.order {
		r.rank[n] = int32(k)
	}
}

// flush looks up the keys still queued, groups the batch by term (a
// counting sort, which keeps each term's blocks in order) and keeps it as a
// postBatch, its terms in key order.
func (r *indexRun) flush() {
	r.batch = r.tt.lookup(r.batch)
	if len(r.batch) == 0 {
		return
	}
	r.sortTerms()
	nt := len(r.tt.keys)
	for len(r.df) < nt {
		r.df = append(r.df, 0)
	}
	if cap(r.counts) < nt+1 {
		r.counts = make([]int32, nt+1, nt*2+1)
	}
	counts := r.counts[:nt+1]
	clear(counts)
	for i := 0; i < len(r.batch); i += 2 {
		counts[r.batch[i]+1]++
	}
	for i := 1; i <= nt; i++ {
		counts[i] += counts[i-1]
	}
	if cap(r.sorted) < len(r.batch)/2 {
		r.sorted = make([]int32, len(r.batch)/2)
	}
	sorted := r.sorted[:len(r.batch)/2]
	for i := 0; i < len(r.batch); i += 2 {
		n := r.batch[i]
		sorted[counts[n]] = r.batch[i+1]
		counts[n]++
	}
	// Term n's blocks are now sorted[counts[n-1]:counts[n]].
	present, prev := 0, int32(0)
	for _, end := range counts[:nt] {
		if end != prev {
			present++
		}
		prev = end
	}
	pb := postBatch{first: r.since, terms: make([]int32, 0, present), off: make([]int32, 0, present+1)}
	buf := r.buf[:0]
	for _, n := range r.order {
		start, end := int32(0), counts[n]
		if n > 0 {
			start = counts[n-1]
		}
		if end == start {
			continue
		}
		pb.terms = append(pb.terms, n)
		pb.off = append(pb.off, int32(len(buf)))
		prev := pb.first - 1
		for _, b := range sorted[start:end] {
			buf = codec.AppendUvarint(buf, uint64(b-prev))
			prev = b
		}
		r.df[n] += end - start
	}
	pb.off = append(pb.off, int32(len(buf)))
	pb.data = r.store.end(append(r.store.start(len(buf)), buf...))
	r.buf = buf
	r.batches = append(r.batches, pb)
	r.batch = r.batch[:0]
	r.since = r.b
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

// mergeRuns merges the runs' terms, each run's already in key order, into
// one term list, noting for each term its place in every run; a
// postingsReader then reads the lists from the runs' batches.
func mergeRuns(runs []*indexRun) *postings {
	most := 0 // terms at most: those of all runs, if none were shared
	for _, r := range runs {
		most += len(r.order)
	}
	p := &postings{keys: make([]uint64, 0, most), df: make([]int32, 0, most)}
	locals, before := make([]int32, 0, most*len(runs)), make([]int32, 0, most*len(runs))
	pos := make([]int, len(runs)) // the next term of each run, in its order
	for {
		best := -1
		for w, r := range runs {
			if pos[w] < len(r.order) && (best < 0 || compareSortKey(r.keysAt[pos[w]], runs[best].keysAt[pos[best]]) < 0) {
				best = w
			}
		}
		if best < 0 {
			break
		}
		sk := runs[best].keysAt[pos[best]]
		key := sk.primary
		if sk.word != "" {
			key = wordBit | uint64(len(p.words))
			p.words = append(p.words, sk.word)
		}
		p.keys = append(p.keys, key)
		var df int32
		for w, r := range runs {
			before = append(before, int32(pos[w]))
			loc := int32(-1)
			if pos[w] < len(r.order) && compareSortKey(r.keysAt[pos[w]], sk) == 0 {
				loc = r.order[pos[w]]
				df += r.df[loc]
				pos[w]++
			}
			locals = append(locals, loc)
		}
		p.df = append(p.df, df)
	}
	p.runs, p.locals, p.before = runs, locals, before
	return p
}

// appendGaps decodes varint gaps (the first from prev) and appends the ids.
func appendGaps(ids []int32, gaps []byte, prev int32) []int32 {
	for i := 0; i < len(gaps); {
		var v uint32
		for shift := uint(0); ; shift += 7 {
			c := gaps[i]
			i++
			v |= uint32(c&0x7F) << shift
			if c < 0x80 {
				break
			}
		}
		prev += int32(v)
		ids = append(ids, prev)
	}
	return ids
}
