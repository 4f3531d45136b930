package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fakeDjkb writes a shell script that behaves like `djkb build -s SITE
// -d OUT`: it writes a page and a search index into OUT.
func fakeDjkb(t *testing.T, dir string) string {
	t.Helper()
	script := `#!/bin/sh
[ "$1" = build ] && [ "$2" = -s ] && [ "$4" = -d ] || { echo "bad args: $*" >&2; exit 2; }
[ -z "$6" ] || [ "$6" = --no-search ] || { echo "unknown flag $6" >&2; exit 2; }
mkdir -p "$5/search" && echo '<html></html>' > "$5/index.html" || exit 1
[ "$6" = --no-search ] || echo '{"a":1}' > "$5/search/index.json"
echo built
`
	bin := filepath.Join(dir, "djkb")
	if err := os.WriteFile(bin, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

// testSite writes a site folder holding files (paths under it, each with a
// title line) into a temporary folder and returns it.
func testSite(t *testing.T, files ...string) string {
	t.Helper()
	site := filepath.Join(t.TempDir(), "site")
	for _, f := range files {
		p := filepath.Join(site, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("# 标题\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

func TestBenchmarkWithFakeDjkb(t *testing.T) {
	dir := t.TempDir()
	site := testSite(t, "content/regulations/a.md", "content/regulations/法规/b.md", "content/regulations/img.png")
	results, err := benchmark(runConfig{corpus: site, n: 3, djkb: fakeDjkb(t, dir), timeout: time.Minute}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	res := results[0]
	if len(results) != 1 || res.Binary != "" {
		t.Errorf("%d results, binary %q: want one, unnamed", len(results), res.Binary)
	}
	if res.Pages != 2 || res.Runs != 3 || len(res.TimesS) != 3 {
		t.Errorf("pages %d, runs %d, times %v: want 2 pages and 3 runs", res.Pages, res.Runs, res.TimesS)
	}
	if res.OutputFiles != 2 || res.SearchFiles != 1 || res.SearchMB <= 0 {
		t.Errorf("output %d files, search %d files %.6f MB: want 2 files, 1 in search/", res.OutputFiles, res.SearchFiles, res.SearchMB)
	}
	if res.MinS > res.MedianS || res.MedianS > res.MaxS || res.PagesPerS <= 0 || res.PeakRSSMiB <= 0 {
		t.Errorf("inconsistent figures: %+v", res)
	}

	results, err = benchmark(runConfig{corpus: site, n: 1, djkb: fakeDjkb(t, dir), extraArgs: "--no-search", timeout: time.Minute}, io.Discard)
	if err != nil || results[0].SearchFiles != 0 {
		t.Errorf("with --no-search: %v, %d search files", err, results[0].SearchFiles)
	}
	_, err = benchmark(runConfig{corpus: site, n: 1, djkb: fakeDjkb(t, dir), extraArgs: "--bogus", timeout: time.Minute}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "unknown flag --bogus") {
		t.Errorf("a failing build should quote djkb's output, got %v", err)
	}
}

// TestBenchmarkBaseline times two binaries in turn: each gets its runs,
// its own output folder and a result naming it, the tested one first.
func TestBenchmarkBaseline(t *testing.T) {
	site := testSite(t, "content/regulations/a.md")
	tested, baseline := fakeDjkb(t, t.TempDir()), fakeDjkb(t, t.TempDir())
	var log bytes.Buffer
	results, err := benchmark(runConfig{corpus: site, n: 2, djkb: tested, baseline: baseline, rebuild: true, timeout: time.Minute}, &log)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 2 || results[0].Binary != tested || results[1].Binary != baseline {
		t.Fatalf("results %+v: want the tested binary's, then the baseline's", results)
	}
	for _, res := range results {
		if len(res.TimesS) != 2 || res.OutputFiles != 2 {
			t.Errorf("%s: times %v, %d output files: want 2 runs and its own 2 files", res.Binary, res.TimesS, res.OutputFiles)
		}
	}
	// The runs alternate: tested, baseline, tested, baseline, ...
	var order []string
	for _, line := range strings.Split(log.String(), "\n") {
		for _, bin := range []string{tested, baseline} {
			if strings.HasPrefix(line, "bench run: "+bin+" warm-up") || strings.HasPrefix(line, "bench run: "+bin+" run ") {
				order = append(order, bin)
			}
		}
	}
	for i, bin := range order {
		if want := []string{tested, baseline}[i%2]; bin != want {
			t.Fatalf("run %d was %s's, want %s's: %q", i, bin, want, order)
		}
	}
	if len(order) != 6 {
		t.Errorf("%d runs logged, want 6 (a warm-up and 2 runs each)", len(order))
	}
}

// TestBenchmarkBaselineArgs times one binary against itself with other
// flags, as for what the search index adds.
func TestBenchmarkBaselineArgs(t *testing.T) {
	site := testSite(t, "content/regulations/a.md")
	bin := fakeDjkb(t, t.TempDir())
	results, err := benchmark(runConfig{corpus: site, n: 1, djkb: bin, baselineArgs: "--no-search", timeout: time.Minute}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 2 || results[0].Binary != bin || results[1].Binary != bin+" --no-search" {
		t.Fatalf("results %+v: want the binary's, then the same with --no-search", results)
	}
	if results[0].SearchFiles != 1 || results[1].SearchFiles != 0 || results[1].ExtraArgs != "--no-search" {
		t.Errorf("search files %d and %d, baseline flags %q: only the first should index", results[0].SearchFiles, results[1].SearchFiles, results[1].ExtraArgs)
	}
}

func TestBenchmarkNeedsACorpus(t *testing.T) {
	_, err := benchmark(runConfig{corpus: t.TempDir(), n: 1, djkb: "/bin/true"}, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "bench gen") {
		t.Errorf("got %v, want advice to run bench gen", err)
	}
}

func TestSummarise(t *testing.T) {
	s := summarise([]time.Duration{5, 1, 3})
	if s.median != 3 || s.min != 1 || s.max != 5 {
		t.Errorf("odd: %+v", s)
	}
	if s := summarise([]time.Duration{4, 1, 3, 10}); s.median != 3 {
		t.Errorf("even: median %v, want 3 (mean of 3 and 4 rounded down)", s.median)
	}
}

func TestReportHasTableAndJSON(t *testing.T) {
	var b bytes.Buffer
	printReport(&b, result{Bench: "djkb-build", Pages: 3500, Runs: 5, MedianS: 12.3456, PagesPerS: 283.5})
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if !strings.HasPrefix(lines[0], "| pages |") || !strings.HasPrefix(lines[2], "| 3500 |") {
		t.Errorf("no Markdown table:\n%s", b.String())
	}
	var r result
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil || r.Pages != 3500 || r.MedianS != 12.346 {
		t.Errorf("last line is not the JSON result (%v): %s", err, lines[len(lines)-1])
	}
}
