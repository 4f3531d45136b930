package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// cmdScale is `bench scale`: time against site size. For each size it
// generates a corpus of about 10 KB a file into -dir (kept there, and
// reused while its parameters match), then builds it as `bench run` does,
// djkb and the baseline in turn, sizes one after another. It prints one
// table: time and memory per size, and per page, so that growth faster
// than the site shows as a growing per-page figure.
func cmdScale(args []string) error {
	fs := flag.NewFlagSet("scale", flag.ContinueOnError)
	run := runFlags(fs)
	sizes := fs.String("sizes", "3500,10000,30000,100000", "numbers of Markdown files, comma-separated")
	dir := fs.String("dir", filepath.Join(os.TempDir(), "djkb-scale"), "folder for the generated corpora (c<files>/), kept between runs")
	kbPerFile := fs.Float64("kb", 10, "Markdown per file on average, in KB (the bench corpus has about 17 KB, 1 GB of 100,000 files 10 KB)")
	fs.Lookup("n").DefValue, run.n = "3", 3
	fs.Lookup("rebuild").DefValue, run.rebuild = "true", true
	if err := fs.Parse(args); err != nil {
		return err
	}
	var files []int
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 100 {
			return fmt.Errorf("scale: -sizes: %q is not a number of files of at least 100", f)
		}
		files = append(files, n)
	}
	if run.djkb == "" {
		tmp, bin, err := workspace("djkb-scale-bin-", "", os.Stderr)
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		run.djkb = bin
	}
	var rows [][]result
	for _, n := range files {
		gen := flag.NewFlagSet("gen", flag.ContinueOnError)
		cfg := genFlags(gen, filepath.Join(*dir, fmt.Sprintf("c%d", n)))
		cfg.Files, cfg.MB = n, float64(n)**kbPerFile/1000
		if err := cfg.Check(); err != nil {
			return err
		}
		if err := ensureCorpus(*cfg); err != nil {
			return err
		}
		c := *run
		c.corpus = cfg.Out
		res, err := benchmark(c, os.Stderr)
		if err != nil {
			return err
		}
		rows = append(rows, res)
		printScale(os.Stdout, rows) // after every size: a long run shows what it has
	}
	return nil
}

// printScale writes the table of time and memory against size: a row per
// size and binary.
func printScale(w io.Writer, rows [][]result) {
	fmt.Fprintln(w, "| files | Markdown MB | binary | median s | CPU s | ms a page | CPU ms a page | CPU use | peak RSS MiB | output files | output folders | search/ MB | search/ of Markdown |")
	fmt.Fprintln(w, "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for _, rs := range rows {
		for _, r := range rs {
			name := r.Binary
			if name == "" {
				name = "djkb"
			}
			fmt.Fprintf(w, "| %d | %.0f | %s | %.2f | %.2f | %.2f | %.2f | %.0f%% | %.0f | %d | %d | %.1f | %.0f%% |\n",
				r.Pages, r.CorpusMB, name, r.MedianS, r.MedianCPUS, 1000*r.MedianS/float64(r.Pages),
				1000*r.MedianCPUS/float64(r.Pages), 100*r.MedianCPUS/r.MedianS, r.PeakRSSMiB,
				r.OutputFiles, r.OutputDirs, r.SearchMB, 100*r.SearchMB/r.CorpusMB)
		}
	}
	fmt.Fprintln(w)
}
