package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// The digest corpus: about 1,000 regulations and 20 MB selected by djkb
// digest's default (in force, or no status recorded) out of 1,075 files.
var digestCorpus = genConfig{files: 1075, mb: 21.5, seed: 1, mixReal: true}

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
		gen.out, gen.train = benchDir("out", "corpus1000"), defaultTrain()
		if err := gen.check(); err != nil {
			return err
		}
		if have, ok := readStamp(gen.out); !ok || have != stampFor(gen) {
			st, err := generate(gen, os.Stderr)
			if err != nil {
				return err
			}
			printGenStats(st, gen.out)
		}
		cfg.corpus = gen.out
	}
	res, err := benchDigest(cfg, os.Stderr)
	if err != nil {
		return err
	}
	printDigestReport(os.Stdout, res)
	return nil
}

// digestRun is one timed djkb digest.
type digestRun struct {
	wall, cpu time.Duration // cpu: user + system, Chromium's included
	rssKiB    int64         // the largest of the process and its children
	output    string
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
	corpus, err := filepath.Abs(cfg.corpus)
	if err != nil {
		return res, err
	}
	res.Corpus = cfg.corpus
	pages, err := statTree(filepath.Join(corpus, "content"), ".md")
	if err != nil {
		return res, fmt.Errorf("digest: %s has no content/ folder: %w", corpus, err)
	}
	res.Files, res.CorpusMB = pages.files, mb(pages.bytes)
	tmp, bin, err := workspace("djkb-bench-digest-", cfg.djkb, log)
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "public")
	html := filepath.Join(out, "digest", "index.html")
	args := []string{"digest", "-s", corpus, "-d", out, "--as-of", cfg.asOf}

	series := func(label string, n, warm int, args []string, file string) (digestTimes, string, error) {
		t := digestTimes{Runs: n, LoadBefore: loadAverage()}
		var walls, cpus []time.Duration
		var last string
		for i := 1 - warm; i <= n; i++ {
			ctx, cancel := context.WithTimeout(context.Background(), cfg.timeout)
			run, err := timeDigest(ctx, bin, args)
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

// timeDigest runs bin with args once and measures it with the processes it
// starts (Chromium), which it samples every 100 ms: their CPU time is the
// last sampled, and their peak RSS the largest sum of their resident sizes
// (shared pages count once per process).
func timeDigest(ctx context.Context, bin string, args []string) (digestRun, error) {
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return digestRun{}, err
	}
	stop, sampled := make(chan struct{}), make(chan treeSample, 1)
	go func() { sampled <- sampleTree(cmd.Process.Pid, stop) }()
	err := cmd.Wait()
	run := digestRun{wall: time.Since(start), output: out.String()}
	close(stop)
	tree := <-sampled
	if ps := cmd.ProcessState; ps != nil {
		run.cpu = ps.UserTime() + ps.SystemTime()
		run.rssKiB = maxRSSKiB(ps)
	}
	run.cpu, run.rssKiB = max(run.cpu, tree.cpu), max(run.rssKiB, tree.rssKiB)
	if err != nil {
		return run, fmt.Errorf("%s %s: %w\n%s", bin, strings.Join(args, " "), err, lastLines(run.output, 20))
	}
	return run, nil
}

// treeSample is what sampleTree saw of a process and its descendants.
type treeSample struct {
	cpu    time.Duration
	rssKiB int64
}

// sampleTree samples the process root and its descendants every 100 ms
// until stop is closed.
func sampleTree(root int, stop <-chan struct{}) treeSample {
	const tick = 100 * time.Millisecond
	ticks := map[int]int64{} // pid → user+system clock ticks last seen
	var peak int64
	page := int64(os.Getpagesize() / 1024)
	for {
		procs := readProcs()
		var rss int64
		for pid, p := range procs {
			if descends(pid, root, procs) {
				ticks[pid] = max(ticks[pid], p.ticks)
				rss += p.rssPages * page
			}
		}
		peak = max(peak, rss)
		select {
		case <-stop:
			var sum int64
			for _, t := range ticks {
				sum += t
			}
			return treeSample{cpu: time.Duration(sum) * time.Second / clockTicks, rssKiB: peak}
		case <-time.After(tick):
		}
	}
}

// clockTicks is USER_HZ, the unit of CPU times in /proc/PID/stat: 100 on
// Linux.
const clockTicks = 100

// proc is one line of /proc/PID/stat.
type proc struct {
	ppid            int
	ticks, rssPages int64
}

// readProcs reads /proc/*/stat; it returns nothing where there is no /proc.
func readProcs() map[int]proc {
	out := map[int]proc{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		data, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		i := bytes.LastIndexByte(data, ')')
		if err != nil || i < 0 {
			continue
		}
		f := strings.Fields(string(data[i+1:]))
		if len(f) < 22 { // state ppid … utime(12) stime(13) … rss(22)
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		ut, _ := strconv.ParseInt(f[11], 10, 64)
		st, _ := strconv.ParseInt(f[12], 10, 64)
		rss, _ := strconv.ParseInt(f[21], 10, 64)
		out[pid] = proc{ppid: ppid, ticks: ut + st, rssPages: rss}
	}
	return out
}

// descends reports whether pid is root or one of its descendants.
func descends(pid, root int, procs map[int]proc) bool {
	for range 64 {
		if pid == root {
			return true
		}
		p, ok := procs[pid]
		if !ok || p.ppid <= 1 {
			return false
		}
		pid = p.ppid
	}
	return false
}

// loadAverage returns the 1-, 5- and 15-minute load averages, or "?".
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(data)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
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
