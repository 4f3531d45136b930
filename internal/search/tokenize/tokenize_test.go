package tokenize

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// unitsString renders units compactly: Han units joined to the previous one
// are written without a separator, others after a "|".
func unitsString(us []Unit) string {
	var b strings.Builder
	for i, u := range us {
		if i > 0 && !u.Joined {
			b.WriteByte('|')
		}
		b.WriteString(u.Text)
	}
	return b.String()
}

func TestUnits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"中华人民共和国数据安全法", "中华人民共和国数据安全法"},
		{"党员大会、党小组会", "党员大会|党小组会"},
		{"第12条", "第|12|条"},
		{"ＡＢＣ１２３ｄｅｆ", "abc|123|def"},
		{"GB/T 2312-80", "gb|t|2312|80"},
		{"　全角空格　", "全角空格"},
		{"e\u0301te\u0301", "été"}, // combining marks compose
		{"İSTANBUL", "istanbul"},   // U+0130 lowers to i
		{"㈠ ①", "一|1"},             // compatibility forms
		{"⼀ 﨑", "一|﨑"},             // Kangxi radical to ideograph; U+FA11 is its own ideograph
		{"𠀀𠀁字", "𠀀𠀁字"},             // CJK extension B joins like any Han
		{"数\u200b据", "数据"},         // zero-width space ignored
		{"葛\U000E0100藤", "葛藤"},     // variation selector ignored
		{"不当得利 无因管理", "不当得利|无因管理"}, // no stop words
		{"👍家人🇨🇳", "家人"},            // emoji separate
		{"<b>粗体</b>", "b|粗体|b"},
		{"abc\xffdef", "abc|def"}, // invalid UTF-8 is a separator
	}
	for _, tt := range tests {
		if got := unitsString(Units(tt.in)); got != tt.want {
			t.Errorf("Units(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestKeys(t *testing.T) {
	tests := []struct{ in, want string }{
		{"数据安全法", "数据 据安 安全 全法 法"},
		{"党，政", "党 政"},
		{"第12条", "第 12 条"},
		{"𠀀𠀁", "𠀀𠀁 𠀁"},
		{strings.Repeat("x", 40), strings.Repeat("x", 32)},
	}
	for _, tt := range tests {
		if got := strings.Join(Keys(tt.in), " "); got != tt.want {
			t.Errorf("Keys(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnitSpans(t *testing.T) {
	s := "第一条　ＡＢ数据"
	var got []string
	for _, u := range Units(s) {
		got = append(got, s[u.Start:u.End])
	}
	if want := "第 一 条 ＡＢ 数 据"; strings.Join(got, " ") != want {
		t.Errorf("spans %q, want %q", got, want)
	}
}

// TestFastFoldIsNFKC checks that every code point with a fixed folding rule
// folds as NFKC plus lower case would.
func TestFastFoldIsNFKC(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		f, ok := fastFold(r)
		if !ok {
			continue
		}
		n := []rune(norm.NFKC.String(string(r)))
		if len(n) != 1 || lower(n[0]) != f {
			t.Errorf("fastFold(%U) = %U, NFKC gives %q", r, f, string(n))
		}
		if !norm.NFC.IsNormalString(string(r)+"\u0301") && r >= 0x80 && r != 0x3000 && (r < 0xFF01 || r > 0xFF5E) {
			t.Errorf("%U composes with a following mark but is treated as fast", r)
		}
	}
}

// TestJSTablesMatch checks that tokenizer.js holds the same range tables.
func TestJSTablesMatch(t *testing.T) {
	src, err := os.ReadFile("../../../static/js/tokenizer.js")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string][][2]rune{"HAN_RANGES": hanRanges, "IGNORE_RANGES": ignoreRanges, "SEP_RANGES": sepRanges} {
		m := regexp.MustCompile(`var ` + name + ` = \[([^\]]*)\]`).FindSubmatch(src)
		if m == nil {
			t.Fatalf("%s not found in tokenizer.js", name)
		}
		var got []rune
		for _, f := range regexp.MustCompile(`0x[0-9A-Fa-f]+`).FindAll(m[1], -1) {
			v, _ := strconv.ParseInt(string(f[2:]), 16, 32)
			got = append(got, rune(v))
		}
		var flat []rune
		for _, r := range want {
			flat = append(flat, r[0], r[1])
		}
		if string(got) != string(flat) {
			t.Errorf("%s in tokenizer.js differs from classes.go", name)
		}
	}
}

func TestClassesSorted(t *testing.T) {
	for _, rs := range [][][2]rune{hanRanges, ignoreRanges, sepRanges} {
		for i, r := range rs {
			if r[0] > r[1] || (i > 0 && rs[i-1][1] >= r[0]) {
				t.Errorf("range %X-%X out of order", r[0], r[1])
			}
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range handInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		us := Units(s)
		prevStart, prevEnd := 0, 0
		for i, u := range us {
			if u.Text == "" || u.Start < 0 || u.End > len(s) || u.Start >= u.End {
				t.Fatalf("bad unit %d %+v of %q", i, u, s)
			}
			if u.Start < prevStart || u.End < prevEnd {
				t.Fatalf("units out of order: %+v after %d-%d", u, prevStart, prevEnd)
			}
			if u.Han != (utf8.RuneCountInString(u.Text) == 1 && classOf([]rune(u.Text)[0]) == classHan) {
				t.Fatalf("Han flag wrong for %+v", u)
			}
			if u.Joined && (!u.Han || i == 0 || !us[i-1].Han) {
				t.Fatalf("joined flag wrong for %+v", u)
			}
			prevStart, prevEnd = u.Start, u.End
		}
		if ks := Keys(s); len(ks) != len(us) {
			t.Fatalf("%d keys for %d units", len(ks), len(us))
		}
		// Folding is idempotent on the folded text.
		folded := foldString(s)
		if again := foldString(folded); again != folded && utf8.ValidString(s) {
			t.Fatalf("Fold not idempotent: %q -> %q -> %q", s, folded, again)
		}
	})
}

// scanKeys runs the indexer's key scanner over s and spells the keys.
func scanKeys(s string) []string {
	var out, words []string
	ks := KeyScanner{Words: func(w []rune) uint64 {
		words = append(words, string(w))
		return 1<<63 | uint64(len(words)-1)
	}}
	ks.Scan(s)
	for _, k := range ks.Keys {
		if k&(1<<63) != 0 {
			out = append(out, words[k&^(1<<63)])
			continue
		}
		c1, c2 := rune(k>>21), rune(k&(1<<21-1))
		if c2 == 0 {
			out = append(out, string(c1))
		} else {
			out = append(out, string([]rune{c1, c2}))
		}
	}
	return out
}

func TestKeyScannerMatchesKeys(t *testing.T) {
	inputs := []string{strings.Repeat("x", 40), "长词 " + strings.Repeat("ab1", 20)}
	for _, in := range allInputs() {
		inputs = append(inputs, string(utf16.Decode(in)))
	}
	for _, s := range inputs {
		if got, want := strings.Join(scanKeys(s), " "), strings.Join(Keys(s), " "); got != want {
			t.Errorf("key scanner on %q:\n got %q\nwant %q", s, got, want)
		}
	}
}

func FuzzKeyScanner(f *testing.F) {
	for _, s := range handInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := strings.Join(scanKeys(s), " "), strings.Join(Keys(s), " "); got != want {
			t.Fatalf("key scanner on %q:\n got %q\nwant %q", s, got, want)
		}
	})
}

// TestDecodeRuneMatchesUTF8 checks DecodeRune and Decode3, which the index's
// hot loops decode with, against package utf8 on every three-byte string
// that starts with a lead byte of a three-byte sequence, and on short
// strings: valid, overlong, surrogate, truncated and stray bytes alike.
func TestDecodeRuneMatchesUTF8(t *testing.T) {
	check := func(s string) {
		r, size := DecodeRune(s, 0)
		if wr, wsize := utf8.DecodeRuneInString(s); r != wr || size != wsize {
			t.Fatalf("DecodeRune(%x) = %U, %d; want %U, %d", s, r, size, wr, wsize)
		}
		if r3, ok := Decode3(s, 0); ok != (size == 3) || ok && r3 != r {
			t.Fatalf("Decode3(%x) = %U, %v; DecodeRune gives %U, %d", s, r3, ok, r, size)
		}
	}
	for c0 := 0xC0; c0 <= 0xFF; c0++ {
		for c1 := range 256 {
			check(string([]byte{byte(c0), byte(c1)}))
			for c2 := range 256 {
				check(string([]byte{byte(c0), byte(c1), byte(c2), 'x'}))
			}
		}
	}
	for c := range 256 {
		check(string([]byte{byte(c)}))
	}
}

// TestSimplifiedMatchesPairs checks simplified, which looks a character up
// only when its bit is set, against the pairs of t2s_table.go, on every
// code point of the Han blocks it covers and around them.
func TestSimplifiedMatchesPairs(t *testing.T) {
	want := map[rune]rune{}
	for s := t2sPairs; s != ""; {
		tr, n := utf8.DecodeRuneInString(s)
		simp, m := utf8.DecodeRuneInString(s[n:])
		want[tr] = simp
		s = s[n+m:]
	}
	for r := rune(t2sLo - 100); r <= t2sHi+100; r++ {
		w, ok := want[r]
		if !ok {
			w = r
		}
		if got := simplified(r); got != w {
			t.Fatalf("simplified(%c U+%04X) = %c, want %c", r, r, got, w)
		}
	}
}
