package citation

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// mark writes a text with each citation bracketed: ⟦text|what⟧, and each
// article's linked span after it.
func mark(text string, ms []Match) string {
	var b strings.Builder
	at := 0
	for _, m := range ms {
		b.WriteString(text[at:m.Start])
		b.WriteString("⟦" + text[m.Start:m.End] + "|")
		switch m.Kind {
		case Title:
			b.WriteString("题名:" + m.Title)
		case Abbrev:
			b.WriteString("简称:" + m.Word + "=" + m.Title)
		case Self:
			b.WriteString("本文件:" + m.Word)
		case Near:
			b.WriteString("邻近:" + m.Word)
		case DocNumber:
			b.WriteString("文号:" + m.DocNumber + " 机关:" + m.Issuer)
		}
		for _, a := range m.Articles {
			fmt.Fprintf(&b, " %s[%s]", a.Label, text[a.Start:a.End])
			if a.Clause > 0 {
				fmt.Fprintf(&b, "款%d", a.Clause)
			}
			if a.Item > 0 {
				fmt.Fprintf(&b, "项%d", a.Item)
			}
		}
		b.WriteString("⟧")
		at = m.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// TestFormsGolden scans testdata/forms.txt, one document per block, and
// compares the marked text with forms.golden.
func TestFormsGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/forms.txt")
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	forms := 0
	for _, block := range strings.Split(string(data), "\n\n") {
		var s Scanner
		for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			forms++
			out.WriteString(mark(line, s.Scan(line)) + "\n")
		}
		out.WriteString("\n")
	}
	if forms < 60 {
		t.Errorf("testdata/forms.txt 只有 %d 种写法，至少应有 60 种", forms)
	}
	if *update {
		os.WriteFile("testdata/forms.golden", []byte(out.String()), 0o644)
	}
	want, _ := os.ReadFile("testdata/forms.golden")
	if got := out.String(); got != string(want) {
		t.Errorf("识别结果与 testdata/forms.golden 不同：\n%s", got)
	}
}

// FuzzScan: any text scans without panicking, matches are in order within
// the text, do not overlap, and each article's span lies within its match.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"依照《条例》第十二条第二款第（三）项", "本条例第十、十八条", "《甲（以下简称《乙》）", "中办发〔2019〕12号", "前款第（五）项", "《《》》第", "第十条至第", "乙第一条"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var s Scanner
		s.abbrevs = map[string]string{"乙": "甲"}
		end := 0
		for _, m := range s.Scan(text) {
			if m.Start < end || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("%q: 匹配位置不对 %d–%d（上一个止于 %d）", text, m.Start, m.End, end)
			}
			if !utf8.ValidString(text[m.Start:m.End]) && utf8.ValidString(text) {
				t.Fatalf("%q: 匹配切开了字符", text)
			}
			for _, a := range m.Articles {
				if a.Start < m.Start || a.End > m.End || a.End <= a.Start {
					t.Fatalf("%q: 条文位置 %d–%d 不在匹配 %d–%d 之内", text, a.Start, a.End, m.Start, m.End)
				}
			}
			end = m.End
		}
	})
}

// scanOld is Scan as it was before it skipped whole characters: every
// byte tried, after a quick test that the text has a lead character.
func (s *Scanner) scanOld(text string) []Match {
	if !strings.Contains(text, "《") && !strings.Contains(text, "第") && !strings.Contains(text, "前") &&
		!strings.Contains(text, "号") && !strings.Contains(text, "本") {
		return nil
	}
	var out []Match
	for i := 0; i < len(text); {
		if !s.maybeAt(text, i) {
			i++
			continue
		}
		m, ok := s.at(text, i)
		if ok && len(out) > 0 && m.Start < out[len(out)-1].End {
			m.Issuer = m.Issuer[out[len(out)-1].End-m.Start:]
			m.Start = out[len(out)-1].End
			m.DocNumber = NormalDocNumber(text[m.Start:m.End])
			ok = m.Issuer != ""
		}
		if ok {
			out = append(out, m)
			i = m.End
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return out
}

// FuzzScanSame: Scan finds what the byte-by-byte scan found, on any text
// (invalid UTF-8 too), with and without a 简称 defined before.
func FuzzScanSame(f *testing.F) {
	for _, s := range []string{"依照《条例》第十二条第二款第（三）项", "本条例第十、十八条", "《甲（以下简称《乙》）乙第三条", "中办发〔2019〕12号",
		"前款第（五）项", "\xe4\xe7\xac\xac五条规定", "乙\x80第一条", "依照第五条\xff和第六条", "国发[2020]3号文（2019）5号"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, text string, abbrev bool) {
		var s, old Scanner
		if abbrev {
			s.abbrevs, old.abbrevs = map[string]string{"乙": "甲"}, map[string]string{"乙": "甲"}
		}
		got, want := s.Scan(text), old.scanOld(text)
		if fmt.Sprint(got) != fmt.Sprint(want) || fmt.Sprint(s.abbrevs) != fmt.Sprint(old.abbrevs) {
			t.Fatalf("%q:\n得到 %v\n应为 %v", text, got, want)
		}
	})
}
