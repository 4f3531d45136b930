// Command searchq measures djkb's search on a built site: the quality of its
// answers and its speed in headless Chromium, through the search page's JS
// API.
//
//	go run ./cmd/djkb build -s SITE -d OUT
//	go run ./bench/searchq -site OUT [-n 200] [-seed 1] [-fresh 20] [-warm 50]
//
// Queries come from the documents' text at run time (read back from the
// index with search.ReadIndex), drawn the same way for the same seed: each
// document's title must be found in the top 3; a phrase of 4–7 Han
// characters found in one document only must find it first; a phrase of 2–4
// characters found in at least 20 documents must be in every top-10 result.
// Speed: bytes and time of the first (rare-phrase) query of a fresh page
// (each in a browser context of its own, bytes from the page's Resource
// Timing entries), and the median time of a warm query. Both are timed with
// the DevTools domains that slow the page's loads turned off.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"djkb/internal/search"
)

func main() {
	site := flag.String("site", "", "a built site folder (the output of djkb build)")
	n := flag.Int("n", 200, "queries of each kind")
	seed := flag.Uint64("seed", 1, "seed of the query sampling")
	fresh := flag.Int("fresh", 20, "fresh-page runs")
	warm := flag.Int("warm", 50, "warm queries")
	qout := flag.String("queries-out", "", "only write the sampled queries to this file")
	dump := flag.String("dump", "", "only write the documents read from the index to this JSON file")
	asJSON := flag.Bool("json", false, "print the report as JSON")
	flag.StringVar(&only, "only", "", "draw the queries only from documents whose path starts with this")
	flag.BoolVar(&verbose, "v", false, "list what each fresh page fetched")
	flag.Parse()
	if *site == "" {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*site, *n, *seed, *fresh, *warm, *qout, *dump, *asJSON); err != nil {
		fmt.Fprintln(os.Stderr, "searchq:", err)
		os.Exit(1)
	}
}

func run(site string, n int, seed uint64, fresh, warm int, qout, dump string, asJSON bool) error {
	docs, err := search.ReadIndex(filepath.Join(site, "search"))
	if err != nil {
		return fmt.Errorf("reading the index: %w", err)
	}
	if dump != "" {
		return writeJSON(dump, docs)
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
	qs := sampleFrom(docs, from, n, seed)
	if qout != "" {
		return writeJSON(qout, qs)
	}
	rep, err := measure(site, docs, qs, fresh, warm)
	if err != nil {
		return err
	}
	rep.Docs = len(docs)
	rep.Size, rep.Files = dirSize(filepath.Join(site, "search"))
	if asJSON {
		return json.NewEncoder(os.Stdout).Encode(rep)
	}
	rep.print(os.Stdout)
	return nil
}

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
