package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"djkb/bench/corpus"
)

var scaleDjkb = flag.String("scale-djkb", "", "djkb binary for BenchmarkBuildScale (default: go build ./cmd/djkb)")

// BenchmarkBuildScale guards against a build that grows faster than the
// site: each round builds generated sites of 1,000 and 8,000 files, search
// index included, with the djkb binary (so that the command's memory and
// collector settings count), and reports the CPU time per page of each and
// their ratio. Near-linear growth keeps the ratio near 1; issue #26 allows
// 1.5. CPU time, not wall time, so that other work on the machine matters
// less. The pages average 30 KB, so that the larger site's live heap is
// past the memory limit djkb once had. The corpora are generated once,
// into the system's temporary folder.
//
//	cd bench && go test -run '^$' -bench BuildScale -benchtime 3x [-scale-djkb BIN]
func BenchmarkBuildScale(b *testing.B) {
	sizes := []int{1000, 8000}
	sites := make([]string, len(sizes))
	for i, n := range sizes {
		cfg := corpus.Config{Out: filepath.Join(os.TempDir(), fmt.Sprintf("djkb-scale-%d", n)), Files: n, MB: float64(n) * 3 / 100, Seed: 1, Train: defaultTrain(), MixReal: false}
		if err := cfg.Check(); err != nil {
			b.Fatal(err)
		}
		if err := ensureCorpus(cfg); err != nil {
			b.Fatal(err)
		}
		sites[i] = cfg.Out
	}
	tmp, bin, err := workspace("djkb-bench-scale-", *scaleDjkb, io.Discard)
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	cpu := make([]time.Duration, len(sizes))
	b.ResetTimer()
	for b.Loop() {
		for i, site := range sites {
			cmd := exec.Command(bin, "build", "-s", site, "-d", filepath.Join(tmp, fmt.Sprint(sizes[i])))
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("%v\n%s", err, out)
			}
			cpu[i] += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		}
	}
	per := make([]float64, len(sizes))
	for i, n := range sizes {
		per[i] = float64(cpu[i].Microseconds()) / float64(b.N) / float64(n)
		b.ReportMetric(per[i], fmt.Sprintf("cpu-µs/page@%d", n))
	}
	b.ReportMetric(per[1]/per[0], "ratio")
}
