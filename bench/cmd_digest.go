package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"time"

	"djkb/bench/corpus"
)

// The digest corpus: about 1,000 regulations and 20 MB selected by djkb
// digest's default (in force, or no status recorded) out of 1,075 files.
var digestCorpus = corpus.Config{Files: 1075, MB: 21.5, Seed: 1, MixReal: true}

// digestConfig holds the parameters of `bench digest`.
type digestConfig struct {
	corpus  string
	n       int // timed HTML runs
	pdfN    int // timed PDF runs
	djkb    string
	asOf    string
	timeout time.Duration
}

// cmdDigest is `bench digest`: time djkb digest to HTML and to PDF.
func cmdDigest(args []string) error {
	fs := flag.NewFlagSet("digest", flag.ContinueOnError)
	cfg := digestConfig{}
	fs.StringVar(&cfg.corpus, "corpus", "", "site folder (default: out/corpus1000, generated when missing or stale)")
	fs.IntVar(&cfg.n, "n", 5, "timed HTML runs, after one warm-up run")
	fs.IntVar(&cfg.pdfN, "pdf-n", 3, "timed PDF runs (0: none)")
	fs.StringVar(&cfg.djkb, "djkb", "", "djkb binary to time (default: go build ./cmd/djkb)")
	fs.StringVar(&cfg.asOf, "as-of", "2026-11-27", "--as-of of djkb digest, so that the selection stays the same")
	fs.DurationVar(&cfg.timeout, "timeout", 15*time.Minute, "give up on a single run after this long")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cfg.n < 1 || cfg.pdfN < 0 {
		return errors.New("digest: -n must be at least 1 and -pdf-n at least 0")
	}
	if cfg.corpus == "" {
		gen := digestCorpus
		gen.Out, gen.Train = benchDir("out", "corpus1000"), defaultTrain()
		if err := gen.Check(); err != nil {
			return err
		}
		if err := ensureCorpus(gen); err != nil {
			return err
		}
		cfg.corpus = gen.Out
	}
	res, err := benchDigest(cfg, os.Stderr)
	if err != nil {
		return err
	}
	printDigestReport(os.Stdout, res)
	return nil
}

// digestTimes summarises the runs of one kind.
type digestTimes struct {
	Runs       int       `json:"runs"`
	MedianS    float64   `json:"median_s"`
	MinS       float64   `json:"min_s"`
	MaxS       float64   `json:"max_s"`
	CPUMedianS float64   `json:"cpu_median_s"`
	PeakRSSMiB float64   `json:"peak_rss_mib"`
	TimesS     []float64 `json:"times_s"`
	CPUS       []float64 `json:"cpu_s"`
	LoadBefore string    `json:"load_before"`
	LoadAfter  string    `json:"load_after"`
	SizeMB     float64   `json:"size_mb"`
}

// digestResult is the outcome of `bench digest`.
type digestResult struct {
	Bench    string       `json:"bench"`
	Corpus   string       `json:"corpus"`
	Files    int          `json:"files"`
	CorpusMB float64      `json:"corpus_mb"`
	AsOf     string       `json:"as_of"`
	Items    int          `json:"items"`
	Pages    int          `json:"pdf_pages,omitempty"`
	HTML     digestTimes  `json:"html"`
	PDF      *digestTimes `json:"pdf,omitempty"`
	Go       string       `json:"go"`
	CPUs     int          `json:"cpus"`
	CPU      string       `json:"cpu,omitempty"`
}

var (
	itemsRe = regexp.MustCompile(`汇编完成：(\d+) 件`)
	pagesRe = regexp.MustCompile(`PDF 完成：(\d+) 页`)
)

// benchDigest runs djkb digest on cfg.corpus: once to warm up and cfg.n
// times to HTML, then cfg.pdfN times to PDF.
func benchDigest(cfg digestConfig, log io.Writer) (digestResult, error) {
	res := digestResult{Bench: "djkb-digest", AsOf: cfg.asOf, Go: runtime.Version(), CPUs: runtime.NumCPU(), CPU: cpuModel()}
	site, err := filepath.Abs(cfg.corpus)
	if err != nil {
		return res, err
	}
	res.Corpus = cfg.corpus
	pages, err := corpus.TreeSize(filepath.Join(site, "content"), ".md")
	if err != nil {
		return res, fmt.Errorf("digest: %s has no content/ folder: %w", site, err)
	}
	res.Files, res.CorpusMB = pages.Files, mb(pages.Bytes)
	tmp, bin, err := workspace("djkb-bench-digest-", cfg.djkb, log)
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")
	html := filepath.Join(out, "digest", "index.html")
	args := []string{"digest", "-s", site, "-d", out, "--as-of", cfg.asOf}

	series := func(label string, n, warm int, args []string, file string) (digestTimes, string, error) {
		t := digestTimes{Runs: n, LoadBefore: loadAverage()}
		var walls, cpus []time.Duration
		var last string
		for i := 1 - warm; i <= n; i++ {
			ctx, cancel := context.WithTimeout(context.Background(), cfg.timeout)
			run, err := timeCommand(ctx, bin, args, true)
			cancel()
			if err != nil {
				return t, "", err
			}
			name := "warm-up"
			if i > 0 {
				name = fmt.Sprintf("run %d/%d", i, n)
				walls, cpus = append(walls, run.wall), append(cpus, run.cpu)
				t.TimesS, t.CPUS = append(t.TimesS, round3(run.wall.Seconds())), append(t.CPUS, round3(run.cpu.Seconds()))
				t.PeakRSSMiB = max(t.PeakRSSMiB, round3(float64(run.rssKiB)/1024))
			}
			fmt.Fprintf(log, "bench digest: %s %s: %.2fs, CPU %.2fs, peak RSS %.0f MiB, load %s\n",
				label, name, run.wall.Seconds(), run.cpu.Seconds(), float64(run.rssKiB)/1024, loadAverage())
			last = run.output
		}
		ws, cs := summarise(walls), summarise(cpus)
		t.MedianS, t.MinS, t.MaxS, t.CPUMedianS = round3(ws.median.Seconds()), round3(ws.min.Seconds()), round3(ws.max.Seconds()), round3(cs.median.Seconds())
		t.LoadAfter = loadAverage()
		if st, err := os.Stat(file); err == nil {
			t.SizeMB = round3(mb(st.Size()))
		}
		return t, last, nil
	}

	var said string
	if res.HTML, said, err = series("HTML", cfg.n, 1, args, html); err != nil {
		return res, err
	}
	if m := itemsRe.FindStringSubmatch(said); m != nil {
		res.Items, _ = strconv.Atoi(m[1])
	}
	if cfg.pdfN > 0 {
		pdf := filepath.Join(tmp, "digest.pdf")
		t, said, err := series("PDF", cfg.pdfN, 0, append(args, "--pdf", pdf), pdf)
		if err != nil {
			return res, err
		}
		res.PDF = &t
		if m := pagesRe.FindStringSubmatch(said); m != nil {
			res.Pages, _ = strconv.Atoi(m[1])
		}
	}
	return res, nil
}

// printDigestReport writes a Markdown table for the README and then the
// result as one JSON line.
func printDigestReport(w io.Writer, r digestResult) {
	fmt.Fprintf(w, "djkb digest of %s (%d files, %.1f MB) as of %s: %d regulations", r.Corpus, r.Files, r.CorpusMB, r.AsOf, r.Items)
	if r.Pages > 0 {
		fmt.Fprintf(w, ", %d PDF pages", r.Pages)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| output | runs | median s | min s | max s | CPU s (median) | peak RSS MiB | MB | load before → after |")
	fmt.Fprintln(w, "|---|---:|---:|---:|---:|---:|---:|---:|---|")
	row := func(name string, t digestTimes) {
		fmt.Fprintf(w, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.0f | %.1f | %s → %s |\n",
			name, t.Runs, t.MedianS, t.MinS, t.MaxS, t.CPUMedianS, t.PeakRSSMiB, t.SizeMB, t.LoadBefore, t.LoadAfter)
	}
	row("HTML", r.HTML)
	if r.PDF != nil {
		row("PDF", *r.PDF)
	}
	fmt.Fprintln(w)
	r.CorpusMB = round3(r.CorpusMB)
	line, _ := json.Marshal(r)
	fmt.Fprintln(w, string(line))
}
