package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	search "djkb/internal/search/searchtest"
	"djkb/internal/search/tokenize"
)

// report holds the measurements.
type report struct {
	Docs  int   `json:"docs"`
	Size  int64 `json:"indexBytes"`
	Files int   `json:"indexFiles"`

	Title       rate `json:"title"`       // the document in the top 3
	TitleUnique rate `json:"titleUnique"` // the same, for titles at most 3 documents share
	// TitleFirst: the document first, for titles that no other document's
	// folds to (tokenize.TitleKey); Short and ShortFirst: the same two for
	// the titles as staff shorten them (保险法 for 中华人民共和国保险法).
	TitleFirst rate     `json:"titleFirst"`
	Short      rate     `json:"short"`
	ShortFirst rate     `json:"shortFirst"`
	Rare       rate     `json:"rare"`   // the document first
	Common     rate     `json:"common"` // every top-10 result holds the phrase
	Fails      []string `json:"fails"`

	Fresh []freshResult `json:"fresh"`
	Warm  []float64     `json:"warmMs"`
	// WarmFiles counts the index files each warm query loaded.
	WarmFiles []float64 `json:"warmFiles"`
	// Typed and Committed time queries typed into the search box, and
	// committed by an input method, from the event to the results shown.
	Typed     []float64 `json:"typedMs"`
	Committed []float64 `json:"committedMs"`
}

type rate struct{ OK, N int }

func (r rate) String() string {
	if r.N == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f%% (%d/%d)", 100*float64(r.OK)/float64(r.N), r.OK, r.N)
}

// judge scores the answers.
func (rep *report) judge(docs []search.Doc, qs []query, as []answer) {
	byPath := map[string]*search.Doc{}
	titles, keys := map[string]int{}, map[string]int{}
	for i := range docs {
		byPath[docs[i].Path] = &docs[i]
		titles[docs[i].Title]++
		keys[tokenize.TitleKey(docs[i].Title)]++
	}
	fail := func(q query, a answer, why string) {
		if len(rep.Fails) < maxFails {
			got := "none"
			if len(a.Paths) > 0 {
				got = a.Paths[0]
			}
			rep.Fails = append(rep.Fails, fmt.Sprintf("%s %q: %s (first: %s) %s", q.Kind, q.Q, why, got, a.Err))
		}
	}
	for i, q := range qs {
		a := as[i]
		switch q.Kind {
		case "title", "short":
			ok := slices.Contains(a.Paths[:min(3, len(a.Paths))], q.Path)
			first := len(a.Paths) > 0 && a.Paths[0] == q.Path
			top, firstRate, shared := &rep.TitleUnique, &rep.TitleFirst, titles[q.Q]
			if q.Kind == "title" {
				rep.Title.N++
				if ok {
					rep.Title.OK++
				}
			} else {
				top, firstRate, shared = &rep.Short, &rep.ShortFirst, keys[q.Q]
			}
			if shared <= 3 {
				top.N++
				if ok {
					top.OK++
				}
			}
			unique := keys[tokenize.TitleKey(q.Q)] == 1
			if unique {
				firstRate.N++
				if first {
					firstRate.OK++
				}
			}
			if !ok && shared <= 3 {
				fail(q, a, fmt.Sprintf("not in the top 3 (%d documents have this title)", shared))
			} else if unique && !first {
				fail(q, a, "not first, though its title is unique")
			}
		case "rare":
			rep.Rare.N++
			if len(a.Paths) > 0 && a.Paths[0] == q.Path {
				rep.Rare.OK++
			} else {
				fail(q, a, "not first")
			}
		case "common":
			rep.Common.N++
			ok := len(a.Paths) > 0
			for _, p := range a.Paths {
				if d := byPath[p]; d == nil || !contains(d, q.Q) {
					ok = false
				}
			}
			if ok {
				rep.Common.OK++
			} else {
				fail(q, a, "a top-10 result lacks the phrase")
			}
		}
	}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func p90(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)*9/10]
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

func (rep *report) print(w io.Writer) {
	fmt.Fprintf(w, "| measure | value |\n|---|---|\n")
	fmt.Fprintf(w, "| documents | %d |\n", rep.Docs)
	fmt.Fprintf(w, "| index size (search/) | %.1f MB in %d files |\n", float64(rep.Size)/1e6, rep.Files)
	fmt.Fprintf(w, "| title in top 3 | %v |\n", rep.Title)
	fmt.Fprintf(w, "| title in top 3, titles shared by ≤ 3 documents | %v |\n", rep.TitleUnique)
	fmt.Fprintf(w, "| title first, titles unique after folding | %v |\n", rep.TitleFirst)
	fmt.Fprintf(w, "| short title (保险法 for 中华人民共和国保险法) in top 3, shared by ≤ 3 documents | %v |\n", rep.Short)
	fmt.Fprintf(w, "| short title first, unique after folding | %v |\n", rep.ShortFirst)
	fmt.Fprintf(w, "| rare 4–7 character phrase, its document first | %v |\n", rep.Rare)
	fmt.Fprintf(w, "| common 2–4 character phrase, every top-10 result holds it | %v |\n", rep.Common)
	var kb, wire, qms, ams, rms []float64
	for _, f := range rep.Fresh {
		kb = append(kb, float64(f.Bytes)/1024)
		wire = append(wire, float64(f.Wire)/1024)
		qms = append(qms, f.QueryMs)
		ams = append(ams, f.AnswerMs)
		rms = append(rms, f.ReadyMs)
	}
	fmt.Fprintf(w, "| fresh page, first rare query: fetched (median / p90) | %.0f KB / %.0f KB (%.0f KB on the wire) |\n", median(kb), p90(kb), median(wire))
	fmt.Fprintf(w, "| fresh page, first rare query: search() to answer (median / p90) | %.0f ms / %.0f ms |\n", median(qms), p90(qms))
	fmt.Fprintf(w, "| fresh page: navigation to ready / to answer (median) | %.0f ms / %.0f ms |\n", median(rms), median(ams))
	fmt.Fprintf(w, "| warm rare query (median / p90, %d queries) | %.1f ms / %.1f ms |\n", len(rep.Warm), median(rep.Warm), p90(rep.Warm))
	fmt.Fprintf(w, "| warm rare query: index files loaded (median / mean / p90) | %.0f / %.1f / %.0f |\n", median(rep.WarmFiles), mean(rep.WarmFiles), p90(rep.WarmFiles))
	if len(rep.Typed) > 0 {
		fmt.Fprintf(w, "| rare query typed into the search box, to its results shown (median / p90, %d queries) | %.1f ms / %.1f ms |\n", len(rep.Typed), median(rep.Typed), p90(rep.Typed))
		fmt.Fprintf(w, "| … committed by an input method (median / p90) | %.1f ms / %.1f ms |\n", median(rep.Committed), p90(rep.Committed))
	}
	if verbose {
		for _, f := range rep.Fresh {
			fmt.Fprintf(w, "\nfresh %q: %.0f KB, %.0f ms: %s\n", f.Query, float64(f.Bytes)/1024, f.QueryMs, strings.Join(f.Files, " "))
		}
	}
	if len(rep.Fails) > 0 {
		fmt.Fprintf(w, "\nFirst failures:\n")
		for _, f := range rep.Fails {
			fmt.Fprintf(w, "- %s\n", strings.TrimSpace(f))
		}
	}
}

// maxFails is how many failures the report lists.
var maxFails = 30

// verbose makes print list each fresh run's files.
var verbose bool

// jsonMarshal marshals without escaping HTML characters.
func jsonMarshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(v)
	return bytes.TrimSpace(b.Bytes()), err
}
