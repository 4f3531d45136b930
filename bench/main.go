// Package main is djkb's benchmark: it generates a large, realistic
// library of Chinese regulations and times whole `djkb build` runs on it.
// It is a module of its own; run it from the bench folder:
//
//	go run . gen -o DIR [-files 3500] [-mb 60] [-seed 1] [-train DIR] [-mix-real=true]
//	go run . run -corpus DIR [-n 5] [-djkb PATH] [-extra-args "--no-search"]
//	go run . all [gen and run flags]
//	go run . serve -corpus DIR [-n 15] [-no-search]
//	go run . scale [-sizes 3500,10000,30000,100000] [-dir DIR] [-n 3] [-djkb PATH] [-baseline PATH]
//	go run . reload -corpus DIR [-n 15] [-no-search] [-djkb PATH]
//
// gen learns a character model from the real law corpus in
// shared/corpus/just-laws/docs beside the repository (or falls back to a built-in
// vocabulary) and writes the same bytes for the same seed. run prints a
// Markdown table and one JSON line. all generates into out/corpus
// unless a corpus with the same parameters is already there, then runs.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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
	case "scale":
		return cmdScale(args[1:])
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
	fmt.Fprintln(os.Stderr, `usage (in the bench folder):
  go run . gen -o DIR [-files 3500] [-mb 60] [-seed 1] [-train DIR] [-mix-real=true]
  go run . run -corpus DIR [-n 5] [-djkb PATH] [-extra-args "..."]
  go run . all [flags of gen and run]
  go run . serve -corpus DIR [-n 15] [-no-search]
  go run . reload -corpus DIR [-n 15] [-no-search] [-djkb PATH]
  go run . scale [-sizes 3500,10000,30000,100000] [-dir DIR] [-n 3] [-djkb PATH] [-baseline PATH]
  go run . digest [-corpus DIR] [-n 5] [-pdf-n 3]`)
}

// productModule is the module path of djkb itself, whose go.mod marks the
// repository root: bench is a module of its own inside it.
const productModule = "djkb"

// repoRoot finds the djkb repository, from the working folder up: the
// folder whose go.mod declares module djkb.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if isProductRoot(dir) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no djkb repository in the working folder or above: run from the djkb repository")
		}
		dir = parent
	}
}

// isProductRoot reports whether dir holds the go.mod of module djkb.
func isProductRoot(dir string) bool {
	data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		return false
	}
	for line := range strings.Lines(string(data)) {
		if path, ok := strings.CutPrefix(strings.TrimSpace(line), "module "); ok {
			return strings.Trim(strings.TrimSpace(path), `"`) == productModule
		}
	}
	return false
}

// benchDir is where a path below the bench module lies, such as its
// default corpus out/corpus; relative to the working folder if there is
// no repository.
func benchDir(elem ...string) string {
	root, err := repoRoot()
	if err != nil {
		return filepath.Join(elem...)
	}
	return filepath.Join(append([]string{root, "bench"}, elem...)...)
}

// defaultTrain is the real law corpus beside the repository.
func defaultTrain() string {
	root, err := repoRoot()
	if err != nil {
		return filepath.Join("..", "shared", "corpus", "just-laws", "docs")
	}
	return filepath.Join(filepath.Dir(root), "shared", "corpus", "just-laws", "docs")
}
