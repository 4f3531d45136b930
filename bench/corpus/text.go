package corpus

import (
	"math/rand/v2"
	"strings"
)

// textSource writes the prose of articles: whole paragraphs, and the
// enumerated items that follow a paragraph ending in a colon.
type textSource interface {
	clause(r *rand.Rand) string
	item(r *rand.Rand) string
}

// markovSource draws paragraphs from models trained on real laws.
type markovSource struct{ clauses, items *markov }

func (s markovSource) clause(r *rand.Rand) string { return balanced(r, s.clauses, 150) }
func (s markovSource) item(r *rand.Rand) string   { return balanced(r, s.items, 50) }

// balanced draws up to four paragraphs from m and returns the first
// whose brackets （） and 《》 pair up, or else the last one drawn.
func balanced(r *rand.Rand, m *markov, softMax int) string {
	var p string
	for range 4 {
		p = m.paragraph(r, softMax)
		if pairsUp(p) {
			break
		}
	}
	return p
}

// pairsUp reports whether every （ and 《 in s is closed in order.
func pairsUp(s string) bool {
	var open []rune
	for _, c := range s {
		switch c {
		case '（', '《':
			open = append(open, c)
		case '）', '》':
			want := '（'
			if c == '》' {
				want = '《'
			}
			if len(open) == 0 || open[len(open)-1] != want {
				return false
			}
			open = open[:len(open)-1]
		}
	}
	return len(open) == 0
}

// phraseSource composes paragraphs from the built-in vocabulary. It is
// the fallback when no training corpus can be read.
type phraseSource struct{}

func (phraseSource) clause(r *rand.Rand) string {
	var b strings.Builder
	if r.IntN(3) == 0 {
		b.WriteString(pick(r, adverbials))
		b.WriteString("，")
	}
	writeAction(&b, r)
	for range r.IntN(3) {
		b.WriteString("，")
		b.WriteString(pick(r, verbs))
		b.WriteString(pick(r, objects))
	}
	switch r.IntN(6) {
	case 0:
		b.WriteString("；")
		b.WriteString(pick(r, conditions))
		b.WriteString("，")
		b.WriteString(pick(r, penalties))
		b.WriteString("。")
	case 1:
		b.WriteString("，应当包括下列内容：")
	default:
		b.WriteString("。")
	}
	return b.String()
}

func (phraseSource) item(r *rand.Rand) string {
	if r.IntN(2) == 0 {
		return pick(r, verbs) + pick(r, objects) + "的；"
	}
	return pick(r, objects) + "和" + pick(r, objects) + "；"
}

// writeAction writes subject, modal, verb and object: 审计机关应当加强预算执行情况.
func writeAction(b *strings.Builder, r *rand.Rand) {
	b.WriteString(pick(r, subjects))
	b.WriteString(pick(r, modals))
	b.WriteString(pick(r, verbs))
	b.WriteString(pick(r, objects))
}

// pick returns a random element of list.
func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// templateSentence writes one of the stock sentences of regulations,
// with self naming the document (法, 条例, 办法…) and cite the title of
// another document in the library.
func templateSentence(r *rand.Rand, self, cite string) string {
	var b strings.Builder
	switch r.IntN(7) {
	case 0:
		b.WriteString("本" + self + "所称" + pick(r, objects) + "，是指" + pick(r, subjects) + "依照本" + self + "规定" + pick(r, verbs) + pick(r, objects) + "的活动。")
	case 1:
		b.WriteString("违反本" + self + "规定，" + pick(r, subjects) + "未按照规定" + pick(r, verbs) + pick(r, objects) + "的，由" + pick(r, subjects) + "责令改正；" + pick(r, conditions) + "，" + pick(r, penalties) + "。")
	case 2:
		b.WriteString(pick(r, adverbials) + "，")
		writeAction(&b, r)
		b.WriteString("，并向" + pick(r, subjects) + "报告。")
	case 3:
		b.WriteString("党员领导干部" + pick(r, conditions[len(conditions)-3:]) + "，依照《中国共产党纪律处分条例》给予" + pick(r, []string{"警告", "严重警告", "撤销党内职务", "留党察看"}) + "处分。")
	case 4:
		b.WriteString(pick(r, subjects) + "应当按照《" + cite + "》的规定，" + pick(r, verbs) + pick(r, objects) + "。")
	case 5:
		b.WriteString(pick(r, subjects) + "应当建立" + pick(r, objects) + "工作机制，明确责任分工，" + pick(r, verbs) + pick(r, objects) + "。")
	default:
		writeAction(&b, r)
		b.WriteString("，" + pick(r, verbs) + pick(r, objects) + "。")
	}
	return b.String()
}
