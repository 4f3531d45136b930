package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

// genFlags registers the flags of gen on fs and returns where they land.
func genFlags(fs *flag.FlagSet, defaultOut string) *genConfig {
	c := &genConfig{}
	fs.StringVar(&c.out, "o", defaultOut, "site folder to write (made if missing)")
	fs.IntVar(&c.files, "files", 3500, "number of Markdown files")
	fs.Float64Var(&c.mb, "mb", 60, "total Markdown size in MB (10^6 bytes)")
	fs.Uint64Var(&c.seed, "seed", 1, "random seed: the same seed gives the same bytes")
	fs.StringVar(&c.train, "train", defaultTrain(), "real law corpus to learn from and mix in")
	fs.BoolVar(&c.mixReal, "mix-real", true, "copy the real laws into content/regulations/"+realDir)
	return c
}

// check validates and normalises a gen configuration.
func (c *genConfig) check() error {
	if c.out == "" {
		return errors.New("gen: -o DIR is required")
	}
	if c.files < 1 || c.mb <= 0 {
		return errors.New("gen: -files and -mb must be positive")
	}
	var err error
	if c.train, err = filepath.Abs(c.train); err != nil {
		return err
	}
	return nil
}

// cmdGen is `bench gen`.
func cmdGen(args []string) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	cfg := genFlags(fs, "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := cfg.check(); err != nil {
		return err
	}
	st, err := generate(*cfg, os.Stderr)
	if err != nil {
		return err
	}
	printGenStats(st, cfg.out)
	return nil
}

// printGenStats writes a one-line summary of a generated corpus.
func printGenStats(st genStats, dir string) {
	fmt.Fprintf(os.Stderr, "bench gen: %s: %d files (%d generated, %d real), %.1f MB, %.1f%% without front matter (%d YAML, %d TOML), trained=%v, %.1fs\n",
		dir, st.Files, st.Synthetic, st.Real, float64(st.Bytes)/1e6, 100*float64(st.NoFM)/float64(max(st.Files, 1)), st.YAML, st.TOML, st.Trained, st.Seconds)
}
