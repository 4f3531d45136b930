// Package main is djkb's benchmark: it generates a large, realistic
// library of Chinese regulations and times whole `djkb build` runs on it.
//
//	go run ./bench gen -o DIR [-files 3500] [-mb 60] [-seed 1] [-train DIR] [-mix-real=true]
//	go run ./bench run -corpus DIR [-n 5] [-djkb PATH] [-extra-args "--no-search"]
//	go run ./bench all [gen and run flags]
//	go run ./bench serve -corpus DIR [-n 15] [-no-search]
//	go run ./bench reload -corpus DIR [-n 15] [-no-search] [-djkb PATH]
//
// gen learns a character model from the real law corpus in
// ../shared/corpus/just-laws/docs (or falls back to a built-in
// vocabulary) and writes the same bytes for the same seed. run prints a
// Markdown table and one JSON line. all generates into bench/out/corpus
// unless a corpus with the same parameters is already there, then runs.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	if err := dispatch(os.Args[1:]); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "bench:", err)
		}
		os.Exit(1)
	}
}

// dispatch runs the subcommand named by args[0].
func dispatch(args []string) error {
	if len(args) == 0 {
		usage()
		return flag.ErrHelp
	}
	switch args[0] {
	case "gen":
		return cmdGen(args[1:])
	case "run":
		return cmdRun(args[1:])
	case "all":
		return cmdAll(args[1:])
	case "serve":
		return cmdServe(args[1:])
	case "digest":
		return cmdDigest(args[1:])
	case "reload":
		return cmdReload(args[1:])
	case "-h", "-help", "--help", "help":
		usage()
		return nil
	}
	usage()
	return fmt.Errorf("unknown command %q", args[0])
}

func usage() {
	fmt.Fprintln(os.Stderr, `usage:
  go run ./bench gen -o DIR [-files 3500] [-mb 60] [-seed 1] [-train DIR] [-mix-real=true]
  go run ./bench run -corpus DIR [-n 5] [-djkb PATH] [-extra-args "..."]
  go run ./bench all [flags of gen and run]
  go run ./bench serve -corpus DIR [-n 15] [-no-search]
  go run ./bench reload -corpus DIR [-n 15] [-no-search] [-djkb PATH]
  go run ./bench digest [-corpus DIR] [-n 5] [-pdf-n 3]`)
}

// repoRoot finds the folder holding go.mod, from the working folder up.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod in the working folder or above: run from the djkb repository")
		}
		dir = parent
	}
}

// defaultTrain is the real law corpus beside the repository.
func defaultTrain() string {
	root, err := repoRoot()
	if err != nil {
		return filepath.Join("..", "shared", "corpus", "just-laws", "docs")
	}
	return filepath.Join(filepath.Dir(root), "shared", "corpus", "just-laws", "docs")
}
