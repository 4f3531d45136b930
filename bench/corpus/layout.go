package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path"
	"strings"

	"djkb/internal/numerals"
)

// fmKind is the front matter a document carries.
type fmKind int

const (
	fmNone fmKind = iota
	fmYAML
	fmTOML
)

// docPlan is everything decided about a synthetic document before its
// text is written: where it goes, what it is, and how long it gets.
type docPlan struct {
	index        int
	rel          string // path below content/regulations, slash-separated
	cat          category
	meta         docMeta
	issued       civilDate
	effective    civilDate
	status       string
	fm           fmKind
	size         int      // target size in bytes
	tags         []string // 专题
	supersedes   string   // path relative to content/, or ""
	supersededBy string
	replaces     int  // index of the older version, or -1
	paired       bool // one of two versions of a title
}

// fmQuota is how many synthetic documents get each kind of front matter.
type fmQuota struct{ yaml, toml int }

// planLibrary lays out n synthetic documents totalling about budget
// bytes, with titles made of subj.
func planLibrary(r *rand.Rand, n int, budget int64, quota fmQuota, subj titleSubjects) []docPlan {
	cats := categories()
	sizes := planSizes(r, n, budget)
	fms := make([]fmKind, n)
	for i, j := range r.Perm(n) {
		switch {
		case i < quota.yaml:
			fms[j] = fmYAML
		case i < quota.yaml+quota.toml:
			fms[j] = fmTOML
		}
	}
	used := map[string]bool{}
	plans := make([]docPlan, n)
	for i := range plans {
		p := &plans[i]
		p.index, p.size, p.fm, p.replaces = i, sizes[i], fms[i], -1
		p.cat = pickCategory(r, cats)
		if i > 20 && r.IntN(100) < 5 && duplicateOf(r, plans, p, cats, subj) {
			// A second version of an earlier title, in another folder.
		} else {
			p.issued = randomDate(r, firstYear(p.cat.kind))
			p.meta = newMeta(r, p.cat, p.issued, subj)
			p.status = randomStatus(r)
		}
		p.effective = effectiveAfter(r, p.issued)
		if p.effective.before(p.issued) || lastDate.before(p.effective) {
			p.effective = p.issued
		}
		p.tags = pickTags(r, p.cat.kind)
		p.rel = uniquePath(used, p.cat.dir, fileName(r, p.meta.title, p.issued))
	}
	for i := range plans { // link versions once every path is known
		p := &plans[i]
		if p.replaces >= 0 {
			older := &plans[p.replaces]
			p.supersedes = "regulations/" + older.rel
			older.supersededBy = "regulations/" + p.rel
		}
	}
	return plans
}

// duplicateOf makes p a newer (or older) version of a random earlier
// document of the same kind kept in another folder. It reports false
// if no other folder holds that kind.
func duplicateOf(r *rand.Rand, plans []docPlan, p *docPlan, cats []category, subj titleSubjects) bool {
	j := r.IntN(p.index)
	src := &plans[j]
	var others []category
	for _, c := range cats {
		if c.kind == src.cat.kind && c.dir != src.cat.dir {
			others = append(others, c)
		}
	}
	if len(others) == 0 || src.paired {
		return false
	}
	p.cat = others[r.IntN(len(others))]
	gap := 365 + r.IntN(9*365)
	p.issued = src.issued.addDays(gap)
	newer, older := p, src
	if lastDate.before(p.issued) {
		p.issued = src.issued.addDays(-gap)
		newer, older = src, p
	}
	p.meta = newMeta(r, p.cat, p.issued, subj)
	p.meta.title, p.meta.form, p.meta.prose = src.meta.title, src.meta.form, src.meta.prose
	newer.status, older.status = "现行有效", "已修改"
	newer.replaces = older.index
	p.paired, src.paired = true, true
	return true
}

// planSizes draws n sizes skewed like a real library (most 5–30 KB, a
// few 200 KB–1 MB) and scales them to add up to about budget.
func planSizes(r *rand.Rand, n int, budget int64) []int {
	raw := make([]float64, n)
	var sum float64
	for i := range raw {
		if r.Float64() < 0.008 {
			raw[i] = math.Exp(math.Log(200e3) + r.Float64()*math.Log(5))
		} else {
			raw[i] = min(max(11000*math.Exp(0.6*r.NormFloat64()), 1500), 150e3)
		}
		sum += raw[i]
	}
	sizes := make([]int, n)
	for i, v := range raw {
		sizes[i] = int(v * float64(budget) / sum)
	}
	return sizes
}

// pickCategory draws a folder by weight.
func pickCategory(r *rand.Rand, cats []category) category {
	total := 0
	for _, c := range cats {
		total += c.weight
	}
	u := r.IntN(total)
	for _, c := range cats {
		if u < c.weight {
			return c
		}
		u -= c.weight
	}
	return cats[len(cats)-1]
}

// firstYear is the earliest issue year for a kind of rule.
func firstYear(k docKind) int {
	switch k {
	case kindLaw, kindAdmin:
		return 1979
	case kindParty, kindJudicial, kindDept, kindLocal:
		return 1990
	}
	return 2005
}

// randomStatus draws a 效力状态, mostly 现行有效.
func randomStatus(r *rand.Rand) string {
	switch u := r.IntN(100); {
	case u < 88:
		return "现行有效"
	case u < 93:
		return "已废止"
	case u < 96:
		return "宣布失效"
	case u < 98:
		return "已修改"
	}
	return "尚未施行"
}

// pickTags draws one to three distinct 专题 tags.
func pickTags(r *rand.Rand, k docKind) []string {
	pool := stateTags
	if k == kindParty || k == kindPartyNorm || k == kindUnit {
		pool = partyTags
	}
	var tags []string
	for _, i := range r.Perm(len(pool))[:1+r.IntN(3)] {
		tags = append(tags, pool[i])
	}
	return tags
}

// fileName names a document the way offices save them:
// 标题（2019年修订）(2019-07-25).md, sometimes with a space before the
// date, sometimes without any date.
func fileName(r *rand.Rand, title string, issued civilDate) string {
	name := title
	if u := r.IntN(100); u < 12 {
		name += fmt.Sprintf("（%d年%s）", issued.y, pick(r, []string{"修订", "修正"}))
	}
	date := "(" + issued.iso() + ")"
	switch u := r.IntN(100); {
	case u < 6:
		return name + ".md"
	case u < 14:
		return name + " " + date + ".md"
	}
	return name + date + ".md"
}

// uniquePath joins dir and name, adding （二）, （三）… before .md if
// the path is already taken.
func uniquePath(used map[string]bool, dir, name string) string {
	p := path.Join(dir, name)
	base := strings.TrimSuffix(p, ".md")
	for k := 2; used[p]; k++ {
		p = base + "（" + numerals.Chinese(k) + "）.md"
	}
	used[p] = true
	return p
}
