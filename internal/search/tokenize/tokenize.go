// Package tokenize cuts text into the units and keys of djkb's search, and
// parses queries, exactly as static/js/tokenizer.js and query.js do in the
// browser: the index writer cuts the documents with it, the browser cuts
// the queries. testdata holds the shared vectors that the JavaScript tests
// check against (TestTokenizerVectors, TestQueryVectors).
package tokenize

import (
	"strings"
	"unicode/utf8"
)

// maxWord is the longest word key, in code points; longer words are indexed
// by their first maxWord code points.
const maxWord = 32

// A Unit is one searchable unit of folded text: a Han character or a word (a
// run of letters, or a run of ASCII digits).
type Unit struct {
	Text   string // folded text
	Han    bool
	Joined bool // a Han unit directly after another Han unit, nothing between
	Start  int  // byte span in the source string
	End    int
}

// unitScanner turns folded code points into units without allocating for
// Han characters.
type unitScanner struct {
	f        folder
	word     []rune
	wordCls  int
	wordA    int
	wordB    int
	prevHan  bool
	pendHan  bool // a Han unit is waiting to be returned after a flushed word
	pendR    rune
	pendA    int
	pendB    int
	pendJoin bool
	done     bool
}

// scanned is one unit as seen by the indexer: Han units carry the code point,
// words their runes in word.
type scanned struct {
	han    bool
	r      rune
	joined bool
	word   []rune
	a, b   int
}

func (u *unitScanner) reset(s string) {
	u.f.reset(s)
	u.word = u.word[:0]
	u.prevHan, u.pendHan, u.done = false, false, false
}

// next returns the next unit; the word slice is valid until the next call.
func (u *unitScanner) next() (sc scanned, ok bool) {
	if u.pendHan {
		u.pendHan = false
		return scanned{han: true, r: u.pendR, joined: u.pendJoin, a: u.pendA, b: u.pendB}, true
	}
	for !u.done {
		r, a, b, more := u.f.next()
		if !more {
			u.done = true
			break
		}
		cls := classOf(r)
		switch cls {
		case classIgnore:
			continue
		case classHan:
			joined := u.prevHan
			u.prevHan = true
			if len(u.word) > 0 {
				w := u.flushWord()
				u.pendHan, u.pendR, u.pendA, u.pendB, u.pendJoin = true, r, a, b, joined
				return w, true
			}
			return scanned{han: true, r: r, joined: joined, a: a, b: b}, true
		case classLetter, classDigit:
			u.prevHan = false
			if len(u.word) > 0 && cls != u.wordCls {
				w := u.flushWord()
				u.startWord(r, cls, a, b)
				return w, true
			}
			if len(u.word) == 0 {
				u.startWord(r, cls, a, b)
			} else {
				u.word = append(u.word, r)
				u.wordB = b
			}
		default:
			u.prevHan = false
			if len(u.word) > 0 {
				return u.flushWord(), true
			}
		}
	}
	if len(u.word) > 0 {
		return u.flushWord(), true
	}
	return scanned{}, false
}

func (u *unitScanner) startWord(r rune, cls, a, b int) {
	u.word = append(u.word[:0], r)
	u.wordCls, u.wordA, u.wordB = cls, a, b
}

// flushWord returns the pending word and empties it. The returned slice
// aliases u.word's array, which is only overwritten by a later startWord.
func (u *unitScanner) flushWord() scanned {
	w := scanned{word: u.word, a: u.wordA, b: u.wordB}
	u.word = u.word[len(u.word):]
	return w
}

// Units splits s into units.
func Units(s string) []Unit {
	var us unitScanner
	us.reset(s)
	var out []Unit
	for {
		sc, ok := us.next()
		if !ok {
			return out
		}
		if sc.han {
			out = append(out, Unit{Text: string(sc.r), Han: true, Joined: sc.joined, Start: sc.a, End: sc.b})
		} else {
			out = append(out, Unit{Text: string(sc.word), Start: sc.a, End: sc.b})
		}
	}
}

// Keys returns the index keys of s in order: for every Han unit the bigram
// it starts with its joined successor, or the character alone when it ends a
// run; for every word the word (cut to maxWord code points). Each Han
// occurrence thus yields exactly one key beginning with it, so a one-character
// query is the union of the keys that start with that character.
func Keys(s string) []string {
	us := Units(s)
	var out []string
	for i, u := range us {
		switch {
		case !u.Han:
			out = append(out, wordKey(u.Text))
		case i+1 < len(us) && us[i+1].Han && us[i+1].Joined:
			out = append(out, u.Text+us[i+1].Text)
		default:
			out = append(out, u.Text)
		}
	}
	return out
}

// wordKey cuts a word to maxWord code points.
func wordKey(w string) string {
	n := 0
	for i := range w {
		if n == maxWord {
			return w[:i]
		}
		n++
	}
	return w
}

// foldString returns the folded form of s: NFKC, lower case, ignorable characters
// removed, every separator run replaced by one space, trimmed.
func foldString(s string) string {
	var b strings.Builder
	var f folder
	f.reset(s)
	space := false
	for {
		r, _, _, ok := f.next()
		if !ok {
			break
		}
		switch classOf(r) {
		case classIgnore:
		case classSep:
			space = true
		default:
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Len16 returns the length of s in UTF-16 code units, as JavaScript counts
// string indexes.
func Len16(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 && r <= utf8.MaxRune {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// IsHan reports whether a folded code point is a Han character: one unit,
// joined into bigrams with its neighbours.
func IsHan(r rune) bool { return classOf(r) == classHan }
