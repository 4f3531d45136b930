// Package numerals writes and reads Chinese numerals as laws and
// regulations use them: 第一百零一条, 第十二章, （三）.
package numerals

import "strings"

// cnDigits are the Chinese digits 零 to 九 as used in article numbers.
var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// cnUnits are the place units of a four-digit group, from the units up.
var cnUnits = []string{"", "十", "百", "千"}

// Chinese writes n (n >= 0) the way Chinese legal texts number
// articles, chapters and items: 十一, 一百零一, 二百一十二, 一千零一十, 一万零五.
// A leading 一十 is shortened to 十, as in 第十条 and 第十九条.
func Chinese(n int) string {
	if n == 0 {
		return cnDigits[0]
	}
	var b strings.Builder
	if n >= 10000 {
		b.WriteString(Chinese(n / 10000))
		b.WriteString("万")
		rest := n % 10000
		if rest == 0 {
			return b.String()
		}
		if rest < 1000 {
			b.WriteString(cnDigits[0])
		}
		writeGroup(&b, rest, false)
		return b.String()
	}
	writeGroup(&b, n, true)
	return b.String()
}

// writeGroup writes 1 <= n <= 9999. When leading is true the number
// starts the numeral, so 10–19 are written 十…, not 一十….
func writeGroup(b *strings.Builder, n int, leading bool) {
	digits := [4]int{n % 10, n / 10 % 10, n / 100 % 10, n / 1000}
	started, zero := false, false
	for pos := 3; pos >= 0; pos-- {
		d := digits[pos]
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString(cnDigits[0])
			zero = false
		}
		if !(pos == 1 && d == 1 && !started && leading) {
			b.WriteString(cnDigits[d])
		}
		b.WriteString(cnUnits[pos])
		started = true
	}
}

// Parse reads a Chinese numeral below 10^8 (一百零一 → 101; 十 alone is
// 一十). It works digit by digit, independently of Chinese, which the
// tests check it against.
func Parse(s string) int {
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
