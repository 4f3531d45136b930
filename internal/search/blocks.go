package search

import (
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"djkb/internal/search/tokenize"
)

// The body text of every document is cut into blocks of about blockBytes
// bytes. A block holds whole parts (or, for a part longer than a block,
// pieces of one cut at a separator), never text of two documents. Postings
// point at blocks; the browser reads a candidate block's text to confirm a
// phrase, to find the parts it occurs in and to cut the excerpt.
const blockBytes = 1536

// A segment is a part, or a piece of a long part, inside a block. Its text is
// head + "\n" + body when head is set, else body. The text waits in the
// text spill (see blockCutter) and is in head and body only while a pass
// reads it (loadText); headLen and bodyLen are its lengths.
type segment struct {
	part    int32  // index into the labels of the parts (cutBlocks)
	head    string // the heading, when the part's text does not start with it
	body    string
	headLen int32
	bodyLen int32
	first   bool // the segment starts its part
	head16  int  // length of the heading at the start of the text, UTF-16 units
}

func (s *segment) size() int {
	if s.headLen > 0 {
		return int(s.headLen) + 1 + int(s.bodyLen)
	}
	return int(s.bodyLen)
}

// A partLabel is what the text shards say of a part besides its text.
type partLabel struct{ anchor, heading string }

// A block is a run of segments of one document.
type block struct {
	doc  int32
	segs []segment
	at   int64 // where the block's text starts in the text spill
}

// size returns the block's text size in bytes.
func (b *block) size() int {
	n := 0
	for i := range b.segs {
		n += b.segs[i].size()
	}
	return n
}

// A blockCutter cuts documents' parts into blocks, one document at a time,
// in document order, and writes the blocks' text to a spill as it goes, so
// that the index holds none of the corpus's text between its passes: a
// caller that hands over its documents lets their text go as they are cut.
type blockCutter struct {
	text   *spill
	segs   []segment
	labels []partLabel
	starts []int32 // first segment of each block
	owners []int32 // document of each block
	at     []int64 // text of each block in the spill
	buf    []byte  // text not yet in the spill
}

// add cuts the parts of document d.
func (c *blockCutter) add(d int32, parts []Part) {
	open, curSize := false, 0
	for _, part := range parts {
		if part.Text == "" && part.Heading == "" {
			continue
		}
		p := int32(len(c.labels))
		c.labels = append(c.labels, partLabel{part.Anchor, part.Heading})
		seg := segment{part: p, body: part.Text, first: true}
		if part.Heading != "" {
			seg.head16 = tokenize.Len16(part.Heading)
			if !strings.HasPrefix(part.Text, part.Heading) {
				seg.head = part.Heading
			}
		}
		for {
			seg.headLen, seg.bodyLen = int32(len(seg.head)), int32(len(seg.body))
			piece, rest := seg, ""
			if seg.size() > blockBytes {
				piece.body, rest = cutText(seg.body, blockBytes-(seg.size()-len(seg.body)))
				piece.bodyLen = int32(len(piece.body))
			}
			if !open || curSize+piece.size() > blockBytes {
				c.starts, c.owners = append(c.starts, int32(len(c.segs))), append(c.owners, d)
				c.at = append(c.at, c.text.size+int64(len(c.buf)))
				open, curSize = true, 0
			}
			c.buf = append(append(c.buf, piece.head...), piece.body...)
			piece.head, piece.body = "", ""
			c.segs = append(c.segs, piece)
			curSize += piece.size()
			if rest == "" {
				break
			}
			seg = segment{part: p, body: rest}
		}
	}
	if len(c.buf) >= 1<<16 {
		c.flush()
	}
}

func (c *blockCutter) flush() {
	c.text.append(c.buf)
	c.buf = c.buf[:0]
}

// blocks returns the blocks cut, without their text, and the labels of the
// parts they hold, in order. The blocks' segments share one array.
func (c *blockCutter) blocks() ([]block, []partLabel) {
	c.flush()
	segs := slices.Clip(c.segs)
	blocks := make([]block, len(c.starts))
	for i, st := range c.starts {
		end := int32(len(segs))
		if i+1 < len(c.starts) {
			end = c.starts[i+1]
		}
		blocks[i] = block{doc: c.owners[i], segs: segs[st:end:end], at: c.at[i]}
	}
	return blocks, c.labels
}

// loadText reads the text of consecutive blocks back from the spill into
// their segments; releaseText lets it go again.
func loadText(text *spill, blocks []block) {
	if len(blocks) == 0 {
		return
	}
	n := 0
	for i := range blocks {
		for _, s := range blocks[i].segs {
			n += int(s.headLen + s.bodyLen)
		}
	}
	buf := make([]byte, n)
	text.readAt(buf, blocks[0].at)
	// buf is not written again: its text is shared, not copied.
	all := unsafe.String(unsafe.SliceData(buf), len(buf))
	off := 0
	for i := range blocks {
		for j := range blocks[i].segs {
			s := &blocks[i].segs[j]
			s.head = all[off : off+int(s.headLen)]
			off += int(s.headLen)
			s.body = all[off : off+int(s.bodyLen)]
			off += int(s.bodyLen)
		}
	}
}

// releaseText drops the blocks' references to their text once a pass has
// read it.
func releaseText(blocks []block) {
	for i := range blocks {
		for j := range blocks[i].segs {
			s := &blocks[i].segs[j]
			s.head, s.body = "", ""
		}
	}
}

// cutText cuts s into a head of at most max bytes (but at least one code
// point) and the rest, preferring to cut after a line break, then after
// Chinese or ASCII punctuation, so that no unit spans the cut.
func cutText(s string, max int) (string, string) {
	if max < 64 {
		max = 64
	}
	if len(s) <= max {
		return s, ""
	}
	best := -1
	for _, seps := range []string{"\n", "。；！？", "，、：.;!?,", " \t"} {
		for i := max; i > max/2; {
			r, size := utf8.DecodeLastRuneInString(s[:i])
			if strings.ContainsRune(seps, r) {
				best = i
				break
			}
			i -= size
		}
		if best > 0 {
			break
		}
	}
	if best < 0 { // no separator: cut at a code point boundary
		best = max
		for best > 0 && !utf8.RuneStart(s[best]) {
			best--
		}
		if best == 0 {
			_, best = utf8.DecodeRuneInString(s)
		}
	}
	return s[:best], s[best:]
}
