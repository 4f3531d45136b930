package main

import (
	"flag"
	"fmt"
	"os"

	"djkb/bench/corpus"
)

// genFlags registers the flags of gen on fs and returns where they land.
func genFlags(fs *flag.FlagSet, defaultOut string) *corpus.Config {
	c := &corpus.Config{}
	fs.StringVar(&c.Out, "o", defaultOut, "site folder to write (made if missing)")
	fs.IntVar(&c.Files, "files", 3500, "number of Markdown files")
	fs.Float64Var(&c.MB, "mb", 60, "total Markdown size in MB (10^6 bytes)")
	fs.Uint64Var(&c.Seed, "seed", 1, "random seed: the same seed gives the same bytes")
	fs.StringVar(&c.Train, "train", defaultTrain(), "real law corpus to learn from and mix in")
	fs.BoolVar(&c.MixReal, "mix-real", true, "copy the real laws into content/regulations/"+corpus.RealDir)
	return c
}

// cmdGen is `bench gen`.
func cmdGen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	cfg := genFlags(fs, "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := cfg.Check(); err != nil {
		return err
	}
	_, err := generate(*cfg)
	return err
}

// ensureCorpus generates the corpus cfg asks for unless its folder already
// holds one made with the same parameters.
func ensureCorpus(cfg corpus.Config) error {
	if have, ok := corpus.ReadStamp(cfg.Out); ok && have == corpus.StampFor(cfg) {
		fmt.Fprintf(os.Stderr, "bench: %s is up to date (stamp %s), not regenerating\n", cfg.Out, corpus.StampName)
		return nil
	}
	_, err := generate(cfg)
	return err
}

// generate writes the corpus and a one-line summary of it.
func generate(cfg corpus.Config) (corpus.Stats, error) {
	st, err := corpus.Generate(cfg, os.Stderr)
	if err != nil {
		return st, err
	}
	fmt.Fprintf(os.Stderr, "bench gen: %s: %d files (%d generated, %d real), %.1f MB, %.1f%% without front matter (%d YAML, %d TOML), trained=%v, %.1fs\n",
		cfg.Out, st.Files, st.Synthetic, st.Real, float64(st.Bytes)/1e6, 100*float64(st.NoFM)/float64(max(st.Files, 1)), st.YAML, st.TOML, st.Trained, st.Seconds)
	return st, nil
}
