package tokenize

import (
	"strings"
	"testing"
)

// queryString renders a parsed query: terms separated by " ; ", negative ones
// prefixed by "-", quoted ones wrapped in "".
func queryString(q Query) string {
	var parts []string
	for _, t := range q.Terms {
		s := unitsString(t.Units)
		if t.Quoted {
			s = `"` + s + `"`
		}
		if t.Neg {
			s = "-" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " ; ")
}

func TestParseQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"三会一课", "三会一课"},
		{"数据 安全", "数据 ; 安全"},
		{"数据　安全", "数据 ; 安全"}, // ideographic space separates
		{`"党的 建设" 作风`, `"党的|建设" ; 作风`},
		{"“三会 一课”", `"三会|一课"`},
		{"-反腐 纪律", "-反腐 ; 纪律"},
		{"－作风", "-作风"},
		{"- 作风", "作风"},
		{`-"党的 建设"`, `-"党的|建设"`},
		{"数据,安全", "数据|安全"},
		{"数据 数据", "数据"},
		{"数据 -数据", "数据 ; -数据"},
		{`"unterminated phrase`, `"unterminated|phrase"`},
		{"。。。 ！！", ""},
		{".*+?^${}()|[]\\", ""},
		{"第5条", "第五条"}, // as documents write it (NormalizeNumbers)
	}
	for _, tt := range tests {
		if got := queryString(ParseQuery(tt.in)); got != tt.want {
			t.Errorf("ParseQuery(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseQueryLimits(t *testing.T) {
	q := ParseQuery(strings.Repeat("数据安全 ", 100000))
	if len(q.Terms) != 2 || unitsString(q.Terms[1].Units) != "数" { // the last term is cut
		t.Errorf("repeated term: %q", queryString(q))
	}
	var many []string
	for i := range 40 {
		many = append(many, strings.Repeat("x", i+1))
	}
	if q := ParseQuery(strings.Join(many, " ")); len(q.Terms) != maxTerms {
		t.Errorf("%d terms kept, want %d", len(q.Terms), maxTerms)
	}
	if q := ParseQuery(strings.Repeat("数", 1000)); len(q.Terms[0].Units) != maxTermUnits {
		t.Errorf("%d units kept, want %d", len(q.Terms[0].Units), maxTermUnits)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range handInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q := ParseQuery(s)
		if len(q.Terms) > maxTerms {
			t.Fatalf("%d terms", len(q.Terms))
		}
		for i, term := range q.Terms {
			if len(term.Units) == 0 || len(term.Units) > maxTermUnits {
				t.Fatalf("term %d has %d units", i, len(term.Units))
			}
			for j := range i {
				if q.Terms[j].Neg == term.Neg && sameUnits(q.Terms[j].Units, term.Units) {
					t.Fatalf("duplicate term %d", i)
				}
			}
		}
		// A query rebuilt from the parsed terms parses to the same units.
		var b strings.Builder
		for _, term := range q.Terms {
			if term.Neg {
				b.WriteByte('-')
			}
			b.WriteByte('"')
			for k, u := range term.Units {
				if k > 0 && !u.Joined {
					b.WriteByte(' ')
				}
				b.WriteString(u.Text)
			}
			b.WriteString(`" `)
		}
		if b.Len() > maxQueryRunes { // the rebuilt query may be cut short
			return
		}
		again := ParseQuery(b.String())
		if len(again.Terms) != len(q.Terms) {
			t.Fatalf("reparse of %q gave %d terms, want %d", b.String(), len(again.Terms), len(q.Terms))
		}
	})
}
