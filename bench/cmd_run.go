package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"djkb/internal/output"
)

// runConfig holds the parameters of `bench run`.
type runConfig struct {
	corpus    string // site folder to build
	n         int    // timed runs, after one warm-up
	djkb      string // djkb binary; built from ./cmd/djkb if empty
	extraArgs string // more flags for djkb build
	timeout   time.Duration
	rebuild   bool // build over the previous output, as an editor does
}

// runFlags registers the flags of run on fs.
func runFlags(fs *flag.FlagSet) *runConfig {
	c := &runConfig{}
	fs.IntVar(&c.n, "n", 5, "timed runs, after one warm-up run")
	fs.StringVar(&c.djkb, "djkb", "", "djkb binary to time (default: go build ./cmd/djkb)")
	fs.StringVar(&c.extraArgs, "extra-args", "", "further flags for djkb build, space-separated (e.g. --no-search)")
	fs.DurationVar(&c.timeout, "timeout", 15*time.Minute, "give up on a single build after this long")
	fs.BoolVar(&c.rebuild, "rebuild", false, "build over the previous output instead of into an empty folder")
	return c
}

// cmdRun is `bench run`.
func cmdRun(args []string) error {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	cfg := runFlags(fs)
	fs.StringVar(&cfg.corpus, "corpus", "", "site folder to build (made by bench gen)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if cfg.corpus == "" {
		return errors.New("run: -corpus DIR is required")
	}
	res, err := benchmark(*cfg, os.Stderr)
	if err != nil {
		return err
	}
	printReport(os.Stdout, res)
	return nil
}

// benchmark builds cfg.corpus with djkb once to warm up and then
// cfg.n times, measuring each run, and measures what the build wrote.
func benchmark(cfg runConfig, log io.Writer) (result, error) {
	var res result
	if cfg.n < 1 {
		return res, errors.New("run: -n must be at least 1")
	}
	corpus, err := filepath.Abs(cfg.corpus)
	if err != nil {
		return res, err
	}
	if _, err := os.Stat(filepath.Join(corpus, "content")); err != nil {
		return res, fmt.Errorf("run: %s has no content/ folder: generate one with `go run ./bench gen -o %s`", corpus, cfg.corpus)
	}
	pages, err := statTree(filepath.Join(corpus, "content"), ".md")
	if err != nil {
		return res, err
	}
	tmp, bin, err := workspace("djkb-bench-", cfg.djkb, log)
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")
	args := append([]string{"build", "-s", corpus, "-d", out}, strings.Fields(cfg.extraArgs)...)

	var times, cpu []time.Duration
	var last buildRun
	for i := 0; i <= cfg.n; i++ {
		if !cfg.rebuild { // a fresh output folder, and no kept previous site
			for _, dir := range []string{out, output.SpareName(out)} {
				if err := os.RemoveAll(dir); err != nil {
					return res, err
				}
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), cfg.timeout)
		run, err := timeBuild(ctx, bin, args)
		cancel()
		if err != nil {
			return res, err
		}
		label := "warm-up"
		if i > 0 {
			label = fmt.Sprintf("run %d/%d", i, cfg.n)
			times, cpu = append(times, run.wall), append(cpu, run.cpu)
			res.PeakRSSMiB = max(res.PeakRSSMiB, float64(run.rssKiB)/1024)
		}
		fmt.Fprintf(log, "bench run: %s: %.2fs (CPU %.2fs), peak RSS %.0f MiB\n", label, run.wall.Seconds(), run.cpu.Seconds(), float64(run.rssKiB)/1024)
		last = run
	}
	if s := strings.TrimSpace(last.output); s != "" {
		fmt.Fprintf(log, "bench run: djkb said (last run):\n%s\n", lastLines(s, 15))
	}

	output, err := statTree(out, "")
	if err != nil {
		return res, err
	}
	search, err := statTree(filepath.Join(out, "search"), "")
	if err != nil {
		return res, err
	}
	ts := summarise(times)
	res = result{
		Bench: "djkb-build", Corpus: cfg.corpus, Pages: pages.files, CorpusMB: mb(pages.bytes),
		Runs: cfg.n, Rebuild: cfg.rebuild, MedianS: ts.median.Seconds(), MedianCPUS: summarise(cpu).median.Seconds(), MinS: ts.min.Seconds(), MaxS: ts.max.Seconds(),
		PagesPerS: float64(pages.files) / ts.median.Seconds(), PeakRSSMiB: res.PeakRSSMiB,
		OutputMB: mb(output.bytes), OutputFiles: output.files, SearchMB: mb(search.bytes), SearchFiles: search.files,
		ExtraArgs: cfg.extraArgs, Go: runtime.Version(), CPUs: runtime.NumCPU(),
	}
	for _, t := range times {
		res.TimesS = append(res.TimesS, round3(t.Seconds()))
	}
	return res, nil
}

// workspace makes a temporary folder for a benchmark's output, and in it
// the djkb binary to time unless bin names one. The caller removes tmp.
func workspace(prefix, bin string, log io.Writer) (tmp, djkb string, err error) {
	if tmp, err = os.MkdirTemp("", prefix); err != nil {
		return "", "", err
	}
	if bin == "" {
		if bin, err = buildDjkb(tmp, log); err != nil {
			os.RemoveAll(tmp)
			return "", "", err
		}
	}
	return tmp, bin, nil
}

// buildDjkb compiles ./cmd/djkb of the repository into dir.
func buildDjkb(dir string, log io.Writer) (string, error) {
	root, err := repoRoot()
	if err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(root, "cmd", "djkb")); err != nil {
		return "", fmt.Errorf("run: %s does not exist yet, so there is no djkb to time: write it first, or pass -djkb PATH", filepath.Join(root, "cmd", "djkb"))
	}
	bin := filepath.Join(dir, "djkb")
	fmt.Fprintln(log, "bench run: go build -o", bin, "./cmd/djkb")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/djkb")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("run: building djkb: %w\n%s", err, out)
	}
	return bin, nil
}
