package tokenize

import "testing"

func TestNormalizeNumbers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"第12条", "第十二条"},
		{"第 12 条", "第十二条"},
		{"第１２条", "第十二条"},
		{"第105条第二款", "第一百零五条第二款"},
		{"第3章", "第三章"},
		{"第0条", "第0条"},
		{"12条", "12条"},
		{"二〇一九年", "2019年"},
		{"二○一九年", "2019年"},
		{"二〇一九", "二〇一九"},
		{"中办发〔2019〕12号", "中办发〔2019〕12号"},
	} {
		if got := NormalizeNumbers(c.in); got != c.want {
			t.Errorf("NormalizeNumbers(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestWenhaoForms checks that a 文号 typed with any common brackets parses
// to the same query.
func TestWenhaoForms(t *testing.T) {
	want := ParseQuery("中办发〔2019〕12号")
	for _, q := range []string{"中办发[2019]12号", "中办发（2019）12号", "中办发【2019】12号", "中办发(2019)12号", "中办发〔２０１９〕１２号"} {
		if got := ParseQuery(q); !sameQuery(got, want) {
			t.Errorf("ParseQuery(%q) differs from 〔2019〕: %+v", q, got)
		}
	}
	if !sameQuery(ParseQuery("第 12 条"), ParseQuery("第十二条")) || !sameQuery(ParseQuery("第12条"), ParseQuery("第十二条")) {
		t.Error("第12条 and 第 12 条 do not parse as 第十二条")
	}
}

func sameQuery(a, b Query) bool {
	if len(a.Terms) != len(b.Terms) {
		return false
	}
	for i := range a.Terms {
		if !sameUnits(a.Terms[i].Units, b.Terms[i].Units) {
			return false
		}
	}
	return true
}
