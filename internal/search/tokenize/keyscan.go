package tokenize

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// HanKey is the term key of a Han bigram, or of a character that ends its
// run when c2 is 0: c1<<21 | c2. Sorted as integers, Han keys are in code
// point order of their strings.
func HanKey(c1, c2 rune) uint64 { return uint64(c1)<<21 | uint64(c2) }

// A KeyScanner is the indexer's tokenizer: it yields exactly the keys of
// Keys (TestKeyScannerMatchesKeys checks it), as uint64 term keys, without
// building units. It is the hot loop of an index build, so it decodes and
// folds the common code points inline, and hands over its keys in a slice
// rather than one call each.
type KeyScanner struct {
	Keys []uint64 // Scan appends each key here: a HanKey, or what Words returned
	// Words returns the key of a word, given its folded code points cut as
	// Keys cuts them (it must not keep the slice); the key must differ from
	// every HanKey.
	Words func(w []rune) uint64

	pending rune // a Han character waiting for its successor, or -1
	word    []rune
	wordCls int
	nbuf    []byte
	run     []rune
	scratch [2][]byte // of lowerRun
}

// Scan appends the keys of s to Keys.
func (k *KeyScanner) Scan(s string) {
	k.pending = -1
	k.word = k.word[:0]
	prev, prevAt := rune(-1), 0 // a folded fast code point not yet fed, and where it starts
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			if c, ok := Decode3(s, i); ok {
				r, size = c, 3
			} else {
				r, size = DecodeRune(s, i)
			}
		}
		f, ok := r, true
		if isBasicHan(r) {
			f = simplified(r)
		} else {
			f, ok = fastFold(r)
		}
		if ok {
			if prev >= 0 {
				if isBasicHan(prev) && len(k.word) == 0 {
					k.han(prev)
				} else {
					k.feed(prev)
				}
			}
			prev, prevAt = f, i
			i += size
			continue
		}
		// A slow run: from the unfed fast code point before it, if any, to
		// the next fast code point.
		start := i
		if prev >= 0 {
			start, prev = prevAt, -1
		}
		i += size
		for i < len(s) {
			r, size := DecodeRune(s, i)
			if _, ok := fastFold(r); ok {
				break
			}
			i += size
		}
		k.nbuf = norm.NFKC.AppendString(k.nbuf[:0], s[start:i])
		k.run, _ = lowerRun(k.run[:0], k.nbuf, &k.scratch)
		for _, c := range k.run {
			k.feed(c)
		}
	}
	if prev >= 0 {
		k.feed(prev)
	}
	k.endHan()
	k.flushWord()
}

// DecodeRune decodes the code point at byte i of s, with the three-byte
// sequences of CJK text decoded inline.
func DecodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	if r, ok := Decode3(s, i); ok {
		return r, 3
	}
	return utf8.DecodeRuneInString(s[i:])
}

// Decode3 decodes the code point at byte i of s when it is a valid
// three-byte sequence, as nearly all of CJK text is; ok is false for
// anything else. Unlike DecodeRune it inlines, for the hot loops that call
// it first.
func Decode3(s string, i int) (r rune, ok bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	c0, c1, c2 := s[i]^0xE0, s[i+1]^0x80, s[i+2]^0x80
	r = rune(c0)<<12 | rune(c1)<<6 | rune(c2)
	// A lead byte 1110xxxx, two continuation bytes 10xxxxxx, and neither an
	// overlong form (below U+0800) nor a surrogate (U+D800-U+DFFF).
	return r, c0 < 0x10 && c1|c2 < 0x40 && r>>11 != 0 && r>>11 != 0xD800>>11
}

// isBasicHan reports whether r is in the main block of Han characters,
// which folding maps to Han characters only through t2s (simplified).
func isBasicHan(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF }

// feed takes one folded code point.
func (k *KeyScanner) feed(r rune) {
	switch cls := classOf(r); cls {
	case classHan:
		k.flushWord()
		k.han(r)
	case classLetter, classDigit:
		k.endHan()
		if len(k.word) > 0 && cls != k.wordCls {
			k.flushWord()
		}
		k.word = append(k.word, r)
		k.wordCls = cls
	case classIgnore:
	default:
		k.endHan()
		k.flushWord()
	}
}

// han takes a Han code point while no word is open.
func (k *KeyScanner) han(r rune) {
	if k.pending >= 0 {
		k.Keys = append(k.Keys, HanKey(k.pending, r))
	}
	k.pending = r
}

func (k *KeyScanner) endHan() {
	if k.pending >= 0 {
		k.Keys = append(k.Keys, HanKey(k.pending, 0))
		k.pending = -1
	}
}

func (k *KeyScanner) flushWord() {
	if len(k.word) > 0 {
		k.Keys = append(k.Keys, k.Words(k.word[:min(len(k.word), maxWord)]))
		k.word = k.word[:0]
	}
}
