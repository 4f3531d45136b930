package tokenize

//go:generate go run -tags generate gen_t2s.go

import "unicode/utf8"

// Traditional characters fold to simplified ones, character by character,
// so that text in 繁體 and a query typed with a traditional input method
// match simplified text both ways. The table comes from OpenCC
// (gen_t2s.go); static/js/t2s.js holds the same pairs for the browser. It
// maps no character that has a traditional form itself, so simplified text
// folds to itself, except a few characters such as 著 (to 着) that both
// scripts use.
const (
	t2sLo = 0x3400
	t2sHi = 0x9FFF
)

// t2sTab[r-t2sLo] is the simplified form of r, or 0; t2sMark has a bit for
// each r that has one. Most Han text is simplified already: the bits (a
// few KB, which stay in the nearest cache) turn most characters away
// before the table (tens of KB).
var t2sTab, t2sMark = func() ([]uint16, *[(t2sHi - t2sLo + 64) / 64]uint64) {
	tab := make([]uint16, t2sHi-t2sLo+1)
	mark := new([(t2sHi - t2sLo + 64) / 64]uint64)
	for s := t2sPairs; s != ""; {
		t, n := utf8.DecodeRuneInString(s)
		simp, m := utf8.DecodeRuneInString(s[n:])
		tab[t-t2sLo] = uint16(simp)
		mark[(t-t2sLo)/64] |= 1 << ((t - t2sLo) % 64)
		s = s[n+m:]
	}
	return tab, mark
}()

// simplified returns the simplified form of a Han code point r, or r.
func simplified(r rune) rune {
	if r >= t2sLo && r <= t2sHi {
		if i := uint(r - t2sLo); t2sMark[i/64]>>(i%64)&1 != 0 {
			return rune(t2sTab[i])
		}
	}
	return r
}
