package tokenize

import "strings"

// Limits that keep hostile queries cheap; static/js/query.js uses the same.
const (
	maxQueryRunes = 256 // code points of the query looked at
	maxTerms      = 16
	maxTermUnits  = 64
)

// A Term is one part of a query: a space-free run of text or a quoted phrase.
// Its units must occur consecutively in a document (Han characters that touch
// in the query must touch in the text). A negative term excludes documents.
type Term struct {
	Units  []Unit
	Neg    bool
	Quoted bool
}

// A Query is a parsed query: every positive term is required.
type Query struct {
	Terms []Term
}

// isQuerySpace reports whether r separates terms: the code points that
// JavaScript's \s matches.
func isQuerySpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
		return true
	}
	return r >= 0x2000 && r <= 0x200A
}

func isQuote(r rune) bool { return r == '"' || r == 0x201C || r == 0x201D || r == 0xFF02 }

func isMinus(r rune) bool { return r == '-' || r == 0xFF0D }

// ParseQuery parses a query the way static/js/query.js does: terms are
// separated by white space; "…" (or “…”) quotes a phrase that may contain
// spaces; a leading - excludes a term. Only the first maxQueryRunes code
// points count; at most maxTerms distinct terms of at most maxTermUnits units
// are kept.
func ParseQuery(q string) Query {
	rs := make([]rune, 0, min(len(q), maxQueryRunes))
	for _, r := range q {
		if len(rs) == maxQueryRunes {
			break
		}
		rs = append(rs, r)
	}
	rs = []rune(NormalizeNumbers(string(rs)))
	var out Query
	for i := 0; i < len(rs) && len(out.Terms) < maxTerms; {
		if isQuerySpace(rs[i]) {
			i++
			continue
		}
		neg := false
		if isMinus(rs[i]) && i+1 < len(rs) && !isQuerySpace(rs[i+1]) {
			neg = true
			i++
		}
		quoted := false
		var text []rune
		if isQuote(rs[i]) {
			quoted = true
			j := i + 1
			for j < len(rs) && !isQuote(rs[j]) {
				j++
			}
			text = rs[i+1 : j]
			i = j + 1
		} else {
			j := i
			for j < len(rs) && !isQuerySpace(rs[j]) {
				j++
			}
			text = rs[i:j]
			i = j
		}
		units := numberUnits(Units(string(text)))
		if len(units) == 0 {
			continue
		}
		if len(units) > maxTermUnits {
			units = units[:maxTermUnits]
		}
		t := Term{Units: units, Neg: neg, Quoted: quoted}
		if !out.has(t) {
			out.Terms = append(out.Terms, t)
		}
	}
	return out
}

// numberUnits normalises the number form its units spell: punctuation that
// Units drops can leave one (第5!条 reads 第 5 条), which the query rebuilt
// from its terms would read as 第五条.
func numberUnits(units []Unit) []Unit {
	var b strings.Builder
	for i, u := range units {
		if i > 0 && !u.Joined {
			b.WriteByte(' ')
		}
		b.WriteString(u.Text)
	}
	if s := b.String(); NormalizeNumbers(s) != s {
		return Units(NormalizeNumbers(s))
	}
	return units
}

// has reports whether q already holds a term with the same units and sign.
func (q Query) has(t Term) bool {
	for _, o := range q.Terms {
		if o.Neg == t.Neg && sameUnits(o.Units, t.Units) {
			return true
		}
	}
	return false
}

func sameUnits(a, b []Unit) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Text != b[i].Text || a[i].Joined != b[i].Joined {
			return false
		}
	}
	return true
}
