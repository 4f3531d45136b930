package review

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
)

// TestByRuleIsAStableSort: byRule orders findings as a stable sort by
// rule does, unknown rules last.
func TestByRuleIsAStableSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	ids := []string{"no-such-rule"}
	for _, r := range Rules {
		ids = append(ids, r.ID)
	}
	for n := range 40 {
		var in []Finding
		for i := range n {
			in = append(in, Finding{Rule: ids[rng.IntN(len(ids))], Path: strconv.Itoa(i)})
		}
		want := slices.Clone(in)
		slices.SortStableFunc(want, func(a, b Finding) int { return cmp.Compare(ruleIndex(a.Rule), ruleIndex(b.Rule)) })
		if got := byRule(slices.Clone(in)); !slices.Equal(got, want) {
			t.Fatalf("byRule(%v) = %v, want %v", in, got, want)
		}
	}
}
