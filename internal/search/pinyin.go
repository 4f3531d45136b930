package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"

	"djkb/internal/search/tokenize"
)

// A query typed in Latin letters that finds nothing as it is may be pinyin:
// shyk for 三会一课, dangjian for 党建. py.js lists the phrases that pinyin
// can name: glossary terms, tags, and the titles (as tokenize.TitleKey
// folds them) cut at 关于, 的 and the like, with the readings of their
// characters, every reading of a 多音字. The page loads it only for such a
// query, finds the phrases whose initials or syllables spell it, and
// searches the best one (engine.js pinyin). Body text is left out: its
// pinyin would be noise.

// titleCuts are where a title splits into phrases a person would type.
var titleCuts = strings.NewReplacer("关于", " ", "的", " ", "和", " ", "与", " ", "及", " ", "暨", " ")

// Phrases are 2 to maxPhrase Han characters.
const maxPhrase = 16

// pinyinData returns py.js's payload: [how many phrases are terms, the
// phrases (terms, that is glossary and tags, first; see frontCode), "char
// reading reading|char reading…"].
func pinyinData(docs []Doc, terms []string) []any {
	seen := map[string]bool{}
	var phrases []string
	add := func(p string) {
		n := utf8.RuneCountInString(p)
		if n < 2 || n > maxPhrase || seen[p] {
			return
		}
		for _, r := range p {
			if !hanRune(r) {
				return
			}
		}
		seen[p] = true
		phrases = append(phrases, p)
	}
	for _, t := range terms {
		add(tokenize.TitleKey(t))
	}
	for i := range docs {
		for _, t := range docs[i].Facets["tags"] {
			add(tokenize.TitleKey(t))
		}
	}
	nTerms := len(phrases)
	for i := range docs {
		key := tokenize.TitleKey(docs[i].Title)
		add(key)
		for _, p := range strings.Fields(titleCuts.Replace(key)) {
			add(p)
		}
	}
	slices.Sort(phrases[nTerms:])
	chars := map[rune]bool{}
	for _, p := range phrases {
		for _, r := range p {
			chars[r] = true
		}
	}
	order := make([]rune, 0, len(chars))
	for r := range chars {
		order = append(order, r)
	}
	slices.Sort(order)
	args := pinyin.Args{Style: pinyin.Normal, Heteronym: true}
	var readings strings.Builder
	for _, r := range order {
		rs := pinyin.SinglePinyin(r, args)
		if len(rs) == 0 {
			continue
		}
		if readings.Len() > 0 {
			readings.WriteByte('|')
		}
		readings.WriteRune(r)
		for _, py := range dedupe(rs) {
			readings.WriteByte(' ')
			readings.WriteString(py)
		}
	}
	return []any{nTerms, frontCode(phrases), readings.String()}
}

// frontCode joins phrases with spaces, each written as the number of
// leading characters it shares with the one before ('0' + n) and the rest:
// the sorted titles share much.
func frontCode(phrases []string) string {
	var b strings.Builder
	var prev []rune
	for i, p := range phrases {
		rs := []rune(p)
		n := 0
		for n < len(rs) && n < len(prev) && rs[n] == prev[n] {
			n++
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(byte('0' + n))
		b.WriteString(string(rs[n:]))
		prev = rs
	}
	return b.String()
}

func hanRune(r rune) bool { return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF }

func dedupe(s []string) []string {
	var out []string
	for _, x := range s {
		if !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}
