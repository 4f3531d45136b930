package main

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// genConfig holds the parameters of `bench gen`.
type genConfig struct {
	out     string  // site folder to write
	files   int     // Markdown files in all
	mb      float64 // total Markdown size, in MB of 10^6 bytes
	seed    uint64
	train   string // real law corpus to learn from and mix in
	mixReal bool
}

// genStats describes a generated corpus.
type genStats struct {
	Files     int     `json:"files"`
	Synthetic int     `json:"synthetic"`
	Real      int     `json:"real"`
	Bytes     int64   `json:"bytes"`
	NoFM      int     `json:"no_front_matter"`
	YAML      int     `json:"yaml"`
	TOML      int     `json:"toml"`
	Trained   bool    `json:"trained"`
	Seconds   float64 `json:"seconds"`
	Stamp     genStamp
}

// Streams of the random generator: one for the plan, and one per
// document from docStream on, so documents can be written in parallel
// and still come out the same.
const (
	planStream = 0x5eed
	docStream  = 1 << 32
)

// generate writes a corpus as cfg asks and reports on it to log.
func generate(cfg genConfig, log io.Writer) (genStats, error) {
	start := time.Now()
	st := genStats{}
	ts, err := loadTraining(cfg.train, log)
	if err != nil {
		return st, err
	}
	var src textSource = phraseSource{}
	var chapters, sections []string
	topics := slices.Clone(stateTopics)
	stamp := stampFor(cfg)
	stamp.Complete = false
	if ts != nil {
		st.Trained = true
		src = markovSource{ts.clauses, ts.items}
		chapters, sections = ts.chapters, ts.sections
		topics = append(topics, ts.topics...)
		slices.Sort(topics)
		topics = slices.Compact(topics)
	}

	budget := int64(cfg.mb * 1e6)
	var real []realFile
	if cfg.mixReal && ts != nil {
		if real, err = scanReal(cfg.train); err != nil {
			return st, err
		}
		if md, bytes := realTotals(real); 2*md > cfg.files || 2*bytes > budget {
			fmt.Fprintf(log, "bench gen: the real corpus (%d files, %.1f MB) is more than half of -files/-mb: not mixing it in\n", md, float64(bytes)/1e6)
			real = nil
		}
	}

	if err := prepareOut(cfg.out); err != nil {
		return st, err
	}
	if err := writeStamp(cfg.out, stamp); err != nil {
		return st, err
	}
	if err := os.WriteFile(filepath.Join(cfg.out, "site.toml"), []byte("title = \"基准测试库\"\n"), 0o644); err != nil {
		return st, err
	}
	regs := filepath.Join(cfg.out, "content", "regulations")
	if err := copyReal(cfg.train, filepath.Join(regs, realDir), real); err != nil {
		return st, fmt.Errorf("copying the real corpus: %w", err)
	}
	for _, f := range real {
		if f.md {
			st.Real++
			st.Bytes += f.size
			st.count(f.fm)
		}
	}

	n := cfg.files - st.Real
	quota := frontMatterQuota(cfg.files, n, st)
	r := rand.New(rand.NewPCG(cfg.seed, planStream))
	plans := planLibrary(r, n, budget-st.Bytes, quota, topics)
	titles := make([]string, len(plans))
	for i, p := range plans {
		titles[i] = p.meta.title
		st.count(p.fm)
	}
	if len(titles) == 0 {
		titles = []string{"中国共产党章程"}
	}
	written, err := writeDocs(cfg.seed, regs, plans, newRenderer(src, chapters, sections, titles))
	if err != nil {
		return st, err
	}
	st.Synthetic = len(plans)
	st.Files = st.Synthetic + st.Real
	st.Bytes += written
	st.Seconds = time.Since(start).Seconds()
	stamp.Complete = true
	st.Stamp = stamp
	return st, writeStamp(cfg.out, stamp)
}

// count adds one file with front matter k.
func (st *genStats) count(k fmKind) {
	switch k {
	case fmNone:
		st.NoFM++
	case fmYAML:
		st.YAML++
	case fmTOML:
		st.TOML++
	}
}

// frontMatterQuota splits the n synthetic documents so that, counting
// the real files already copied, about 80% of all files have no front
// matter and the rest is shared between YAML (10%) and TOML.
func frontMatterQuota(files, n int, real genStats) fmQuota {
	none := max(0, int(math.Round(0.8*float64(files)))-real.NoFM)
	withFM := max(0, n-none)
	yaml := min(withFM, max(0, int(math.Round(0.1*float64(files)))-real.YAML))
	return fmQuota{yaml: yaml, toml: withFM - yaml}
}

// realTotals counts the Markdown files of the real corpus and their bytes.
func realTotals(files []realFile) (md int, bytes int64) {
	for _, f := range files {
		if f.md {
			md++
			bytes += f.size
		}
	}
	return md, bytes
}

// loadTraining trains on dir, or returns nil (and says so on log) when
// dir is missing or holds no usable text.
func loadTraining(dir string, log io.Writer) (*trainingSet, error) {
	if _, err := os.Stat(dir); err != nil {
		fmt.Fprintf(log, "bench gen: training folder %s not found: falling back to the built-in vocabulary\n", dir)
		return nil, nil
	}
	ts, err := trainCorpus(dir)
	if err != nil {
		return nil, fmt.Errorf("reading training folder: %w", err)
	}
	if ts == nil {
		fmt.Fprintf(log, "bench gen: no law text found in %s: falling back to the built-in vocabulary\n", dir)
	}
	return ts, nil
}

// writeDocs renders and writes every planned document below regs, on
// two goroutines, and returns the bytes written.
func writeDocs(seed uint64, regs string, plans []docPlan, g *renderer) (int64, error) {
	dirs := map[string]bool{}
	for _, p := range plans {
		d := path.Dir(p.rel)
		if !dirs[d] {
			dirs[d] = true
			if err := os.MkdirAll(filepath.Join(regs, filepath.FromSlash(d)), 0o755); err != nil {
				return 0, err
			}
		}
	}
	var (
		next, total atomic.Int64
		wg          sync.WaitGroup
		errOnce     sync.Once
		firstErr    error
	)
	for range min(2, len(plans)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(plans) {
					return
				}
				r := rand.New(rand.NewPCG(seed, docStream+uint64(i)))
				data := g.render(&plans[i], r)
				if err := os.WriteFile(filepath.Join(regs, filepath.FromSlash(plans[i].rel)), data, 0o644); err != nil {
					errOnce.Do(func() { firstErr = err })
					return
				}
				total.Add(int64(len(data)))
			}
		})
	}
	wg.Wait()
	return total.Load(), firstErr
}
