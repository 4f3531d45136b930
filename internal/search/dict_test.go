package search

import (
	"strings"
	"testing"
)

func TestSeparator(t *testing.T) {
	for _, c := range []struct{ prev, next, want string }{
		{"", "三会", "三"},
		{"一二", "三会", "三"},
		{"三", "三会", "三会"},
		{"abc", "abd", "abd"},
		{"=全国人民代表大会常务委员会关于加强人民法院", "=全国人民代表大会常务委员会关于加强危险化学品", "=全国人民代表大会常务委员会关于加强危"},
		{"=中国", "=党内法规执行", "=党"},
		{"zz", "一", "一"},
		{"a\u00e9", "a\u00e9\U00020000b", "a\u00e9\U00020000"},
		{"\uffff", "\U00020000", "\U00020000"}, // differ in the first byte of a code point
		{"\u4e00", "\u4e01", "\u4e01"},         // differ in the last byte of a code point
	} {
		got := separator(c.prev, c.next)
		if got != c.want {
			t.Errorf("separator(%q, %q) = %q, want %q", c.prev, c.next, got, c.want)
		}
		if !(c.prev < got && got <= c.next && strings.HasPrefix(c.next, got)) {
			t.Errorf("separator(%q, %q) = %q is not between them", c.prev, c.next, got)
		}
	}
}
