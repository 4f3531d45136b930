package search

import (
	"fmt"
	"sync"

	"djkb/internal/search/codec"
)

// Sizes, in bytes before base91, of the posting files (variables so that
// tests can make many small shards).
var (
	inlineMax      = 1024  // a posting list up to this size sits in its dictionary shard
	dictShardBytes = 5500  // target size of a dictionary shard
	largeFileBytes = 40000 // target size of a file of large posting lists
)

// A dictionary shard is one byte string:
//
//	uvarint n, then n entries, then the inline posting lists in entry order.
//	entry: key, uvarint df, location.
//	key:   0, uvarint len, UTF-8 bytes         a word
//	       1, uvarint c1-prevC1, uvarint c2    a Han key starting a new first character (c2 = 0: the character alone)
//	       t>=2                                 a Han key with the previous first character and c2 = prevC2 + t - 1
//	location: uvarint len<<1                   inline list of len bytes
//	          uvarint file<<1|1, uvarint offset, uvarint len   in large file p/<file>
//
// A posting list is the Rice code of codec.AppendRice.

// listCoder reads the posting lists of chunks of terms and Rice-codes
// them on two goroutines, reusing its buffers from chunk to chunk. The
// lists are read in term order on a goroutine of their own, a chunk ahead
// of the coders, so that the spill files are read front to back, once.
type listCoder struct {
	r     postingsReader
	out   [][]byte
	bufs  [2][]byte
	lists [2]readLists  // the chunk being coded, and the next being read
	ahead chan struct{} // closed once lists[1] is read; nil when no read is under way
}

// readLists is the lists of a chunk of terms, one after the other.
type readLists struct {
	ids  []int32
	ends []int // of each list in ids
}

func (l *readLists) list(i int) []int32 {
	start := 0
	if i > 0 {
		start = l.ends[i-1]
	}
	return l.ids[start:l.ends[i]]
}

// read reads the lists of terms lo..hi-1 into lists[1], on a goroutine.
func (c *listCoder) read(lo, hi int) {
	c.ahead = make(chan struct{})
	go func() {
		defer close(c.ahead)
		c.r.chunk(&c.lists[1], lo, hi)
	}()
}

// code codes the lists of terms lo..hi-1 into c.out, where chunks are read
// in order, each up to next; they stay valid until the next call.
func (c *listCoder) code(lo, hi, next int) {
	if c.ahead == nil {
		c.read(lo, hi)
	}
	<-c.ahead
	c.lists[0], c.lists[1] = c.lists[1], c.lists[0]
	c.ahead = nil
	if hi < next {
		c.read(hi, next)
	}
	l := &c.lists[0]
	c.out = c.out[:0]
	for range hi - lo {
		c.out = append(c.out, nil)
	}
	var wg sync.WaitGroup
	mid := (hi - lo) / 2
	for h, rg := range [][2]int{{0, mid}, {mid, hi - lo}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := c.bufs[h][:0]
			var ends []int
			for i := rg[0]; i < rg[1]; i++ {
				buf = codec.AppendRice(buf, l.list(i))
				ends = append(ends, len(buf))
			}
			start := 0
			for i, end := range ends {
				c.out[rg[0]+i] = buf[start:end:end]
				start = end
			}
			c.bufs[h] = buf
		}()
	}
	wg.Wait()
}

// listChunk is how many posting lists are coded at a time.
const listChunk = 8192

// writeDictionary codes the posting lists, chunk after chunk, and writes the
// long ones as p/N.js and the dictionary shards as d/N.js. It returns the
// first key of each shard.
func writeDictionary(o *indexFiles, p *postings) []string {
	var firstKeys []string
	var sc script
	var large []byte // the large lists of the current p/ file
	file := 0
	flushLarge := func() {
		if len(large) > 0 {
			sc.writeBin(o, fmt.Sprintf("p/%d", file), large)
			large, file = large[:0], file+1
		}
	}
	lc := listCoder{r: postingsReader{p: p}}
	listAt := func(i int) []byte {
		if i%listChunk == 0 {
			lc.code(i, min(i+listChunk, p.len()), min(i+2*listChunk, p.len()))
		}
		return lc.out[i%listChunk]
	}
	// Cut the entries into shards, preferring cuts where the first
	// character changes.
	var entries, inline []byte
	n, start := 0, 0
	var prevC1, prevC2 rune
	flush := func(end int) {
		if n == 0 {
			return
		}
		sc.writeBin(o, fmt.Sprintf("d/%d", len(firstKeys)), codec.AppendUvarint(nil, uint64(n)), entries, inline)
		// A shard that starts a first character's group is named by that
		// character alone: it sorts before every key of the group.
		first := p.keyString(start)
		if k := p.keys[start]; k&wordBit == 0 && (start == 0 || p.keys[start-1]>>21 != k>>21 || p.keys[start-1]&wordBit != 0) {
			first = string(rune(k >> 21))
		}
		firstKeys = append(firstKeys, first)
		entries, inline, n, start = entries[:0], inline[:0], 0, end
	}
	for i := 0; i < p.len(); i++ {
		k := p.keys[i]
		c1 := rune(k >> 21)
		size := len(entries) + len(inline)
		newGroup := k&wordBit != 0 || n == 0 || c1 != prevC1
		if size >= dictShardBytes && (newGroup || size >= dictShardBytes*5/4) {
			flush(i)
		}
		if n == 0 {
			prevC1, prevC2 = 0, 0
		}
		switch {
		case k&wordBit != 0:
			w := p.words[k&^wordBit]
			entries = append(entries, 0)
			entries = codec.AppendUvarint(entries, uint64(len(w)))
			entries = append(entries, w...)
		case n > 0 && c1 == prevC1 && prevC2 >= 0:
			c2 := rune(k & (1<<21 - 1))
			entries = codec.AppendUvarint(entries, uint64(c2-prevC2+1))
			prevC2 = c2
		default:
			c2 := rune(k & (1<<21 - 1))
			entries = append(entries, 1)
			entries = codec.AppendUvarint(entries, uint64(c1-prevC1))
			entries = codec.AppendUvarint(entries, uint64(c2))
			prevC1, prevC2 = c1, c2
		}
		if k&wordBit != 0 {
			prevC2 = -1 // the next Han key must restate its first character
		}
		l := listAt(i)
		entries = codec.AppendUvarint(entries, uint64(p.df[i]))
		if len(l) <= inlineMax {
			entries = codec.AppendUvarint(entries, uint64(len(l))<<1)
			inline = append(inline, l...)
		} else {
			if len(large) > 0 && len(large)+len(l) > largeFileBytes {
				flushLarge()
			}
			entries = codec.AppendUvarint(entries, uint64(file)<<1|1)
			entries = codec.AppendUvarint(entries, uint64(len(large)))
			entries = codec.AppendUvarint(entries, uint64(len(l)))
			large = append(large, l...)
		}
		n++
	}
	flush(p.len())
	flushLarge()
	return firstKeys
}
