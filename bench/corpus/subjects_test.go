package corpus

import (
	"math/rand/v2"
	"testing"
)

// TestTitlesRepeatAlikeAtAnySize checks that a library ten times the
// reference size repeats titles about as often, and in groups about as
// long: otherwise same-titled regulations chain into versions ever more,
// and a scale benchmark measures the corpus instead of the builder.
func TestTitlesRepeatAlikeAtAnySize(t *testing.T) {
	shape := func(n int) (share float64, longest int) {
		r := rand.New(rand.NewPCG(1, planStream))
		plans := planLibrary(r, n, int64(n)*10000, fmQuota{}, scaled(stateTopics, partyTopics, n))
		groups := map[string]int{}
		for _, p := range plans {
			groups[p.meta.title+"\x00"+p.meta.issuers[0]]++
		}
		repeated := 0
		for _, g := range groups {
			if g > 1 {
				repeated += g
			}
			longest = max(longest, g)
		}
		return float64(repeated) / float64(n), longest
	}
	small, smallLongest := shape(referenceFiles)
	large, largeLongest := shape(10 * referenceFiles)
	t.Logf("titles repeated: %.1f%% of %d documents (longest group %d), %.1f%% of %d (longest %d)",
		100*small, referenceFiles, smallLongest, 100*large, 10*referenceFiles, largeLongest)
	if large > 1.25*small || large < small/1.25 {
		t.Errorf("share of repeated titles: %.3f at %d documents, %.3f at %d", small, referenceFiles, large, 10*referenceFiles)
	}
	if largeLongest > 2*smallLongest {
		t.Errorf("longest group of one title: %d at %d documents, %d at %d", smallLongest, referenceFiles, largeLongest, 10*referenceFiles)
	}
}

// TestNarrowed checks the subject lists grow by one copy of the base per
// qualifier, pairs once singles run out, and never repeat a subject.
func TestNarrowed(t *testing.T) {
	got := narrowed([]string{"档案", "统计"}, []string{"甲", "乙"}, 4)
	want := []string{"档案", "统计", "档案甲", "统计甲", "档案乙", "统计乙", "档案甲乙", "统计甲乙", "档案乙甲", "统计乙甲"}
	if len(got) != len(want) {
		t.Fatalf("narrowed = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("narrowed = %q, want %q", got, want)
		}
	}
	all := scaled(stateTopics, partyTopics, 100000)
	for _, list := range [][]string{all.state, all.party} {
		seen := map[string]bool{}
		for _, s := range list {
			if seen[s] {
				t.Fatalf("subject %q twice", s)
			}
			seen[s] = true
		}
	}
	if s := scaled(stateTopics, partyTopics, referenceFiles); len(s.state) != len(stateTopics) || len(s.party) != len(partyTopics) {
		t.Errorf("at %d documents the subjects changed", referenceFiles)
	}
}
