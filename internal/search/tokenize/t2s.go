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

// t2sTab[r-t2sLo] is the simplified form of r, or 0.
var t2sTab = func() []uint16 {
	tab := make([]uint16, t2sHi-t2sLo+1)
	for s := t2sPairs; s != ""; {
		t, n := utf8.DecodeRuneInString(s)
		simp, m := utf8.DecodeRuneInString(s[n:])
		tab[t-t2sLo] = uint16(simp)
		s = s[n+m:]
	}
	return tab
}()

// simplified returns the simplified form of a Han code point r, or r.
func simplified(r rune) rune {
	if r >= t2sLo && r <= t2sHi {
		if s := t2sTab[r-t2sLo]; s != 0 {
			return rune(s)
		}
	}
	return r
}
