package main

import (
	"flag"
	"fmt"
	"os"
)

// cmdAll is `bench all`: generate the corpus into out/corpus
// unless the one there was made with the same parameters, then time it.
func cmdAll(args []string) error {
	fs := flag.NewFlagSet("all", flag.ContinueOnError)
	gen := genFlags(fs, benchDir("out", "corpus"))
	run := runFlags(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := gen.check(); err != nil {
		return err
	}
	want := stampFor(*gen)
	if have, ok := readStamp(gen.out); ok && have == want {
		fmt.Fprintf(os.Stderr, "bench all: %s is up to date (stamp %s), not regenerating\n", gen.out, stampName)
	} else {
		st, err := generate(*gen, os.Stderr)
		if err != nil {
			return err
		}
		printGenStats(st, gen.out)
	}
	run.corpus = gen.out
	results, err := benchmark(*run, os.Stderr)
	if err != nil {
		return err
	}
	for _, res := range results {
		printReport(os.Stdout, res)
	}
	return nil
}
