package numerals

import "testing"

func TestChinese(t *testing.T) {
	cases := map[int]string{
		0: "零", 1: "一", 9: "九", 10: "十", 11: "十一", 19: "十九", 20: "二十", 21: "二十一", 99: "九十九",
		100: "一百", 101: "一百零一", 110: "一百一十", 111: "一百一十一", 119: "一百一十九", 200: "二百",
		212: "二百一十二", 300: "三百", 305: "三百零五", 999: "九百九十九", 1000: "一千", 1001: "一千零一",
		1010: "一千零一十", 1100: "一千一百", 1260: "一千二百六十", 2928: "二千九百二十八", 10000: "一万",
		10001: "一万零一", 10010: "一万零一十", 10100: "一万零一百", 12345: "一万二千三百四十五", 20000: "二万",
	}
	for n, want := range cases {
		if got := Chinese(n); got != want {
			t.Errorf("Chinese(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestRoundTrip parses every numeral back.
func TestRoundTrip(t *testing.T) {
	seen := map[string]int{}
	for n := 1; n <= 30000; n++ {
		s := Chinese(n)
		if got := Parse(s); got != n {
			t.Fatalf("Parse(Chinese(%d) = %q) = %d", n, s, got)
		}
		if m, dup := seen[s]; dup {
			t.Fatalf("%d and %d are both %q", m, n, s)
		}
		seen[s] = n
	}
}
