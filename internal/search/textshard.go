package search

import "sync"

// textShardBytes is the target size of a text shard before base64.
var textShardBytes = 12000

// A textShard holds the text of consecutive blocks:
//
//	uvarint number of blocks, then for each block: uvarint number of
//	segments, a uvarint h<<2|m for each segment, uvarint byte length of the
//	block's code; then the blocks' codes.
//
// m tells where the segment's part points: 0 to the page (anchor ""), 1 to
// the anchor equal to its heading, 2 to the next string of strs, 3 the
// segment continues the previous segment's part (at the start of a shard,
// the next two strings of strs give that part's anchor and heading). h is
// the length of the heading at the start of the segment's text, in UTF-16
// units.
type textShard struct {
	first int // first body block (counting from 0)
	data  []byte
	strs  []string
}

// encodeBlocks codes every block's text on two goroutines.
func encodeBlocks(blocks []block, tc *textCode) [][]byte {
	out := make([][]byte, len(blocks))
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var a arena
			var syms []int32
			lo, hi := w*len(blocks)/2, (w+1)*len(blocks)/2
			for i := lo; i < hi; i++ {
				var code []byte
				code, syms = tc.encodeBlock(a.start(blocks[i].size()), &blocks[i], syms)
				out[i] = a.end(code)
			}
		}()
	}
	wg.Wait()
	return out
}

func buildTextShards(docs []Doc, blocks []block, tc *textCode) []textShard {
	codes := encodeBlocks(blocks, tc)
	var shards []textShard
	for start := 0; start < len(blocks); {
		end, size := start, 0
		for end < len(blocks) && (end == start || size+len(codes[end]) <= textShardBytes) {
			size += len(codes[end]) + 4*len(blocks[end].segs)
			end++
		}
		sh := textShard{first: start}
		h := appendUvarint(nil, uint64(end-start))
		for i := start; i < end; i++ {
			b := &blocks[i]
			h = appendUvarint(h, uint64(len(b.segs)))
			for j, s := range b.segs {
				part := &docs[b.doc].Parts[s.part]
				var m uint64
				switch {
				case !s.first:
					m = 3
					if i == start && j == 0 {
						sh.strs = append(sh.strs, part.Anchor, part.Heading)
					}
				case part.Anchor == "":
					m = 0
				case part.Anchor == part.Heading:
					m = 1
				default:
					m = 2
					sh.strs = append(sh.strs, part.Anchor)
				}
				hl := uint64(0)
				if s.first {
					hl = uint64(s.head16)
				}
				h = appendUvarint(h, hl<<2|m)
			}
			h = appendUvarint(h, uint64(len(codes[i])))
		}
		for i := start; i < end; i++ {
			h = append(h, codes[i]...)
		}
		sh.data = h
		shards = append(shards, sh)
		start = end
	}
	return shards
}
