package search_test

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"djkb/internal/search"
)

// fixtureDir holds the index of handCorpus, written by Go and read by the
// JavaScript tests (static/js/test/engine.test.js). go test -update
// rewrites it; otherwise TestFixture checks that it is current.
const fixtureDir = "testdata/fixture"

var update = flag.Bool("update", false, "rewrite the fixture and the bundle")

func TestFixture(t *testing.T) {
	defer search.SmallShards()()
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

// jsTests are the JavaScript test files that TestJavaScript runs;
// delta.test.js and titles.test.js need an index that TestDeltaEngine and
// TestTitleRanking write, and run there.
var jsTests = []string{"engine.test.js", "tokenizer.test.js", "loader.test.js", "uri.test.js"}

// TestJavaScript runs the JavaScript tests under node: the engine's
// (ranking on the hand-made corpus with known answers, query semantics,
// escaping) against the fixture index, the tokenizer's shared vectors, and
// the loader's. It also checks that every test file is run by some Go test.
func TestJavaScript(t *testing.T) {
	names, err := filepath.Glob(filepath.Join(jsTestDir, "*.test.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if base := filepath.Base(name); !slices.Contains(jsTests, base) && base != "delta.test.js" && base != "titles.test.js" {
			t.Errorf("%s is not run by go test: add it to jsTests", base)
		}
	}
	nodeTest(t, nil, jsTests...)
}

const jsTestDir = "../../static/js/test"

// nodeTest runs test files of static/js/test under node --test, with env
// added to the environment. Without node it skips, except under CI.
func nodeTest(t *testing.T, env []string, files ...string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is needed to test the search page's JavaScript")
		}
		t.Skip("node not found")
	}
	cmd := exec.Command(node, append([]string{"--test"}, files...)...)
	cmd.Dir = jsTestDir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test %s: %v\n%s", strings.Join(files, " "), err, out)
	}
}
