package search

import (
	"fmt"
	"strconv"

	"djkb/internal/search/codec"
)

// textShardBytes is the target size of a text shard before base91.
var textShardBytes = 15000

// A text shard holds the text of consecutive blocks:
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

// planTextShards cuts the blocks into shards of about textShardBytes of
// code, estimating each block's code from its text size and the sample's
// bytes of code per byte of text, so that the shards are known before the
// text is coded. It returns the first block of each shard and, last,
// len(blocks).
func planTextShards(blocks []block, ratio float64) []int {
	cuts := []int{0}
	size := 0.0
	for i := range blocks {
		est := float64(blocks[i].size())*ratio + 4*float64(len(blocks[i].segs))
		if i > cuts[len(cuts)-1] && size+est > float64(textShardBytes) {
			cuts = append(cuts, i)
			size = 0
		}
		size += est
	}
	return append(cuts, len(blocks))
}

// textShardFirsts lists the first blocks of the shards as uvarint deltas,
// for the manifest.
func textShardFirsts(cuts []int) []byte {
	var out []byte
	for i := 0; i+1 < len(cuts); i++ {
		prev := 0
		if i > 0 {
			prev = cuts[i-1]
		}
		out = codec.AppendUvarint(out, uint64(cuts[i]-prev))
	}
	return out
}

// textShards writes the text shards of an index.
type textShards struct {
	docs   []Doc
	parts  []partLabel // of the segments
	blocks []block
	text   *spill // the blocks' text
	cuts   []int  // the first block of each shard, then len(blocks)
	tc     *textCode
	mc     metaCoder
}

// write writes text shard n, whose blocks' codes are codes, as t/N.js:
// [first block, base91 text of the shard, strs, first doc, records]. The
// records (see metaCoder) are those of the documents from the first
// block's to the last block's, so that a page that reads a block to show
// it needs no meta shard for its document.
func (ts *textShards) write(o *indexFiles, sc *script, n int, codes [][]byte) {
	docs, blocks := ts.docs, ts.blocks
	start := ts.cuts[n]
	end := start + len(codes)
	h := codec.AppendUvarint(nil, uint64(end-start))
	var strs []string
	for i := start; i < end; i++ {
		b := &blocks[i]
		h = codec.AppendUvarint(h, uint64(len(b.segs)))
		for j, s := range b.segs {
			part := &ts.parts[s.part]
			var m uint64
			switch {
			case !s.first:
				m = 3
				if i == start && j == 0 {
					strs = append(strs, part.anchor, part.heading)
				}
			case part.anchor == "":
				m = 0
			case part.anchor == part.heading:
				m = 1
			default:
				m = 2
				strs = append(strs, part.anchor)
			}
			hl := uint64(0)
			if s.first {
				hl = uint64(s.head16)
			}
			h = codec.AppendUvarint(h, hl<<2|m)
		}
		h = codec.AppendUvarint(h, uint64(len(codes[i-start])))
	}
	firstDoc, lastDoc := 0, -1 // an index without text has one empty shard
	if end > start {
		firstDoc, lastDoc = int(blocks[start].doc), int(blocks[end-1].doc)
	}
	sc.start(fmt.Sprintf("t/%d", n))
	sc.raw("[" + strconv.Itoa(start) + ",")
	sc.bin(append([][]byte{h}, codes...)...)
	sc.raw(",")
	sc.json(nonNil(strs))
	sc.raw("," + strconv.Itoa(firstDoc) + ",")
	sc.json(ts.mc.records(docs[firstDoc : lastDoc+1]))
	sc.raw("]")
	sc.finish(o)
}
