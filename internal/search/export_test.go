package search

import (
	"slices"
	"strings"
)

// SmallShards makes Write cut many small shards, so that a small corpus has
// several files of every kind and long posting lists outside the
// dictionary, and a text code with contexts (ManyPairs); the returned
// function restores the sizes.
func SmallShards() func() {
	a, b, c, d, e := inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes
	inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes = 2, 200, 40, 600, 200
	restorePairs := ManyPairs()
	return func() {
		inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes = a, b, c, d, e
		restorePairs()
	}
}

// ManyPairs makes the text code keep a context pair for every byte of the
// sample, so that small corpora have contexts; the returned function
// restores the rate.
func ManyPairs() func() {
	old := pairBytes
	pairBytes = 1
	return func() { pairBytes = old }
}

// SpillIn makes Write keep its temporary files in dir; the returned
// function restores the system's temporary folder.
func SpillIn(dir string) func() {
	old := spillDir
	spillDir = dir
	return func() { spillDir = old }
}

// DateDays is dateDays, for the date vectors.
var DateDays = dateDays

// CodeText builds the text code of docs and returns the codebook, each
// block's code and each block's segments as the decoder must give them back.
func CodeText(docs []Doc) (book []byte, codes [][]byte, segs [][]string) {
	tk := takeDocs(slices.Values(docs))
	defer tk.text.close()
	tc := buildTextCode(tk.blocks, tk.text)
	var sc textScratch
	var text blockText
	for i := range tk.blocks {
		b := &tk.blocks[i]
		text.load(tk.text, tk.blocks[i:i+1])
		codes = append(codes, tc.encodeBlock(nil, &text, b, &sc))
		var want []string
		for head, body := range text.segments(b) {
			if head != "" {
				body = head + "\n" + body
			}
			want = append(want, strings.Clone(body)) // body points into text's buffer
		}
		segs = append(segs, want)
	}
	return tc.codebook(), codes, segs
}
