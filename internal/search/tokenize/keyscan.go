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
// building units. It is the hot loop of an index build, so it folds the
// common code points inline.
type KeyScanner struct {
	Emit func(key uint64) // receives each key: a HanKey, or what Words returned
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

// Scan feeds the keys of s to Emit.
func (k *KeyScanner) Scan(s string) {
	k.pending = -1
	k.word = k.word[:0]
	prev, prevAt := rune(-1), 0 // a folded fast code point not yet fed, and where it starts
	for i := 0; i < len(s); {
		r, size := DecodeRune(s, i)
		if f, ok := fastFold(r); ok {
			if prev >= 0 {
				k.feed(prev)
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
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
			return r, 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// feed takes one folded code point.
func (k *KeyScanner) feed(r rune) {
	switch cls := classOf(r); cls {
	case classHan:
		k.flushWord()
		if k.pending >= 0 {
			k.Emit(HanKey(k.pending, r))
		}
		k.pending = r
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

func (k *KeyScanner) endHan() {
	if k.pending >= 0 {
		k.Emit(HanKey(k.pending, 0))
		k.pending = -1
	}
}

func (k *KeyScanner) flushWord() {
	if len(k.word) > 0 {
		k.Emit(k.Words(k.word[:min(len(k.word), maxWord)]))
		k.word = k.word[:0]
	}
}
