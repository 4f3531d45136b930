package main

import (
	"cmp"
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

	"djkb/bench/corpus"
	"djkb/internal/output"
)

// runConfig holds the parameters of `bench run`.
type runConfig struct {
	corpus    string // site folder to build
	n         int    // timed runs, after one warm-up
	djkb      string // djkb binary; built from ./cmd/djkb if empty
	extraArgs string // more flags for djkb build
	timeout   time.Duration
	rebuild   bool   // build over the previous output, as an editor does
	baseline  string // another djkb binary, timed in turn with djkb
	// baselineArgs, when set, are the baseline's flags instead of
	// extraArgs; without baseline, the baseline is djkb itself.
	baselineArgs string
	pause        time.Duration
}

// runFlags registers the flags of run on fs.
func runFlags(fs *flag.FlagSet) *runConfig {
	c := &runConfig{}
	fs.IntVar(&c.n, "n", 5, "timed runs, after one warm-up run")
	fs.StringVar(&c.djkb, "djkb", "", "djkb binary to time (default: go build ./cmd/djkb)")
	fs.StringVar(&c.extraArgs, "extra-args", "", "further flags for djkb build, space-separated (e.g. --no-search)")
	fs.DurationVar(&c.timeout, "timeout", 15*time.Minute, "give up on a single build after this long")
	fs.BoolVar(&c.rebuild, "rebuild", false, "build over the previous output instead of into an empty folder")
	fs.StringVar(&c.baseline, "baseline", "", "another djkb binary (say, of the previous commit) to time in turn with djkb, run for run")
	fs.StringVar(&c.baselineArgs, "baseline-args", "", "the baseline's flags instead of -extra-args; without -baseline, time djkb against itself with these flags (say, --no-search, for what the index adds)")
	fs.DurationVar(&c.pause, "pause", 0, "wait this long before each build, as an editor's builds are apart (see the README: memory freed a few seconds ago costs more to use again)")
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
	results, err := benchmark(*cfg, os.Stderr)
	if err != nil {
		return err
	}
	for _, res := range results {
		printReport(os.Stdout, res)
	}
	return nil
}

// timedBinary is one djkb binary under a benchmark: where it writes, and
// its runs.
type timedBinary struct {
	bin, out   string
	extraArgs  string
	times, cpu []time.Duration
	rssKiB     int64
	last       timedRun
}

// name is the binary and its flags, as the log and the results show them.
func (b *timedBinary) name() string { return strings.TrimSpace(b.bin + " " + b.extraArgs) }

// benchmark builds cfg.corpus with djkb once to warm up and then cfg.n
// times, measuring each run, and measures what the build wrote. With a
// baseline, the two binaries take turns run for run, each with its own
// output folder, so that both meet the machine in the same state: its speed
// drifts by a fifth from one half hour to the next. The results are djkb's,
// then the baseline's.
func benchmark(cfg runConfig, log io.Writer) ([]result, error) {
	if cfg.n < 1 {
		return nil, errors.New("run: -n must be at least 1")
	}
	site, err := filepath.Abs(cfg.corpus)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(filepath.Join(site, "content")); err != nil {
		return nil, fmt.Errorf("run: %s has no content/ folder: generate one with bench gen (in bench/: go run . gen -o %s)", site, cfg.corpus)
	}
	pages, err := corpus.TreeSize(filepath.Join(site, "content"), ".md")
	if err != nil {
		return nil, err
	}
	tmp, bin, err := workspace("djkb-bench-", cfg.djkb, log)
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	bins := []*timedBinary{{bin: bin, out: filepath.Join(tmp, "public"), extraArgs: cfg.extraArgs}}
	if cfg.baseline != "" || cfg.baselineArgs != "" {
		base := &timedBinary{bin: cmp.Or(cfg.baseline, bin), out: filepath.Join(tmp, "baseline"), extraArgs: cfg.extraArgs}
		if cfg.baselineArgs != "" {
			base.extraArgs = cfg.baselineArgs
		}
		bins = append(bins, base)
	}

	for i := 0; i <= cfg.n; i++ {
		for _, b := range bins {
			if !cfg.rebuild { // a fresh output folder, and no kept previous site
				if err := clearAway(b.out, filepath.Join(tmp, "trash")); err != nil {
					return nil, err
				}
			}
			time.Sleep(cfg.pause)
			args := append([]string{"build", "-s", site, "-d", b.out}, strings.Fields(b.extraArgs)...)
			ctx, cancel := context.WithTimeout(context.Background(), cfg.timeout)
			run, err := timeCommand(ctx, b.bin, args, false)
			cancel()
			if err != nil {
				return nil, err
			}
			label := "warm-up"
			if i > 0 {
				label = fmt.Sprintf("run %d/%d", i, cfg.n)
				b.times, b.cpu = append(b.times, run.wall), append(b.cpu, run.cpu)
				b.rssKiB = max(b.rssKiB, run.rssKiB)
			}
			fmt.Fprintf(log, "bench run: %s %s: %.2fs (CPU %.2fs), peak RSS %.0f MiB\n", b.name(), label, run.wall.Seconds(), run.cpu.Seconds(), float64(run.rssKiB)/1024)
			b.last = run
		}
	}

	var results []result
	for _, b := range bins {
		if s := strings.TrimSpace(b.last.output); s != "" {
			fmt.Fprintf(log, "bench run: %s said (last run):\n%s\n", b.name(), lastLines(s, 15))
		}
		output, err := corpus.TreeSize(b.out, "")
		if err != nil {
			return nil, err
		}
		search, err := corpus.TreeSize(filepath.Join(b.out, "search"), "")
		if err != nil {
			return nil, err
		}
		ts := summarise(b.times)
		res := result{
			Bench: "djkb-build", Corpus: cfg.corpus, Pages: pages.Files, CorpusMB: mb(pages.Bytes),
			Runs: cfg.n, Rebuild: cfg.rebuild, PauseS: cfg.pause.Seconds(), MedianS: ts.median.Seconds(), MedianCPUS: summarise(b.cpu).median.Seconds(), MinS: ts.min.Seconds(), MaxS: ts.max.Seconds(),
			PagesPerS: float64(pages.Files) / ts.median.Seconds(), PeakRSSMiB: float64(b.rssKiB) / 1024,
			OutputMB: mb(output.Bytes), OutputFiles: output.Files, OutputDirs: output.Dirs, SearchMB: mb(search.Bytes), SearchFiles: search.Files,
			ExtraArgs: b.extraArgs, Go: runtime.Version(), CPUs: runtime.NumCPU(), CPU: cpuModel(),
		}
		if len(bins) > 1 {
			res.Binary = b.name()
		}
		for _, t := range b.times {
			res.TimesS = append(res.TimesS, round3(t.Seconds()))
		}
		results = append(results, res)
	}
	return results, nil
}

// clearAway moves the output folder and its kept previous site into
// trash, to be deleted with the workspace after the last run. Deleting them
// between runs would time the file system's aftermath instead of the build:
// ext4 without a journal (as in this project's virtual machines) skips
// every inode freed in the last 30 seconds when it allocates one, so that
// creating 12,000 files after deleting 12,000 costs seconds more.
func clearAway(out, trash string) error {
	if err := os.MkdirAll(trash, 0o755); err != nil {
		return err
	}
	for _, dir := range []string{out, output.SpareName(out)} {
		if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
			continue
		}
		gone, err := os.MkdirTemp(trash, "")
		if err != nil {
			return err
		}
		if err := os.Rename(dir, filepath.Join(gone, "x")); err != nil {
			return err
		}
	}
	return nil
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
