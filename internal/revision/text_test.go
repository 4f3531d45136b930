package revision

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode"
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

// bigrams reads the key's characters in place; it must give what the
// pairs of its runes give, for keys of no, one and many characters.
func TestBigramsArePairsOfRunes(t *testing.T) {
	byRunes := func(key string) []uint64 {
		rs := []rune(key)
		if len(rs) == 1 {
			return []uint64{uint64(rs[0])<<32 | uint64(rs[0])}
		}
		out := []uint64{}
		for i := 1; i < len(rs); i++ {
			out = append(out, uint64(rs[i-1])<<32|uint64(rs[i]))
		}
		slices.Sort(out)
		return out
	}
	r := rand.New(rand.NewPCG(3, 4))
	chars := []rune("第条款项党a1，。《》\U0001F600")
	for range 3000 {
		rs := make([]rune, r.IntN(12))
		for i := range rs {
			rs[i] = chars[r.IntN(len(chars))]
		}
		key := string(rs)
		if got, want := bigrams(key), byRunes(key); !slices.Equal(got, want) || got == nil {
			t.Fatalf("bigrams(%q) = %v, want %v", key, got, want)
		}
	}
}

// ignoredBefore is ignored as first written, one switch and IsSpace.
func ignoredBefore(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '　', '、', '，', ',', '：', ':', '；', ';', '。', '.', '“', '”', '"', '‘', '’', '\'', '「', '」', '『', '』':
		return true
	}
	return r > 0x7f && unicode.IsSpace(r)
}

// TestIgnoredEveryRune: the fast paths of ignored leave out exactly the
// characters the plain definition does.
func TestIgnoredEveryRune(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if ignored(r) != ignoredBefore(r) {
			t.Fatalf("ignored(%U) = %v", r, ignored(r))
		}
	}
}

// randomKey is a key of up to 60 characters from a small alphabet, so
// that keys share pairs, repeat them and are sometimes one character.
func randomKey(r *rand.Rand) string {
	alphabet := []rune("第一条党员的规定甲乙丙丁ab")
	key := make([]rune, r.IntN(60))
	for i := range key {
		key[i] = alphabet[r.IntN(min(len(alphabet), 2+r.IntN(len(alphabet))))]
	}
	return string(key)
}

// TestKeyPrint: a key's print made from the key has the sketch and the
// count of its sorted pairs (bigrams), repeats and all.
func TestKeyPrint(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 3000 {
		key := randomKey(r)
		want := make(sketch, 0, sketchSize)
		pairs := bigrams(key)
		for _, p := range pairs {
			want = addHash(want, p)
		}
		got := keyPrint(key)
		if !slices.Equal(got.sketch, want) || got.pairs != len(pairs) {
			t.Fatalf("keyPrint(%q) = %v, %d pairs, want %v, %d", key, got.sketch, got.pairs, want, len(pairs))
		}
	}
}

// TestMostSharedBounds: mostShared never falls below the pairs two keys
// really share, and it is exact for the same key, so that the comparison
// skips no pair of articles it would have matched.
func TestMostSharedBounds(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	tight := 0
	for range 20000 {
		a, b := randomKey(r), randomKey(r)
		shared := common(bigrams(a), bigrams(b), 0)
		bound := mostShared(keyPrint(a), keyPrint(b))
		if bound < shared {
			t.Fatalf("mostShared(%q, %q) = %d, below the %d pairs they share", a, b, bound, shared)
		}
		if bound < min(len(bigrams(a)), len(bigrams(b))) {
			tight++
		}
		if n := len(bigrams(a)); mostShared(keyPrint(a), keyPrint(a)) != n {
			t.Fatalf("mostShared(%q, itself) = %d, want %d", a, mostShared(keyPrint(a), keyPrint(a)), n)
		}
	}
	if tight == 0 {
		t.Fatal("mostShared never bounded below the shorter key's pairs: the bound does nothing")
	}
}

// likenessBefore is likeness as first written, a merge with a branch a
// step.
func likenessBefore(a, b sketch) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	both, seen, i, j := 0, 0, 0, 0
	for seen < max(len(a), len(b)) && (i < len(a) || j < len(b)) {
		switch {
		case j == len(b) || (i < len(a) && a[i] < b[j]):
			i++
		case i == len(a) || b[j] < a[i]:
			j++
		default:
			both++
			i++
			j++
		}
		seen++
	}
	return float64(both) / float64(seen)
}

func TestLikenessSame(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	sk := func() sketch {
		s := make(sketch, 0, sketchSize)
		for range r.IntN(3 * sketchSize) {
			s = addHash(s, uint64(r.IntN(40)))
		}
		return s
	}
	for range 20000 {
		a, b := sk(), sk()
		if got, want := likeness(a, b), likenessBefore(a, b); got != want {
			t.Fatalf("likeness(%v, %v) = %v, want %v", a, b, got, want)
		}
	}
}

// TestRadixSort: radixSort sorts as slices.Sort does, short and long
// lists, pairs of characters and any numbers.
func TestRadixSort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		xs := make([]uint64, r.IntN(300))
		for i := range xs {
			switch r.IntN(3) {
			case 0:
				xs[i] = uint64(0x4e00+r.IntN(300))<<32 | uint64(0x4e00+r.IntN(300))
			case 1:
				xs[i] = r.Uint64()
			default:
				xs[i] = uint64(r.IntN(4))
			}
		}
		want := slices.Sorted(slices.Values(xs))
		if got := radixSort(slices.Clone(xs)); !slices.Equal(got, want) {
			t.Fatalf("radixSort(%v) = %v", xs, got)
		}
	}
}
