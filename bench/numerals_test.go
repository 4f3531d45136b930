package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestChineseNumeral(t *testing.T) {
	cases := map[int]string{
		0: "零", 1: "一", 9: "九", 10: "十", 11: "十一", 19: "十九", 20: "二十", 21: "二十一", 99: "九十九",
		100: "一百", 101: "一百零一", 110: "一百一十", 111: "一百一十一", 119: "一百一十九", 200: "二百",
		212: "二百一十二", 300: "三百", 305: "三百零五", 999: "九百九十九", 1000: "一千", 1001: "一千零一",
		1010: "一千零一十", 1100: "一千一百", 1260: "一千二百六十", 2928: "二千九百二十八", 10000: "一万",
		10001: "一万零一", 10010: "一万零一十", 10100: "一万零一百", 12345: "一万二千三百四十五", 20000: "二万",
	}
	for n, want := range cases {
		if got := chineseNumeral(n); got != want {
			t.Errorf("chineseNumeral(%d) = %q, want %q", n, got, want)
		}
	}
	if got := articleLabel(101); got != "第一百零一条" {
		t.Errorf("articleLabel(101) = %q", got)
	}
	if got := itemLabel(12); got != "（十二）" {
		t.Errorf("itemLabel(12) = %q", got)
	}
}

// TestChineseNumeralRoundTrip parses every numeral back.
func TestChineseNumeralRoundTrip(t *testing.T) {
	seen := map[string]int{}
	for n := 1; n <= 30000; n++ {
		s := chineseNumeral(n)
		if got := parseNumeral(s); got != n {
			t.Fatalf("parseNumeral(chineseNumeral(%d) = %q) = %d", n, s, got)
		}
		if m, dup := seen[s]; dup {
			t.Fatalf("%d and %d are both %q", m, n, s)
		}
		seen[s] = n
	}
}

// TestNumeralsMatchRealLaws checks that every article number in the
// real law corpus is spelled the way chineseNumeral spells it.
func TestNumeralsMatchRealLaws(t *testing.T) {
	dir := defaultTrain()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no real corpus at %s", dir)
	}
	re := regexp.MustCompile(`(?m)^\*\*第([零一二三四五六七八九十百千]+)条\*\*`)
	checked := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(path, ".md") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range re.FindAllSubmatch(data, -1) {
			real := string(m[1])
			if got := chineseNumeral(parseNumeral(real)); got != real {
				t.Errorf("%s: real 第%s条, chineseNumeral writes 第%s条", path, real, got)
			}
			checked++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 1000 {
		t.Fatalf("only %d article numbers found in %s", checked, dir)
	}
}

// parseNumeral reads a Chinese numeral below 10^8, independently of
// the writer under test.
func parseNumeral(s string) int {
	digits := map[rune]int{'零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	units := map[rune]int{'十': 10, '百': 100, '千': 1000}
	total, section, digit := 0, 0, 0
	for _, r := range s {
		switch {
		case r == '万':
			total += (section + digit) * 10000
			section, digit = 0, 0
		case units[r] > 0:
			if digit == 0 {
				digit = 1 // 十 alone means 一十
			}
			section += digit * units[r]
			digit = 0
		default:
			digit = digits[r]
		}
	}
	return total + section + digit
}
