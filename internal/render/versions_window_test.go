package render

import (
	"slices"
	"testing"
)

// A page of a long chain lists the first and newest versions and those
// around its own, with the gaps counted; the newest version's page and a
// short chain list every version. Every version shows somewhere, and the
// lists of a chain's pages grow with its length.
func TestShownVersions(t *testing.T) {
	for _, tc := range []struct {
		n, at int
		want  []int
	}{
		{3, 0, []int{0, 1, 2}},
		{11, 0, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}},
		{12, 11, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		{12, 0, []int{0, 1, 2, 3, 4, -6, 11}},
		{12, 5, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		{14, 6, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -2, 13}},
		{20, 10, []int{0, -5, 6, 7, 8, 9, 10, 11, 12, 13, 14, -4, 19}},
		{20, 17, []int{0, -12, 13, 14, 15, 16, 17, 18, 19}},
	} {
		if got := shownVersions(tc.n, tc.at); !slices.Equal(got, tc.want) {
			t.Errorf("shownVersions(%d, %d) = %v, want %v", tc.n, tc.at, got, tc.want)
		}
	}
	for n := 1; n < 200; n++ {
		total := 0
		for at := range n {
			got := shownVersions(n, at)
			total += len(got)
			listed := 0
			for i, k := range got {
				if k < 0 {
					listed -= k
				} else {
					listed++
				}
				if i > 0 && k >= 0 && got[i-1] >= 0 && k != got[i-1]+1 {
					t.Fatalf("shownVersions(%d, %d) = %v skips versions without saying so", n, at, got)
				}
			}
			if slices.Contains(got, -1) {
				t.Fatalf("shownVersions(%d, %d) = %v leaves out a single version", n, at, got)
			}
			if listed != n || !slices.Contains(got, at) || !slices.Contains(got, 0) || !slices.Contains(got, n-1) {
				t.Fatalf("shownVersions(%d, %d) = %v", n, at, got)
			}
		}
		if total > n+(n-1)*(2*versionWindow+5) {
			t.Fatalf("a chain of %d versions lists %d in all", n, total)
		}
	}
}
