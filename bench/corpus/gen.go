// Package corpus generates the benchmark's library of Chinese regulations:
// thousands of Markdown files shaped like a real one, with prose from a
// character model trained on real laws, and those laws mixed in. The same
// Config gives the same bytes, so that figures taken apart compare.
package corpus

import (
	"errors"
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

// Config holds the parameters of a corpus.
type Config struct {
	Out     string  // site folder to write
	Files   int     // Markdown files in all
	MB      float64 // total Markdown size, in MB of 10^6 bytes
	Seed    uint64
	Train   string // real law corpus to learn from and mix in
	MixReal bool
}

// Check validates c and makes its training folder absolute, as the stamp
// records it.
func (c *Config) Check() error {
	if c.Out == "" {
		return errors.New("gen: -o DIR is required")
	}
	if c.Files < 1 || c.MB <= 0 {
		return errors.New("gen: -files and -mb must be positive")
	}
	var err error
	c.Train, err = filepath.Abs(c.Train)
	return err
}

// Stats describes a generated corpus.
type Stats struct {
	Files     int     `json:"files"`
	Synthetic int     `json:"synthetic"`
	Real      int     `json:"real"`
	Bytes     int64   `json:"bytes"`
	NoFM      int     `json:"no_front_matter"`
	YAML      int     `json:"yaml"`
	TOML      int     `json:"toml"`
	Trained   bool    `json:"trained"`
	Seconds   float64 `json:"seconds"`
	Stamp     Stamp
}

// Streams of the random generator: one for the plan, and one per
// document from docStream on, so documents can be written in parallel
// and still come out the same.
const (
	planStream = 0x5eed
	docStream  = 1 << 32
)

// Generate writes a corpus as cfg asks and reports on it to log.
func Generate(cfg Config, log io.Writer) (Stats, error) {
	start := time.Now()
	st := Stats{}
	ts, err := loadTraining(cfg.Train, log)
	if err != nil {
		return st, err
	}
	var src textSource = phraseSource{}
	var chapters, sections []string
	topics := slices.Clone(stateTopics)
	stamp := StampFor(cfg)
	stamp.Complete = false
	if ts != nil {
		st.Trained = true
		src = markovSource{ts.clauses, ts.items}
		chapters, sections = ts.chapters, ts.sections
		topics = append(topics, ts.topics...)
		slices.Sort(topics)
		topics = slices.Compact(topics)
	}

	budget := int64(cfg.MB * 1e6)
	var real []realFile
	if cfg.MixReal && ts != nil {
		if real, err = scanReal(cfg.Train); err != nil {
			return st, err
		}
		if md, bytes := realTotals(real); 2*md > cfg.Files || 2*bytes > budget {
			fmt.Fprintf(log, "bench gen: the real corpus (%d files, %.1f MB) is more than half of -files/-mb: not mixing it in\n", md, float64(bytes)/1e6)
			real = nil
		}
	}

	if err := prepareOut(cfg.Out); err != nil {
		return st, err
	}
	if err := writeStamp(cfg.Out, stamp); err != nil {
		return st, err
	}
	if err := os.WriteFile(filepath.Join(cfg.Out, "site.toml"), []byte("title = \"基准测试库\"\n"), 0o644); err != nil {
		return st, err
	}
	regs := filepath.Join(cfg.Out, "content", "regulations")
	if err := copyReal(cfg.Train, filepath.Join(regs, RealDir), real); err != nil {
		return st, fmt.Errorf("copying the real corpus: %w", err)
	}
	for _, f := range real {
		if f.md {
			st.Real++
			st.Bytes += f.size
			st.count(f.fm)
		}
	}

	n := cfg.Files - st.Real
	quota := frontMatterQuota(cfg.Files, n, st)
	r := rand.New(rand.NewPCG(cfg.Seed, planStream))
	plans := planLibrary(r, n, budget-st.Bytes, quota, scaled(topics, partyTopics, cfg.Files))
	titles := make([]string, len(plans))
	for i, p := range plans {
		titles[i] = p.meta.title
		st.count(p.fm)
	}
	if len(titles) == 0 {
		titles = []string{"中国共产党章程"}
	}
	written, err := writeDocs(cfg.Seed, regs, plans, newRenderer(src, chapters, sections, titles))
	if err != nil {
		return st, err
	}
	st.Synthetic = len(plans)
	st.Files = st.Synthetic + st.Real
	st.Bytes += written
	st.Seconds = time.Since(start).Seconds()
	stamp.Complete = true
	st.Stamp = stamp
	return st, writeStamp(cfg.Out, stamp)
}

// count adds one file with front matter k.
func (st *Stats) count(k fmKind) {
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
func frontMatterQuota(files, n int, real Stats) fmQuota {
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
