// Package searchtest reads back the index that package search writes, and
// writes an index into a folder: for tests and benchmarks, which draw
// queries from a built site and check that the format holds what went in.
// The binary does not use it.
package searchtest

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"djkb/internal/search"
	"djkb/internal/search/codec"
)

// Doc and Part are search's, so that a reader of the index needs this
// package alone.
type (
	Doc  = search.Doc
	Part = search.Part
)

// ReadIndex reads back the documents of an index folder written by search.Write:
// titles, paths, URLs, dates, statuses, sections and parts (facets are not
// read). Benchmarks use it to draw queries from a built site; tests use it to
// check that the format holds what went in.
func ReadIndex(dir string) ([]Doc, error) {
	var man struct {
		ND       int      `json:"nd"`
		NB       int      `json:"nb"`
		Docs     string   `json:"docs"`
		Sections []string `json:"sections"`
		Statuses []string `json:"statuses"`
		Text     string   `json:"text"`
		Meta     string   `json:"meta"`
	}
	if err := ReadRegister(dir, "manifest", &man); err != nil {
		return nil, err
	}
	docs := make([]Doc, man.ND)
	table := codec.DecodeB91(man.Docs)
	nblocks := make([]int, man.ND)
	for d, r := 0, bytes.NewReader(table); d < man.ND; d++ {
		n, _ := binary.ReadUvarint(r)
		nblocks[d] = int(n)
	}
	// Titles, paths and URLs.
	for i := 0; ; i++ {
		var shard []json.RawMessage
		if err := ReadRegister(dir, fmt.Sprintf("m/%d", i), &shard); os.IsNotExist(err) {
			break
		} else if err != nil || len(shard) != 2 {
			return nil, fmt.Errorf("m/%d: %v", i, err)
		}
		from, recs, err := readRecords(shard[0], shard[1], man.Sections, man.Statuses, len(docs))
		if err != nil {
			return nil, fmt.Errorf("m/%d: %v", i, err)
		}
		copy(docs[from:], recs)
	}
	// Block text.
	var cbText string
	if err := ReadRegister(dir, "c", &cbText); err != nil {
		return nil, err
	}
	cbBytes := codec.DecodeB91(cbText)
	cb, err := readCodebook(cbBytes)
	if err != nil {
		return nil, err
	}
	blockDoc := make([]int, 0, man.NB)
	for d, n := range nblocks {
		for range n {
			blockDoc = append(blockDoc, d)
		}
	}
	for i := 0; ; i++ {
		var shard []json.RawMessage
		if err := ReadRegister(dir, fmt.Sprintf("t/%d", i), &shard); os.IsNotExist(err) {
			break
		} else if err != nil || len(shard) != 5 {
			return nil, fmt.Errorf("t/%d: %v", i, err)
		}
		if err := readTextShard(shard, cb, docs, blockDoc); err != nil {
			return nil, fmt.Errorf("t/%d: %v", i, err)
		}
		if err := checkRecords(shard[3], shard[4], man.Sections, man.Statuses, docs); err != nil {
			return nil, fmt.Errorf("t/%d: %v", i, err)
		}
	}
	return docs, nil
}

// readRecords decodes the records of a meta or text shard (see metaCoder):
// the documents from number from on, of nd, with what the records say of
// them.
func readRecords(first, records json.RawMessage, sections, statuses []string, nd int) (from int, docs []Doc, err error) {
	var recs [][]any
	if err := json.Unmarshal(first, &from); err != nil {
		return 0, nil, err
	}
	if err := json.Unmarshal(records, &recs); err != nil {
		return 0, nil, err
	}
	if from < 0 || from+len(recs) > nd {
		return 0, nil, fmt.Errorf("records of documents %d to %d, of %d", from, from+len(recs), nd)
	}
	docs = make([]Doc, len(recs))
	prev := []uint16{}
	for j, rec := range recs {
		if len(rec) < 6 {
			return 0, nil, fmt.Errorf("record %d: %d fields", j, len(rec))
		}
		d := &docs[j]
		d.Title = rec[0].(string)
		n := int(rec[1].(float64))
		path := append(prev[:n:n], utf16Of(rec[2].(string))...)
		d.Path, prev = stringOf16(path), path
		d.Date = search.DaysDate(int(rec[3].(float64)))
		if se := int(rec[4].(float64)); se > 0 {
			d.Section = sections[se-1]
		}
		if st := int(rec[5].(float64)); st > 0 {
			d.Status = statuses[st-1]
		}
		d.URL = search.DefaultURL(d.Path)
		if len(rec) > 6 {
			d.URL = rec[6].(string)
		}
	}
	return from, docs, nil
}

// checkRecords checks that the records a text shard carries say what the
// meta shards said of the same documents.
func checkRecords(first, records json.RawMessage, sections, statuses []string, docs []Doc) error {
	from, again, err := readRecords(first, records, sections, statuses, len(docs))
	if err != nil {
		return err
	}
	for i := range again {
		a, b := &again[i], &docs[from+i]
		if a.Title != b.Title || a.Path != b.Path || a.URL != b.URL || a.Date != b.Date || a.Section != b.Section || a.Status != b.Status {
			return fmt.Errorf("the record of document %d differs from its meta shard's", from+i)
		}
	}
	return nil
}

// readTextShard appends the parts of a text shard's blocks to their documents.
func readTextShard(shard []json.RawMessage, cb *codebookReader, docs []Doc, blockDoc []int) error {
	var first int
	var text string
	var strs []string
	if json.Unmarshal(shard[0], &first) != nil || json.Unmarshal(shard[1], &text) != nil || json.Unmarshal(shard[2], &strs) != nil {
		return fmt.Errorf("bad shard")
	}
	data := codec.DecodeB91(text)
	r := bytes.NewReader(data)
	n, _ := binary.ReadUvarint(r)
	type seg struct{ m, h uint64 }
	segs := make([][]seg, n)
	lens := make([]int, n)
	for k := range segs {
		ns, _ := binary.ReadUvarint(r)
		for range ns {
			x, _ := binary.ReadUvarint(r)
			segs[k] = append(segs[k], seg{x & 3, x >> 2})
		}
		l, _ := binary.ReadUvarint(r)
		lens[k] = int(l)
	}
	off := len(data) - r.Len()
	for k := range segs {
		texts, err := cb.decode(data[off:off+lens[k]], len(segs[k]))
		if err != nil {
			return err
		}
		off += lens[k]
		d := &docs[blockDoc[first+k]]
		for j, s := range segs[k] {
			text := texts[j]
			if s.m == 3 {
				if k == 0 && j == 0 {
					d.Parts = append(d.Parts, search.Part{Anchor: strs[0], Heading: strs[1]})
					strs = strs[2:]
				}
				d.Parts[len(d.Parts)-1].Text += text
				continue
			}
			u := utf16Of(text)
			heading := stringOf16(u[:min(int(s.h), len(u))])
			p := search.Part{Heading: heading, Text: text}
			switch s.m {
			case 1:
				p.Anchor = heading
			case 2:
				p.Anchor, strs = strs[0], strs[1:]
			}
			if strings.HasPrefix(text, heading+"\n") && heading != "" {
				p.Text = text[len(heading)+1:] // the heading was stored before the text
			}
			d.Parts = append(d.Parts, p)
		}
	}
	return nil
}

// ReadRegister reads the payload of the register script dir/name.js into v.
func ReadRegister(dir, name string, v any) error {
	b, err := os.ReadFile(filepath.Join(dir, name+".js"))
	if err != nil {
		return err
	}
	prefix := `djkbSearch._register("` + name + `",`
	if !bytes.HasPrefix(b, []byte(prefix)) || !bytes.HasSuffix(b, []byte(");\n")) {
		return fmt.Errorf("%s.js: not an index file", name)
	}
	return json.Unmarshal(b[len(prefix):len(b)-3], v)
}

// codebookReader decodes the text code (see textCode.codebook in search).
type codebookReader struct {
	counts []int
	syms   []string // "" for end of segment, "\x00esc" for the escape
}

const escSym = "\x00esc"

func readCodebook(b []byte) (*codebookReader, error) {
	r := bytes.NewReader(b)
	maxLen, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	cb := &codebookReader{counts: make([]int, maxLen+1)}
	for l := 1; l <= int(maxLen); l++ {
		c, _ := binary.ReadUvarint(r)
		cb.counts[l] = int(c)
	}
	for l := 1; l <= int(maxLen); l++ {
		var prevChar, prevPair rune
		for range cb.counts[l] {
			t, err := binary.ReadUvarint(r)
			if err != nil {
				return nil, err
			}
			switch {
			case t == 0:
				cb.syms = append(cb.syms, "")
			case t == 1:
				cb.syms = append(cb.syms, escSym)
			case t%2 == 0:
				prevChar += rune(t-2) / 2
				cb.syms = append(cb.syms, string(prevChar))
			default:
				prevPair += rune(t-3) / 2
				c2, _ := binary.ReadUvarint(r)
				cb.syms = append(cb.syms, string(prevPair)+string(rune(c2)))
			}
		}
	}
	return cb, nil
}

// decode returns the nseg segments coded in b.
func (cb *codebookReader) decode(b []byte, nseg int) ([]string, error) {
	var segs []string
	var cur strings.Builder
	pos, bit := 0, 0
	next := func() (int, bool) {
		if pos >= len(b) {
			return 0, false
		}
		v := int(b[pos]>>(7-bit)) & 1
		if bit++; bit == 8 {
			bit, pos = 0, pos+1
		}
		return v, true
	}
	for len(segs) < nseg {
		code, first, index := 0, 0, 0
		sym := -1
		for l := 1; l < len(cb.counts); l++ {
			v, ok := next()
			if !ok {
				return nil, fmt.Errorf("text code ends early")
			}
			code |= v
			if c := cb.counts[l]; code-first < c {
				sym = index + code - first
				break
			} else {
				index += c
				first = (first + c) << 1
				code <<= 1
			}
		}
		if sym < 0 {
			return nil, fmt.Errorf("bad text code")
		}
		switch s := cb.syms[sym]; s {
		case "":
			segs = append(segs, cur.String())
			cur.Reset()
		case escSym:
			r := 0
			for range 21 {
				v, _ := next()
				r = r<<1 | v
			}
			cur.WriteRune(rune(r))
		default:
			cur.WriteString(s)
		}
	}
	return segs, nil
}

func utf16Of(s string) []uint16 {
	var out []uint16
	for _, r := range s {
		if r >= 0x10000 {
			r -= 0x10000
			out = append(out, uint16(0xD800+(r>>10)), uint16(0xDC00+(r&0x3FF)))
		} else {
			out = append(out, uint16(r))
		}
	}
	return out
}

func stringOf16(u []uint16) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		r := rune(u[i])
		if r >= 0xD800 && r < 0xDC00 && i+1 < len(u) && u[i+1] >= 0xDC00 && u[i+1] < 0xE000 {
			r = 0x10000 + (r-0xD800)<<10 + rune(u[i+1]-0xDC00)
			i++
		}
		b.WriteRune(r)
	}
	return b.String()
}
