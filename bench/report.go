package main

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
)

// result is the outcome of `bench run`; its JSON form is the
// machine-readable line.
type result struct {
	Bench       string    `json:"bench"`
	Corpus      string    `json:"corpus"`
	Pages       int       `json:"pages"`
	CorpusMB    float64   `json:"corpus_mb"`
	Runs        int       `json:"runs"`
	Rebuild     bool      `json:"rebuild,omitempty"`
	PauseS      float64   `json:"pause_s,omitempty"`
	MedianS     float64   `json:"median_s"`
	MedianCPUS  float64   `json:"median_cpu_s"`
	MinS        float64   `json:"min_s"`
	MaxS        float64   `json:"max_s"`
	PagesPerS   float64   `json:"pages_per_s"`
	PeakRSSMiB  float64   `json:"peak_rss_mib"`
	OutputMB    float64   `json:"output_mb"`
	OutputFiles int       `json:"output_files"`
	OutputDirs  int       `json:"output_dirs"`
	SearchMB    float64   `json:"search_mb"`
	SearchFiles int       `json:"search_files"`
	ExtraArgs   string    `json:"extra_args,omitempty"`
	TimesS      []float64 `json:"times_s"`
	Binary      string    `json:"binary,omitempty"` // with -baseline: which binary
	Go          string    `json:"go"`
	CPUs        int       `json:"cpus"`
	CPU         string    `json:"cpu,omitempty"` // the processor's model
}

// printReport writes the Markdown table for the README and then the
// result as one JSON line.
func printReport(w io.Writer, r result) {
	fmt.Fprintln(w, "| pages | corpus MB | runs | median s | min s | max s | CPU s | pages/s | peak RSS MiB | output MB | output files | search/ MB | search/ files |")
	fmt.Fprintln(w, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	fmt.Fprintf(w, "| %d | %.1f | %d | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f | %.1f | %d | %.1f | %d |\n",
		r.Pages, r.CorpusMB, r.Runs, r.MedianS, r.MinS, r.MaxS, r.MedianCPUS, r.PagesPerS, r.PeakRSSMiB,
		r.OutputMB, r.OutputFiles, r.SearchMB, r.SearchFiles)
	fmt.Fprintln(w)
	r.MedianS, r.MinS, r.MaxS, r.PagesPerS = round3(r.MedianS), round3(r.MinS), round3(r.MaxS), round3(r.PagesPerS)
	r.MedianCPUS = round3(r.MedianCPUS)
	r.PeakRSSMiB, r.CorpusMB, r.OutputMB, r.SearchMB = round3(r.PeakRSSMiB), round3(r.CorpusMB), round3(r.OutputMB), round3(r.SearchMB)
	line, _ := json.Marshal(r)
	fmt.Fprintln(w, string(line))
}

// mb converts bytes to MB of 10^6 bytes.
func mb(b int64) float64 { return float64(b) / 1e6 }

// round3 rounds to three decimals for the JSON line.
func round3(x float64) float64 { return math.Round(x*1000) / 1000 }
