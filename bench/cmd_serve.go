package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"time"

	"djkb"
	"djkb/internal/build"
	"djkb/internal/sitetest"
)

// cmdServe times what djkb serve does after an editor saves one file: the
// incremental rebuild in memory, search index included (a delta index beside
// the main one), until the reload would be sent; then, apart, until the
// whole index written again in the background has replaced main and delta.
// Each edited file is put back afterwards.
func cmdServe(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	corpus := fs.String("corpus", benchDir("out", "corpus"), "site folder to edit (restored afterwards)")
	n := fs.Int("n", 15, "edits to time")
	noSearch := fs.Bool("no-search", false, "leave the search index out")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the timed edits to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	files, err := markdownFiles(*corpus)
	if err != nil {
		return err
	}
	sess := build.NewSession(build.Options{SiteDir: *corpus, Defaults: djkb.Defaults, NoSearch: *noSearch, LiveReload: true})
	start := time.Now()
	res, _, err := sess.Build()
	if err != nil {
		return fmt.Errorf("first build: %v %v", err, res.Diags)
	}
	sess.WaitIndex()
	first := time.Since(start)

	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	var edits, indexed []time.Duration
	var rendered []int
	var deltas []time.Duration // the search delta's share of the edits
	withDelta := 0
	for i := range *n {
		rel := files[(i*997)%len(files)] // spread over the corpus, same files every run
		abs := filepath.Join(*corpus, rel)
		orig, err := os.ReadFile(abs)
		if err != nil {
			return err
		}
		edited := append(append([]byte{}, orig...), fmt.Sprintf("\n\n第九百九十九条　基准测试追加的条文%d。\n", i)...)
		if err := os.WriteFile(abs, edited, 0o644); err != nil {
			return err
		}
		t := time.Now()
		sess.Changed([]string{rel})
		res, _, err := sess.Build()
		elapsed := time.Since(t)
		if m, _ := sess.File("search/manifest.js"); bytes.HasPrefix(m, []byte(`djkbSearch._register("x/manifest",`)) {
			withDelta++
		}
		if res != nil {
			for _, st := range res.Steps {
				if st.Name == "更新搜索索引（增量）" {
					deltas = append(deltas, st.Duration)
				}
			}
		}
		sess.WaitIndex()
		indexed = append(indexed, time.Since(t))
		restoreErr := os.WriteFile(abs, orig, 0o644)
		sess.Changed([]string{rel})
		if _, _, err2 := sess.Build(); err2 != nil && err == nil {
			err = err2
		}
		sess.WaitIndex()
		if err != nil {
			return fmt.Errorf("edit of %s: %v", rel, err)
		}
		if restoreErr != nil {
			return restoreErr
		}
		edits = append(edits, elapsed)
		rendered = append(rendered, res.Rendered)
	}
	st, ix := summarise(edits), summarise(indexed)
	var dx timeStats
	if len(deltas) > 0 {
		dx = summarise(deltas)
	}
	sort.Ints(rendered)
	fmt.Printf("| pages | first build s | edits | reload sent, median ms (min–max) | with the search delta (its median ms) | whole index rewritten, median ms | pages re-rendered (median) |\n|---:|---:|---:|---:|---:|---:|---:|\n")
	fmt.Printf("| %d | %.2f | %d | %.0f (%.0f–%.0f) | %d of %d (%.1f) | %.0f | %d |\n", res.Pages, first.Seconds(), len(edits),
		ms(st.median), ms(st.min), ms(st.max), withDelta, len(edits), ms(dx.median), ms(ix.median), rendered[len(rendered)/2])
	fmt.Printf("{\"bench\":\"serve-edit\",\"search\":%v,\"pages\":%d,\"median_ms\":%.1f,\"min_ms\":%.1f,\"max_ms\":%.1f,\"with_delta\":%d,\"delta_median_ms\":%.1f,\"index_median_ms\":%.1f}\n",
		!*noSearch, res.Pages, ms(st.median), ms(st.min), ms(st.max), withDelta, ms(dx.median), ms(ix.median))
	return nil
}

// markdownFiles lists the pages' Markdown files of a site (see
// sitetest.PageFiles); a site without any is an error that says how to make
// one.
func markdownFiles(site string) ([]string, error) {
	out, err := sitetest.PageFiles(site)
	if err == nil && len(out) == 0 {
		err = fmt.Errorf("no Markdown files in %s: generate a corpus first (in bench/: go run . gen)", site)
	}
	return out, err
}
