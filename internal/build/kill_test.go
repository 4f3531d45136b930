package build

import (
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"djkb"
	"djkb/internal/output"
)

// TestMain lets the kill test run a build in a child process of the test
// binary itself.
func TestMain(m *testing.M) {
	if site := os.Getenv("DJKB_TEST_CHILD_BUILD"); site != "" {
		_, err := Run(Options{SiteDir: site, OutDir: os.Getenv("DJKB_TEST_CHILD_OUT"), Defaults: djkb.Defaults})
		if err != nil {
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// treeHash fingerprints a folder: the sorted names and contents of its files.
func treeHash(t *testing.T, dir string) string {
	t.Helper()
	snap := snapshot(t, dir)
	names := make([]string, 0, len(snap))
	for n := range snap {
		names = append(names, n)
	}
	sort.Strings(names)
	h := sha256.New()
	for _, n := range names {
		rel, _ := filepath.Rel(dir, n)
		fmt.Fprintf(h, "%s %x\n", rel, snap[n])
	}
	return fmt.Sprintf("%x (%d files)", h.Sum(nil)[:8], len(names))
}

// TestKilledBuildLeavesCompleteSite kills builds with SIGKILL at random
// moments and checks that the output folder always holds one complete
// site: the previous one or the new one.
func TestKilledBuildLeavesCompleteSite(t *testing.T) {
	files := map[string]string{}
	for i := range 400 {
		files[fmt.Sprintf("content/regulations/第%03d号.md", i)] = strings.Repeat(fmt.Sprintf("第%d条　内容，内容，内容。\n\n", i), 40)
	}
	site := writeSite(t, files)
	versions := []string{"title = \"版本甲\"\n", "title = \"版本乙\"\n"}
	want := map[string]bool{}
	for _, v := range versions { // the two complete sites, built cleanly
		os.WriteFile(filepath.Join(site, "site.toml"), []byte(v), 0o644)
		out := filepath.Join(t.TempDir(), "public")
		if _, err := run(t, site, out); err != nil {
			t.Fatal(err)
		}
		want[treeHash(t, out)] = true
	}
	out := filepath.Join(t.TempDir(), "public")
	self, _ := os.Executable()
	child := func() *exec.Cmd {
		cmd := exec.Command(self, "-test.run=^$")
		cmd.Env = append(os.Environ(), "DJKB_TEST_CHILD_BUILD="+site, "DJKB_TEST_CHILD_OUT="+out)
		return cmd
	}
	// A first build in a child process, left to finish: the output holds a
	// complete site from then on, and the kills below are spread over the
	// time a child build takes on this machine, under this load.
	start := time.Now()
	if err := child().Run(); err != nil {
		t.Fatal(err)
	}
	childTime := time.Since(start)
	rounds := 12
	if testing.Short() {
		rounds = 4
	}
	rng := rand.New(rand.NewPCG(7, 7))
	for i := range rounds {
		os.WriteFile(filepath.Join(site, "site.toml"), []byte(versions[(i+1)%2]), 0o644)
		cmd := child()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rng.Int64N(int64(childTime * 3 / 2))))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		if _, err := os.Stat(out); err != nil {
			t.Fatalf("round %d: the output folder vanished: %v", i, err)
		}
		if got := treeHash(t, out); !want[got] {
			t.Fatalf("round %d: the output folder holds neither complete site: %s", i, got)
		}
	}
	// The next build cleans up after the killed ones, and what it keeps
	// beside the output for the build after it is the complete site it
	// replaced.
	if _, err := run(t, site, out); err != nil {
		t.Fatal(err)
	}
	spare := output.SpareName(out)
	if left := leftBeside(out); len(left) != 1 || left[0] != spare {
		t.Errorf("leftovers of killed builds not removed: %v", left)
	}
	if got := treeHash(t, spare); !want[got] {
		t.Errorf("the kept previous site is not a complete site: %s", got)
	}
}
