package tokenize

// Character classes of the tokenizer. The tables here are fixed (not taken
// from the unicode package) so that static/js/tokenizer.js can hold exactly
// the same ranges; TestJSTablesMatch checks that it does.

// Class of a folded code point.
const (
	classSep    = iota // separates units: spaces, punctuation, symbols, controls
	classHan           // a Han character: one unit, joined into bigrams with its neighbours
	classLetter        // part of a word
	classDigit         // part of a digit run (ASCII 0-9 only)
	classIgnore        // dropped: soft hyphen, zero-width and variation characters
)

// hanRanges lists the Han script (Unicode 15.1), inclusive ranges.
var hanRanges = [][2]rune{
	{0x2E80, 0x2E99}, {0x2E9B, 0x2EF3}, {0x2F00, 0x2FD5}, {0x3005, 0x3005},
	{0x3007, 0x3007}, {0x3021, 0x3029}, {0x3038, 0x303B}, {0x3400, 0x4DBF},
	{0x4E00, 0x9FFF}, {0xF900, 0xFA6D}, {0xFA70, 0xFAD9}, {0x16FE2, 0x16FE3},
	{0x16FF0, 0x16FF1}, {0x20000, 0x2A6DF}, {0x2A700, 0x2B739}, {0x2B740, 0x2B81D},
	{0x2B820, 0x2CEA1}, {0x2CEB0, 0x2EBE0}, {0x2EBF0, 0x2EE5D}, {0x2F800, 0x2FA1D},
	{0x30000, 0x3134A}, {0x31350, 0x323AF},
}

// ignoreRanges lists format and variation characters that are skipped as if
// absent, so that they neither split nor join units.
var ignoreRanges = [][2]rune{
	{0x00AD, 0x00AD}, {0x034F, 0x034F}, {0x180B, 0x180F}, {0x200B, 0x200F},
	{0x202A, 0x202E}, {0x2060, 0x206F}, {0xFE00, 0xFE0F}, {0xFEFF, 0xFEFF},
	{0xE0000, 0xE0FFF},
}

// sepRanges lists the non-ASCII separators: punctuation, symbols, private use,
// surrogates and specials. Any other non-ASCII code point that is not Han or
// ignored is a letter.
var sepRanges = [][2]rune{
	{0x0080, 0x00BF}, {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x2000, 0x2BFF},
	{0x2E00, 0x2E7F}, {0x3000, 0x303F}, {0x3200, 0x33FF}, {0xD800, 0xF8FF},
	{0xFE10, 0xFE6F}, {0xFF00, 0xFFEF}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
	{0xF0000, 0x10FFFF},
}

// inRanges reports whether r falls in one of the sorted inclusive ranges.
func inRanges(r rune, rs [][2]rune) bool {
	lo, hi := 0, len(rs)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case r < rs[m][0]:
			hi = m
		case r > rs[m][1]:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

// classOf returns the class of a folded code point.
func classOf(r rune) int {
	if r < 0x80 {
		switch {
		case r >= 'a' && r <= 'z':
			return classLetter
		case r >= '0' && r <= '9':
			return classDigit
		case r >= 'A' && r <= 'Z': // not produced by folding, but classify sanely
			return classLetter
		}
		return classSep
	}
	if r >= 0x4E00 && r <= 0x9FFF {
		return classHan
	}
	if r < 0xC0 && r != 0xAD {
		return classSep
	}
	switch {
	case inRanges(r, hanRanges):
		return classHan
	case inRanges(r, ignoreRanges):
		return classIgnore
	case inRanges(r, sepRanges):
		return classSep
	}
	return classLetter
}

// fastFold folds a code point that normalisation never changes beyond a fixed
// mapping and that never composes with its neighbours. ok is false for every
// other code point; those go through NFKC.
func fastFold(r rune) (f rune, ok bool) {
	switch {
	case r < 0x80:
		if r >= 'A' && r <= 'Z' {
			return r + 32, true
		}
		return r, true
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF:
		return simplified(r), true
	case r >= 0xFF01 && r <= 0xFF5E: // full-width ASCII
		r -= 0xFEE0
		if r >= 'A' && r <= 'Z' {
			r += 32
		}
		return r, true
	case r == 0x3000:
		return ' ', true
	case r >= 0x3001 && r <= 0x3003, r >= 0x3008 && r <= 0x3011, r >= 0x3014 && r <= 0x301F:
		return r, true
	}
	return 0, false
}
