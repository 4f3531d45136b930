package search

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// fixtureDir holds the index of handCorpus, written by Go and read by the
// JavaScript tests (static/js/test/engine.test.js). go test -update
// rewrites it; otherwise TestFixture checks that it is current.
const fixtureDir = "testdata/fixture"

func TestFixture(t *testing.T) {
	defer smallShards()()
	fresh := writeIndex(t, sortedDocs(handCorpus()))
	if *update {
		if err := os.RemoveAll(fixtureDir); err != nil {
			t.Fatal(err)
		}
		for name, data := range readAll(t, fresh) {
			mustWrite(t, filepath.Join(fixtureDir, name), data)
		}
		return
	}
	want, got := readAll(t, fresh), readAll(t, fixtureDir)
	if len(want) != len(got) {
		t.Fatalf("%s has %d files, a fresh index %d: run go test ./internal/search -run Fixture -update", fixtureDir, len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(data, got[name]) {
			t.Fatalf("%s/%s is out of date: run go test ./internal/search -run Fixture -update", fixtureDir, name)
		}
	}
}

// TestEngine runs the JavaScript engine's tests (ranking on the hand-made
// corpus with known answers, query semantics, escaping) under node, against
// the fixture index. Without node the test is skipped, except under CI.
func TestEngine(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is needed to test the search engine")
		}
		t.Skip("node not found")
	}
	cmd := exec.Command(node, "--test", "engine.test.js")
	cmd.Dir = filepath.Join("..", "..", "static", "js", "test")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test engine.test.js: %v\n%s", err, out)
	}
}

// smallShards makes Write cut many small shards, so that the fixture has
// several files of every kind and long posting lists outside the
// dictionary; the returned function restores the sizes.
func smallShards() func() {
	a, b, c, d, e := inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes
	inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes = 2, 200, 40, 600, 200
	return func() { inlineMax, dictShardBytes, largeFileBytes, textShardBytes, metaShardBytes = a, b, c, d, e }
}
