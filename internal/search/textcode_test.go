package search_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"djkb/internal/search"
	"djkb/internal/search/codec"
	"djkb/internal/search/vectors"
)

// checkTextCode decodes every block of docs and compares.
func checkTextCode(t *testing.T, docs []search.Doc) {
	book, codes, segs := search.CodeText(docs)
	dec, err := codec.ParseTextModel(book)
	if err != nil {
		t.Fatalf("codebook: %v", err)
	}
	for i, code := range codes {
		got, err := dec.Decode(code, len(segs[i]))
		if err != nil || !slices.Equal(got, segs[i]) {
			t.Fatalf("block %d: decoded %q (%v), want %q", i, got, err, segs[i])
		}
	}
}

// textDocs makes documents of the runes of alphabet, drawn by rng, with
// skewed frequencies so that the model has contexts.
func textDocs(rng *rand.Rand, alphabet []rune, n int) []search.Doc {
	var docs []search.Doc
	for d := range n {
		var parts []search.Part
		for range 1 + rng.IntN(6) {
			var b strings.Builder
			for range rng.IntN(900) {
				i := rng.IntN(len(alphabet))
				if rng.IntN(3) > 0 {
					i = rng.IntN(1 + len(alphabet)/8)
				}
				b.WriteRune(alphabet[i])
			}
			parts = append(parts, search.Part{Anchor: "a", Heading: string(alphabet[rng.IntN(len(alphabet))]), Text: b.String()})
		}
		docs = append(docs, search.Doc{Path: string(rune('a'+d%26)) + ".md", Title: "题", Parts: parts})
	}
	return docs
}

// TestTextCodeRoundTrip codes corpora whose blocks the sample has not all
// seen (escapes, astral characters, empty segments) and decodes them.
func TestTextCodeRoundTrip(t *testing.T) {
	t.Run("few pairs", testTextCodeRoundTrip)
	t.Run("many pairs", func(t *testing.T) {
		defer search.ManyPairs()()
		testTextCodeRoundTrip(t)
	})
}

func testTextCodeRoundTrip(t *testing.T) {
	alphabet := []rune("的规定条例第一二三应当国家机关和，。、；：\n aZ9𠀋𪚥\u3000（）《》")
	for seed := range uint64(20) {
		rng := rand.New(rand.NewPCG(seed, 1))
		checkTextCode(t, textDocs(rng, alphabet, 1+rng.IntN(30)))
	}
	checkTextCode(t, handCorpus())
	checkTextCode(t, []search.Doc{{Path: "a.md", Title: "空", Parts: []search.Part{{Heading: "一"}, {Text: "𠀋"}}}})
}

// FuzzTextCode codes any text: whatever characters it holds come back.
func FuzzTextCode(f *testing.F) {
	f.Add("第一条　机关党组织应当定期开展主题党日活动。", "附则\n𠀋")
	f.Add("", "\x00\uffff")
	defer search.ManyPairs()()
	f.Fuzz(func(t *testing.T, a, b string) {
		a, b = strings.ToValidUTF8(a, "?"), strings.ToValidUTF8(b, "?")
		docs := []search.Doc{
			{Path: "a.md", Title: "甲", Parts: []search.Part{{Text: a}, {Anchor: "b", Heading: "b", Text: b + a}}},
			{Path: "b.md", Title: "乙", Parts: []search.Part{{Text: strings.Repeat(b, 9)}}},
		}
		checkTextCode(t, docs)
	})
}

// TestTextCodeVectors writes testdata/text_vectors.json, which the
// JavaScript decoder's test reads: a codebook and the blocks it codes.
func TestTextCodeVectors(t *testing.T) {
	type block struct {
		Code string   `json:"code"`
		Segs []string `json:"segs"`
	}
	type vec struct {
		Book   string  `json:"book"`
		Blocks []block `json:"blocks"`
	}
	defer search.ManyPairs()()
	var vs []vec
	corpora := [][]search.Doc{handCorpus(), textDocs(rand.New(rand.NewPCG(9, 9)), []rune("的规定条例第一二三应当，。𠀋 a\n"), 6)}
	for _, docs := range corpora {
		book, codes, segs := search.CodeText(docs)
		v := vec{Book: codec.B91(book)}
		for i, c := range codes {
			v.Blocks = append(v.Blocks, block{codec.B91(c), segs[i]})
		}
		vs = append(vs, v)
	}
	vectors.Check(t, "testdata/text_vectors.json", vs, *update)
}
