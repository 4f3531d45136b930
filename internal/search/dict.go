package search

import "sync"

// Sizes, in bytes before base64, of the posting files (variables so that
// tests can make many small shards).
var (
	inlineMax      = 1024  // a posting list up to this size sits in its dictionary shard
	dictShardBytes = 6000  // target size of a dictionary shard
	largeFileBytes = 12000 // target size of a file of large posting lists
)

// dictionary is the encoded term dictionary: shards in key order, the first
// key of each, and the files of large posting lists.
type dictionary struct {
	shards    [][]byte
	firstKeys []string
	large     [][]byte
}

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
// A posting list is the Rice code of appendRice.

// encodeLists Rice-codes every posting list, on two goroutines.
func encodeLists(p *postings) [][]byte {
	out := make([][]byte, p.len())
	var wg sync.WaitGroup
	half := p.len() / 2
	for _, r := range [][2]int{{0, half}, {half, p.len()}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var a arena
			for i := r[0]; i < r[1]; i++ {
				l := p.list(i)
				out[i] = a.end(appendRice(a.start(len(l)+16), l))
			}
		}()
	}
	wg.Wait()
	return out
}

func buildDictionary(p *postings) *dictionary {
	lists := encodeLists(p)
	d := &dictionary{}
	// Place the large lists.
	type loc struct{ file, off int }
	locs := make([]loc, p.len())
	var cur []byte
	for i, l := range lists {
		if len(l) <= inlineMax {
			continue
		}
		if len(cur) > 0 && len(cur)+len(l) > largeFileBytes {
			d.large = append(d.large, cur)
			cur = nil
		}
		locs[i] = loc{len(d.large), len(cur)}
		cur = append(cur, l...)
	}
	if len(cur) > 0 {
		d.large = append(d.large, cur)
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
		shard := appendUvarint(make([]byte, 0, len(entries)+len(inline)+4), uint64(n))
		shard = append(append(shard, entries...), inline...)
		d.shards = append(d.shards, shard)
		d.firstKeys = append(d.firstKeys, p.keyString(start))
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
			entries = appendUvarint(entries, uint64(len(w)))
			entries = append(entries, w...)
		case n > 0 && c1 == prevC1 && prevC2 >= 0:
			c2 := rune(k & (1<<21 - 1))
			entries = appendUvarint(entries, uint64(c2-prevC2+1))
			prevC2 = c2
		default:
			c2 := rune(k & (1<<21 - 1))
			entries = append(entries, 1)
			entries = appendUvarint(entries, uint64(c1-prevC1))
			entries = appendUvarint(entries, uint64(c2))
			prevC1, prevC2 = c1, c2
		}
		if k&wordBit != 0 {
			prevC2 = -1 // the next Han key must restate its first character
		}
		l := lists[i]
		entries = appendUvarint(entries, uint64(len(p.list(i))))
		if len(l) <= inlineMax {
			entries = appendUvarint(entries, uint64(len(l))<<1)
			inline = append(inline, l...)
		} else {
			entries = appendUvarint(entries, uint64(locs[i].file)<<1|1)
			entries = appendUvarint(entries, uint64(locs[i].off))
			entries = appendUvarint(entries, uint64(len(l)))
		}
		n++
	}
	flush(p.len())
	return d
}
