package search

import (
	"iter"
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
// the heading, a "\n" and the body when headLen is set (the part's text does
// not start with its heading), else the body. The text waits in the text
// spill (see blockCutter) and is read back a few blocks at a time
// (blockText), so that a segment holds no pointer: the collector never
// scans the segments, which grow with the corpus.
type segment struct {
	part    int32 // index into the labels of the parts (cutBlocks)
	headLen int32 // bytes of the heading before the body, 0 for none
	bodyLen int32
	head16  int32 // length of the heading at the start of the text, UTF-16 units
	first   bool  // the segment starts its part
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
		seg, head, body := segment{part: p, first: true}, "", part.Text
		if part.Heading != "" {
			seg.head16 = int32(tokenize.Len16(part.Heading))
			if !strings.HasPrefix(part.Text, part.Heading) {
				head = part.Heading
			}
		}
		for {
			seg.headLen, seg.bodyLen = int32(len(head)), int32(len(body))
			piece, pieceBody, rest := seg, body, ""
			if seg.size() > blockBytes {
				pieceBody, rest = cutText(body, blockBytes-(seg.size()-len(body)))
				piece.bodyLen = int32(len(pieceBody))
			}
			if !open || curSize+piece.size() > blockBytes {
				c.starts, c.owners = append(c.starts, int32(len(c.segs))), append(c.owners, d)
				c.at = append(c.at, c.text.size+int64(len(c.buf)))
				open, curSize = true, 0
			}
			c.buf = append(append(c.buf, head...), pieceBody...)
			c.segs = append(c.segs, piece)
			curSize += piece.size()
			if rest == "" {
				break
			}
			seg, head, body = segment{part: p}, "", rest
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

// blockText is the text of consecutive blocks, read back from the text
// spill. Each load reuses the buffer of the last: the strings a load gave
// out must be out of use by the next.
type blockText struct {
	text string
	at   int64 // where text starts in the spill
	buf  []byte
}

// load reads the text of consecutive blocks.
func (t *blockText) load(text *spill, blocks []block) {
	if len(blocks) == 0 {
		return
	}
	n := 0
	for i := range blocks {
		for _, s := range blocks[i].segs {
			n += int(s.headLen + s.bodyLen)
		}
	}
	if cap(t.buf) < n {
		t.buf = make([]byte, n)
	}
	buf := t.buf[:n]
	text.readAt(buf, blocks[0].at)
	// buf is not written again until the next load: its text is shared,
	// not copied.
	t.text, t.at = unsafe.String(unsafe.SliceData(buf), len(buf)), blocks[0].at
}

// segments yields the heading (or "") and the body of each segment of
// block b, one of the blocks last loaded.
func (t *blockText) segments(b *block) iter.Seq2[string, string] {
	return func(yield func(head, body string) bool) {
		off := int(b.at - t.at)
		for _, s := range b.segs {
			head := t.text[off : off+int(s.headLen)]
			off += int(s.headLen)
			body := t.text[off : off+int(s.bodyLen)]
			off += int(s.bodyLen)
			if !yield(head, body) {
				return
			}
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
