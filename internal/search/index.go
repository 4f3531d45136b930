package search

import (
	"cmp"
	"encoding/binary"
	"math"
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
	keys  []uint64 // Han key, or wordBit | index into words
	words []string // sorted
	df    []int32  // length of each list
	runs  []*indexRun
	// global[w][n] is the number, in keys, of run w's term n.
	global [][]int32
}

// postingsReader reads the lists of the terms in order, a chunk of terms at
// a time, every batch of every run front to back, once. A term's length is
// known (df), so each list has its place in the chunk before it is read: the
// batches, taken in block order, each put their records of the chunk's terms
// straight into place, and a term's blocks come out in order with no merge.
type postingsReader struct {
	p    *postings
	curs []batchCursor // every batch's, in block order
	live bool          // curs is set up
	at   []int         // scratch: where each term of the chunk goes next
}

// chunk reads the lists of terms lo..hi-1 into l. Chunks must be read in
// order, from the first term, with no gap.
func (pr *postingsReader) chunk(l *readLists, lo, hi int) {
	if !pr.live {
		pr.start()
	}
	l.ends = l.ends[:0]
	pr.at = pr.at[:0]
	n := 0
	for g := lo; g < hi; g++ {
		pr.at = append(pr.at, n)
		n += int(pr.p.df[g])
		l.ends = append(l.ends, n)
	}
	l.ids = slices.Grow(l.ids[:0], n)[:n]
	for i := range pr.curs {
		c := &pr.curs[i]
		for c.g < int32(hi) {
			k := int(c.g) - lo
			pr.at[k] = putGaps(l.ids, pr.at[k], c.data, c.first-1)
			if !c.next() {
				c.g = math.MaxInt32
			}
		}
	}
}

func (pr *postingsReader) start() {
	pr.live = true
	for w, r := range pr.p.runs {
		for _, b := range r.batches {
			c := batchCursor{file: r.spill, global: pr.p.global[w], first: b.first, pos: b.at, end: b.end}
			if c.next() {
				pr.curs = append(pr.curs, c)
			}
		}
	}
}

// A batchCursor reads a batch's records from its spill file through a
// window that grows to hold the largest record.
type batchCursor struct {
	file     *spill
	global   []int32 // the number, in the merged term list, of each term of its run
	first    int32   // the batch's gaps' base
	pos, end int64   // file offsets: the next byte to read, the batch's end
	buf      []byte
	i        int    // the next record in buf
	term     int32  // the current record's term, local to the run
	g        int32  // and in the merged term list
	data     []byte // its gaps
}

// cursorRead is how much a cursor reads at a time.
const cursorRead = 16 << 10

// next moves to the next record and notes its term; false at the end of
// the batch.
func (c *batchCursor) next() bool {
	if !c.fill(2 * binary.MaxVarintLen32) {
		return false
	}
	n, k1 := binary.Uvarint(c.buf[c.i:])
	size, k2 := binary.Uvarint(c.buf[c.i+k1:])
	c.i += k1 + k2
	c.fill(int(size))
	c.term, c.data = int32(n), c.buf[c.i:c.i+int(size)]
	c.g = c.global[c.term]
	c.i += int(size)
	return true
}

// fill makes buf hold at least n unread bytes, or all the batch has left;
// false when that is nothing.
func (c *batchCursor) fill(n int) bool {
	have := len(c.buf) - c.i
	if have >= n || c.pos == c.end {
		return have > 0
	}
	want := int(min(int64(max(n, cursorRead)-have), c.end-c.pos))
	if cap(c.buf) < have+want {
		c.buf = append(make([]byte, 0, have+want), c.buf[c.i:]...)
	} else {
		c.buf = append(c.buf[:0], c.buf[c.i:]...)
	}
	c.i = 0
	c.buf = c.buf[:have+want]
	c.file.readAt(c.buf[have:], c.pos)
	c.pos += int64(want)
	return true
}

func (p *postings) len() int { return len(p.keys) }

// close frees the runs' spill files and returns the first error they met.
func (p *postings) close() error {
	var first error
	for _, r := range p.runs {
		if err := r.spill.close(); first == nil {
			first = err
		}
	}
	return first
}

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
// each term's blocks in order); each full batch is grouped by term and
// spilled as a postBatch with its terms in key order, so that postings are
// never appended one by one to per-term buffers (a cache miss each, and
// garbage as they grow), so that they take no memory once grouped, and so
// that the lists are read back, in key order, front to back.
type indexRun struct {
	tt      *termTable
	first   int32
	end     int32
	b       int32        // block being indexed
	df      []int32      // by term number
	order   []int32      // the term numbers in key order
	keysAt  []sortKey    // the sort keys of order's terms
	fresh   []rankedTerm // sortTerms's buffer, reused
	batch   []int32
	since   int32 // no block of batch comes before it (its gaps' base)
	batches []postBatch
	spill   *spill  // holds the batches
	sorted  []int32 // scratch of flush
	counts  []int32
	buf     []byte
	gaps    []byte
}

// A postBatch is the blocks of a batch for each term it holds, kept in the
// run's spill file from at to end as one record for each term, in key
// order: uvarint term number, uvarint length, then the blocks' varint gaps
// (the first from first-1).
type postBatch struct {
	first   int32
	at, end int64
}

// batchLen is the least room of a batch, in int32s (half as many postings).
// A batch also holds at least as many postings as the run has terms, so
// that a flush's walk over the terms costs at most a step per posting at
// any size of the site, and has room for a batch of lookups.
const batchLen = 1 << 20

// batchRoom returns the room a batch needs, in int32s.
func (r *indexRun) batchRoom() int {
	return max(batchLen, 2*len(r.tt.keys)) + 2*r.tt.queueLen()
}

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
		runs[w] = &indexRun{tt: newTermTable(), first: int32(first), end: int32(end), since: int32(first), spill: newSpill()}
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
	ks := tokenize.KeyScanner{Words: r.tt.wordKey}
	r.batch = make([]int32, 0, r.batchRoom())
	for r.b = r.first; r.b < r.end && r.b < nd; r.b++ {
		r.tt.block(r.b)
		ks.Scan(docs[r.b].Title)
		// The title as a query may name it, across its punctuation
		// (tokenize.TitleKey): 骗购外汇逃汇 for 骗购外汇、逃汇.
		if key := tokenize.TitleKey(docs[r.b].Title); key != "" {
			ks.Scan(key)
			ks.Keys = append(ks.Keys, r.tt.wordKey([]rune(tokenize.TitleTerm(key))))
		}
		r.add(&ks)
	}
	var sc script
	var syms []int32
	var code []byte
	var codes [][]byte
	var text blockText
	for shard := sr[0]; shard < sr[1]; shard++ {
		code, codes = code[:0], codes[:0]
		var offs []int
		text.load(ts.text, blocks[cuts[shard]:cuts[shard+1]])
		for bi := cuts[shard]; bi < cuts[shard+1]; bi++ {
			r.b = nd + int32(bi)
			r.tt.block(r.b)
			bl := &blocks[bi]
			for head, body := range text.segments(bl) {
				if head != "" {
					ks.Scan(head)
				}
				ks.Scan(body)
			}
			r.add(&ks)
			offs = append(offs, len(code))
			code, syms = tc.encodeBlock(code, &text, bl, syms)
			if r.tt.full() {
				r.batch = r.tt.lookup(r.batch)
				if len(r.batch) >= cap(r.batch)-2*r.tt.queueLen() {
					r.flush()
				}
			}
		}
		offs = append(offs, len(code))
		for i := 0; i+1 < len(offs); i++ {
			codes = append(codes, code[offs[i]:offs[i+1]])
		}
		ts.write(o, &sc, shard, codes)
	}
	r.flush()
	r.sortTerms()
	r.batch, r.sorted, r.counts, r.buf = nil, nil, nil, nil
	r.fresh = nil
}

// add records that the keys ks scanned occur in the block being indexed.
func (r *indexRun) add(ks *tokenize.KeyScanner) {
	r.batch = r.tt.add(r.batch, ks.Keys)
	ks.Keys = ks.Keys[:0]
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

// flush looks up the keys still queued, groups the batch by term (a
// counting sort, which keeps each term's blocks in order) and spills it as
// a postBatch, its terms in key order.
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
	pb := postBatch{first: r.since}
	buf, gaps := r.buf[:0], r.gaps[:0]
	for _, n := range r.order {
		start, end := int32(0), counts[n]
		if n > 0 {
			start = counts[n-1]
		}
		if end == start {
			continue
		}
		gaps = gaps[:0]
		prev := pb.first - 1
		for _, b := range sorted[start:end] {
			gaps = codec.AppendUvarint(gaps, uint64(b-prev))
			prev = b
		}
		buf = codec.AppendUvarint(buf, uint64(n))
		buf = codec.AppendUvarint(buf, uint64(len(gaps)))
		buf = append(buf, gaps...)
		r.df[n] += end - start
	}
	pb.at = r.spill.append(buf)
	pb.end = pb.at + int64(len(buf))
	r.buf, r.gaps = buf, gaps
	r.batches = append(r.batches, pb)
	r.batch = r.batch[:0]
	if room := r.batchRoom(); cap(r.batch) < room {
		r.batch = make([]int32, 0, max(room, 2*cap(r.batch)))
	}
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
// one term list, noting the number each run's terms get in it; a
// postingsReader then reads the lists from the runs' batches. The runs keep
// only their batches.
func mergeRuns(runs []*indexRun) *postings {
	most := 0 // terms at most: those of all runs, if none were shared
	for _, r := range runs {
		most += len(r.order)
	}
	p := &postings{keys: make([]uint64, 0, most), df: make([]int32, 0, most), runs: runs, global: make([][]int32, len(runs))}
	for w, r := range runs {
		p.global[w] = make([]int32, len(r.order))
	}
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
		g := int32(len(p.keys))
		p.keys = append(p.keys, key)
		var df int32
		for w, r := range runs {
			if pos[w] < len(r.order) && compareSortKey(r.keysAt[pos[w]], sk) == 0 {
				n := r.order[pos[w]]
				p.global[w][n] = g
				df += r.df[n]
				pos[w]++
			}
		}
		p.df = append(p.df, df)
	}
	for _, r := range runs {
		r.tt, r.order, r.keysAt, r.df = nil, nil, nil, nil
	}
	return p
}

// putGaps decodes varint gaps (the first from prev) into ids from i on,
// and returns where they end.
func putGaps(ids []int32, i int, gaps []byte, prev int32) int {
	for j := 0; j < len(gaps); {
		var v uint32
		for shift := uint(0); ; shift += 7 {
			c := gaps[j]
			j++
			v |= uint32(c&0x7F) << shift
			if c < 0x80 {
				break
			}
		}
		prev += int32(v)
		ids[i] = prev
		i++
	}
	return i
}
