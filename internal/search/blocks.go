package search

import (
	"strings"
	"unicode/utf8"

	"djkb/internal/search/tokenize"
)

// The body text of every document is cut into blocks of about blockBytes
// bytes. A block holds whole parts (or, for a part longer than a block,
// pieces of one cut at a separator), never text of two documents. Postings
// point at blocks; the browser reads a candidate block's text to confirm a
// phrase, to find the parts it occurs in and to cut the excerpt.
const blockBytes = 1536

// A segment is a part, or a piece of a long part, inside a block. Its text is
// head + "\n" + body when head is set, else body.
type segment struct {
	part   int32  // index into the labels of the parts (cutBlocks)
	head   string // the heading, when the part's text does not start with it
	body   string
	first  bool // the segment starts its part
	head16 int  // length of the heading at the start of the text, UTF-16 units
}

func (s *segment) size() int {
	if s.head != "" {
		return len(s.head) + 1 + len(s.body)
	}
	return len(s.body)
}

// A partLabel is what the text shards say of a part besides its text.
type partLabel struct{ anchor, heading string }

// A block is a run of segments of one document.
type block struct {
	doc  int32
	segs []segment
}

// size returns the block's text size in bytes.
func (b *block) size() int {
	n := 0
	for i := range b.segs {
		n += b.segs[i].size()
	}
	return n
}

// cutBlocks cuts the documents' parts into blocks, in document order, and
// returns them with the labels of the parts they hold, in order. The
// blocks' segments share one array.
func cutBlocks(docs []Doc) ([]block, []partLabel) {
	size, nparts := 0, 0
	for d := range docs {
		for _, p := range docs[d].Parts {
			size += len(p.Heading) + len(p.Text) + 1
		}
		nparts += len(docs[d].Parts)
	}
	segs := make([]segment, 0, nparts+size/blockBytes+16)
	labels := make([]partLabel, 0, nparts)
	var starts, owners []int32 // first segment and document of each block
	for d := range docs {
		open, curSize := false, 0
		for _, part := range docs[d].Parts {
			if part.Text == "" && part.Heading == "" {
				continue
			}
			p := int32(len(labels))
			labels = append(labels, partLabel{part.Anchor, part.Heading})
			seg := segment{part: p, body: part.Text, first: true}
			if part.Heading != "" {
				seg.head16 = tokenize.Len16(part.Heading)
				if !strings.HasPrefix(part.Text, part.Heading) {
					seg.head = part.Heading
				}
			}
			for {
				piece, rest := seg, ""
				if seg.size() > blockBytes {
					piece.body, rest = cutText(seg.body, blockBytes-(seg.size()-len(seg.body)))
				}
				if !open || curSize+piece.size() > blockBytes {
					starts, owners = append(starts, int32(len(segs))), append(owners, int32(d))
					open, curSize = true, 0
				}
				segs = append(segs, piece)
				curSize += piece.size()
				if rest == "" {
					break
				}
				seg = segment{part: p, body: rest}
			}
		}
	}
	blocks := make([]block, len(starts))
	for i, st := range starts {
		end := int32(len(segs))
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		blocks[i] = block{doc: owners[i], segs: segs[st:end:end]}
	}
	return blocks, labels
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
