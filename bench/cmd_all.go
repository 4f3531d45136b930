package main

import (
	"flag"
	"os"
)

// cmdAll is `bench all`: generate the corpus into out/corpus unless the
// one there was made with the same parameters, then time it.
func cmdAll(args []string) error {
	fs := flag.NewFlagSet("all", flag.ContinueOnError)
	gen := genFlags(fs, benchDir("out", "corpus"))
	run := runFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := gen.Check(); err != nil {
		return err
	}
	if err := ensureCorpus(*gen); err != nil {
		return err
	}
	run.corpus = gen.Out
	results, err := benchmark(*run, os.Stderr)
	if err != nil {
		return err
	}
	for _, res := range results {
		printReport(os.Stdout, res)
	}
	return nil
}
