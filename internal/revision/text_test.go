package revision

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// common may give up early only where the exact count is below least, so
// that every comparison against least comes out as with the exact count.
func TestCommonGivesUpOnlyBelowLeast(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	list := func() []uint64 {
		out := make([]uint64, r.IntN(40))
		for i := range out {
			out[i] = uint64(r.IntN(30))
		}
		slices.Sort(out)
		return out
	}
	for range 5000 {
		a, b := list(), list()
		exact := common(a, b, 0)
		for least := -1; least <= 42; least++ {
			got := common(a, b, least)
			if got != exact && (got >= least || exact >= least) {
				t.Fatalf("common(%v, %v, %d) = %d, exact %d", a, b, least, got, exact)
			}
		}
		for _, least := range []float64{0.15, sameArticle, partOf, 0.9} {
			if len(a) > 0 && (containment(a, b, least) >= least) != (float64(exact)/float64(len(a)) >= least) {
				t.Fatalf("containment(%v, %v) against %v differs from the exact share", a, b, least)
			}
			if len(a)+len(b) > 0 && (dice(a, b, least) >= least) != (2*float64(exact)/float64(len(a)+len(b)) >= least) {
				t.Fatalf("dice(%v, %v) against %v differs from the exact coefficient", a, b, least)
			}
		}
	}
}
