// Command searchq measures djkb's search on a built site: the quality of its
// answers and its speed in headless Chromium, through the search page's JS
// API.
//
//	go run ./cmd/djkb build -s SITE -d OUT
//	cd bench && go run ./searchq -site OUT [-n 200] [-seed 1] [-fresh 20] [-warm 50] [-typed 0]
//
// Queries come from the documents' text at run time (read back from the
// index with search.ReadIndex), drawn the same way for the same seed: each
// document's title must be found in the top 3; a phrase of 4–7 Han
// characters found in one document only must find it first; a phrase of 2–4
// characters found in at least 20 documents must be in every top-10 result.
// Speed: bytes and time of the first (rare-phrase) query of a fresh page
// (each in a browser context of its own, bytes from the page's Resource
// Timing entries), the median time of a warm query, and with -typed the time
// from typing a query into the search box to its results on the page. All
// are timed with the DevTools domains that slow the page's loads turned off.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	search "djkb/internal/search/searchtest"
)

// config is what the command line asks for.
type config struct {
	site               string
	n                  int    // queries of each kind
	seed               uint64 // of the query sampling
	fresh, warm, typed int    // fresh-page runs, warm queries, typed queries
	dump               string // only write the documents read from the index there
	asJSON             bool
}

func main() {
	var c config
	flag.StringVar(&c.site, "site", "", "a built site folder (the output of djkb build)")
	flag.IntVar(&c.n, "n", 200, "queries of each kind")
	flag.Uint64Var(&c.seed, "seed", 1, "seed of the query sampling")
	flag.IntVar(&c.fresh, "fresh", 20, "fresh-page runs")
	flag.IntVar(&c.warm, "warm", 50, "warm queries")
	flag.IntVar(&c.typed, "typed", 0, "queries typed into the search box")
	flag.StringVar(&c.dump, "dump", "", "only write the documents read from the index to this JSON file")
	flag.BoolVar(&c.asJSON, "json", false, "print the report as JSON")
	flag.StringVar(&only, "only", "", "draw the queries only from documents whose path starts with this")
	flag.BoolVar(&verbose, "v", false, "list what each fresh page fetched")
	flag.IntVar(&maxFails, "fails", 30, "failures to list")
	flag.StringVar(&kinds, "kinds", "", "only ask the queries of these kinds (comma-separated: title,short,rare,common)")
	flag.Parse()
	if c.site == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(c); err != nil {
		fmt.Fprintln(os.Stderr, "searchq:", err)
		os.Exit(1)
	}
}

func run(c config) error {
	docs, err := search.ReadIndex(filepath.Join(c.site, "search"))
	if err != nil {
		return fmt.Errorf("reading the index: %w", err)
	}
	if c.dump != "" {
		return writeJSON(c.dump, docs)
	}
	from := docs
	if only != "" {
		from = nil
		for _, d := range docs {
			if strings.HasPrefix(d.Path, only) {
				from = append(from, d)
			}
		}
		if len(from) == 0 {
			return fmt.Errorf("no document path starts with %q", only)
		}
	}
	qs := sampleFrom(docs, from, c.n, c.seed)
	if kinds != "" {
		qs = slices.DeleteFunc(qs, func(q query) bool { return !slices.Contains(strings.Split(kinds, ","), q.Kind) })
	}
	rep, err := measure(c, docs, qs)
	if err != nil {
		return err
	}
	rep.Docs = len(docs)
	rep.Size, rep.Files = dirSize(filepath.Join(c.site, "search"))
	if c.asJSON {
		return json.NewEncoder(os.Stdout).Encode(rep)
	}
	rep.print(os.Stdout)
	return nil
}

// kinds restricts the queries to some kinds.
var kinds string

// only restricts the documents the queries come from.
var only string

func writeJSON(path string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// dirSize returns the bytes and files under dir.
func dirSize(dir string) (int64, int) {
	var size int64
	files := 0
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			size += info.Size()
			files++
		}
		return nil
	})
	return size, files
}
