package main

import (
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	search "djkb/internal/search/searchtest"
	"djkb/internal/search/tokenize"
)

// A query of the quality test, with what it must find.
type query struct {
	Kind string `json:"kind"` // "title", "short" (a title as staff shorten it), "rare" or "common"
	Q    string `json:"q"`
	Path string `json:"path,omitempty"` // the document the query comes from
	Docs int    `json:"docs"`           // documents containing the phrase (rare, common)
}

// docText is the searchable text of a document: title and parts.
func docText(d *search.Doc) string {
	var b strings.Builder
	b.WriteString(d.Title)
	for _, p := range d.Parts {
		b.WriteString("\n")
		b.WriteString(p.Heading)
		b.WriteString("\n")
		b.WriteString(p.Text)
	}
	return b.String()
}

// sampleQueries draws n queries of each kind from the documents, the same
// ones for the same documents and seed.
func sampleQueries(docs []search.Doc, n int, seed uint64) []query {
	return sampleFrom(docs, docs, n, seed)
}

// sampleFrom draws the queries from the documents of from, counting how many
// of all docs hold each phrase.
func sampleFrom(docs, from []search.Doc, n int, seed uint64) []query {
	rng := rand.New(rand.NewPCG(seed, 7))
	texts := make([]string, len(docs))
	for i := range docs {
		texts[i] = docText(&docs[i])
	}
	var out []query
	// Titles: documents picked at random; where staff would shorten the
	// title (中华人民共和国保险法 is 保险法), the short name too.
	for _, i := range rng.Perm(len(from))[:min(n, len(from))] {
		out = append(out, query{Kind: "title", Q: from[i].Title, Path: from[i].Path})
		if short := tokenize.TitleKey(from[i].Title); short != "" && short != from[i].Title {
			out = append(out, query{Kind: "short", Q: short, Path: from[i].Path})
		}
	}
	// Phrases: runs of Han characters at random places of the body; rare
	// ones occur in one document only, common ones in at least 20.
	var cands []query
	for tries := 0; len(cands) < 44*n && tries < 2000*n; tries++ {
		d := rng.IntN(len(from))
		if len(from[d].Parts) == 0 {
			continue
		}
		p := from[d].Parts[rng.IntN(len(from[d].Parts))].Text
		kind, length := "rare", 4+rng.IntN(4)
		if len(cands)%11 == 0 {
			kind, length = "common", 2+rng.IntN(3)
		}
		if ph := hanRun(p, rng, length); ph != "" {
			cands = append(cands, query{Kind: kind, Q: ph, Path: from[d].Path})
		}
	}
	countDocs(texts, cands)
	var rare, common []query
	seen := map[string]bool{}
	for _, q := range cands {
		if seen[q.Q] {
			continue
		}
		seen[q.Q] = true
		switch {
		case q.Kind == "rare" && q.Docs == 1 && len(rare) < n:
			rare = append(rare, q)
		case q.Kind == "common" && q.Docs >= 20 && len(common) < n:
			q.Path = ""
			common = append(common, q)
		}
	}
	return append(append(out, rare...), common...)
}

// hanRun returns a run of length Han characters at a random place of s, or
// "".
func hanRun(s string, rng *rand.Rand, length int) string {
	rs := []rune(s)
	if len(rs) < length {
		return ""
	}
	for try := 0; try < 8; try++ {
		i := rng.IntN(len(rs) - length + 1)
		ok := true
		for _, r := range rs[i : i+length] {
			if !unicode.Is(unicode.Han, r) || r < 0x3400 {
				ok = false
				break
			}
		}
		if ok {
			return string(rs[i : i+length])
		}
	}
	return ""
}

// countDocs sets Docs of each query: how many texts contain it. It scans
// every text once, looking the queries up by their first two characters.
func countDocs(texts []string, qs []query) {
	byPrefix := map[[2]rune][]int{}
	qr := make([][]rune, len(qs))
	for i, q := range qs {
		qr[i] = []rune(q.Q)
		k := [2]rune{qr[i][0], qr[i][1]}
		byPrefix[k] = append(byPrefix[k], i)
	}
	workers := runtime.GOMAXPROCS(0)
	counts := make([][]int, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := make([]int, len(qs))
			last := make([]int, len(qs))
			for t := w; t < len(texts); t += workers {
				rs := []rune(texts[t])
				for i := 0; i+1 < len(rs); i++ {
					for _, q := range byPrefix[[2]rune{rs[i], rs[i+1]}] {
						if last[q] != t+1 && i+len(qr[q]) <= len(rs) && slices.Equal(rs[i:i+len(qr[q])], qr[q]) {
							last[q] = t + 1
							c[q]++
						}
					}
				}
			}
			counts[w] = c
		}()
	}
	wg.Wait()
	for i := range qs {
		qs[i].Docs = 0
		for _, c := range counts {
			qs[i].Docs += c[i]
		}
	}
}

// contains reports whether a document's text holds the phrase.
func contains(d *search.Doc, phrase string) bool {
	return strings.Contains(docText(d), phrase) && utf8.ValidString(phrase)
}
