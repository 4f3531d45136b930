package search_test

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// TestLayers checks that the parts of the search depend one way: tokenize
// and codec on nothing of djkb but internal/numerals (which imports
// nothing), search on them, and the binary on neither searchtest nor
// vectors.
func TestLayers(t *testing.T) {
	deps := func(pkg string) []string {
		out, err := exec.Command("go", "list", "-deps", pkg).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", pkg, err)
		}
		var own []string
		for _, p := range strings.Fields(string(out)) {
			if strings.HasPrefix(p, "djkb/") && p != pkg && p != "djkb/internal/numerals" {
				own = append(own, p)
			}
		}
		return own
	}
	for _, pkg := range []string{"djkb/internal/search/tokenize", "djkb/internal/search/codec", "djkb/internal/search/vectors"} {
		if d := deps(pkg); len(d) > 0 {
			t.Errorf("%s imports %v", pkg, d)
		}
	}
	for _, p := range deps("djkb/cmd/djkb") {
		if p == "djkb/internal/search/searchtest" || p == "djkb/internal/search/vectors" {
			t.Errorf("the binary links %s", p)
		}
	}
	if d := deps("djkb/internal/search"); slices.Contains(d, "djkb/internal/search/searchtest") {
		t.Errorf("search imports searchtest")
	}
}
