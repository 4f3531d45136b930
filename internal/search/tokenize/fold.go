package tokenize

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folder walks a string and yields its folded code points: NFKC, then lower
// case (then NFKC and lower case once more where lower casing made a
// sequence that composes), each with the byte span of the source text it
// came from.
//
// Most code points (ASCII, the main CJK blocks, full-width ASCII, common CJK
// punctuation) fold by a fixed rule. A maximal run of other code points,
// together with the one code point before it (which may compose with it), is
// normalised with NFKC as a whole. If that equals normalising the run code
// point by code point (nothing composed), each folded code point carries the
// span of the code point it came from; else every one carries the span of
// the whole run. static/js/tokenizer.js does exactly the same.
type folder struct {
	s       string
	i       int    // next byte to read
	run     []rune // folded code points of the current slow run, not yet returned
	runI    int
	runA    int // span of the current slow run
	runB    int
	spans   [][2]int // source span of each code point of run, when they have their own
	nbuf    []byte
	pbuf    []byte
	tbuf    []byte
	scratch [2][]byte // of lowerRun
}

func (f *folder) reset(s string) {
	f.s, f.i, f.run, f.runI = s, 0, f.run[:0], 0
}

// next returns the next folded code point and its source span; ok is false at
// the end of the string.
func (f *folder) next() (r rune, a, b int, ok bool) {
	if f.runI < len(f.run) {
		r = f.run[f.runI]
		a, b = f.runA, f.runB
		if len(f.spans) == len(f.run) {
			a, b = f.spans[f.runI][0], f.spans[f.runI][1]
		}
		f.runI++
		return r, a, b, true
	}
	if f.i >= len(f.s) {
		return 0, 0, 0, false
	}
	start := f.i
	c, size := decode(f.s, start)
	fc, fast := fastFold(c)
	if fast {
		end := start + size
		if end >= len(f.s) {
			f.i = end
			return fc, start, end, true
		}
		c2, _ := decode(f.s, end)
		if _, fast2 := fastFold(c2); fast2 {
			f.i = end
			return fc, start, end, true
		}
		// The next code point is slow: this one opens the slow run.
		f.i = end
	} else {
		f.i = start + size
	}
	for f.i < len(f.s) {
		c, size := decode(f.s, f.i)
		if _, fast := fastFold(c); fast {
			break
		}
		f.i += size
	}
	f.nbuf = norm.NFKC.AppendString(f.nbuf[:0], f.s[start:f.i])
	f.run, f.runI, f.runA, f.runB = f.run[:0], 0, start, f.i
	f.spans = f.spans[:0]
	// Where normalising code point by code point gives the same result (no
	// composition), each folded code point keeps the span of its own source
	// code point; otherwise all share the run's span.
	split := true
	f.pbuf = f.pbuf[:0]
	for j := start; j < f.i; {
		_, size := decode(f.s, j)
		// Normalise the code point alone (AppendString onto pbuf would
		// compose it with what is already there).
		f.tbuf = norm.NFKC.AppendString(f.tbuf[:0], f.s[j:j+size])
		f.pbuf = append(f.pbuf, f.tbuf...)
		for k := 0; k < len(f.tbuf); {
			_, sz := utf8.DecodeRune(f.tbuf[k:])
			f.spans = append(f.spans, [2]int{j, j + size})
			k += sz
		}
		j += size
	}
	if string(f.pbuf) != string(f.nbuf) {
		split = false
	}
	var again bool
	f.run, again = lowerRun(f.run[:0], f.nbuf, &f.scratch)
	if again {
		split = false
	}
	if !split {
		f.spans = f.spans[:0]
	}
	return f.next()
}

// lowerRun appends the lower case of each code point of the NFKC text nfkc
// to dst. Where lower casing made a sequence that composes (Y + U+030A has
// no composed form, y + U+030A is U+1E99) it normalises and lower-cases once
// more, so that folding folded text changes nothing; again reports that.
// scratch holds buffers for reuse.
func lowerRun(dst []rune, nfkc []byte, scratch *[2][]byte) (out []rune, again bool) {
	start := len(dst)
	dst, changed := appendLower(dst, nfkc)
	if !changed {
		return dst, false
	}
	lowered := scratch[0][:0]
	for _, c := range dst[start:] {
		lowered = utf8.AppendRune(lowered, c)
	}
	renorm := norm.NFKC.Append(scratch[1][:0], lowered...)
	scratch[0], scratch[1] = lowered, renorm
	if string(renorm) == string(lowered) {
		return dst, false
	}
	dst, _ = appendLower(dst[:start], renorm)
	return dst, true
}

// appendLower appends the lower case of each code point of b to dst and
// reports whether any changed.
func appendLower(dst []rune, b []byte) ([]rune, bool) {
	changed := false
	for j := 0; j < len(b); {
		c, size := utf8.DecodeRune(b[j:])
		j += size
		l := lower(c)
		changed = changed || l != c
		dst = append(dst, l)
	}
	return dst, changed
}

// decode decodes the code point at byte i of s; invalid UTF-8 yields U+FFFD
// with size 1.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// lower lower-cases one code point by the simple Unicode mapping (which is
// what JavaScript's toLowerCase gives for a lone code point, except for
// U+0130, handled the same way on both sides), and folds a traditional Han
// character to simplified (see simplified).
func lower(r rune) rune {
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + 32
		}
		return r
	}
	if r >= t2sLo && r <= t2sHi {
		// Han that normalisation made (a compatibility ideograph) folds
		// to simplified like any other.
		return simplified(r)
	}
	return unicode.ToLower(r)
}
