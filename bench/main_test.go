package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestRepoRootIsTheProduct checks that bench, a module of its own, finds
// the djkb repository above its own go.mod: the djkb it times, the default
// corpus folders and the real laws beside the repository all hang on it.
func TestRepoRootIsTheProduct(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Dir(wd); root != want {
		t.Errorf("repoRoot() = %s, want %s (the folder above bench/)", root, want)
	}
	if got, want := benchDir("out", "corpus"), filepath.Join(wd, "out", "corpus"); got != want {
		t.Errorf("benchDir(out, corpus) = %s, want %s", got, want)
	}
	if got, want := defaultTrain(), filepath.Join(filepath.Dir(root), "shared", "corpus", "just-laws", "docs"); got != want {
		t.Errorf("defaultTrain() = %s, want %s", got, want)
	}
}

func TestIsProductRoot(t *testing.T) {
	for _, tc := range []struct {
		gomod string
		want  bool
	}{
		{"module djkb\n\ngo 1.26\n", true},
		{"// comment\nmodule \"djkb\"\n", true},
		{"module djkb/bench\n\nrequire djkb v0.0.0\n", false},
		{"module other\n", false},
		{"", false},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(tc.gomod), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := isProductRoot(dir); got != tc.want {
			t.Errorf("isProductRoot with go.mod %q = %v, want %v", tc.gomod, got, tc.want)
		}
	}
	if isProductRoot(t.TempDir()) {
		t.Error("a folder without go.mod is the product root")
	}
}
